import { setMaxListeners } from 'node:events';
import pg from 'pg';
import type { Logger } from '../ops/logger.js';

const CHANNEL = 'flare_events';
const MAX_PAYLOAD = 7_900;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 500;
/** Dispatched locally (never through Postgres) after the LISTEN connection came back from a loss. */
export const RESYNC = 'RESYNC';

/**
 * An EventTarget shared by every API process on the same database: dispatching sends `pg_notify`, and one
 * LISTEN connection per process dispatches what arrives to local listeners. Payloads are small (ids only).
 * Events published by this process also travel through Postgres, so every process sees one ordered stream.
 *
 * NOTIFY is fire-and-forget: what is sent while the LISTEN connection is down is lost. So the listener
 * reconnects within half a second of Postgres answering again, and then dispatches a local `RESYNC`
 * (`{ since }`, when the connection was lost) on which every live subscription re-reads its state.
 */
export class PgEventTarget extends EventTarget {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  /** When the LISTEN connection was lost; null while listening. */
  private lostAt: Date | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly publishPool: pg.Pool,
    private readonly logger: Logger,
  ) {
    super();
    // Every open subscription is a listener; thousands are expected.
    setMaxListeners(0, this);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'flare-listener', connectionTimeoutMillis: 2_000 });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.logger.warn('event listener connection lost; reconnecting', { error: error?.message ?? 'connection ended' });
      this.reconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
        super.dispatchEvent(new CustomEvent(topic, { detail: payload }));
      } catch (error) {
        this.logger.warn('bad event notification', { error: String(error) });
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) return void (await client.end().catch(() => undefined));
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    if (this.lostAt) {
      const since = this.lostAt;
      this.lostAt = null;
      this.logger.info('event listener reconnected; live subscriptions re-read their state', { lostAt: since.toISOString() });
      // Local only: notifications sent while we were away are gone, so every subscription here catches up.
      super.dispatchEvent(new CustomEvent(RESYNC, { detail: { since: since.toISOString() } }));
    }
  }

  private reconnect() {
    const old = this.client;
    this.client = null;
    this.lostAt ??= new Date();
    void old?.end().catch(() => undefined);
    if (this.stopped) return;
    setTimeout(() => {
      if (this.stopped) return;
      this.start().catch((error) => {
        this.logger.debug('event listener reconnect failed', { error: String(error) });
        // Capped low: a refused connection costs little, and subscribers should hear of changes within a second of recovery.
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        this.reconnect();
      });
    }, this.retryMs).unref();
  }

  override dispatchEvent(event: Event): boolean {
    const payload = JSON.stringify({ topic: event.type, payload: (event as CustomEvent).detail });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      this.logger.error('event notification too large; not sent', { topic: event.type, bytes: Buffer.byteLength(payload) });
      return false;
    }
    const send = () => this.publishPool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    // One retry: right after an outage the pool may hand out a connection that died with it.
    send()
      .catch(() => new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS)).then(send))
      .catch((error: Error) => this.logger.error('event notification failed', { topic: event.type, error: error.message }));
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
