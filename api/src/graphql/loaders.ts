import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { User } from '../accounts/user.entity.js';
import type { ContentItem } from '../content/content-item.entity.js';
import { liveJourneysSendingContent } from '../journeys/journey-usage.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import type { Services } from '../services.js';
import { createTriggerLoaders } from '../triggers/trigger.loaders.js';

/** Per-request batching for field resolvers: N rows → one query per relation. */
export function createLoaders(services: Services) {
  const byId = <T extends { id: string }>(entity: new () => T) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await services.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    });
  return {
    userById: byId(User),
    workspaceById: byId(Workspace),
    ...createTriggerLoaders(services),
    /** Names of live journeys sending each item; items of one request share a workspace. */
    liveJourneysByContent: new DataLoader<ContentItem, string[], string>(
      async (items) => {
        const byContent = await liveJourneysSendingContent(services.dataSource.manager, items[0].workspaceId, items.map((i) => i.id));
        return items.map((i) => byContent.get(i.id) ?? []);
      },
      { cacheKeyFn: (item) => item.id },
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
