import type { TestServer } from './harness.js';

export type RunRow = {
  id: string;
  journey_id: string;
  customer_id: string;
  status: string;
  step_id: string | null;
  binding: string | null;
  wake_at: Date | null;
  timer_at: Date | null;
  end_reason: string | null;
  goal_reached_at: Date | null;
  error: string | null;
};

/** A journey's runs, oldest first, with the authId of each run's customer. */
export async function runsOf(t: TestServer, journeyId: string): Promise<(RunRow & { auth_id: string })[]> {
  return t.dataSource.query(
    `SELECT r.*, c.auth_id FROM journey_runs r JOIN customers c ON c.workspace_id = r.workspace_id AND c.id = r.customer_id WHERE r.journey_id = $1 ORDER BY r.entered_at, r.start_event_id, r.id`,
    [journeyId],
  );
}

export async function messagesOf(
  t: TestServer,
  runId: string,
): Promise<
  {
    id: string;
    step_id: string;
    channel: string;
    status: string;
    reason: string | null;
    subject: string | null;
    html_body: string | null;
    body: string | null;
    recipient: string | null;
    interactions: string[];
  }[]
> {
  return t.dataSource.query(`SELECT * FROM journey_messages WHERE run_id = $1 ORDER BY created_at, step_id`, [runId]);
}

export async function logOf(t: TestServer, runId: string): Promise<string[]> {
  const rows: { step_id: string | null; kind: string; detail: Record<string, unknown> }[] = await t.dataSource.query(
    `SELECT step_id, kind, detail FROM journey_run_log WHERE run_id = $1 ORDER BY id`,
    [runId],
  );
  return rows.map((r) => `${r.kind}${r.step_id ? `@${r.step_id}` : ''}${r.detail.path ? `:${r.detail.path as string}` : ''}`);
}

export async function refusalsOf(t: TestServer, journeyId: string): Promise<string[]> {
  const rows: { reason: string }[] = await t.dataSource.query(`SELECT reason FROM journey_entry_refusals WHERE journey_id = $1 ORDER BY id`, [journeyId]);
  return rows.map((r) => r.reason);
}
