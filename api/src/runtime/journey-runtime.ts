import type { Pool } from 'pg';
import type { ChannelDelivery } from '../channels/channel-delivery.js';
import type { Tx } from '../db/transaction.js';
import { poolOf } from '../db/data-source.js';
import type { EventTx, StoredEventForHooks } from '../ingestion/ingestion.writer.js';
import { Topic } from '../graphql/pubsub.js';
import type { ServiceDeps } from '../service-deps.js';
import { DueLoop } from './due-loop.js';
import { MessageSender } from './message.sender.js';
import { RunExecutor } from './run.executor.js';
import { RuntimeHook } from './runtime.hook.js';
import { coalescedRunsChanged, type CoalescedRunsChanged } from './runs-changed.js';
import { ExitReason, RunLogKind, RunStatus } from './run.types.js';

const BATCH = 200;

/** The earliest time a statement returns as `at` (answered from the partial due indexes). */
const earliest = async (pool: Pool, sql: string): Promise<Date | null> => (await pool.query<{ at: Date | null }>(sql)).rows[0]?.at ?? null;

/** What the runtime tells the process's metrics (flare_runtime_* on /metrics). */
export type RuntimeObserver = {
  claimed(n: number): void;
  moved(statuses: string[]): void;
  fenced(n: number): void;
  lag(seconds: number[]): void;
  messages(statuses: string[]): void;
};

/**
 * The journey runtime of one process: the ingestion hook (enrol, wake, exit, goal in the event's transaction),
 * the executor that moves due runs and the sender that delivers queued messages. Every process may run the
 * executor and sender (FLARE_ROLE=all|worker); they share the work through the database.
 */
export class JourneyRuntime {
  readonly hook: RuntimeHook;
  readonly executor: RunExecutor;
  readonly sender: MessageSender;
  private readonly loops: DueLoop[];
  private unsubscribe: (() => void) | null = null;
  private readonly onRunsChanged: CoalescedRunsChanged;

  constructor(
    private readonly deps: ServiceDeps,
    delivery: ChannelDelivery,
  ) {
    const pool = poolOf(deps.dataSource);
    const onRunsChanged = (this.onRunsChanged = coalescedRunsChanged(deps.pubsub));
    this.hook = new RuntimeHook(deps.validators, onRunsChanged);
    this.executor = new RunExecutor({ pool, clock: deps.clock, logger: deps.logger, leaseMs: deps.config.runtimeLeaseMs, batchSize: BATCH, onRunsChanged });
    this.sender = new MessageSender({
      pool,
      clock: deps.clock,
      logger: deps.logger,
      batchSize: BATCH,
      delivery,
      raise: (tx, events) => deps.pipeline.writeRaised(tx, events),
      onRunsChanged,
    });
    this.loops = [
      new DueLoop('journey executor', () => this.executor.tick(), deps.config.runtimePollMs, deps.logger, {
        clock: deps.clock,
        next: () => earliest(pool, `SELECT min(wake_at) AS at FROM journey_runs WHERE status IN ('ACTIVE', 'WAITING')`),
      }),
      new DueLoop('message sender', () => this.sender.tick(), deps.config.runtimePollMs, deps.logger, {
        clock: deps.clock,
        next: () => earliest(pool, `SELECT min(due_at) AS at FROM journey_messages WHERE status = 'QUEUED'`),
      }),
    ];
  }

  /** Live views of these journeys refresh (coalesced): for changes made outside the runtime, such as a machine open. */
  runsChanged(journeys: { workspaceId: string; journeyId: string }[]) {
    this.onRunsChanged(journeys);
  }

  /** Reports to the process's metrics from now on. */
  observe(observer: RuntimeObserver) {
    this.executor.observer = observer;
    this.sender.observer = observer;
  }

  /** The ingestion hook: called inside the transaction that stores events. */
  onEventsStored = (tx: EventTx, events: StoredEventForHooks[]) => this.hook.onEventsStored(tx, events);

  /** Starts the executor and sender loops: woken by RUNTIME_DUE notifications, polling as a backstop. */
  start() {
    const iterator = this.deps.pubsub.subscribe(Topic.RUNTIME_DUE);
    let open = true;
    void (async () => {
      for await (const _ of iterator) {
        if (!open) break;
        for (const loop of this.loops) loop.kick();
      }
    })();
    this.unsubscribe = () => {
      open = false;
      void iterator.return?.();
    };
    for (const loop of this.loops) loop.start();
  }

  async stop() {
    this.unsubscribe?.();
    await Promise.all(this.loops.map((l) => l.stop()));
    this.onRunsChanged.stop();
  }

  /** Moves every due run and sends every due message, until nothing is due (tests and tools drive time this way). */
  async runUntilIdle(maxRounds = 1_000): Promise<void> {
    for (let round = 0; round < maxRounds; round += 1) {
      const moved = (await this.executor.tick()) + (await this.sender.tick());
      if (moved === 0) return;
    }
    throw new Error(`The runtime was still busy after ${maxRounds} rounds.`);
  }

  /**
   * Stopping a journey ends every run still in it (STOPPED, wherever it is) and cancels its queued messages, in
   * the transaction that stops the journey. Analytics keep counting goals for 3 days after.
   */
  async stopRuns(tx: Tx, workspaceId: string, journeyId: string, now: Date): Promise<number> {
    const [row] = await tx.manager.query<{ stopped: number }[]>(
      `WITH ended AS (
         UPDATE journey_runs SET status = '${RunStatus.STOPPED}', end_reason = '${ExitReason.JOURNEY_STOPPED}', ended_at = $3, wake_at = NULL, version = version + 1, updated_at = $3
          WHERE workspace_id = $1 AND journey_id = $2 AND status IN ('ACTIVE', 'WAITING')
          RETURNING workspace_id, id, journey_id, step_id),
       logged AS (
         INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
         SELECT workspace_id, id, journey_id, step_id, '${RunLogKind.STOPPED}', '{}'::jsonb, $3 FROM ended RETURNING 1),
       cancelled AS (
         UPDATE journey_messages SET status = 'CANCELLED', reason = 'JOURNEY_STOPPED', due_at = NULL, updated_at = $3
          WHERE workspace_id = $1 AND journey_id = $2 AND status = 'QUEUED' RETURNING 1)
       SELECT (SELECT count(*) FROM ended)::int AS stopped, (SELECT count(*) FROM logged) AS logged, (SELECT count(*) FROM cancelled) AS cancelled`,
      [workspaceId, journeyId, now],
    );
    tx.afterCommit(() => this.onRunsChanged([{ workspaceId, journeyId }]));
    return row.stopped;
  }
}
