import type { Logger } from '../ops/logger.js';

/**
 * Runs `tick` (which does one batch and says how many items it took) until nothing is due, whenever kicked —
 * by a NOTIFY, or by the poll that backs it up. Never two loops at once in a process; a kick during a loop
 * makes it look again before it sleeps. A failing batch is logged and retried on the next kick.
 */
export class DueLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<number>,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  start() {
    this.stopped = false;
    const poll = () => {
      this.kick();
      this.timer = setTimeout(poll, this.pollMs);
      this.timer.unref();
    };
    poll();
  }

  kick() {
    if (this.stopped) return;
    if (this.running) return void (this.again = true);
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (!this.stopped && (await this.tick()) > 0);
        } catch (error) {
          this.logger.warn(`${this.name}: batch failed; retrying on the next wake`, { error: (error as Error).message });
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
