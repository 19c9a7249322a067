import { Brackets } from 'typeorm';
import { containsPattern, filterIds, NO_ID } from '../db/filters.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { assertId, badInput, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { diffDefinitions, isBreaking } from './trigger-diff.rules.js';
import { Trigger } from './trigger.entity.js';
import type { TriggerFilter } from './trigger.inputs.js';
import { versionDefinition } from './trigger.service.js';
import { CATALOG_KEYS } from './trigger.catalog.js';
import { keyProblems, normaliseTitle } from './trigger.rules.js';
import { TriggerKind, TriggerStatus } from './trigger.types.js';
import { TriggerVersion } from './trigger-version.entity.js';

const byTitle = { property: 'titleNormalized' as const, value: (t: Trigger) => t.titleNormalized };

/** Reading the catalog; every query is scoped to the viewer's workspace. */
export class TriggerQueryService {
  /** One load per notification, shared by every subscriber it fans out to. */
  private readonly fanOut = new Map<string, { expires: number; trigger: Promise<Trigger | null> }>();

  constructor(private readonly deps: ServiceDeps) {}

  /** Like `get`, but loads each trigger at most once per 250 ms: for subscriptions that notify many viewers at once. */
  async getForNotification(viewer: Viewer, id: string): Promise<Trigger> {
    const now = Date.now();
    let entry = this.fanOut.get(id);
    if (!entry || entry.expires < now) {
      entry = { expires: now + 250, trigger: this.deps.dataSource.getRepository(Trigger).findOneBy({ id }) };
      this.fanOut.set(id, entry);
      for (const [key, value] of this.fanOut) if (value.expires < now) this.fanOut.delete(key);
    }
    const trigger = await entry.trigger;
    if (!trigger || trigger.workspaceId !== workspaceOf(viewer)) throw notFound('Trigger', id);
    return trigger;
  }

  list(viewer: Viewer, filter: TriggerFilter | undefined, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(Trigger)
      .createQueryBuilder('t')
      .where('t.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (!filter?.includeHidden) qb.andWhere('t.hiddenAt IS NULL');
    if (filter?.kind?.length) qb.andWhere('t.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter?.category?.length) qb.andWhere('t.category IN (:...categories)', { categories: filter.category });
    if (filter?.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter?.usableAsStart) {
      qb.andWhere('t.kind <> :interaction AND t.status = :ready AND t.hiddenAt IS NULL', { interaction: TriggerKind.INTERACTION, ready: TriggerStatus.READY_TO_USE });
    }
    if (filter?.ids) qb.andWhere('t.id IN (:...ids)', { ids: [...filterIds(filter.ids), NO_ID] });
    const pattern = containsPattern(filter?.search);
    if (pattern) {
      qb.andWhere(new Brackets((w) => w.where('t.titleNormalized LIKE :pattern', { pattern }).orWhere('t.key LIKE :pattern', { pattern })));
    }
    return paginate(qb, page, 'ASC', byTitle);
  }

  async get(viewer: Viewer, id: string): Promise<Trigger> {
    assertId('Trigger', id);
    const trigger = await this.deps.dataSource.getRepository(Trigger).findOneBy({ id, workspaceId: workspaceOf(viewer) });
    if (!trigger) throw notFound('Trigger', id);
    return trigger;
  }

  /**
   * Whether `title` is free for a new or renamed trigger: no visible trigger of the workspace (out-of-box ones
   * included) has the same title after trimming and ignoring case — the rule the unique index enforces. Hidden
   * triggers free their title. `exceptTriggerId` leaves out the trigger being renamed.
   */
  async titleAvailable(viewer: Viewer, title: string, exceptTriggerId: string | null): Promise<boolean> {
    const normalised = normaliseTitle(title);
    if (!normalised) throw badInput('Give a title to check.', { reason: 'TITLE_REQUIRED', field: 'title' });
    if (exceptTriggerId) assertId('Trigger', exceptTriggerId);
    const qb = this.deps.dataSource
      .getRepository(Trigger)
      .createQueryBuilder('t')
      .where('t.workspaceId = :ws AND t.titleNormalized = :title AND t.hiddenAt IS NULL', { ws: workspaceOf(viewer), title: normalised });
    if (exceptTriggerId) qb.andWhere('t.id <> :except', { except: exceptTriggerId });
    return !(await qb.getExists());
  }

  /**
   * Whether `key` is free for a new trigger: no trigger of the workspace has it, hidden ones included (keys are
   * never reused), and it is not an out-of-box trigger's key. A malformed key is refused as creating would.
   */
  async keyAvailable(viewer: Viewer, key: string): Promise<boolean> {
    const candidate = key.trim();
    const [problem] = keyProblems(candidate, CATALOG_KEYS);
    if (problem?.reason === 'INVALID_KEY') throw badInput(problem.message, { reason: problem.reason, field: 'key' });
    if (problem) return false;
    return !(await this.deps.dataSource.getRepository(Trigger).existsBy({ workspaceId: workspaceOf(viewer), key: candidate }));
  }

  async byKey(viewer: Viewer, key: string): Promise<Trigger> {
    const trigger = await this.deps.dataSource.getRepository(Trigger).findOneBy({ key, workspaceId: workspaceOf(viewer) });
    if (!trigger) throw notFound('Trigger', key);
    return trigger;
  }

  async diff(viewer: Viewer, triggerId: string, from: number, to: number) {
    const trigger = await this.get(viewer, triggerId);
    const versions = await this.deps.dataSource.getRepository(TriggerVersion).find({
      where: [
        { triggerId: trigger.id, number: from },
        { triggerId: trigger.id, number: to },
      ],
    });
    const find = (n: number) => {
      const version = versions.find((v) => v.number === n);
      if (!version) throw badInput(`Trigger ${trigger.key} has no version ${n} (latest is ${trigger.latestVersion}).`, { reason: 'VERSION_NOT_FOUND' });
      return version;
    };
    const changes = diffDefinitions(versionDefinition(find(from)), versionDefinition(find(to)));
    return { from, to, changes, breaking: isBreaking(changes) };
  }
}
