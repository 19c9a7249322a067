import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Journey analytics rollups, kept by statement-level AFTER triggers with transition tables: every statement that
 * enrols, moves, ends or messages runs adds its counts to hourly rows in its own transaction, one upsert per
 * (journey, step, hour, metric, reason) per statement, in key order (concurrent writers lock rows in one order).
 *
 *  journey_stats_hourly (per journey)  ENTERED, CUSTOMERS (first entry of a customer, from journey_entries),
 *      COMPLETED / EXITED / STOPPED / FAILED (reason = end_reason), WAITING_STARTED / WAITING_ENDED (waiting now =
 *      started − ended), GOAL_REACHED (unique customers: first row in journey_goal_customers), REFUSED (reason).
 *  journey_step_stats_hourly (per step)  tiles: INFLOW (STEP_STARTED, and a run ended by an exit trigger as it
 *      enrolled, at its first step), PROCESSED (STEP_DONE), EXITED / STOPPED / FAILED (a run ending at the step;
 *      reason = end_reason) — so inflow = processing + processed + exits holds exactly, processing being the rest.
 *      Messages (one per run and step, so counts are unique runs; each counted once, when first true):
 *      MESSAGE_QUEUED, MESSAGE_SENT (status SENT, DELIVERED or BOUNCED, or sent_at set), MESSAGE_DELIVERED
 *      (status DELIVERED or a *_delivered interaction), MESSAGE_OPENED (<channel>_opened or
 *      <channel>_opened_machine), MESSAGE_OPENED_HUMAN (<channel>_opened only: machine opens must be recorded as
 *      <channel>_opened_machine alone for this to exclude them), MESSAGE_CLICKED, MESSAGE_BOUNCED (status BOUNCED or
 *      *_bounced), MESSAGE_BLOCKED / MESSAGE_FAILED / MESSAGE_CANCELLED (reason).
 *
 * Buckets are UTC hours of the transition's time (log `at`, run entered_at / ended_at, message created_at /
 * updated_at). Existing rows are counted once by the same rules (backfill).
 */

const ENDED = `('COMPLETED', 'EXITED', 'STOPPED', 'FAILED')`;
const upsert = (table: 'journey_stats_hourly' | 'journey_step_stats_hourly') =>
  table === 'journey_stats_hourly'
    ? `INSERT INTO journey_stats_hourly AS s (workspace_id, journey_id, bucket, metric, reason, count)
       SELECT workspace_id, journey_id, bucket, metric, reason, count(*) FROM x GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT (workspace_id, journey_id, bucket, metric, reason) DO UPDATE SET count = s.count + EXCLUDED.count`
    : `INSERT INTO journey_step_stats_hourly AS s (workspace_id, journey_id, bucket, step_id, metric, reason, count)
       SELECT workspace_id, journey_id, bucket, step_id, metric, reason, count(*) FROM x GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (workspace_id, journey_id, bucket, step_id, metric, reason) DO UPDATE SET count = s.count + EXCLUDED.count`;
const hour = (col: string) => `date_trunc('hour', ${col}, 'UTC')`;

/** First goal of each customer in each journey, from runs `g` (workspace_id, journey_id, customer_id, at). */
const goals = (source: string) => `
  WITH g AS (
    INSERT INTO journey_goal_customers (workspace_id, journey_id, customer_id, reached_at)
    SELECT DISTINCT ON (workspace_id, journey_id, customer_id) workspace_id, journey_id, customer_id, at FROM (${source}) src
     ORDER BY workspace_id, journey_id, customer_id, at
    ON CONFLICT DO NOTHING
    RETURNING workspace_id, journey_id, reached_at),
  x AS (SELECT workspace_id, journey_id, ${hour('reached_at')} AS bucket, 'GOAL_REACHED' AS metric, '' AS reason FROM g)
  ${upsert('journey_stats_hourly')}`;

