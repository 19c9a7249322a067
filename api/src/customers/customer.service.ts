import type { PoolClient } from 'pg';
import type { AuditService } from '../audit/audit.service.js';
import type { EventTx, StoredEventForHooks } from '../ingestion/ingestion.writer.js';
import { TriggerEvent } from '../ingestion/trigger-event.entity.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact, type Tx } from '../db/transaction.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { assertId, badInput, conflict, forbidden, notFound } from '../graphql/errors.js';
import { ApiKeyScope } from '../auth/permissions.js';
import { toRecord } from '../verification/verification.service.js';
import type { ServiceDeps } from '../service-deps.js';
import type { CustomerIdentity } from '../triggers/trigger.types.js';
import { ConsentChange, ConsentPolicy, CustomerConsent } from './consent.entity.js';
import { CustomerField } from './customer-field.entity.js';
import { prepareCustomer, type CustomerPatch, type PreparedCustomer } from './customer-input.rules.js';
import { Customer } from './customer.entity.js';
import type { ConsentInput, CustomerFilter, DefineCustomerFieldInput, SetConsentInput, SetConsentPolicyInput } from './customer.inputs.js';
import { consentAllows, CUSTOMER_LIMITS, DEFAULT_CONSENT_MODELS, fieldDefinitionProblems, type Problem } from './customer.rules.js';
import { ConsentChannel, ConsentPurpose, ConsentStatus, type ConsentModel, type CustomerFieldType, CustomerSource } from './customer.types.js';
import { applyConsents, upsertCustomers, type CustomerChange, type Sql } from './customer.writer.js';
import { resolveEventCustomers } from './event-customers.js';

/**
 * Told of every created or changed customer inside the writing transaction (business triggers plug in here).
 * The transaction is given as a pg client, as ingestion gives it, whether the change came from the API, an
 * import or an event.
 */
export type CustomerChangeHook = (tx: EventTx, changes: CustomerChange[]) => Promise<void>;

const sqlOf =
  (tx: Tx): Sql =>
  (text, params) =>
    tx.manager.query(text, params);

/** The pg client under a TypeORM transaction (the queryRunner is connected inside `transact`). */
async function eventTxOf(tx: Tx, now: Date): Promise<EventTx> {
  const client = (await tx.manager.queryRunner!.connect()) as PoolClient;
  return { client, now, afterCommit: (fn) => tx.afterCommit(fn) };
}

