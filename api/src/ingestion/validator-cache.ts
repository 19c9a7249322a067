import type { Pool } from 'pg';
import { TriggerKind, type TriggerDefinition } from '../triggers/trigger.types.js';
import { compileValidator, type EventValidator } from './event-validation.rules.js';

/**
 * Compiled validators per trigger version. Versions are immutable, so an entry never goes stale; the map is
 * bounded (least recently used out). Missing versions are loaded in one statement per batch.
 */
export class ValidatorCache {
  private readonly cache = new Map<string, EventValidator>();

  constructor(private readonly max = 10_000) {}

  async load(pool: Pool, wanted: { triggerId: string; version: number; kind: TriggerKind }[]): Promise<Map<string, EventValidator>> {
    const result = new Map<string, EventValidator>();
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
      const { rows } = await pool.query(
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
        const validator = compileValidator(missing.get(key)!.kind, def);
        this.cache.set(key, validator);
        result.set(key, validator);
      }
      while (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    }
    return result;
  }
}
