import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OutgoingMessage, SendOutcome, WebhookSettings } from '../channel.types.js';

/** A status callback signed longer ago than this is refused (replay). */
export const SIGNATURE_TOLERANCE_S = 300;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as the X-Flare-Signature header carries it. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether a signature header is valid for this body and recent; constant-time. */
export function verifySignature(secret: string, header: string | undefined, body: string, nowS: number): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowS - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(signature(secret, t, body).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Text and push through the workspace's provider: one signed POST per message (HMAC-SHA256 over timestamp and
 * body, an Idempotency-Key of the message id). 2xx: the provider took it and reports delivery on the status
 * callback; 408, 429 and 5xx, timeouts and network errors are transient; any other 4xx refuses the message for good.
 */
export class WebhookProvider {
  constructor(
    private readonly callbackUrl: (workspaceId: string, channel: string) => string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(m: OutgoingMessage, settings: WebhookSettings, secret: string, nowS: number): Promise<SendOutcome> {
    const body = JSON.stringify({
      id: m.id,
      channel: m.channel,
      to: m.to,
      body: m.body,
      title: m.title,
      link: m.link,
      journeyId: m.journeyId,
      stepId: m.stepId,
      test: m.test,
      statusCallbackUrl: this.callbackUrl(m.workspaceId, m.channel),
    });
    let res: Response;
    try {
      res = await fetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': m.id, 'x-flare-signature': signature(secret, nowS, body) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      return {
        outcome: 'RETRY',
        reason: name === 'TimeoutError' ? `WEBHOOK_TIMEOUT: no answer within ${this.timeoutMs / 1000} s` : `WEBHOOK_UNREACHABLE: ${(error as Error).message}`,
      };
    }
    const text = (await res.text().catch(() => '')).slice(0, 300);
    if (res.ok) {
      let id: string | null = null;
      try {
        const parsed = JSON.parse(text) as { id?: unknown };
        id = typeof parsed.id === 'string' ? parsed.id.slice(0, 200) : null;
      } catch {
        id = null;
      }
      return { outcome: 'SENT', providerMessageId: id };
    }
    if (res.status === 408 || res.status === 429 || res.status >= 500) return { outcome: 'RETRY', reason: `WEBHOOK_${res.status}: ${text}` };
    return { outcome: 'FAILED', reason: `WEBHOOK_${res.status}: ${text}` };
  }
}