/** Metrics true of a message now; a message counts in each the first time it becomes true. */
const MESSAGE_METRICS = `
CREATE FUNCTION journey_message_metrics(status text, sent_at timestamptz, interactions text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY[
    'MESSAGE_QUEUED',
    CASE WHEN status IN ('SENT', 'DELIVERED', 'BOUNCED') OR sent_at IS NOT NULL THEN 'MESSAGE_SENT' END,
    CASE WHEN status = 'DELIVERED' OR interactions && ARRAY['email_delivered', 'text_delivered', 'push_delivered'] THEN 'MESSAGE_DELIVERED' END,
    CASE WHEN interactions && ARRAY['email_opened', 'push_opened', 'email_opened_machine', 'push_opened_machine'] THEN 'MESSAGE_OPENED' END,
    CASE WHEN interactions && ARRAY['email_opened', 'push_opened'] THEN 'MESSAGE_OPENED_HUMAN' END,
    CASE WHEN interactions && ARRAY['email_clicked', 'text_clicked', 'push_clicked'] THEN 'MESSAGE_CLICKED' END,
    CASE WHEN status = 'BOUNCED' OR interactions && ARRAY['email_bounced', 'text_bounced'] THEN 'MESSAGE_BOUNCED' END,
    CASE WHEN status = 'BLOCKED' THEN 'MESSAGE_BLOCKED' END,
    CASE WHEN status = 'FAILED' THEN 'MESSAGE_FAILED' END,
    CASE WHEN status = 'CANCELLED' THEN 'MESSAGE_CANCELLED' END
  ], NULL)
$$`;
const withReason = (metric: string, reason: string) => `CASE WHEN ${metric} IN ('MESSAGE_BLOCKED', 'MESSAGE_FAILED', 'MESSAGE_CANCELLED') THEN coalesce(${reason}, '') ELSE '' END`;

const FUNCTIONS = [
  MESSAGE_METRICS,
  `CREATE FUNCTION journey_stats_runs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS (
    SELECT workspace_id, journey_id, ${hour('entered_at')} AS bucket, 'ENTERED' AS metric, '' AS reason FROM new_runs
    UNION ALL
    SELECT workspace_id, journey_id, ${hour('coalesce(ended_at, entered_at)')}, status, coalesce(end_reason, '') FROM new_runs WHERE status IN ${ENDED}
    UNION ALL
    SELECT workspace_id, journey_id, ${hour('entered_at')}, 'WAITING_STARTED', '' FROM new_runs WHERE status = 'WAITING')
  ${upsert('journey_stats_hourly')};
  -- A run an exit trigger of its own batch ended as it enrolled has no STEP_STARTED: it flowed into its first step and exited there.
  WITH e AS (SELECT * FROM new_runs WHERE status IN ('EXITED', 'STOPPED', 'FAILED') AND step_id IS NOT NULL),
  x AS (
    SELECT workspace_id, journey_id, ${hour('entered_at')} AS bucket, step_id, 'INFLOW' AS metric, '' AS reason FROM e
    UNION ALL
    SELECT workspace_id, journey_id, ${hour('coalesce(ended_at, entered_at)')}, step_id, status, coalesce(end_reason, '') FROM e)
  ${upsert('journey_step_stats_hourly')};
  ${goals(`SELECT workspace_id, journey_id, customer_id, goal_reached_at AS at FROM new_runs WHERE goal_reached_at IS NOT NULL`)};
  RETURN NULL;
END $$`,
  `CREATE FUNCTION journey_stats_runs_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (claims, wakes) change neither status nor goal: one join says so.
  IF NOT EXISTS (SELECT 1 FROM new_runs n JOIN old_runs o ON o.workspace_id = n.workspace_id AND o.id = n.id
                  WHERE n.status <> o.status OR (o.goal_reached_at IS NULL AND n.goal_reached_at IS NOT NULL)) THEN
    RETURN NULL;
  END IF;
  WITH c AS (
    SELECT n.*, o.status AS old_status FROM new_runs n JOIN old_runs o ON o.workspace_id = n.workspace_id AND o.id = n.id WHERE n.status <> o.status),
  x AS (
    SELECT workspace_id, journey_id, ${hour('coalesce(ended_at, updated_at)')} AS bucket, status AS metric, coalesce(end_reason, '') AS reason
      FROM c WHERE status IN ${ENDED} AND old_status NOT IN ${ENDED}
    UNION ALL
    SELECT workspace_id, journey_id, ${hour('updated_at')}, 'WAITING_STARTED', '' FROM c WHERE status = 'WAITING'
    UNION ALL
    SELECT workspace_id, journey_id, ${hour('updated_at')}, 'WAITING_ENDED', '' FROM c WHERE old_status = 'WAITING')
  ${upsert('journey_stats_hourly')};
  WITH x AS (
    SELECT n.workspace_id, n.journey_id, ${hour('coalesce(n.ended_at, n.updated_at)')} AS bucket, n.step_id, n.status AS metric, coalesce(n.end_reason, '') AS reason
      FROM new_runs n JOIN old_runs o ON o.workspace_id = n.workspace_id AND o.id = n.id
     WHERE n.status IN ('EXITED', 'STOPPED', 'FAILED') AND o.status NOT IN ${ENDED} AND n.step_id IS NOT NULL)
  ${upsert('journey_step_stats_hourly')};
  ${goals(`SELECT n.workspace_id, n.journey_id, n.customer_id, n.goal_reached_at AS at FROM new_runs n JOIN old_runs o ON o.workspace_id = n.workspace_id AND o.id = n.id
            WHERE o.goal_reached_at IS NULL AND n.goal_reached_at IS NOT NULL`)};
  RETURN NULL;
END $$`,
  `CREATE FUNCTION journey_stats_log_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS (
    SELECT workspace_id, journey_id, ${hour('at')} AS bucket, step_id, CASE kind WHEN 'STEP_STARTED' THEN 'INFLOW' ELSE 'PROCESSED' END AS metric, '' AS reason
      FROM new_log WHERE kind IN ('STEP_STARTED', 'STEP_DONE') AND step_id IS NOT NULL)
  ${upsert('journey_step_stats_hourly')};
  RETURN NULL;
END $$`,
  `CREATE FUNCTION journey_stats_refusals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS (SELECT workspace_id, journey_id, ${hour('at')} AS bucket, 'REFUSED' AS metric, reason FROM new_refusals)
  ${upsert('journey_stats_hourly')};
  RETURN NULL;
END $$`,
  `CREATE FUNCTION journey_stats_entries_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS (SELECT workspace_id, journey_id, ${hour('first_entered_at')} AS bucket, 'CUSTOMERS' AS metric, '' AS reason FROM new_entries)
  ${upsert('journey_stats_hourly')};
  RETURN NULL;
END $$`,
  `CREATE FUNCTION journey_stats_messages_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS (
    SELECT m.workspace_id, m.journey_id, ${hour('m.created_at')} AS bucket, m.step_id, k AS metric, ${withReason('k', 'm.reason')} AS reason
      FROM new_messages m, unnest(journey_message_metrics(m.status, m.sent_at, m.interactions)) k)
  ${upsert('journey_step_stats_hourly')};
  RETURN NULL;
END $$`,
  `CREATE FUNCTION journey_stats_messages_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS (
    SELECT n.workspace_id, n.journey_id, ${hour('n.updated_at')} AS bucket, n.step_id, k AS metric, ${withReason('k', 'n.reason')} AS reason
      FROM new_messages n JOIN old_messages o ON o.workspace_id = n.workspace_id AND o.id = n.id,
           unnest(journey_message_metrics(n.status, n.sent_at, n.interactions)) k
     WHERE (n.status, n.sent_at, n.interactions) IS DISTINCT FROM (o.status, o.sent_at, o.interactions)
       AND NOT k = ANY(journey_message_metrics(o.status, o.sent_at, o.interactions)))
  ${upsert('journey_step_stats_hourly')};
  RETURN NULL;
END $$`,
];

