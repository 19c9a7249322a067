import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { User } from '../accounts/user.entity.js';
import type { ContentItem } from '../content/content-item.entity.js';
import { liveJourneysSendingContent, liveJourneysUsingTriggers } from '../journeys/journey-usage.js';
import type { Trigger } from '../triggers/trigger.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import type { Services } from '../services.js';
import { createTriggerLoaders } from '../triggers/trigger.loaders.js';
import { createCustomerLoaders } from '../customers/customer.loaders.js';

/** Per-request batching for field resolvers: N rows → one query per relation. */
export function createLoaders(services: Services) {
  const byId = <T extends { id: string }>(entity: new () => T) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await services.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    });
  /** Batches "which live journeys use these rows" for rows of one workspace (one request sees one workspace). */
  const usageLoader = <T extends { id: string; workspaceId: string }>(
    usage: (manager: EntityManager, workspaceId: string, ids: readonly string[]) => Promise<Map<string, string[]>>,
  ) =>
    new DataLoader<T, string[], string>(
      async (rows) => {
        const names = await usage(
          services.dataSource.manager,
          rows[0].workspaceId,
          rows.map((r) => r.id),
        );
        return rows.map((r) => names.get(r.id) ?? []);
      },
      { cacheKeyFn: (row) => row.id },
    );
  return {
    userById: byId(User),
    workspaceById: byId(Workspace),
    ...createTriggerLoaders(services),
    ...createCustomerLoaders(services),
    /** Names of live journeys sending each item; items of one request share a workspace. */
    liveJourneysByContent: usageLoader<ContentItem>(liveJourneysSendingContent),
    /** Names of live journeys starting on, aiming at or exiting on each trigger. */
    liveJourneysByTrigger: usageLoader<Trigger>(liveJourneysUsingTriggers),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
