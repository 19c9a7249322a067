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

/** Names of live journeys with a step sending each of these content items (all of one workspace), by content id. */
export async function liveJourneysSendingContent(manager: EntityManager, workspaceId: string, contentIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { content_id: string; name: string }[] = await manager.query(
    `SELECT DISTINCT step->>'contentId' AS content_id, j.name
       FROM journeys j CROSS JOIN LATERAL jsonb_array_elements(j.definition->'steps') step
      WHERE j.workspace_id = $1 AND j.status = 'LIVE' AND step->>'contentId' = ANY($2::text[])
      ORDER BY j.name`,
    [workspaceId, contentIds],
  );
  const byContent = new Map<string, string[]>(contentIds.map((id) => [id, []]));
  for (const row of rows) byContent.get(row.content_id)?.push(row.name);
  return byContent;
}
