import type { EntityManager } from 'typeorm';

/** Names of live journeys that start, aim at, or exit on this trigger. */
export async function liveJourneysUsingTrigger(manager: EntityManager, workspaceId: string, triggerId: string): Promise<string[]> {
  const rows: { name: string }[] = await manager.query(
    `SELECT name FROM journeys WHERE workspace_id = $1 AND status = 'LIVE'
        AND (definition->>'startTriggerId' = $2 OR definition->>'goalTriggerId' = $2 OR definition->'exitTriggerIds' ? $2)
      ORDER BY name`,
    [workspaceId, triggerId],
  );
  return rows.map((r) => r.name);
}

/** Names of live journeys with a step sending this content. */
export async function liveJourneysSendingContent(manager: EntityManager, workspaceId: string, contentId: string): Promise<string[]> {
  const rows: { name: string }[] = await manager.query(
    `SELECT name FROM journeys WHERE workspace_id = $1 AND status = 'LIVE'
        AND definition->'steps' @> jsonb_build_array(jsonb_build_object('contentId', $2::text))
      ORDER BY name`,
    [workspaceId, contentId],
  );
  return rows.map((r) => r.name);
}
