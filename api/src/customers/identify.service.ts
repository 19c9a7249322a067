import { transact, type Tx } from '../db/transaction.js';
import { flushFailure } from '../ingestion/flush-failure.rules.js';
import type { ServiceDeps } from '../service-deps.js';
import type { CustomerService } from './customer.service.js';
import { CustomerSource } from './customer.types.js';
import { checkIdentifyItem, type IdentifyItem, type IdentifyOutcome } from './identify.rules.js';

/** How long a messageId is remembered: a retry within it is a duplicate, later it is processed again. */
export const IDENTIFY_MESSAGE_TTL_MS = 7 * 24 * 3600 * 1000;
/** Expired messageIds each request removes from its workspace (more than a request adds, so the table stays bounded). */
const PRUNE_PER_REQUEST = 1_000;

type Stored = { accepted: boolean; reasons: IdentifyOutcome['reasons']; customerId: string | null };

/**
 * `POST /v1/identify` once the key is admitted: checks every item, then writes the whole request in one
 * transaction with set-based statements (a fixed number whatever the batch size): claim the messageIds, read
 * the first outcome of those already seen, upsert every valid new customer at once (CustomerService.write, so
 * business triggers hear of them), record the customer ids, prune expired messageIds.
 */
export class IdentifyService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly customers: CustomerService,
  ) {}

  async identify(workspaceId: string, raw: unknown[], receivedAt: Date): Promise<IdentifyOutcome[]> {
    const fieldTypes = await this.customers.fieldTypes(workspaceId);
    const items = raw.map((item, index) => checkIdentifyItem(item, index, fieldTypes));
    const outcomes = new Map<IdentifyItem, IdentifyOutcome>();
    await this.writeIsolating(workspaceId, items, receivedAt, outcomes);
    return items.map((item) => outcomes.get(item)!);
  }

  /**
   * One transaction for the request. A data error the checks did not foresee means one item cannot be stored:
   * the halves are written separately until it is alone and rejected (STORE_FAILED), so it never fails the
   * others. Anything else (the database unavailable) is thrown: nothing of the request is stored.
   */
  private async writeIsolating(workspaceId: string, items: IdentifyItem[], receivedAt: Date, outcomes: Map<IdentifyItem, IdentifyOutcome>): Promise<void> {
    try {
      const written = await transact(this.deps.dataSource, this.deps.logger, (tx) => this.write(tx, workspaceId, items, receivedAt));
      for (const [item, outcome] of written) outcomes.set(item, outcome);
    } catch (error) {
      if (flushFailure(error) !== 'DATA') throw error;
      if (items.length === 1) {
        const [item] = items;
        const code = (error as { code?: unknown }).code;
        this.deps.logger.error('identify item refused by the database', { error, workspaceId });
        outcomes.set(item, {
          ...outcomeOf(item, false, null),
          accepted: false,
          reasons: [
            ...item.reasons,
            { code: 'STORE_FAILED', field: null, message: `Flare could not store this customer${typeof code === 'string' ? ` (database error ${code})` : ''}.` },
          ],
        });
        return;
      }
      this.deps.logger.warn('identify request refused by the database; isolating the item', { items: items.length, error });
      const half = Math.ceil(items.length / 2);
      await this.writeIsolating(workspaceId, items.slice(0, half), receivedAt, outcomes);
      await this.writeIsolating(workspaceId, items.slice(half), receivedAt, outcomes);
    }
  }

  private async write(tx: Tx, workspaceId: string, items: IdentifyItem[], receivedAt: Date): Promise<Map<IdentifyItem, IdentifyOutcome>> {
    const sql = (text: string, params: unknown[]): Promise<any[]> => tx.manager.query(text, params);
    const outcomes = new Map<IdentifyItem, IdentifyOutcome>();
    // The first item with a messageId claims it; later copies in the request are duplicates of that one.
    const firsts = new Map<string, IdentifyItem>();
    const copies = new Map<IdentifyItem, IdentifyItem>();
    for (const item of items) {
      if (item.storedMessageId === null) continue;
      const first = firsts.get(item.storedMessageId);
      if (first) copies.set(item, first);
      else firsts.set(item.storedMessageId, item);
    }
    const seen = new Map<string, Stored>();
    if (firsts.size > 0) {
      // Sorted, so concurrent requests sharing messageIds take their row locks in the same order.
      const claims = [...firsts.values()]
        .map((i) => ({ message_id: i.storedMessageId, accepted: i.customer !== null, reasons: i.reasons }))
        .sort((a, b) => (a.message_id! < b.message_id! ? -1 : a.message_id! > b.message_id! ? 1 : 0));
      const claimed = await sql(
        `INSERT INTO identify_messages (workspace_id, message_id, accepted, reasons, received_at)
         SELECT $1, message_id, accepted, reasons, $3 FROM jsonb_to_recordset($2::jsonb) AS r(message_id text, accepted boolean, reasons jsonb)
         ON CONFLICT (workspace_id, message_id) DO NOTHING
         RETURNING message_id`,
        [workspaceId, JSON.stringify(claims), receivedAt],
      );
      const mine = new Set(claimed.map((r) => r.message_id as string));
      const earlier = [...firsts.keys()].filter((id) => !mine.has(id));
      if (earlier.length > 0) {
        const rows = await sql('SELECT message_id, accepted, reasons, customer_id FROM identify_messages WHERE workspace_id = $1 AND message_id = ANY($2)', [workspaceId, earlier]);
        for (const r of rows) seen.set(r.message_id, { accepted: r.accepted, reasons: r.reasons, customerId: r.customer_id });
      }
    }
    const isNew = (item: IdentifyItem) => !copies.has(item) && (item.storedMessageId === null || !seen.has(item.storedMessageId));
    const toWrite = items.filter((item) => item.customer !== null && isNew(item));
    const changes =
      toWrite.length > 0
        ? await this.customers.write(
            tx,
            workspaceId,
            toWrite.map((i) => i.customer!),
            CustomerSource.API,
          )
        : [];
    toWrite.forEach((item, i) => outcomes.set(item, outcomeOf(item, changes[i].created, changes[i].customerId)));
    for (const item of items) if (item.customer === null && isNew(item)) outcomes.set(item, outcomeOf(item, false, null));
    const written = toWrite.filter((i) => i.storedMessageId !== null).map((i) => ({ message_id: i.storedMessageId, customer_id: outcomes.get(i)!.customerId }));
    if (written.length > 0) {
      await sql(
        `UPDATE identify_messages m SET customer_id = r.customer_id FROM jsonb_to_recordset($2::jsonb) AS r(message_id text, customer_id uuid)
         WHERE m.workspace_id = $1 AND m.message_id = r.message_id`,
        [workspaceId, JSON.stringify(written)],
      );
    }
    // Duplicates get the first outcome: from the database, or from their first copy in this request.
    for (const item of items) {
      const previous = item.storedMessageId === null ? undefined : seen.get(item.storedMessageId);
      const first = copies.get(item);
      if (previous) outcomes.set(item, { ...outcomeOf(item, false, previous.customerId), accepted: previous.accepted, duplicate: true, reasons: previous.reasons });
      else if (first) outcomes.set(item, { ...outcomes.get(first)!, index: item.index, messageId: item.messageId, duplicate: true, created: false });
    }
    await sql(
      `DELETE FROM identify_messages WHERE workspace_id = $1 AND message_id IN (
         SELECT message_id FROM identify_messages WHERE workspace_id = $1 AND received_at < $2 LIMIT ${PRUNE_PER_REQUEST})`,
      [workspaceId, new Date(receivedAt.getTime() - IDENTIFY_MESSAGE_TTL_MS)],
    );
    return outcomes;
  }
}

const outcomeOf = (item: IdentifyItem, created: boolean, customerId: string | null): IdentifyOutcome => ({
  index: item.index,
  accepted: item.customer !== null,
  duplicate: false,
  messageId: item.messageId,
  customerId,
  created,
  reasons: item.reasons,
});
