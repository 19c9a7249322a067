import { ApiKeyScope } from '../auth/permissions.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { SAMPLE_CONTACT } from '../content/content.service.js';
import { ContentItem } from '../content/content-item.entity.js';
import { ContentChannel } from '../content/content.types.js';
import { CONTACT_FIELDS, renderTemplate } from '../content/templates.js';
import { Customer } from '../customers/customer.entity.js';
import { assertId, badInput, forbidden, notFound } from '../graphql/errors.js';
import { sampleEvent } from '../ingestion/sample-event.js';
import { loadFacts } from '../journeys/journey-facts.js';
import { Journey } from '../journeys/journey.entity.js';
import { toDefinition } from '../journeys/journey.service.js';
import { journeyProblems } from '../journeys/journey.rules.js';
import { readDefinition, type JourneyDefinition, type JourneyProblem } from '../journeys/journey.types.js';
import type { ServiceDeps } from '../service-deps.js';
import { versionDefinition } from '../triggers/trigger.service.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import { TriggerKind } from '../triggers/trigger.types.js';
import type { JourneySimulation, SimulatedMessage, SimulateJourneyInput } from './simulation.objects.js';
import { scriptProblem, simulate, type SimulatedSend } from './simulation.rules.js';

/**
 * "Test run": plays a journey for one customer on a virtual clock with the runtime's own transition function.
 * Reads the journey, its triggers, content and (optionally) a customer; writes nothing and sends nothing.
 */
export class SimulationService {
  constructor(private readonly deps: ServiceDeps) {}

  async simulate(viewer: Viewer, input: SimulateJourneyInput): Promise<JourneySimulation> {
    const workspaceId = workspaceOf(viewer);
    if (!input.journeyId === !input.definition)
      throw badInput('Give either the journey to test (journeyId) or a definition, not both.', { reason: 'SIMULATION_SOURCE', field: 'journeyId' });
    const def: JourneyDefinition = input.journeyId ? await this.definitionOf(workspaceId, input.journeyId) : toDefinition(input.definition!);
    const script = input.script.map((e) => ({
      afterSeconds: e.afterSeconds,
      kind: e.kind,
      stepId: e.stepId ?? null,
      interaction: e.interaction ?? null,
      triggerId: e.triggerId ?? null,
      bindingId: e.bindingId ?? null,
    }));
    const bad = scriptProblem(def, script, input.bindingId ?? null);
    if (bad) throw badInput(bad.message, { reason: 'INVALID_SCRIPT', field: bad.field });
    const contact = input.customerId ? await this.contactOf(viewer, input.customerId) : SAMPLE_CONTACT;

    const start = this.deps.clock.now();
    const manager = this.deps.dataSource.manager;
    const facts = await loadFacts(manager, workspaceId, def, start);
    const problems = journeyProblems(def, facts);
    const empty = { startedAt: start, path: [], messages: [], endStatus: null, endStepId: null, endedAt: null, goalReachedAt: null };
    if (problems.length > 0) return { ...empty, sampleEvent: input.sampleEvent ?? {}, problems };

    // Valid, so the start trigger and its pinned version exist.
    const trigger = facts.triggers.get(def.startTriggerId!)!;
    const number = def.startTriggerVersion ?? trigger.latestVersion;
    const version = await manager.getRepository(TriggerVersion).findOneByOrFail({ workspaceId, triggerId: trigger.id, number });
    const attributes = input.sampleEvent ?? (sampleEvent(trigger.key, versionDefinition(version)).attributes as Record<string, unknown>);
    const interactionTriggers = [...facts.triggers.values()].filter((t) => t.kind === TriggerKind.INTERACTION);
    const result = simulate({
      def,
      start,
      attributes,
      attributeTypes: new Map(version.attributes.map((a) => [a.name, a.type])),
      triggerIdByKey: new Map(interactionTriggers.map((t) => [t.key, t.id])),
      bindingId: input.bindingId ?? null,
      script,
    });
    const rendered = await this.render(workspaceId, result.sends, { trigger: attributes, contact });
    return {
      ...result,
      startedAt: start,
      sampleEvent: attributes,
      messages: rendered.messages,
      problems: [...result.problems, ...rendered.problems],
    };
  }

  /** Renders every message as the executor does; one that fails is reported as a problem of its step. */
  private async render(workspaceId: string, sends: SimulatedSend[], scope: { trigger: Record<string, unknown>; contact: Record<string, unknown> }) {
    const messages: SimulatedMessage[] = [];
    const problems: JourneyProblem[] = [];
    if (sends.length === 0) return { messages, problems };
    const ids = [...new Set(sends.map((s) => s.contentId))];
    const contents = await this.deps.dataSource
      .getRepository(ContentItem)
      .createQueryBuilder('c')
      .where('c.workspaceId = :ws AND c.id IN (:...ids)', { ws: workspaceId, ids })
      .getMany();
    const byId = new Map(contents.map((c) => [c.id, c]));
    for (const send of sends) {
      const content = byId.get(send.contentId)!;
      const r = async (t: string | null, kind: 'html' | 'text' = 'text') => (t ? await renderTemplate(t, scope, kind) : null);
      const email = send.channel === ContentChannel.EMAIL;
      const push = send.channel === ContentChannel.PUSH;
      try {
        messages.push({
          stepId: send.stepId,
          channel: send.channel,
          contentId: send.contentId,
          subject: email ? await r(content.subject) : null,
          htmlBody: email ? await r(content.htmlBody, 'html') : null,
          textBody: email ? await r(content.textBody) : null,
          body: email ? null : await r(content.body),
          title: push ? await r(content.title) : null,
          at: send.at,
        });
      } catch (error) {
        problems.push({
          code: 'TEMPLATE_ERROR',
          message: `Rendering “${content.name}” failed: ${(error as Error).message.split('\n')[0]}`,
          stepId: send.stepId,
          field: null,
        });
      }
    }
    return { messages, problems };
  }

  private async definitionOf(workspaceId: string, id: string): Promise<JourneyDefinition> {
    assertId('Journey', id);
    const journey = await this.deps.dataSource.getRepository(Journey).findOneBy({ id, workspaceId });
    if (!journey) throw notFound('Journey', id);
    return readDefinition(journey.definition);
  }

  /** A real customer as templates see them: the contact fields, then the workspace's custom fields by name. */
  private async contactOf(viewer: Viewer, customerId: string): Promise<Record<string, unknown>> {
    if (!viewer.permissions.has(ApiKeyScope.CUSTOMERS_READ))
      throw forbidden('Test-running with a customer needs permission to read customers (customers:read).', { reason: 'CUSTOMERS_READ_REQUIRED' });
    assertId('Customer', customerId);
    const customer = await this.deps.dataSource.getRepository(Customer).findOneBy({ workspaceId: workspaceOf(viewer), id: customerId });
    if (!customer) throw notFound('Customer', customerId);
    return { ...customer.fields, ...Object.fromEntries(CONTACT_FIELDS.map((field) => [field, customer[field]])) };
  }
}
