import { isIP } from 'node:net';
import { normaliseEmail } from '../customers/customer.rules.js';
import { SmtpSecurity, type SmtpSettings } from './channel.types.js';

export type SettingsProblem = { field: string; reason: string; message: string };
const problem = (field: string, reason: string, message: string): SettingsProblem => ({ field, reason, message });
const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** SMTP settings as the admin typed them, checked and normalised (addresses lower-cased), or the problems. */
export function smtpSettings(input: {
  host: string;
  port: number;
  security: SmtpSecurity;
  username?: string | null;
  fromName: string;
  fromAddress: string;
  replyTo?: string | null;
}): { settings: SmtpSettings } | { problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const host = input.host.trim();
  if (!(HOSTNAME.test(host) || isIP(host))) problems.push(problem('host', 'INVALID_HOST', 'The SMTP host is a host name or an IP address, like smtp.example.com.'));
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535)
    problems.push(problem('port', 'INVALID_PORT', 'The port is a number from 1 to 65535 (usually 587, or 465 with TLS).'));
  const username = input.username?.trim() || null;
  if (username && username.length > 200) problems.push(problem('username', 'TOO_LONG', 'The user name is at most 200 characters.'));
  const fromName = input.fromName.trim();
  if (!fromName || fromName.length > 100) problems.push(problem('fromName', 'INVALID_FROM_NAME', 'Give a sender name of 1–100 characters.'));
  const from = normaliseEmail(input.fromAddress);
  if ('problem' in from) problems.push(problem('fromAddress', 'INVALID_FROM_ADDRESS', 'The sender address is not a valid email address.'));
  const reply = input.replyTo?.trim() ? normaliseEmail(input.replyTo) : null;
  if (reply && 'problem' in reply) problems.push(problem('replyTo', 'INVALID_REPLY_TO', 'The reply-to address is not a valid email address.'));
  if (problems.length > 0) return { problems };
  return {
    settings: {
      host,
      port: input.port,
      security: input.security,
      username,
      fromName,
      fromAddress: (from as { value: string }).value,
      replyTo: reply && 'value' in reply ? reply.value : null,
    },
  };
}

/**
 * A webhook URL Flare may call: https, or http to this machine (a provider running beside Flare in
 * development). No credentials in the URL, at most 2,000 characters.
 */
export function webhookUrlProblem(value: string): SettingsProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem('url', 'INVALID_URL', 'The webhook URL is not a URL.');
  }
  if (value.length > 2_000) return problem('url', 'INVALID_URL', 'The webhook URL is at most 2,000 characters.');
  if (url.username || url.password) return problem('url', 'INVALID_URL', 'Put no credentials in the URL: Flare signs every request instead.');
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return problem('url', 'INSECURE_URL', 'The webhook URL must use https (http only to this machine).');
}

/** The password kept when an edit leaves it out; cleared only when asked. */
export function nextSecret(current: string | null, given: string | null | undefined): string | null {
  return given === undefined || given === null ? current : given === '' ? null : given;
}
