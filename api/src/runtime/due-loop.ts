import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';

/** When the next item falls due (null: nothing pending), so a drained loop wakes for it rather than at the next poll. */
export type NextDue = { clock: Clock; next: () => Promise<Date | null> };

/**
 * Runs `tick` (which does one batch and says how many items it took) until nothing is due, whenever kicked —
 * by a NOTIFY, or by the poll that backs it up. Never two loops at once in a process; a kick during a loop
 * makes it look again before it sleeps. A failing batch is logged and retried on the next kick. Once drained, it
 * asks when the next item falls due and wakes then if that is sooner than the poll: a timer does not wait for it.
 */
export class DueLoop {
  private timer: NodeJS.Timeout | null = null;
  private dueTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<number>,
    private readonly pollMs: number,
    private readonly logger: Logger,
    private readonly nextDue?: NextDue,
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
      await this.wakeForNext();
    })().finally(() => (this.running = null));
  }

  private async wakeForNext() {
    if (!this.nextDue || this.stopped) return;
    try {
      const next = await this.nextDue.next();
      if (!next || this.stopped) return;
      const wait = Math.max(0, next.getTime() - this.nextDue.clock.now().getTime());
      if (wait >= this.pollMs) return;
      if (this.dueTimer) clearTimeout(this.dueTimer);
      this.dueTimer = setTimeout(() => this.kick(), wait + 1);
      this.dueTimer.unref();
    } catch (error) {
      this.logger.debug(`${this.name}: could not read when the next item is due`, { error: (error as Error).message });
    }
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    await this.running;
  }
}
