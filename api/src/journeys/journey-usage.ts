import type { EntityManager } from 'typeorm';

type UsageRow = { id: string; name: string };

/** Rows of (referenced id, journey name) grouped by id; every asked id gets a (possibly empty) list. */
function byId(ids: readonly string[], rows: UsageRow[]): Map<string, string[]> {
  const names = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const row of rows) names.get(row.id)?.push(row.name);
  return names;
}

/** Names of live journeys that start, aim at, exit on, or wait (if/then) for each of these triggers (all of one workspace), by trigger id. */
export async function liveJourneysUsingTriggers(manager: EntityManager, workspaceId: string, triggerIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows: UsageRow[] = await manager.query(
    `SELECT DISTINCT t.id, j.name
       FROM journeys j CROSS JOIN unnest($2::text[]) AS t(id)
      WHERE j.workspace_id = $1 AND j.status = 'LIVE'
        AND (j.definition->>'startTriggerId' = t.id OR j.definition->>'goalTriggerId' = t.id OR j.definition->'exitTriggerIds' ? t.id
             OR jsonb_path_exists(j.definition->'steps', '$[*] ? (@.waitTriggerId == $id)', jsonb_build_object('id', t.id)))
      ORDER BY j.name`,
    [workspaceId, triggerIds],
  );
  return byId(triggerIds, rows);
}

/** Names of live journeys with a step sending each of these content items (all of one workspace), by content id. */
export async function liveJourneysSendingContent(manager: EntityManager, workspaceId: string, contentIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows: UsageRow[] = await manager.query(
    `SELECT DISTINCT step->>'contentId' AS id, j.name
       FROM journeys j CROSS JOIN LATERAL jsonb_array_elements(j.definition->'steps') step
      WHERE j.workspace_id = $1 AND j.status = 'LIVE' AND step->>'contentId' = ANY($2::text[])
      ORDER BY j.name`,
    [workspaceId, contentIds],
  );
  return byId(contentIds, rows);
}
