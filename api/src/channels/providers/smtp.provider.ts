import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { SmtpSecurity, type OutgoingMessage, type SendOutcome, type SmtpSettings } from '../channel.types.js';

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** Connections are reused per workspace settings; a change of settings (or password) makes a new pool. */
const MAX_TRANSPORTS = 100;

/**
 * What an SMTP failure means. A 5xx reply to the recipient or the message is a hard bounce (the recipient's side
 * refused it for good); a 4xx or a lost or timed-out connection is transient (sent again later); a refused login
 * or TLS setup is the workspace's configuration (failed, not retried — the settings must change).
 */
export function smtpFailure(error: SmtpError): SendOutcome {
  const reply = (error.response ?? error.message).slice(0, 300);
  if (error.code === 'EAUTH' || error.code === 'ETLS' || error.code === 'ENOAUTH') return { outcome: 'FAILED', reason: `SMTP_CONFIG: ${reply}` };
  const code = error.responseCode;
  if (typeof code === 'number' && code >= 500) return { outcome: 'BOUNCED', reason: `SMTP_${code}: ${reply}` };
  if (typeof code === 'number' && code >= 400) return { outcome: 'RETRY', reason: `SMTP_${code}: ${reply}` };
  return { outcome: 'RETRY', reason: `SMTP_${error.code ?? 'ERROR'}: ${reply}` };
}

/** Sends email through the workspace's SMTP server with nodemailer (pooled connections, timeouts). */
export class SmtpProvider {
  private readonly transports = new Map<string, Transporter>();

  private transport(settings: SmtpSettings, password: string | null): Transporter {
    const key = createHash('sha256')
      .update(JSON.stringify([settings, password]))
      .digest('hex');
    let transport = this.transports.get(key);
    if (!transport) {
      if (this.transports.size >= MAX_TRANSPORTS) {
        const [oldestKey, oldest] = this.transports.entries().next().value as [string, Transporter];
        oldest.close();
        this.transports.delete(oldestKey);
      }
      transport = nodemailer.createTransport({
        pool: true,
        maxConnections: 4,
        host: settings.host,
        port: settings.port,
        secure: settings.security === SmtpSecurity.TLS,
        requireTLS: settings.security === SmtpSecurity.STARTTLS,
        auth: settings.username ? { user: settings.username, pass: password ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
      this.transports.set(key, transport);
    }
    return transport;
  }

  async send(m: OutgoingMessage, settings: SmtpSettings, password: string | null): Promise<SendOutcome> {
    try {
      const info = (await this.transport(settings, password).sendMail({
        from: { name: m.fromName ?? settings.fromName, address: settings.fromAddress },
        to: m.to,
        replyTo: settings.replyTo ?? undefined,
        subject: m.subject ?? '',
        html: m.html ?? undefined,
        text: m.text ?? undefined,
        headers: m.headers,
        // The same Message-ID on every attempt: receivers can tell a resend from a new message.
        messageId: `<${m.id}@flare>`,
      })) as { messageId?: string; response?: string };
      return { outcome: 'DELIVERED', providerMessageId: info.messageId ?? null };
    } catch (error) {
      return smtpFailure(error as SmtpError);
    }
  }

  close() {
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
  }
}
