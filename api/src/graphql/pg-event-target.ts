import { setMaxListeners } from 'node:events';
import pg from 'pg';
import type { Logger } from '../ops/logger.js';

const CHANNEL = 'flare_events';
const MAX_PAYLOAD = 7_900;

/**
 * An EventTarget shared by every API process on the same database: dispatching sends `pg_notify`, and one
 * LISTEN connection per process dispatches what arrives to local listeners. Payloads are small (ids only).
 * Events published by this process also travel through Postgres, so every process sees one ordered stream.
 */
export class PgEventTarget extends EventTarget {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 250;

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
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'flare-listener' });
    client.on('error', (error) => {
      this.logger.warn('event listener connection lost; reconnecting', { error: error.message });
      this.reconnect();
    });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
        super.dispatchEvent(new CustomEvent(topic, { detail: payload }));
      } catch (error) {
        this.logger.warn('bad event notification', { error: String(error) });
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.retryMs = 250;
  }

  private reconnect() {
    const old = this.client;
    this.client = null;
    void old?.end().catch(() => undefined);
    if (this.stopped) return;
    setTimeout(() => {
      if (this.stopped) return;
      this.start().catch((error) => {
        this.logger.warn('event listener reconnect failed', { error: String(error) });
        this.retryMs = Math.min(this.retryMs * 2, 10_000);
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
    this.publishPool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: Error) => this.logger.error('event notification failed', { topic: event.type, error: error.message }));
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
