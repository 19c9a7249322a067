import type { Pool } from 'pg';
import type { IngestionPipeline } from '../ingestion/ingestion.pipeline.js';
import { withEventTx } from './event-tx.js';

/** The message an interaction happened to. */
export type InteractedMessage = { workspaceId: string; id: string; customerId: string; journeyId: string; stepId: string };

/**
 * Raises an interaction as its out-of-box trigger event, with the message's journey, step and id (`deliveryId`),
 * through ingestion in one transaction: the runtime's hook marks the message and wakes a run waiting for it.
 */
export async function raiseInteraction(
  deps: { pool: Pool; pipeline: IngestionPipeline; now: Date },
  message: InteractedMessage,
  interaction: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await withEventTx(deps.pool, deps.now, async (tx) => {
    const { rows } = await tx.client.query<{ auth_id: string }>(`SELECT auth_id FROM customers WHERE workspace_id = $1 AND id = $2`, [message.workspaceId, message.customerId]);
    const attributes = { journeyId: message.journeyId, stepId: message.stepId, deliveryId: message.id, ...extra };
    await deps.pipeline.writeRaised(tx, [
      { workspaceId: message.workspaceId, customerId: message.customerId, event: { trigger: interaction, authId: rows[0]?.auth_id ?? '', attributes } },
    ]);
  });
}

/**
 * Records an interaction on the message only, raising no event (so no wait wakes): what analytics counts but no
 * journey may act on — a machine open (`email_opened_machine`) is one. Returns whether it was new.
 */
export async function markInteraction(pool: Pool, now: Date, message: { workspaceId: string; id: string }, key: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE journey_messages SET interactions = interactions || ARRAY[$3::text], updated_at = $4 WHERE workspace_id = $1 AND id = $2 AND NOT $3 = ANY(interactions)`,
    [message.workspaceId, message.id, key, now],
  );
  return (rowCount ?? 0) > 0;
}
