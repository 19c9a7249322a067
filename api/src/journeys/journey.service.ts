import type { AuditService } from '../audit/audit.service.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { containsPattern } from '../db/filters.js';
import { transact, type Tx } from '../db/transaction.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { AppError, assertId, badInput, conflict, ErrorCode, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { loadFacts } from './journey-facts.js';
import { Journey } from './journey.entity.js';
import type { CreateJourneyInput, JourneyFilter, UpdateJourneyInput } from './journey.inputs.js';
import type { JourneyDefinitionInput } from './journey.objects.js';
import { journeyProblems } from './journey.rules.js';
import { JourneyStatus, RepeatPolicy, type JourneyDefinition, type JourneyProblem } from './journey.types.js';

/** Drafts may hold more than a publishable journey while being edited, but not without bound. */
const MAX_DRAFT_STEPS = 200;

export const emptyDefinition = (): JourneyDefinition => ({
  startTriggerId: null,
  startTriggerVersion: null,
  repeatPolicy: RepeatPolicy.NOT_ALLOWED,
  repeatAfterSeconds: null,
  startAt: null,
  endAt: null,
  goalTriggerId: null,
  goalPercent: null,
  exitTriggerIds: [],
  firstStepId: null,
  steps: [],
  ignoreFrequencyCap: false,
});

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_LABEL = 80;
const MAX_EXIT_TRIGGERS = 20;
const MAX_BRANCH_VALUES = 2;

/** Shape limits a draft must meet to be stored at all; the publish rules (journey.rules.ts) judge the rest. */
function checkDraftShape(input: JourneyDefinitionInput) {
  if (input.steps.length > MAX_DRAFT_STEPS) throw badInput(`A journey draft holds at most ${MAX_DRAFT_STEPS} steps.`, { reason: 'TOO_MANY_STEPS', field: 'steps' });
  if (input.exitTriggerIds.length > MAX_EXIT_TRIGGERS)
    throw badInput(`A journey has at most ${MAX_EXIT_TRIGGERS} exit triggers.`, { reason: 'TOO_MANY_EXIT_TRIGGERS', field: 'exitTriggerIds' });
  input.steps.forEach((s, i) => {
    if (!STEP_ID.test(s.id))
      throw badInput(`Step ids are 1–64 letters, digits, “-” or “_”; step ${i + 1} has “${s.id.slice(0, 70)}”.`, { reason: 'INVALID_STEP_ID', field: `steps[${i}].id` });
    if ((s.label ?? '').length > MAX_LABEL) throw badInput(`A step label is at most ${MAX_LABEL} characters.`, { reason: 'LABEL_TOO_LONG', field: `steps[${i}].label` });
    if ((s.values ?? []).length > MAX_BRANCH_VALUES)
      throw badInput(`A branch compares with at most ${MAX_BRANCH_VALUES} values.`, { reason: 'TOO_MANY_VALUES', field: `steps[${i}].values` });
  });
}

export function toDefinition(input: JourneyDefinitionInput): JourneyDefinition {
  checkDraftShape(input);
  return {
    startTriggerId: input.startTriggerId ?? null,
    startTriggerVersion: input.startTriggerVersion ?? null,
    repeatPolicy: input.repeatPolicy,
    repeatAfterSeconds: input.repeatAfterSeconds ?? null,
    startAt: iso(input.startAt),
    endAt: iso(input.endAt),
    goalTriggerId: input.goalTriggerId ?? null,
    goalPercent: input.goalPercent ?? null,
    exitTriggerIds: input.exitTriggerIds,
    firstStepId: input.firstStepId ?? null,
    ignoreFrequencyCap: input.ignoreFrequencyCap ?? false,
    steps: input.steps.map((s) => ({
      id: s.id,
      type: s.type,
      label: s.label ?? null,
      next: s.next ?? null,
      yes: s.yes ?? null,
      no: s.no ?? null,
      contentId: s.contentId ?? null,
      sendTo: s.sendTo ?? null,
      branchStepId: s.branchStepId ?? null,
      interactionTriggerKey: s.interactionTriggerKey ?? null,
      waitTriggerId: s.waitTriggerId ?? null,
      withinSeconds: s.withinSeconds ?? null,
      attribute: s.attribute ?? null,
      comparator: s.comparator ?? null,
      values: s.values ?? null,
      waitSeconds: s.waitSeconds ?? null,
      waitUntil: iso(s.waitUntil),
    })),
  };
}

function nameOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 120) throw badInput('Give the journey a name of 1–120 characters.', { reason: 'INVALID_NAME', field: 'name' });
  return trimmed;
}

const published = (journey: Journey) =>
  new AppError(ErrorCode.CONFLICT, `“${journey.name}” has been published and cannot change. Duplicate it to make a new draft.`, {
    reason: 'JOURNEY_PUBLISHED',
    status: journey.status,
  });

