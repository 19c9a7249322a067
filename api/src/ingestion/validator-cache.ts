import type { Pool, PoolClient } from 'pg';
import { TriggerKind, type CustomerIdentity, type TriggerDefinition } from '../triggers/trigger.types.js';
import { compileValidator, type EventValidator } from './event-validation.rules.js';

/** One trigger version, ready for events: its checks and what its `authId` identifies. */
export type CompiledVersion = { validate: EventValidator; identity: CustomerIdentity };

/**
 * Compiled validators per trigger version. Versions are immutable, so an entry never goes stale; the map is
 * bounded (least recently used out). Missing versions are loaded in one statement per batch.
 */
export class ValidatorCache {
  private readonly cache = new Map<string, CompiledVersion>();

  constructor(private readonly max = 10_000) {}

  async load(db: Pool | PoolClient, wanted: { triggerId: string; version: number; kind: TriggerKind }[]): Promise<Map<string, CompiledVersion>> {
    const result = new Map<string, CompiledVersion>();
    const missing = new Map<string, { triggerId: string; version: number; kind: TriggerKind }>();
    for (const w of wanted) {
      const key = `${w.triggerId}:${w.version}`;
      const hit = this.cache.get(key);
      if (hit) {
        this.cache.delete(key);
        this.cache.set(key, hit);
        result.set(key, hit);
      } else missing.set(key, w);
    }
    if (missing.size > 0) {
      const list = [...missing.values()];
      const { rows } = await db.query(
        `SELECT trigger_id, number, title, description, category, identity, source, attributes, allowed_operations
           FROM trigger_versions WHERE (trigger_id, number) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
        [list.map((w) => w.triggerId), list.map((w) => w.version)],
      );
      for (const row of rows) {
        const key = `${row.trigger_id}:${row.number}`;
        const def: TriggerDefinition = {
          title: row.title,
          description: row.description,
          category: row.category,
          identity: row.identity,
          source: row.source,
          attributes: row.attributes,
          allowedOperations: row.allowed_operations,
        };
        const compiled = { validate: compileValidator(missing.get(key)!.kind, def), identity: def.identity };
        this.cache.set(key, compiled);
        result.set(key, compiled);
      }
      while (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    }
    return result;
  }
}
