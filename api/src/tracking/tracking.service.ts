import type { Pool } from 'pg';
import type { OutgoingMessage } from '../channels/channel.types.js';
import { ContentChannel } from '../content/content.types.js';
import type { CustomerService } from '../customers/customer.service.js';
import { CustomerSource } from '../customers/customer.types.js';
import { poolOf } from '../db/data-source.js';
import { markInteraction, raiseInteraction } from '../runtime/interactions.js';
import { MessageStatus } from '../runtime/run.types.js';
import type { ServiceDeps } from '../service-deps.js';
import { isMachine, readToken, trackEmail, trackingKey, TrackKind, trackText, type Hit } from './tracking.rules.js';

/** A tracked message as a tracking URL finds it. */
type Tracked = {
  workspace_id: string;
  id: string;
  customer_id: string;
  journey_id: string;
  step_id: string;
  channel: ContentChannel;
  recipient: string | null;
  status: MessageStatus;
  sent_at: Date | null;
  links: string[] | null;
  interactions: string[];
  workspace_name: string;
  erased: boolean;
};

/** A request on a tracking URL, as the routes see it. */
export type TrackingRequest = { method: string; userAgent: string | null };

/** Which interaction a click on a tracked link of each kind records. */
const CLICKS = { [TrackKind.CLICK]: { channel: ContentChannel.EMAIL, trigger: 'email_clicked' }, [TrackKind.SHORT]: { channel: ContentChannel.TEXT, trigger: 'text_clicked' } };

/**
 * Open and click tracking and unsubscribe links. Applied to journey messages as they go out (links stored on the
 * message, by index); the public tracking URLs carry signed tokens naming (message, index), so a redirect only
 * ever goes to a link the message was sent with. Interactions are raised as their out-of-box triggers (a run
 * waiting for them wakes); machine opens are recorded on the message alone, as email_opened_machine.
 */