export class JourneyService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    /** Told inside the transaction that stops a journey: the runtime ends its runs there (journeys know nothing of runs). */
    private readonly onStopped: (tx: Tx, journey: Journey, now: Date) => Promise<number> = async () => 0,
  ) {}

  list(viewer: Viewer, filter: JourneyFilter | undefined, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(Journey)
      .createQueryBuilder('j')
      .where('j.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (filter?.status) qb.andWhere('j.status = :status', { status: filter.status });
    const pattern = containsPattern(filter?.search);
    if (pattern) qb.andWhere('lower(j.name) LIKE :pattern', { pattern });
    return paginate(qb, page, 'DESC');
  }

  async get(viewer: Viewer, id: string): Promise<Journey> {
    assertId('Journey', id);
    const journey = await this.deps.dataSource.getRepository(Journey).findOneBy({ id, workspaceId: workspaceOf(viewer) });
    if (!journey) throw notFound('Journey', id);
    return journey;
  }

  create(viewer: Viewer, input: CreateJourneyInput): Promise<Journey> {
    const name = nameOf(input.name);
    const definition = input.definition ? toDefinition(input.definition) : emptyDefinition();
    return this.insert(viewer, { name, description: input.description.trim(), definition, duplicatedFromId: null }, 'journey.create');
  }

  update(viewer: Viewer, input: UpdateJourneyInput): Promise<Journey> {
    return this.change(viewer, input.id, 'journey.update', async (_tx, journey) => {
      if (journey.status !== JourneyStatus.DRAFT) throw published(journey);
      if (input.baseRevision !== journey.revision)
        throw conflict(`The journey changed meanwhile (revision ${journey.revision}). Reload and edit again.`, { reason: 'STALE_REVISION', latestRevision: journey.revision });
      if (input.name !== undefined && input.name !== null) journey.name = nameOf(input.name);
      if (input.description !== undefined && input.description !== null) journey.description = input.description.trim();
      if (input.definition) journey.definition = toDefinition(input.definition);
      journey.revision += 1;
      return { revision: journey.revision };
    });
  }

  async validate(viewer: Viewer, id: string): Promise<{ valid: boolean; problems: JourneyProblem[] }> {
    const journey = await this.get(viewer, id);
    const problems = journeyProblems(journey.definition, await loadFacts(this.deps.dataSource.manager, journey.workspaceId, journey.definition, this.deps.clock.now()));
    return { valid: problems.length === 0, problems };
  }

  /** Re-runs validation with the referenced triggers locked, then makes the journey LIVE and immutable. */
  publish(viewer: Viewer, id: string): Promise<Journey> {
    return this.change(viewer, id, 'journey.publish', async (tx, journey) => {
      if (journey.status !== JourneyStatus.DRAFT) throw published(journey);
      const problems = journeyProblems(journey.definition, await loadFacts(tx.manager, journey.workspaceId, journey.definition, this.deps.clock.now(), true));
      if (problems.length > 0) {
        throw badInput(`The journey cannot be published: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, {
          reason: 'JOURNEY_INVALID',
          problems,
        });
      }
      journey.status = JourneyStatus.LIVE;
      journey.publishedAt = this.deps.clock.now();
      return { startTriggerId: journey.definition.startTriggerId };
    });
  }

  stop(viewer: Viewer, id: string): Promise<Journey> {
    return this.change(viewer, id, 'journey.stop', async (tx, journey) => {
      if (journey.status !== JourneyStatus.LIVE) throw conflict('Only a live journey can be stopped.', { reason: 'JOURNEY_NOT_LIVE', status: journey.status });
      journey.status = JourneyStatus.STOPPED;
      journey.stoppedAt = this.deps.clock.now();
      return { runsStopped: await this.onStopped(tx, journey, journey.stoppedAt) };
    });
  }

  /** Copies any journey into a new draft in one transaction: the copy never exists without its definition. */
  async duplicate(viewer: Viewer, input: { id: string; name?: string | null }): Promise<Journey> {
    const source = await this.get(viewer, input.id);
    const name = nameOf(input.name ?? `${source.name} (copy)`.slice(0, 120));
    return this.insert(viewer, { name, description: source.description, definition: structuredClone(source.definition), duplicatedFromId: source.id }, 'journey.duplicate', {
      from: source.id,
    });
  }

  private insert(
    viewer: Viewer,
    fields: Pick<Journey, 'name' | 'description' | 'definition' | 'duplicatedFromId'>,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<Journey> {
    const workspaceId = workspaceOf(viewer);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(Journey);
      const now = this.deps.clock.now();
      const journey = await repo.save(
        repo.create({ workspaceId, ...fields, status: JourneyStatus.DRAFT, revision: 1, publishedAt: null, stoppedAt: null, createdAt: now, updatedAt: now }),
      );
      await this.audit.append(tx, viewer, { workspaceId, action, targetType: 'Journey', targetId: journey.id, details: { name: journey.name, ...details } });
      return journey;
    });
  }

  private change(viewer: Viewer, id: string, action: string, apply: (tx: Tx, journey: Journey) => Promise<Record<string, unknown>>): Promise<Journey> {
    const workspaceId = workspaceOf(viewer);
    assertId('Journey', id);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(Journey);
      const journey = await repo.createQueryBuilder('j').setLock('pessimistic_write').where('j.id = :id AND j.workspaceId = :ws', { id, ws: workspaceId }).getOne();
      if (!journey) throw notFound('Journey', id);
      const details = await apply(tx, journey);
      journey.updatedAt = this.deps.clock.now();
      await repo.save(journey);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action,
        targetType: 'Journey',
        targetId: journey.id,
        details: { name: journey.name, status: journey.status, ...details },
      });
      return journey;
    });
  }
}