const TRIGGERS: [name: string, table: string, event: 'INSERT' | 'UPDATE', referencing: string, fn: string][] = [
  ['journey_runs_stats_insert', 'journey_runs', 'INSERT', 'NEW TABLE AS new_runs', 'journey_stats_runs_inserted'],
  ['journey_runs_stats_update', 'journey_runs', 'UPDATE', 'OLD TABLE AS old_runs NEW TABLE AS new_runs', 'journey_stats_runs_updated'],
  ['journey_run_log_stats_insert', 'journey_run_log', 'INSERT', 'NEW TABLE AS new_log', 'journey_stats_log_inserted'],
  ['journey_entry_refusals_stats_insert', 'journey_entry_refusals', 'INSERT', 'NEW TABLE AS new_refusals', 'journey_stats_refusals_inserted'],
  ['journey_entries_stats_insert', 'journey_entries', 'INSERT', 'NEW TABLE AS new_entries', 'journey_stats_entries_inserted'],
  ['journey_messages_stats_insert', 'journey_messages', 'INSERT', 'NEW TABLE AS new_messages', 'journey_stats_messages_inserted'],
  ['journey_messages_stats_update', 'journey_messages', 'UPDATE', 'OLD TABLE AS old_messages NEW TABLE AS new_messages', 'journey_stats_messages_updated'],
];