export function invalidCustomer(problems: Problem[]) {
  const [first] = problems;
  return badInput(problems.length > 1 ? `${first.message} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : first.message, {
    reason: first.reason,
    field: first.field,
    problems,
  });
}

/** The customer store: people journeys send to, their custom fields, devices and consent. */
export class CustomerService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly onChanged: CustomerChangeHook = async () => {},
  ) {}

  list(viewer: Viewer, filter: CustomerFilter | undefined, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(Customer)
      .createQueryBuilder('c')
      .where('c.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (!filter?.includeErased) qb.andWhere('c.erasedAt IS NULL');
    if (filter?.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 200) throw badInput('Search for at most 200 characters.', { reason: 'SEARCH_TOO_LONG', field: 'filter.search' });
      const prefix = `${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const digits = search.replace(/[\s()-]/g, '');
      const or = ['c.email LIKE :prefix', 'c.authId LIKE :exact', 'lower(c.firstName) LIKE :prefix', 'lower(c.lastName) LIKE :prefix'];
      if (/^\+?[0-9]{3,}$/.test(digits)) or.push('c.phone LIKE :phone');
      qb.andWhere(`(${or.join(' OR ')})`, { prefix, exact: `${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, phone: `${digits.startsWith('+') ? '' : '+'}${digits}%` });
    }
    if (filter?.consent) {
      const { channel, purpose, status } = filter.consent;
      const exists = `SELECT 1 FROM customer_consents cc WHERE cc.workspace_id = c.workspace_id AND cc.customer_id = c.id AND cc.channel = :cch AND cc.purpose = :cpu`;
      if (status === ConsentStatus.UNKNOWN) qb.andWhere(`NOT EXISTS (${exists} AND cc.status <> 'UNKNOWN')`, { cch: channel, cpu: purpose });
      else qb.andWhere(`EXISTS (${exists} AND cc.status = :cst)`, { cch: channel, cpu: purpose, cst: status });
    }
    return paginate(qb, page, 'DESC');
  }

  async get(viewer: Viewer, id: string): Promise<Customer> {
    assertId('Customer', id);
    const customer = await this.deps.dataSource.getRepository(Customer).findOneBy({ workspaceId: workspaceOf(viewer), id });
    if (!customer) throw notFound('Customer', id);
    return customer;
  }

  byAuthId(viewer: Viewer, kind: CustomerIdentity, authId: string): Promise<Customer | null> {
    return this.deps.dataSource.getRepository(Customer).findOneBy({ workspaceId: workspaceOf(viewer), kind, authId });
  }

  /** Custom field types of a workspace, for validating patches. */
  async fieldTypes(workspaceId: string): Promise<Map<string, CustomerFieldType>> {
    const fields = await this.deps.dataSource.getRepository(CustomerField).findBy({ workspaceId });
    return new Map(fields.map((f) => [f.name, f.type]));
  }

  /** One customer from the admin app or the API: checked, written, audited, business triggers told. */
  async upsert(viewer: Viewer, patch: CustomerPatch, source: CustomerSource): Promise<{ customer: Customer; created: boolean }> {
    const workspaceId = workspaceOf(viewer);
    const prepared = prepareCustomer(patch, await this.fieldTypes(workspaceId));
    if ('problems' in prepared) throw invalidCustomer(prepared.problems);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const [change] = await this.write(tx, workspaceId, [prepared.customer], source);
      if (change.created || change.changed.length > 0) {
        await this.audit.append(tx, viewer, {
          workspaceId,
          action: change.created ? 'customer.create' : 'customer.update',
          targetType: 'Customer',
          targetId: change.customerId,
          // No authId or contact point: the audit log is append-only and outlives erasure, so it names customers by id.
          details: { kind: change.kind, changed: change.changed },
        });
      }
      const customer = await tx.manager.getRepository(Customer).findOneByOrFail({ workspaceId, id: change.customerId });
      return { customer, created: change.created };
    });
  }

  /**
   * Writes checked patches in the caller's transaction and tells the change hook. Shared by the GraphQL API,
   * `/v1/identify` and imports.
   */
  async write(tx: Tx, workspaceId: string, patches: PreparedCustomer[], source: CustomerSource): Promise<CustomerChange[]> {
    const now = this.deps.clock.now();
    const changes = await upsertCustomers(sqlOf(tx), workspaceId, patches, source, now);
    const relevant = dedupe(changes.filter((c) => c.created || c.changed.length > 0));
    if (relevant.length > 0) await this.onChanged(await eventTxOf(tx, now), relevant);
    return changes;
  }

  /**
   * The ingestion hook: events meet customers in the transaction that stores them (found, or created from
   * what accepted events carry), and the customers created raise their business triggers in it too.
   */
  async resolveEvents(tx: EventTx, events: StoredEventForHooks[]): Promise<void> {
    const created = await resolveEventCustomers((text, params) => tx.client.query(text, params).then((r) => r.rows), events, tx.now);
    if (created.length > 0) await this.onChanged(tx, created);
  }

  /**
   * A customer's events, accepted and rejected, newest first: those resolved to them when stored (a rejected
   * event names a customer who existed by then). Part of the customer, so customers:read is what it needs.
   */
  async timeline(viewer: Viewer, customer: Customer, accepted: boolean | null, page: PageArgs) {
    if (!viewer.permissions.has(ApiKeyScope.CUSTOMERS_READ) || customer.workspaceId !== workspaceOf(viewer)) {
      throw forbidden(`Missing ${ApiKeyScope.CUSTOMERS_READ}.`, { reason: 'MISSING_PERMISSION', missing: [ApiKeyScope.CUSTOMERS_READ] });
    }
    const qb = this.deps.dataSource
      .getRepository(TriggerEvent)
      .createQueryBuilder('e')
      .where('e.workspaceId = :ws AND e.customerId = :id', { ws: customer.workspaceId, id: customer.id });
    if (accepted !== null) qb.andWhere('e.accepted = :accepted', { accepted });
    const events = await paginate(qb, page, 'DESC', { property: 'receivedAt', value: (e) => e.receivedAt.toISOString(), idKind: 'bigint' });
    return { ...events, nodes: events.nodes.map(toRecord), edges: events.edges.map((edge) => ({ cursor: edge.cursor, node: toRecord(edge.node) })) };
  }

  async setConsent(viewer: Viewer, input: SetConsentInput, source: CustomerSource): Promise<Customer> {
    const customer = await this.get(viewer, input.customerId);
    if (customer.erasedAt) throw conflict('This customer has been erased.', { reason: 'CUSTOMER_ERASED' });
    const consent: ConsentInput = { channel: input.channel, purpose: input.purpose, status: input.status, contactPoint: input.contactPoint ?? null };
    const prepared = prepareCustomer({ kind: customer.kind, authId: customer.authId, consents: [consent] }, new Map());
    if ('problems' in prepared) throw invalidCustomer(prepared.problems);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      await tx.manager.query('SELECT 1 FROM customers WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [customer.workspaceId, customer.id]);
      const [c] = prepared.customer.consents;
      await applyConsents(sqlOf(tx), customer.workspaceId, [{ customerId: customer.id, ...c }], source, this.deps.clock.now());
      await this.audit.append(tx, viewer, {
        workspaceId: customer.workspaceId,
        action: 'customer.consent',
        targetType: 'Customer',
        targetId: customer.id,
        details: { channel: c.channel, purpose: c.purpose, status: c.status },
      });
      return customer;
    });
  }

  /**
   * The customer opted out of commercial messages on a channel by themself (the unsubscribe link or one-click
   * header of a message): recorded like every consent change (current state and history), with the address
   * the message went to. An erased customer is left as it is. No viewer: the signed link is the authority.
   */
  async optOut(workspaceId: string, customerId: string, channel: ConsentChannel, contactPoint: string | null, source: CustomerSource): Promise<void> {
    await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const [row] = await tx.manager.query<{ erased_at: Date | null }[]>('SELECT erased_at FROM customers WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
        workspaceId,
        customerId,
      ]);
      if (!row || row.erased_at) return;
      const consent = { customerId, channel, purpose: ConsentPurpose.COMMERCIAL, status: ConsentStatus.OPTED_OUT, contactPoint };
      await applyConsents(sqlOf(tx), workspaceId, [consent], source, this.deps.clock.now());
    });
  }

  /** Every channel × purpose, UNKNOWN where never set, with what the workspace's policy allows. */
  async consentStates(workspaceId: string, customerIds: readonly string[]) {
    const [rows, models] = await Promise.all([
      this.deps.dataSource
        .getRepository(CustomerConsent)
        .createQueryBuilder('cc')
        .where('cc.workspaceId = :workspaceId AND cc.customerId IN (:...ids)', { workspaceId, ids: [...customerIds] })
        .getMany(),
      this.consentModels(workspaceId),
    ]);
    return customerIds.map((customerId) =>
      Object.values(ConsentChannel).flatMap((channel) =>
        Object.values(ConsentPurpose).map((purpose) => {
          const row = rows.find((r) => r.customerId === customerId && r.channel === channel && r.purpose === purpose);
          const status = row?.status ?? ConsentStatus.UNKNOWN;
          return {
            channel,
            purpose,
            status,
            changedAt: row?.changedAt ?? null,
            source: row?.source ?? null,
            contactPoint: row?.contactPoint ?? null,
            allowsSending: consentAllows(models[channel], channel, purpose, status),
          };
        }),
      ),
    );
  }

  /** A customer's consent history, newest first (the list is paged like every other). */
  consentHistory(customer: Customer, page: PageArgs) {
    const qb = this.deps.dataSource
      .getRepository(ConsentChange)
      .createQueryBuilder('h')
      .where('h.workspaceId = :ws AND h.customerId = :id', { ws: customer.workspaceId, id: customer.id });
    return paginate(qb, page, 'DESC', { property: 'changedAt', value: (row) => row.changedAt.toISOString() });
  }

  async consentModels(workspaceId: string): Promise<Record<ConsentChannel, ConsentModel>> {
    const rows = await this.deps.dataSource.getRepository(ConsentPolicy).findBy({ workspaceId });
    return { ...DEFAULT_CONSENT_MODELS, ...Object.fromEntries(rows.map((r) => [r.channel, r.model])) };
  }

  async consentPolicies(viewer: Viewer) {
    const models = await this.consentModels(workspaceOf(viewer));
    return Object.values(ConsentChannel).map((channel) => ({ channel, model: models[channel] }));
  }

  async setConsentPolicy(viewer: Viewer, input: SetConsentPolicyInput) {
    const workspaceId = workspaceOf(viewer);
    await transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      await tx.manager.getRepository(ConsentPolicy).upsert({ workspaceId, channel: input.channel, model: input.model }, ['workspaceId', 'channel']);
      await this.audit.append(tx, viewer, { workspaceId, action: 'consentPolicy.set', targetType: 'ConsentPolicy', targetId: input.channel, details: { model: input.model } });
    });
    return this.consentPolicies(viewer);
  }

  fields(viewer: Viewer): Promise<CustomerField[]> {
    return this.deps.dataSource.getRepository(CustomerField).find({ where: { workspaceId: workspaceOf(viewer) }, order: { createdAt: 'ASC', name: 'ASC' } });
  }

  async defineField(viewer: Viewer, input: DefineCustomerFieldInput): Promise<CustomerField> {
    const workspaceId = workspaceOf(viewer);
    const problems = fieldDefinitionProblems(input);
    if (problems.length > 0) throw invalidCustomer(problems);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      // One definer at a time per workspace, so the count limit holds under concurrency.
      await tx.manager.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
      const repo = tx.manager.getRepository(CustomerField);
      const existing = await repo.findBy({ workspaceId });
      if (existing.some((f) => f.name.toLowerCase() === input.name.toLowerCase())) {
        throw conflict(`A customer field is already named “${input.name}”.`, { reason: 'FIELD_NAME_TAKEN', field: 'name' });
      }
      if (existing.length >= CUSTOMER_LIMITS.fieldDefinitions) {
        throw badInput(`A workspace has at most ${CUSTOMER_LIMITS.fieldDefinitions} customer fields.`, { reason: 'TOO_MANY_FIELDS', field: 'name' });
      }
      const field = await repo.save(repo.create({ workspaceId, name: input.name, type: input.type, label: input.label.trim(), createdAt: this.deps.clock.now() }));
      await this.audit.append(tx, viewer, { workspaceId, action: 'customerField.define', targetType: 'CustomerField', targetId: field.name, details: { type: field.type } });
      return field;
    });
  }
}

function dedupe(changes: CustomerChange[]): CustomerChange[] {
  return [...new Map(changes.map((c) => [c.customerId, c])).values()];
}
