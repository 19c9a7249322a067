import type { StoredEventForHooks } from '../ingestion/ingestion.writer.js';
import { prepareCustomer } from './customer-input.rules.js';
import { CustomerSource } from './customer.types.js';
import type { CustomerChange, Sql } from './customer.writer.js';

const keyOf = (workspaceId: string, kind: string, authId: string) => `${workspaceId}\u0000${kind}\u0000${authId}`;

/** Who an event names: its trigger version's identity and authId. Test events and events of no trigger name no one. */
const named = (e: StoredEventForHooks) => !e.test && e.customerId === null && e.identity !== null && e.authId !== null && e.authId !== '';

/**
 * The customer an event is created from: its kind and authId, and for PROFILE triggers the contact points it
 * carries, normalised like any customer's. A contact point the customer rules refuse is left out; an authId they
 * refuse creates no customer (the event stays accepted, naming no one).
 */
export function customerFromEvent(e: StoredEventForHooks): { kind: string; authId: string; email: string | null; phone: string | null } | null {
  const base = { kind: e.identity!, authId: e.authId! };
  const check = (extra: { email?: string; phone?: string }) => {
    const prepared = prepareCustomer({ ...base, ...extra }, new Map());
    return 'problems' in prepared ? null : prepared.customer;
  };
  const bare = check({});
  // Events find their customer by the authId as sent: one the rules would store differently creates no one.
  if (!bare || bare.authId !== base.authId) return null;
  const email = e.contactpointEmail === null ? null : (check({ email: e.contactpointEmail })?.set.email ?? null);
  const phone = e.contactpointPhone === null ? null : (check({ phone: e.contactpointPhone })?.set.phone ?? null);
  return { ...base, email, phone };
}

/**
 * Events meet customers, inside the transaction that stores them, with set-based statements whatever the batch
 * size: one SELECT finds the customers events name (accepted and rejected: a rejected event of a known customer
 * is on their timeline too), one INSERT creates those accepted events name and nobody has yet (source EVENT),
 * and — only when a concurrent transaction created one meanwhile — one more SELECT. Sets `customerId` on the
 * events (the writer records it) and returns the created customers, for the business triggers.
 */
export async function resolveEventCustomers(sql: Sql, events: StoredEventForHooks[], now: Date): Promise<CustomerChange[]> {
  const wanted = events.filter(named);
  if (wanted.length === 0) return [];
  const found = await findCustomers(sql, wanted);
  const toCreate = new Map<string, { workspace_id: string; kind: string; auth_id: string; email: string | null; phone: string | null }>();
  for (const e of wanted) {
    const key = keyOf(e.workspaceId, e.identity!, e.authId!);
    if (!e.accepted || found.has(key) || toCreate.has(key)) continue;
    const customer = customerFromEvent(e);
    if (customer) toCreate.set(key, { workspace_id: e.workspaceId, kind: customer.kind, auth_id: customer.authId, email: customer.email, phone: customer.phone });
  }
  const created: CustomerChange[] = [];
  if (toCreate.size > 0) {
    const rows: { id: string; workspace_id: string; kind: string; auth_id: string; email: string | null; phone: string | null }[] = await sql(
      `INSERT INTO customers (workspace_id, kind, auth_id, email, phone, fields, source, created_at, updated_at)
       SELECT workspace_id, kind, auth_id, email, phone, '{}'::jsonb, $2, $3, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id uuid, kind text, auth_id text, email text, phone text)
       ON CONFLICT (workspace_id, kind, auth_id) DO NOTHING
       RETURNING id, workspace_id, kind, auth_id, email, phone`,
      [JSON.stringify([...toCreate.values()]), CustomerSource.EVENT, now],
    );
    for (const r of rows) {
      found.set(keyOf(r.workspace_id, r.kind, r.auth_id), r.id);
      created.push({ workspaceId: r.workspace_id, customerId: r.id, kind: r.kind, authId: r.auth_id, created: true, changed: [], email: r.email, phone: r.phone });
    }
    // Created by a concurrent transaction since our SELECT (its commit ended our INSERT's wait): find it.
    const raced = wanted.filter((e) => !found.has(keyOf(e.workspaceId, e.identity!, e.authId!)) && toCreate.has(keyOf(e.workspaceId, e.identity!, e.authId!)));
    if (raced.length > 0) for (const [key, id] of await findCustomers(sql, raced)) found.set(key, id);
  }
  for (const e of wanted) e.customerId = found.get(keyOf(e.workspaceId, e.identity!, e.authId!)) ?? null;
  return created;
}

/** Erased customers are never found: an event naming one (by its `erased:` authId) names no one. */
async function findCustomers(sql: Sql, events: StoredEventForHooks[]): Promise<Map<string, string>> {
  const rows: { id: string; workspace_id: string; kind: string; auth_id: string }[] = await sql(
    `SELECT c.id, c.workspace_id, c.kind, c.auth_id
       FROM customers c JOIN (SELECT DISTINCT * FROM unnest($1::uuid[], $2::text[], $3::text[])) AS q(workspace_id, kind, auth_id)
         ON c.workspace_id = q.workspace_id AND c.kind = q.kind AND c.auth_id = q.auth_id
      WHERE c.erased_at IS NULL`,
    [events.map((e) => e.workspaceId), events.map((e) => e.identity), events.map((e) => e.authId)],
  );
  return new Map(rows.map((r) => [keyOf(r.workspace_id, r.kind, r.auth_id), r.id]));
}
