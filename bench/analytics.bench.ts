import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { benchWorkspace, fmt, startStack, timeRequests } from './support/stack.js';

/**
 * Journey analytics read time for a journey with 1,000,000 runs. The runtime's tables are filled with
 * generate_series (runs over 30 days, their STEP_STARTED / STEP_DONE log entries on two steps, and a message per
 * run) in statements of 100,000 rows, so the statement triggers build the rollups as they would in production;
 * then `journeyAnalytics` (its service: totals, tiles, messages and a series) and `runCounts` are timed.
 * BENCH_SCALE=0.05 shrinks the run count for a quick check. Prints figures; asserts nothing.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const RUNS = Math.max(1, Math.round(1_000_000 * SCALE));
const CHUNK = 100_000;

const started = Date.now();
const stack = await startStack({ FLARE_ROLE: 'api' });
const { services } = stack.server;
const { workspace } = await benchWorkspace(stack);
const ws = workspace.id;
const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
const journeyId = randomUUID();
const now = Date.now();
const DAY = 86_400_000;
const journey = {
  workspaceId: ws,
  id: journeyId,
  definition: {
    goalPercent: 20,
    steps: [
      { id: 'email', type: 'SEND_EMAIL', next: 'wait' },
      { id: 'wait', type: 'WAIT', next: null },
    ],
  },
} as never;

const fillStarted = Date.now();
for (let from = 0; from < RUNS; from += CHUNK) {
  const n = Math.min(CHUNK, RUNS - from);
  // Runs entered over the last 30 days; 80% completed, 10% exited, the rest waiting; a fifth reach the goal.
  await db.query(
    `WITH r AS (
       INSERT INTO journey_runs (workspace_id, journey_id, customer_id, status, step_id, step_started_at, trigger_version, attributes, entered_at, ended_at, end_reason, goal_reached_at, updated_at)
       SELECT $1, $2, gen_random_uuid(), CASE WHEN i % 10 < 8 THEN 'COMPLETED' WHEN i % 10 = 8 THEN 'EXITED' ELSE 'WAITING' END,
              CASE WHEN i % 10 < 8 THEN NULL ELSE 'wait' END, at, 1, '{}', at, CASE WHEN i % 10 < 9 THEN at + interval '1 hour' END,
              CASE WHEN i % 10 = 8 THEN 'EXIT_TRIGGER' END, CASE WHEN i % 5 = 0 THEN at + interval '30 minutes' END, at
         FROM (SELECT i, to_timestamp(($3::float8 - (i::float8 / $5) * 30 * $6) / 1000) AS at FROM generate_series($4::int, $4::int + $7 - 1) i) g
       RETURNING id, customer_id, entered_at, status),
     l AS (INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
     SELECT $1, id, $2, s.step, s.kind, '{}', entered_at FROM r,
            LATERAL (VALUES ('email', 'STEP_STARTED'), ('email', 'STEP_DONE'), ('wait', 'STEP_STARTED'), ('wait', CASE WHEN status = 'COMPLETED' THEN 'STEP_DONE' END)) s(step, kind)
      WHERE s.kind IS NOT NULL RETURNING 1)
     INSERT INTO journey_messages (workspace_id, journey_id, run_id, step_id, customer_id, channel, content_id, status, interactions, created_at, sent_at, updated_at)
     SELECT $1, $2, id, 'email', customer_id, 'EMAIL', gen_random_uuid(), 'DELIVERED',
            CASE WHEN random() < 0.3 THEN '{email_delivered,email_opened}'::text[] ELSE '{email_delivered}'::text[] END, entered_at, entered_at, entered_at FROM r`,
    [ws, journeyId, now, from, RUNS, DAY, n],
  );
}
const fillSeconds = (Date.now() - fillStarted) / 1000;
const counts = (
  await db.query(`SELECT (SELECT count(*) FROM journey_stats_hourly WHERE journey_id = $1) AS j, (SELECT count(*) FROM journey_step_stats_hourly WHERE journey_id = $1) AS s`, [
    journeyId,
  ])
).rows[0] as { j: string; s: string };
await db.query('VACUUM ANALYZE journey_stats_hourly');
await db.query('VACUUM ANALYZE journey_step_stats_hourly');

const range = (g: 'HOUR' | 'DAY', days: number) => ({ from: new Date(now - days * DAY), to: new Date(now), granularity: g }) as never;
const check = await services.analytics.journey(journey, range('DAY', 30));
const daily = await timeRequests(200, async () => void (await services.analytics.journey(journey, range('DAY', 30))));
const hourly = await timeRequests(200, async () => void (await services.analytics.journey(journey, range('HOUR', 7))));
const runCounts = await timeRequests(200, async () => void (await services.runs.counts(journey)));
const recount = await timeRequests(
  5,
  async () => void (await db.query(`SELECT status, count(*) FROM journey_runs WHERE workspace_id = $1 AND journey_id = $2 GROUP BY status`, [ws, journeyId])),
);

console.log(`journey analytics with ${RUNS.toLocaleString('en')} runs (${(RUNS * 3.8).toLocaleString('en')} log rows, ${RUNS.toLocaleString('en')} messages)`);
console.log(`  fill through the statement triggers: ${fillSeconds.toFixed(1)} s; rollup rows: ${counts.j} journey, ${counts.s} step`);
console.log(`  totals read back: entered ${check.totals.entered}, active ${check.totals.active}, completed ${check.totals.completed}, goal ${check.totals.goalReached}`);
console.log(`  journeyAnalytics, 30 days by day:   ${fmt(daily)}`);
console.log(`  journeyAnalytics, 7 days by hour:   ${fmt(hourly)}`);
console.log(`  runCounts (rollups):                ${fmt(runCounts)}`);
console.log(`  for scale, GROUP BY status on runs: ${fmt(recount)}`);
console.log(`  machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
await db.end();
await stack.stop();
process.exit(0);