/** The rollups of rows already there, by the triggers' rules. */
const BACKFILL = [
  `WITH x AS (
     SELECT workspace_id, journey_id, ${hour('entered_at')} AS bucket, 'ENTERED' AS metric, '' AS reason FROM journey_runs
     UNION ALL
     SELECT workspace_id, journey_id, ${hour('coalesce(ended_at, entered_at)')}, status, coalesce(end_reason, '') FROM journey_runs WHERE status IN ${ENDED}
     UNION ALL
     SELECT workspace_id, journey_id, ${hour('updated_at')}, 'WAITING_STARTED', '' FROM journey_runs WHERE status = 'WAITING'
     UNION ALL
     SELECT workspace_id, journey_id, ${hour('at')}, 'REFUSED', reason FROM journey_entry_refusals
     UNION ALL
     SELECT workspace_id, journey_id, ${hour('first_entered_at')}, 'CUSTOMERS', '' FROM journey_entries)
   ${upsert('journey_stats_hourly')}`,
  goals(`SELECT workspace_id, journey_id, customer_id, goal_reached_at AS at FROM journey_runs WHERE goal_reached_at IS NOT NULL`),
  `WITH x AS (
     SELECT workspace_id, journey_id, ${hour('at')} AS bucket, step_id, CASE kind WHEN 'STEP_STARTED' THEN 'INFLOW' ELSE 'PROCESSED' END AS metric, '' AS reason
       FROM journey_run_log WHERE kind IN ('STEP_STARTED', 'STEP_DONE') AND step_id IS NOT NULL
     UNION ALL
     SELECT r.workspace_id, r.journey_id, ${hour('r.entered_at')}, r.step_id, 'INFLOW', '' FROM journey_runs r
      WHERE r.status IN ('EXITED', 'STOPPED', 'FAILED') AND r.step_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM journey_run_log l WHERE l.workspace_id = r.workspace_id AND l.run_id = r.id AND l.kind = 'STEP_STARTED')
     UNION ALL
     SELECT workspace_id, journey_id, ${hour('coalesce(ended_at, updated_at)')}, step_id, status, coalesce(end_reason, '') FROM journey_runs
      WHERE status IN ('EXITED', 'STOPPED', 'FAILED') AND step_id IS NOT NULL
     UNION ALL
     SELECT m.workspace_id, m.journey_id, CASE WHEN k = 'MESSAGE_QUEUED' THEN ${hour('m.created_at')} ELSE ${hour('m.updated_at')} END, m.step_id, k, ${withReason('k', 'm.reason')}
       FROM journey_messages m, unnest(journey_message_metrics(m.status, m.sent_at, m.interactions)) k)
   ${upsert('journey_step_stats_hourly')}`,
];

export class JourneyAnalytics1795850430010 implements MigrationInterface {
  name = 'JourneyAnalytics1795850430010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "journey_stats_hourly" ("workspace_id" uuid NOT NULL, "journey_id" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL, "metric" text NOT NULL, "reason" text NOT NULL, "count" bigint NOT NULL, CONSTRAINT "journey_stats_hourly_pkey" PRIMARY KEY ("workspace_id", "journey_id", "bucket", "metric", "reason"))',
    );
    await queryRunner.query(
      'CREATE TABLE "journey_step_stats_hourly" ("workspace_id" uuid NOT NULL, "journey_id" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL, "step_id" text NOT NULL, "metric" text NOT NULL, "reason" text NOT NULL, "count" bigint NOT NULL, CONSTRAINT "journey_step_stats_hourly_pkey" PRIMARY KEY ("workspace_id", "journey_id", "bucket", "step_id", "metric", "reason"))',
    );
    await queryRunner.query(
      'CREATE TABLE "journey_goal_customers" ("workspace_id" uuid NOT NULL, "journey_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "reached_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "journey_goal_customers_pkey" PRIMARY KEY ("workspace_id", "journey_id", "customer_id"))',
    );
    for (const sql of FUNCTIONS) await queryRunner.query(sql);
    for (const sql of BACKFILL) await queryRunner.query(sql);
    for (const [name, table, event, referencing, fn] of TRIGGERS)
      await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table] of [...TRIGGERS].reverse()) await queryRunner.query(`DROP TRIGGER ${name} ON ${table}`);
    for (const [, , , , fn] of [...TRIGGERS].reverse()) await queryRunner.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    await queryRunner.query('DROP FUNCTION journey_message_metrics(text, timestamptz, text[])');
    await queryRunner.query('DROP TABLE "journey_goal_customers"');
    await queryRunner.query('DROP TABLE "journey_step_stats_hourly"');
    await queryRunner.query('DROP TABLE "journey_stats_hourly"');
  }
}
