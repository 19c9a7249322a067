import type { AuditService } from '../audit/audit.service.js';
import { ApiKeyScope } from '../auth/permissions.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { containsPattern, filterIds, NO_ID } from '../db/filters.js';
import { transact, type Tx } from '../db/transaction.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { AppError, assertId, badInput, conflict, ErrorCode, forbidden, notFound } from '../graphql/errors.js';
import { sampleEvent } from '../ingestion/sample-event.js';
import { Customer } from '../customers/customer.entity.js';
import type { ServiceDeps } from '../service-deps.js';
import type { TriggerQueryService } from '../triggers/trigger-query.service.js';
import { versionDefinition } from '../triggers/trigger.service.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import { fieldChanges, readinessProblems, type ContentProblem } from './content.rules.js';
import { ContentChannel, ContentState, type ContentFields } from './content.types.js';
import type { ContentFilter, CreateContentInput, UpdateContentInput } from './content.inputs.js';
import { ContentItem } from './content-item.entity.js';
import { CONTACT_FIELDS, renderTemplate } from './templates.js';

const FIELDS = ['subject', 'senderName', 'htmlBody', 'textBody', 'body', 'title', 'link'] as const;
const CONTACT_FIELD_LABELS: Record<(typeof CONTACT_FIELDS)[number], string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  city: 'City',
  country: 'Country',
};
export const SAMPLE_CONTACT = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', city: 'London', country: 'United Kingdom' };

export const fieldsOf = (c: ContentItem): ContentFields => ({
  name: c.name,
  subject: c.subject,
  senderName: c.senderName,
  htmlBody: c.htmlBody,
  textBody: c.textBody,
  body: c.body,
  title: c.title,
  link: c.link,
});

