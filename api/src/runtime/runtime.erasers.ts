import type { CustomerEraser } from '../customers/customer.erasers.js';
import { ExitReason, RunLogKind } from './run.types.js';

/** TypeORM answers UPDATE … RETURNING on PostgreSQL as [rows, affected count]. */
const count = (result: unknown) => Number((result as [unknown[], number])[1] ?? 0);

/**
 * The customer's journey runs: any still in a journey end (EXITED, CUSTOMER_ERASED) — nothing more is sent to
 * someone who asked to be forgotten — and every run forgets the start event's attributes, contact points and
 * binding. The runs and their step logs stay (without personal data) so journeys' counts do not change.
 */
export const runsEraser: CustomerEraser = {
  name: 'journeyRuns',
  async erase(tx, c) {
    await tx.manager.query(
      `WITH ended AS (
         UPDATE journey_runs SET status = 'EXITED', end_reason = '${ExitReason.CUSTOMER_ERASED}', ended_at = $3, wake_at = NULL, version = version + 1, updated_at = $3
          WHERE workspace_id = $1 AND customer_id = $2 AND status IN ('ACTIVE', 'WAITING')
          RETURNING workspace_id, id, journey_id, step_id)
       INSERT INTO journey_run_log (workspace_id, run_id, journey_id, step_id, kind, detail, at)
       SELECT workspace_id, id, journey_id, step_id, '${RunLogKind.EXITED}', jsonb_build_object('reason', '${ExitReason.CUSTOMER_ERASED}'), $3 FROM ended`,
      [c.workspaceId, c.id, c.now],
    );
    return count(
      await tx.manager.query(
        `UPDATE journey_runs SET attributes = '{}'::jsonb, contactpoint_email = NULL, contactpoint_phone = NULL, binding = NULL, updated_at = $3
          WHERE workspace_id = $1 AND customer_id = $2`,
        [c.workspaceId, c.id, c.now],
      ),
    );
  },
};

/** The customer's messages keep channel, status and interactions, but lose the recipient and rendered content; queued ones are cancelled. */
export const messagesEraser: CustomerEraser = {
  name: 'journeyMessages',
  async erase(tx, c) {
    return count(
      await tx.manager.query(
        `UPDATE journey_messages SET recipient = NULL, subject = NULL, html_body = NULL, text_body = NULL, body = NULL, title = NULL, link = NULL, links = NULL,
                status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END,
                reason = CASE WHEN status = 'QUEUED' THEN '${ExitReason.CUSTOMER_ERASED}' ELSE reason END,
                due_at = NULL, updated_at = $3
          WHERE workspace_id = $1 AND customer_id = $2`,
        [c.workspaceId, c.id, c.now],
      ),
    );
  },
};
