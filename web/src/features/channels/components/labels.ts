import type { ChannelProvider, SmtpSecurity } from '../../../gql/graphql';

export const PROVIDER_LABELS: Record<ChannelProvider, string> = { INBOX: 'Flare inbox', SMTP: 'SMTP server', WEBHOOK: 'Webhook' };

export const SECURITY_LABELS: Record<SmtpSecurity, string> = {
  STARTTLS: 'STARTTLS (port 587)',
  TLS: 'TLS from the start (port 465)',
  NONE: 'None (upgraded with STARTTLS if offered)',
};

/** The first problem the server found, when it names one of `fields`: shown on that field rather than in a toast. */
export function fieldProblem<F extends string>(info: { field: string | null; message: string }, fields: readonly F[]): { field: F; message: string } | null {
  return info.field && (fields as readonly string[]).includes(info.field) ? { field: info.field as F, message: info.message } : null;
}

/** A light check before asking the server, which has the final word. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
