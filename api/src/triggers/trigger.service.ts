import { QueryFailedError, type EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { ActorType } from '../audit/audit-entry.entity.js';
import { actorOf, workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact } from '../db/transaction.js';
import { AppError, assertId, badInput, conflict, ErrorCode, forbidden, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { CATALOG, CATALOG_KEYS } from './trigger.catalog.js';
import { diffDefinitions, isBreaking, type Change } from './trigger-diff.rules.js';
import { Trigger } from './trigger.entity.js';
import type { CreateTriggerInput, UpdateTriggerInput } from './trigger.inputs.js';
import {
  definitionProblems,
  editLockedUntil,
  editRefusal,
  hideRefusal,
  keyFromTitle,
  keyProblems,
  normaliseAttribute,
  normaliseTitle,
  withDefaultOperations,
  type Problem,
} from './trigger.rules.js';
import { TriggerKind, TriggerStatus, type TriggerDefinition } from './trigger.types.js';
import { TriggerVersion } from './trigger-version.entity.js';

function invalid(problems: Problem[]): AppError {
  const [first] = problems;
  return badInput(problems.length > 1 ? `${first.message} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : first.message, {
    reason: first.reason,
    field: first.field,
    problems,
  });
}

/** Unique-index violations become CONFLICTs that say which rule was hit. */
function uniqueViolation(error: unknown, title: string, key: string): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string };
  if (driver.code !== '23505') return null;
  if (driver.constraint === 'triggers_visible_title_key') return conflict(`A visible trigger is already titled “${title}”.`, { reason: 'TITLE_TAKEN', field: 'title' });
  if (driver.constraint === 'triggers_workspace_key_key')
    return conflict(`The key “${key}” is already used by another trigger (hidden ones included).`, { reason: 'KEY_TAKEN', field: 'key' });
  return null;
}

export function versionDefinition(v: TriggerVersion): TriggerDefinition {
  return {
    title: v.title,
    description: v.description,
    category: v.category,
    identity: v.identity,
    source: v.source,
    attributes: v.attributes,
    allowedOperations: v.allowedOperations,
  };
}

/** Creating, editing and hiding triggers; every change is one transaction with its audit entry. */
export class TriggerService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    /** Names of live journeys using each trigger (wired by the composition root; hiding a used trigger is refused). */
    private readonly liveJourneysUsing: (manager: EntityManager, workspaceId: string, triggerIds: readonly string[]) => Promise<Map<string, string[]>>,
  ) {}

  async create(viewer: Viewer, input: CreateTriggerInput): Promise<Trigger> {
    const workspaceId = workspaceOf(viewer);
    const definition: TriggerDefinition = {
      title: input.title.trim(),
      description: input.description.trim(),
      category: input.category,
      identity: input.identity,
      source: input.source.trim(),
      attributes: input.attributes.map((a) => normaliseAttribute(a)),
      allowedOperations: withDefaultOperations(input.allowedOperations),
    };
    const key = input.key?.trim() || keyFromTitle(definition.title);
    const problems = [...keyProblems(key, CATALOG_KEYS), ...definitionProblems(definition)];
    if (problems.length > 0) throw invalid(problems);
    try {
      return await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
        const trigger = await this.insertTrigger(tx.manager, workspaceId, key, TriggerKind.CUSTOM, TriggerStatus.AWAITING_FIRST_EVENT, definition, viewer);
        await this.audit.append(tx, viewer, {
          workspaceId,
          action: 'trigger.create',
          targetType: 'Trigger',
          targetId: trigger.id,
          details: { key, title: definition.title, attributes: definition.attributes.length },
        });
        return trigger;
      });
    } catch (error) {
      throw uniqueViolation(error, definition.title, key) ?? error;
    }
  }

  async update(viewer: Viewer, input: UpdateTriggerInput): Promise<{ trigger: Trigger; version: TriggerVersion }> {
    const workspaceId = workspaceOf(viewer);
    assertId('Trigger', input.id);
    const now = this.deps.clock.now();
    let title = '';
    try {
      return await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
        const trigger = await this.lockTrigger(tx.manager, workspaceId, input.id);
        const latest = await tx.manager.getRepository(TriggerVersion).findOneByOrFail({ triggerId: trigger.id, number: trigger.latestVersion });
        this.refuseEdit(trigger, latest, input.baseVersion, now);
        const before = versionDefinition(latest);
        const after: TriggerDefinition = {
          title: input.title?.trim() ?? before.title,
          description: input.description?.trim() ?? before.description,
          category: input.category ?? before.category,
          identity: input.identity ?? before.identity,
          source: input.source?.trim() ?? before.source,
          attributes: input.attributes ? input.attributes.map((a) => normaliseAttribute(a)) : before.attributes,
          allowedOperations: input.allowedOperations ? withDefaultOperations(input.allowedOperations) : before.allowedOperations,
        };
        title = after.title;
        const problems = definitionProblems(after);
        if (problems.length > 0) throw invalid(problems);
        const changes = diffDefinitions(before, after);
        if (changes.length === 0) throw badInput('Nothing changed: no new version was saved.', { reason: 'NO_CHANGES' });
        const version = await this.insertVersion(tx.manager, trigger, latest.number + 1, after, changes, viewer, now);
        Object.assign(trigger, { title: after.title, titleNormalized: normaliseTitle(after.title), category: after.category, latestVersion: version.number, updatedAt: now });
        await tx.manager.getRepository(Trigger).save(trigger);
        await this.audit.append(tx, viewer, {
          workspaceId,
          action: 'trigger.update',
          targetType: 'Trigger',
          targetId: trigger.id,
          details: { version: version.number, breaking: version.breaking, changes: changes.map((c) => c.summary) },
        });
        return { trigger, version };
      });
    } catch (error) {
      throw uniqueViolation(error, title, '') ?? error;
    }
  }

  async hide(viewer: Viewer, input: { id: string; confirmTitle: string }): Promise<Trigger> {
    const workspaceId = workspaceOf(viewer);
    assertId('Trigger', input.id);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const trigger = await this.lockTrigger(tx.manager, workspaceId, input.id);
      const refusal = hideRefusal(trigger, input.confirmTitle);
      switch (refusal) {
        case 'OUT_OF_BOX_READ_ONLY':
          throw forbidden('Out-of-box triggers cannot be hidden.', { reason: refusal });
        case 'ALREADY_HIDDEN':
          throw conflict('This trigger is already hidden.', { reason: refusal });
        case 'TITLE_MISMATCH':
          throw badInput(`Type the trigger’s exact title (“${trigger.title}”) to confirm hiding it.`, { reason: refusal, field: 'confirmTitle' });
        case null:
          break;
      }
      const live = (await this.liveJourneysUsing(tx.manager, workspaceId, [trigger.id])).get(trigger.id) ?? [];
      if (live.length > 0) {
        throw conflict(`“${trigger.title}” is used by live journeys: ${live.join(', ')}. Stop them first.`, { reason: 'TRIGGER_IN_LIVE_JOURNEY', journeys: live });
      }
      trigger.hiddenAt = this.deps.clock.now();
      await tx.manager.getRepository(Trigger).save(trigger);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'trigger.hide',
        targetType: 'Trigger',
        targetId: trigger.id,
        details: { key: trigger.key, title: trigger.title },
      });
      return trigger;
    });
  }

  /** Adds missing out-of-box triggers to every workspace (or one). Idempotent; run at start-up and on workspace creation. */
  async ensureCatalog(manager: EntityManager = this.deps.dataSource.manager, onlyWorkspaceId?: string): Promise<number> {
    const workspaces: { id: string }[] = onlyWorkspaceId ? [{ id: onlyWorkspaceId }] : await manager.query('SELECT id FROM workspaces');
    const existing: { workspace_id: string; key: string }[] = await manager.query(`SELECT workspace_id, key FROM triggers WHERE kind <> 'CUSTOM' AND workspace_id = ANY($1)`, [
      workspaces.map((w) => w.id),
    ]);
    const have = new Set(existing.map((row) => `${row.workspace_id}:${row.key}`));
    let added = 0;
    for (const workspace of workspaces) {
      for (const entry of CATALOG) {
        if (have.has(`${workspace.id}:${entry.key}`)) continue;
        await this.insertTrigger(manager, workspace.id, entry.key, entry.kind, TriggerStatus.READY_TO_USE, entry.definition, null);
        added += 1;
      }
    }
    return added;
  }

  private refuseEdit(trigger: Trigger, latest: TriggerVersion, baseVersion: number, now: Date) {
    const refusal = editRefusal({ kind: trigger.kind, hiddenAt: trigger.hiddenAt, latest }, baseVersion, now);
    switch (refusal) {
      case 'OUT_OF_BOX_READ_ONLY':
        throw forbidden('Out-of-box triggers cannot be edited.', { reason: refusal });
      case 'TRIGGER_HIDDEN':
        throw conflict('Hidden triggers cannot be edited.', { reason: refusal });
      case 'STALE_VERSION':
        throw conflict(`The trigger changed meanwhile: you edited version ${baseVersion}, the latest is ${trigger.latestVersion}. Reload and edit again.`, {
          reason: refusal,
          latestVersion: trigger.latestVersion,
        });
      case 'TRIGGER_EDIT_LOCKED': {
        const unlockAt = editLockedUntil(latest)!;
        throw new AppError(ErrorCode.CONFLICT, `The trigger was edited less than an hour ago; it can be edited again at ${unlockAt.toISOString()}.`, {
          reason: refusal,
          unlockAt: unlockAt.toISOString(),
        });
      }
      case null:
        return;
    }
  }

  private async lockTrigger(manager: EntityManager, workspaceId: string, id: string): Promise<Trigger> {
    const trigger = await manager
      .getRepository(Trigger)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id AND t.workspaceId = :workspaceId', { id, workspaceId })
      .getOne();
    if (!trigger) throw notFound('Trigger', id);
    return trigger;
  }

  private async insertTrigger(
    manager: EntityManager,
    workspaceId: string,
    key: string,
    kind: TriggerKind,
    status: TriggerStatus,
    def: TriggerDefinition,
    viewer: Viewer | null,
  ): Promise<Trigger> {
    const now = this.deps.clock.now();
    const repo = manager.getRepository(Trigger);
    const trigger = await repo.save(
      repo.create({
        workspaceId,
        key,
        kind,
        title: def.title,
        titleNormalized: normaliseTitle(def.title),
        category: def.category,
        status,
        readyAt: status === TriggerStatus.READY_TO_USE ? now : null,
        latestVersion: 1,
        hiddenAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.insertVersion(manager, trigger, 1, def, [], viewer, now);
    return trigger;
  }

  private insertVersion(
    manager: EntityManager,
    trigger: Trigger,
    number: number,
    def: TriggerDefinition,
    changes: Change[],
    viewer: Viewer | null,
    now: Date,
  ): Promise<TriggerVersion> {
    const author = viewer ? actorOf(viewer) : { actorType: ActorType.SYSTEM, actorId: null, actorLabel: 'Flare' };
    const repo = manager.getRepository(TriggerVersion);
    return repo.save(
      repo.create({
        triggerId: trigger.id,
        workspaceId: trigger.workspaceId,
        number,
        ...def,
        changes,
        breaking: isBreaking(changes),
        authorType: author.actorType as ActorType,
        authorId: author.actorId,
        authorLabel: author.actorLabel,
        createdAt: now,
      }),
    );
  }
}
