import type { ApolloServerPlugin } from '@apollo/server';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 200;

/** Prometheus metrics of one server: HTTP requests, GraphQL operations, pool usage, WebSocket connections. */
export function createMetrics(pool: Pool) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'flare_' });
  const httpRequests = new Counter({
    name: 'flare_http_requests_total',
    help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const operations = new Histogram({
    name: 'flare_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation name, type and outcome.',
    labelNames: ['operation', 'type', 'outcome', 'transport'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const ingestFlushes = new Counter({ name: 'flare_ingest_flushes_total', help: 'Ingestion transactions (group commits).', registers: [registry] });
  const ingestEvents = new Counter({ name: 'flare_ingest_events_total', help: 'Stored events by outcome.', labelNames: ['outcome'] as const, registers: [registry] });
  const wsConnections = new Gauge({ name: 'flare_websocket_connections', help: 'Open graphql-ws connections.', registers: [registry] });
  new Gauge({
    name: 'flare_db_pool_connections',
    help: 'Database pool clients by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  // Operation names come from clients: bound the label set so a hostile client cannot explode it.
  const seenOperations = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (seenOperations.has(name)) return name;
    if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
    seenOperations.add(name);
    return name;
  };

  const observeOperation = (name: string | null | undefined, type: string, outcome: 'ok' | 'error', transport: 'http' | 'ws', seconds: number) =>
    operations.observe({ operation: operationLabel(name), type, outcome, transport }, seconds);

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          observeOperation(operationName, operation?.operation ?? 'unknown', errors?.length ? 'error' : 'ok', 'http', seconds);
        },
      };
    },
  };

  const observeFlush = (stored: { accepted: boolean }[]) => {
    ingestFlushes.inc();
    const accepted = stored.filter((e) => e.accepted).length;
    ingestEvents.inc({ outcome: 'accepted' }, accepted);
    ingestEvents.inc({ outcome: 'rejected' }, stored.length - accepted);
  };

  const runsClaimed = new Counter({ name: 'flare_runtime_runs_claimed_total', help: 'Journey runs claimed by this process’s executor.', registers: [registry] });
  const runsMoved = new Counter({
    name: 'flare_runtime_runs_moved_total',
    help: 'Journey run transitions committed by this process, by the status the run ended in.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const runsFenced = new Counter({
    name: 'flare_runtime_runs_fenced_total',
    help: 'Claimed runs whose transition was not committed because the run changed meanwhile (a wake, an exit, another process).',
    registers: [registry],
  });
  const runLag = new Histogram({
    name: 'flare_runtime_run_lag_seconds',
    help: 'How late a run was moved: after its timer for waits, after it entered or reached its step for moving runs.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const messagesSent = new Counter({
    name: 'flare_runtime_messages_total',
    help: 'Journey messages taken by this process’s sender, by outcome.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  /** What the journey runtime reports (see RuntimeObserver in runtime/journey-runtime.ts). */
  const runtime = {
    claimed: (n: number) => runsClaimed.inc(n),
    moved: (statuses: string[]) => statuses.forEach((status) => runsMoved.inc({ status })),
    fenced: (n: number) => runsFenced.inc(n),
    lag: (seconds: number[]) => seconds.forEach((x) => runLag.observe(x)),
    messages: (statuses: string[]) => statuses.forEach((status) => messagesSent.inc({ status })),
  };

  return { registry, httpRequests, wsConnections, observeOperation, observeFlush, apolloPlugin, runtime };
}
export type Metrics = ReturnType<typeof createMetrics>;