export class TrackingService {
  private readonly key: Buffer;
  private readonly pool: Pool;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly customers: CustomerService,
    /** Told of journeys whose messages changed without a run changing (a machine open), so live analytics refresh. */
    private readonly onMessagesChanged: (journeys: { workspaceId: string; journeyId: string }[]) => void = () => undefined,
  ) {
    this.key = trackingKey(deps.secretKey);
    this.pool = poolOf(deps.dataSource);
  }

  /**
   * Journey emails and text messages with tracking applied, their links stored on the messages (one statement).
   * Push and test sends go as they are. Deterministic: a message sent again gets the same URLs.
   */
  async prepare(messages: OutgoingMessage[]): Promise<OutgoingMessage[]> {
    const stored: { ws: string; id: string; links: string[] }[] = [];
    const out = messages.map((m): OutgoingMessage => {
      if (m.test) return m;
      if (m.channel === ContentChannel.EMAIL) {
        const t = trackEmail(this.key, this.deps.config.publicUrl, m);
        stored.push({ ws: m.workspaceId, id: m.id, links: t.links });
        return { ...m, html: t.html, text: t.text, headers: { ...m.headers, ...t.headers } };
      }
      if (m.channel === ContentChannel.TEXT) {
        const t = trackText(this.key, this.deps.config.publicUrl, m);
        stored.push({ ws: m.workspaceId, id: m.id, links: t.links });
        return { ...m, body: t.body };
      }
      return m;
    });
    if (stored.length > 0)
      await this.pool.query(
        `UPDATE journey_messages m SET links = ARRAY(SELECT jsonb_array_elements_text(d.links))
           FROM jsonb_to_recordset($1::jsonb) AS d(ws uuid, id uuid, links jsonb) WHERE m.workspace_id = d.ws AND m.id = d.id`,
        [JSON.stringify(stored)],
      );
    return out;
  }

  /** The open pixel was fetched: a person's open raises email_opened (once), a machine's is recorded as email_opened_machine. */
  async open(token: string, req: TrackingRequest): Promise<void> {
    const m = await this.find(TrackKind.OPEN, token);
    if (!m || m.channel !== ContentChannel.EMAIL || !this.interactable(m)) return;
    const now = this.deps.clock.now();
    if (isMachine(this.hit('OPEN', m, req, now))) {
      if (await markInteraction(this.pool, now, { workspaceId: m.workspace_id, id: m.id }, 'email_opened_machine'))
        this.onMessagesChanged([{ workspaceId: m.workspace_id, journeyId: m.journey_id }]);
      return;
    }
    if (m.interactions.includes('email_opened')) return;
    await raiseInteraction({ pool: this.pool, pipeline: this.deps.pipeline, now }, this.ref(m), 'email_opened');
  }

  /**
   * A tracked link was followed: the stored link it stands for (null: no such token or link — never a URL from the
   * request). A person's click raises email_clicked / text_clicked with the URL; a scanner's is not recorded.
   */
  async click(kind: TrackKind.CLICK | TrackKind.SHORT, token: string, req: TrackingRequest): Promise<string | null> {
    const parsed = readToken(this.key, kind, token);
    const m = parsed && (await this.byId(parsed.messageId));
    const url = m?.links?.[parsed!.index];
    if (!m || m.channel !== CLICKS[kind].channel || typeof url !== 'string') return null;
    const now = this.deps.clock.now();
    if (this.interactable(m) && !isMachine(this.hit('CLICK', m, req, now)))
      await raiseInteraction({ pool: this.pool, pipeline: this.deps.pipeline, now }, this.ref(m), CLICKS[kind].trigger, { url: url.slice(0, 2_000) });
    return url;
  }

  /** What the unsubscribe page shows: whose messages, on which channel (null: no such link). Nothing about the customer. */
  async unsubscribeTarget(token: string): Promise<{ workspace: string; channel: ContentChannel } | null> {
    const m = await this.find(TrackKind.UNSUBSCRIBE, token);
    return m ? { workspace: m.workspace_name, channel: m.channel } : null;
  }

  /** The unsubscribe link or one-click header was used: the customer's commercial consent on the channel becomes OPTED_OUT. */
  async unsubscribe(token: string): Promise<{ workspace: string; channel: ContentChannel } | null> {
    const m = await this.find(TrackKind.UNSUBSCRIBE, token);
    if (!m) return null;
    if (!m.erased) await this.customers.optOut(m.workspace_id, m.customer_id, m.channel, m.recipient, CustomerSource.UNSUBSCRIBE);
    return { workspace: m.workspace_name, channel: m.channel };
  }

  private async find(kind: TrackKind, token: string): Promise<Tracked | null> {
    const parsed = readToken(this.key, kind, token);
    return parsed ? this.byId(parsed.messageId) : null;
  }

  /** Only messages sent tracked are found (links stored), and only while they keep their content (not erased). */
  private async byId(id: string): Promise<Tracked | null> {
    const { rows } = await this.pool.query<Tracked>(
      `SELECT m.workspace_id, m.id, m.customer_id, m.journey_id, m.step_id, m.channel, m.recipient, m.status, m.sent_at, m.links, m.interactions,
              w.name AS workspace_name, c.erased_at IS NOT NULL AS erased
         FROM journey_messages m JOIN workspaces w ON w.id = m.workspace_id
         LEFT JOIN customers c ON c.workspace_id = m.workspace_id AND c.id = m.customer_id
        WHERE m.id = $1 AND m.links IS NOT NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Interactions count for delivered messages of customers not erased. */
  private interactable(m: Tracked) {
    return !m.erased && (m.status === MessageStatus.DELIVERED || m.status === MessageStatus.SENT);
  }

  private hit(kind: Hit['kind'], m: Tracked, req: TrackingRequest, now: Date): Hit {
    return { kind, method: req.method, userAgent: req.userAgent, sentAt: m.sent_at, now };
  }

  private ref(m: Tracked) {
    return { workspaceId: m.workspace_id, id: m.id, customerId: m.customer_id, journeyId: m.journey_id, stepId: m.step_id };
  }
}