export class ContentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly triggers: TriggerQueryService,
    /** Names of live journeys sending this content (editing is refused while there are any). */
    private readonly liveJourneysSending: (tx: Tx, workspaceId: string, contentId: string) => Promise<string[]>,
  ) {}

  list(viewer: Viewer, filter: ContentFilter | undefined, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(ContentItem)
      .createQueryBuilder('c')
      .where('c.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (filter?.channel) qb.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter?.state) qb.andWhere('c.state = :state', { state: filter.state });
    const pattern = containsPattern(filter?.search);
    if (pattern) qb.andWhere('lower(c.name) LIKE :pattern', { pattern });
    if (filter?.ids) qb.andWhere('c.id IN (:...ids)', { ids: [...filterIds(filter.ids), NO_ID] });
    return paginate(qb, page, 'DESC');
  }

  async get(viewer: Viewer, id: string): Promise<ContentItem> {
    assertId('Content', id);
    const item = await this.deps.dataSource.getRepository(ContentItem).findOneBy({ id, workspaceId: workspaceOf(viewer) });
    if (!item) throw notFound('Content', id);
    return item;
  }

  create(viewer: Viewer, input: CreateContentInput): Promise<ContentItem> {
    return this.insert(viewer, { channel: input.channel, name: nameOf(input.name), ...pick(input) }, 'content.create', { channel: input.channel });
  }

  /** A draft copy of any content, e.g. to change a message a live journey sends. */
  async duplicate(viewer: Viewer, input: { id: string; name?: string | null }): Promise<ContentItem> {
    const source = await this.get(viewer, input.id);
    const name = nameOf(input.name ?? `${source.name} (copy)`.slice(0, 120));
    return this.insert(viewer, { channel: source.channel, name, ...pick(source) }, 'content.duplicate', { channel: source.channel, from: source.id });
  }

  private insert(viewer: Viewer, fields: Partial<ContentItem> & Pick<ContentItem, 'channel' | 'name'>, action: string, details: Record<string, unknown>): Promise<ContentItem> {
    const workspaceId = workspaceOf(viewer);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(ContentItem);
      const now = this.deps.clock.now();
      const item = await repo.save(repo.create({ workspaceId, ...fields, state: ContentState.DRAFT, revision: 1, createdAt: now, updatedAt: now }));
      await this.audit.append(tx, viewer, { workspaceId, action, targetType: 'Content', targetId: item.id, details: { name: item.name, ...details } });
      return item;
    });
  }

  /** Editing ready content returns it to draft; content sent by a live journey cannot be edited. */
  async update(viewer: Viewer, input: UpdateContentInput): Promise<ContentItem> {
    return this.change(viewer, input.id, 'content.update', async (tx, item) => {
      if (input.baseRevision !== item.revision)
        throw conflict(`The content changed meanwhile (revision ${item.revision}). Reload and edit again.`, { reason: 'STALE_REVISION', latestRevision: item.revision });
      const before = fieldsOf(item);
      Object.assign(item, pick(input), input.name !== undefined && input.name !== null ? { name: nameOf(input.name) } : {});
      item.state = ContentState.DRAFT;
      return { channel: item.channel, changes: fieldChanges(before, fieldsOf(item)) };
    });
  }

  async markReady(viewer: Viewer, id: string): Promise<ContentItem> {
    return this.change(viewer, id, 'content.markReady', async (_tx, item) => {
      const problems = readinessProblems(item.channel, fieldsOf(item));
      if (problems.length > 0) throw badInput(`Not ready to send: ${problems[0].message}`, { reason: 'CONTENT_INCOMPLETE', field: problems[0].field, problems });
      item.state = ContentState.READY_TO_SEND;
      return {};
    });
  }

  /** The readiness problems of the stored content with `unsaved` fields in place (an empty string empties a field). */
  async readiness(viewer: Viewer, id: string, unsaved: Partial<Record<(typeof FIELDS)[number], string | null>>): Promise<ContentProblem[]> {
    const item = await this.get(viewer, id);
    const fields = {
      ...fieldsOf(item),
      ...Object.fromEntries(Object.entries(unsaved).filter(([k, v]) => v !== undefined && v !== null && (FIELDS as readonly string[]).includes(k))),
    };
    return readinessProblems(item.channel, fields);
  }

  /** The tokens a message can use: the contact fields, and the attributes of the trigger's latest version when one is given. */
  async tokens(viewer: Viewer, triggerId: string | null): Promise<{ token: string; label: string; source: 'TRIGGER' | 'CONTACT' }[]> {
    const contact = CONTACT_FIELDS.map((field) => ({ token: `{{ contact.${field} }}`, label: CONTACT_FIELD_LABELS[field], source: 'CONTACT' as const }));
    if (!triggerId) return contact;
    const trigger = await this.triggers.get(viewer, triggerId);
    const version = await this.deps.dataSource.getRepository(TriggerVersion).findOneByOrFail({ triggerId: trigger.id, number: trigger.latestVersion });
    const attributes = versionDefinition(version).attributes.map((a) => ({ token: `{{ trigger.${a.name} }}`, label: a.displayName || a.name, source: 'TRIGGER' as const }));
    return [...attributes, ...contact];
  }

  /**
   * Renders with the latest version's sample event of `triggerId` (or no trigger attributes) and a sample contact,
   * or the customer `customerId` of the same workspace when the viewer may read customers.
   */
  async preview(
    viewer: Viewer,
    contentId: string,
    triggerId: string | null,
    unsaved: Partial<Record<'subject' | 'htmlBody' | 'textBody' | 'body' | 'title', string | null>> = {},
    customerId: string | null = null,
  ) {
    const contact = customerId ? await this.previewContact(viewer, customerId) : SAMPLE_CONTACT;
    const stored = await this.get(viewer, contentId);
    const item = { ...stored, ...Object.fromEntries(Object.entries(unsaved).filter(([, v]) => v !== undefined && v !== null)) };
    let attributes: Record<string, unknown> = {};
    if (triggerId) {
      const trigger = await this.triggers.get(viewer, triggerId);
      const version = await this.deps.dataSource.getRepository(TriggerVersion).findOneByOrFail({ triggerId: trigger.id, number: trigger.latestVersion });
      attributes = sampleEvent(trigger.key, versionDefinition(version)).attributes as Record<string, unknown>;
    }
    const scope = { trigger: attributes, contact };
    const render = async (template: string | null, kind: 'html' | 'text' = 'text') => {
      if (!template) return null;
      try {
        return await renderTemplate(template, scope, kind);
      } catch (error) {
        throw badInput(`The template cannot be rendered: ${(error as Error).message.split('\n')[0]}`, { reason: 'TEMPLATE_ERROR' });
      }
    };
    return item.channel === ContentChannel.EMAIL
      ? { subject: await render(item.subject), html: await render(item.htmlBody, 'html'), text: await render(item.textBody), body: null, title: null }
      : { subject: null, html: null, text: null, body: await render(item.body), title: await render(item.title) };
  }

  /** A real customer as templates see it: the contact fields, then the workspace's custom fields by name. */
  private async previewContact(viewer: Viewer, customerId: string): Promise<Record<string, unknown>> {
    if (!viewer.permissions.has(ApiKeyScope.CUSTOMERS_READ))
      throw forbidden('Previewing with a customer needs permission to read customers (customers:read).', { reason: 'CUSTOMERS_READ_REQUIRED' });
    assertId('Customer', customerId);
    const customer = await this.deps.dataSource.getRepository(Customer).findOneBy({ workspaceId: workspaceOf(viewer), id: customerId });
    if (!customer) throw notFound('Customer', customerId);
    return { ...customer.fields, ...Object.fromEntries(CONTACT_FIELDS.map((field) => [field, customer[field]])) };
  }

  private async change(viewer: Viewer, id: string, action: string, apply: (tx: Tx, item: ContentItem) => Promise<Record<string, unknown>>): Promise<ContentItem> {
    const workspaceId = workspaceOf(viewer);
    assertId('Content', id);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(ContentItem);
      const item = await repo.createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id AND c.workspaceId = :ws', { id, ws: workspaceId }).getOne();
      if (!item) throw notFound('Content', id);
      const live = await this.liveJourneysSending(tx, workspaceId, id);
      if (live.length > 0)
        throw new AppError(ErrorCode.CONFLICT, `“${item.name}” is sent by live journeys (${live.join(', ')}); duplicate it to change the message for new journeys.`, {
          reason: 'CONTENT_IN_LIVE_JOURNEY',
          journeys: live,
        });
      const details = await apply(tx, item);
      item.revision += 1;
      item.updatedAt = this.deps.clock.now();
      await repo.save(item);
      await this.audit.append(tx, viewer, { workspaceId, action, targetType: 'Content', targetId: item.id, details: { ...details, state: item.state, revision: item.revision } });
      return item;
    });
  }
}

function nameOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 120) throw badInput('Give the content a name of 1–120 characters.', { reason: 'INVALID_NAME', field: 'name' });
  return trimmed;
}

function pick(input: Partial<Record<(typeof FIELDS)[number], string | null | undefined>>) {
  const out: Partial<Record<(typeof FIELDS)[number], string | null>> = {};
  for (const f of FIELDS) if (input[f] !== undefined) out[f] = input[f] ?? null;
  return out;
}
