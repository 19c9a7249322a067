import type { EntityManager } from 'typeorm';
import { ContentItem } from '../content/content-item.entity.js';
import { NO_ID } from '../db/filters.js';
import { isId } from '../graphql/errors.js';
import { triggerAttributesUsed } from '../content/content.rules.js';
import { fieldsOf } from '../content/content.service.js';
import { Trigger } from '../triggers/trigger.entity.js';
import { TriggerKind } from '../triggers/trigger.types.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import { referencedContentIds, referencedTriggerIds } from './journey.rules.js';
import type { JourneyDefinition, TriggerFacts, ValidationFacts } from './journey.types.js';

/**
 * Loads what validation needs about the triggers and content a definition references, all within the
 * workspace (foreign ids simply are not found). With `lock`, referenced triggers and content are locked FOR
 * SHARE so a concurrent hide or content edit waits for the publish to finish, then sees the live journey.
 */
export async function loadFacts(manager: EntityManager, workspaceId: string, def: JourneyDefinition, now: Date, lock = false): Promise<ValidationFacts> {
  const ids = referencedTriggerIds(def).filter(isId);
  const triggerQuery = manager
    .getRepository(Trigger)
    .createQueryBuilder('t')
    .where('t.workspaceId = :ws', { ws: workspaceId })
    .andWhere('(t.id IN (:...ids) OR t.kind = :interaction)', { ids: [...ids, NO_ID], interaction: TriggerKind.INTERACTION });
  if (lock) triggerQuery.setLock('pessimistic_read');
  const triggers = await triggerQuery.getMany();
  const startId = def.startTriggerId && isId(def.startTriggerId) ? def.startTriggerId : null;
  const versions = startId ? await manager.getRepository(TriggerVersion).find({ where: { triggerId: startId, workspaceId } }) : [];
  const facts: TriggerFacts[] = triggers.map((t) => ({
    id: t.id,
    key: t.key,
    title: t.title,
    kind: t.kind,
    status: t.status,
    hidden: t.hiddenAt !== null,
    latestVersion: t.latestVersion,
    versions: new Map(versions.filter((v) => v.triggerId === t.id).map((v) => [v.number, { identity: v.identity, attributes: v.attributes, createdAt: v.createdAt }])),
  }));
  const contentIds = referencedContentIds(def).filter(isId);
  const contentQuery = manager.getRepository(ContentItem).createQueryBuilder('c').where('c.workspaceId = :ws AND c.id IN (:...ids)', { ws: workspaceId, ids: contentIds });
  if (lock) contentQuery.setLock('pessimistic_read');
  const contents = contentIds.length ? await contentQuery.getMany() : [];
  return {
    now,
    triggers: new Map(facts.map((f) => [f.id, f])),
    triggersByKey: new Map(facts.map((f) => [f.key, f])),
    contents: new Map(
      contents.map((c) => [c.id, { id: c.id, name: c.name, channel: c.channel, state: c.state, triggerAttributes: triggerAttributesUsed(c.channel, fieldsOf(c)) }]),
    ),
  };
}
