import { CUSTOMER_LIMITS } from './customer.rules.js';
import { ADDRESS_KEYS, COLUMN_KEYS, type ConsentPatch, type CustomerColumns, type DevicePatch, type PreparedCustomer } from './customer-input.rules.js';
import { ConsentStatus, type CustomerSource } from './customer.types.js';

/** Runs one SQL statement in the caller's transaction (a TypeORM manager or a pg client, adapted). */
export type Sql = (text: string, params: unknown[]) => Promise<any[]>;

/** What changed for one customer: the business triggers and the audit log are told. */
export type CustomerChange = {
  workspaceId: string;
  customerId: string;
  kind: string;
  authId: string;
  created: boolean;
  /** Column groups that changed on an existing customer. */
  changed: ('email' | 'phone' | 'address' | 'name' | 'other')[];
  email: string | null;
  phone: string | null;
};

type Row = CustomerColumns & { id: string; kind: string; auth_id: string; fields: Record<string, unknown> };
const SNAKE: Record<keyof CustomerColumns, string> = {
  email: 'email',
  phone: 'phone',
  firstName: 'first_name',
  lastName: 'last_name',
  locale: 'locale',
  timeZone: 'time_zone',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  city: 'city',
  postalCode: 'postal_code',
  region: 'region',
  country: 'country',
};
const COLUMNS_SQL = COLUMN_KEYS.map((k) => SNAKE[k]).join(', ');
const RECORD_TYPES = COLUMN_KEYS.map((k) => `${SNAKE[k]} text`).join(', ');
const keyOf = (kind: string, authId: string) => `${kind}\u0000${authId}`;
const columnsOf = (row: Record<string, unknown>): CustomerColumns => Object.fromEntries(COLUMN_KEYS.map((k) => [k, (row[SNAKE[k]] as string | null) ?? null])) as CustomerColumns;

/** Several patches of one customer in a batch act as one, applied in order. */
function merge(patches: PreparedCustomer[]): PreparedCustomer {
  const [first, ...rest] = patches;
  return rest.reduce<PreparedCustomer>(
    (acc, next) => ({
      ...acc,
      set: { ...acc.set, ...next.set },
      fields: { ...acc.fields, ...next.fields },
      devices: [...acc.devices, ...next.devices],
      consents: [...acc.consents.filter((c) => !next.consents.some((n) => n.channel === c.channel && n.purpose === c.purpose)), ...next.consents],
    }),
    { ...first, set: { ...first.set }, fields: { ...first.fields } },
  );
}

function changedGroups(before: CustomerColumns, after: CustomerColumns, fieldsChanged: boolean): CustomerChange['changed'] {
  const out = new Set<CustomerChange['changed'][number]>();
  for (const key of COLUMN_KEYS) {
    if (before[key] === after[key]) continue;
    if (key === 'email' || key === 'phone') out.add(key);
    else if ((ADDRESS_KEYS as readonly string[]).includes(key)) out.add('address');
    else if (key === 'firstName' || key === 'lastName') out.add('name');
    else out.add('other');
  }
  if (fieldsChanged) out.add('other');
  return [...out];
}

/**
 * Upserts customers by (kind, authId) with set-based statements in the caller's transaction: one SELECT … FOR
 * UPDATE, one INSERT, one UPDATE, then devices and consent. Returns one change per input patch, in order.
 */
export async function upsertCustomers(sql: Sql, workspaceId: string, patches: PreparedCustomer[], source: CustomerSource, now: Date): Promise<CustomerChange[]> {
  if (patches.length === 0) return [];
  const groups = new Map<string, PreparedCustomer[]>();
  for (const patch of patches) {
    const key = keyOf(patch.kind, patch.authId);
    groups.set(key, [...(groups.get(key) ?? []), patch]);
  }
  const merged = new Map([...groups].map(([key, list]) => [key, merge(list)]));
  const existing = await lockExisting(sql, workspaceId, [...merged.values()]);
  const missing = [...merged.entries()].filter(([key]) => !existing.has(key));
  const created = new Set<string>();
  if (missing.length > 0) {
    const rows = missing.map(([, m]) => ({
      kind: m.kind,
      auth_id: m.authId,
      fields: withoutNulls(m.fields),
      ...Object.fromEntries(COLUMN_KEYS.map((k) => [SNAKE[k], m.set[k] ?? null])),
    }));
    const inserted = await sql(
      `INSERT INTO customers (workspace_id, kind, auth_id, ${COLUMNS_SQL}, fields, source, created_at, updated_at)
       SELECT $1, kind, auth_id, ${COLUMNS_SQL}, fields, $3, $4, $4 FROM jsonb_to_recordset($2::jsonb) AS r(kind text, auth_id text, ${RECORD_TYPES}, fields jsonb)
       ON CONFLICT (workspace_id, kind, auth_id) DO NOTHING
       RETURNING id, kind, auth_id, ${COLUMNS_SQL}, fields`,
      [workspaceId, JSON.stringify(rows), source, now],
    );
    for (const row of inserted) {
      existing.set(keyOf(row.kind, row.auth_id), row);
      created.add(keyOf(row.kind, row.auth_id));
    }
    // Created by a concurrent transaction since our SELECT: lock it and update it like any existing customer.
    const raced = missing.filter(([key]) => !existing.has(key)).map(([, m]) => m);
    for (const [key, row] of await lockExisting(sql, workspaceId, raced)) existing.set(key, row);
  }

  const changes = new Map<string, CustomerChange>();
  const updates: Record<string, unknown>[] = [];
  for (const [key, m] of merged) {
    const row = existing.get(key)!;
    const before = columnsOf(row);
    if (created.has(key)) {
      changes.set(key, { workspaceId, customerId: row.id, kind: m.kind, authId: m.authId, created: true, changed: [], email: before.email, phone: before.phone });
      continue;
    }
    const after = { ...before, ...m.set };
    const fields = { ...row.fields, ...m.fields };
    for (const [name, value] of Object.entries(m.fields)) if (value === null) delete fields[name];
    const fieldsChanged = JSON.stringify(fields) !== JSON.stringify(row.fields);
    const changed = changedGroups(before, after, fieldsChanged);
    changes.set(key, { workspaceId, customerId: row.id, kind: m.kind, authId: m.authId, created: false, changed, email: after.email, phone: after.phone });
    if (changed.length > 0) updates.push({ id: row.id, fields, ...Object.fromEntries(COLUMN_KEYS.map((k) => [SNAKE[k], after[k]])) });
  }
  if (updates.length > 0) {
    await sql(
      `UPDATE customers c SET ${COLUMN_KEYS.map((k) => `${SNAKE[k]} = r.${SNAKE[k]}`).join(', ')}, fields = r.fields, updated_at = $3
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, ${RECORD_TYPES}, fields jsonb)
        WHERE c.workspace_id = $1 AND c.id = r.id`,
      [workspaceId, JSON.stringify(updates), now],
    );
  }
  const byCustomer = [...merged.entries()].map(([key, m]) => ({ customerId: changes.get(key)!.customerId, m }));
  await applyDevices(
    sql,
    workspaceId,
    byCustomer.flatMap(({ customerId, m }) => m.devices.map((d) => ({ customerId, ...d }))),
    now,
  );
  await applyConsents(
    sql,
    workspaceId,
    byCustomer.flatMap(({ customerId, m }) => m.consents.map((c) => ({ customerId, ...c }))),
    source,
    now,
  );
  return patches.map((patch) => changes.get(keyOf(patch.kind, patch.authId))!);
}

function withoutNulls(fields: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
}

async function lockExisting(sql: Sql, workspaceId: string, wanted: PreparedCustomer[]): Promise<Map<string, Row>> {
  if (wanted.length === 0) return new Map();
  const rows: Row[] = await sql(
    `SELECT c.id, c.kind, c.auth_id, ${COLUMN_KEYS.map((k) => `c.${SNAKE[k]}`).join(', ')}, c.fields
       FROM customers c JOIN unnest($2::text[], $3::text[]) AS q(kind, auth_id) ON c.kind = q.kind AND c.auth_id = q.auth_id
      WHERE c.workspace_id = $1
      ORDER BY c.id
        FOR UPDATE OF c`,
    [workspaceId, wanted.map((w) => w.kind), wanted.map((w) => w.authId)],
  );
  return new Map(rows.map((r) => [keyOf(r.kind, r.auth_id), r]));
}

/** Registers or refreshes device tokens, removes those asked, and keeps each customer's newest 20. */
async function applyDevices(sql: Sql, workspaceId: string, devices: (DevicePatch & { customerId: string })[], now: Date) {
  if (devices.length === 0) return;
  const removed = devices.filter((d) => d.remove);
  const kept = devices.filter((d) => !d.remove);
  if (removed.length > 0) {
    await sql(
      `DELETE FROM customer_devices d USING jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, app text, token text)
        WHERE d.workspace_id = $1 AND d.customer_id = r.customer_id AND d.app = r.app AND d.token = r.token`,
      [workspaceId, JSON.stringify(removed.map((d) => ({ customer_id: d.customerId, app: d.app, token: d.token })))],
    );
  }
  if (kept.length > 0) {
    const unique = new Map(kept.map((d) => [`${d.customerId}:${d.app}:${d.token}`, d]));
    await sql(
      `INSERT INTO customer_devices (workspace_id, customer_id, app, token, platform, created_at, last_seen_at)
       SELECT $1, customer_id, app, token, platform, $3, $3 FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, app text, token text, platform text)
       ON CONFLICT (workspace_id, customer_id, app, token) DO UPDATE SET platform = EXCLUDED.platform, last_seen_at = EXCLUDED.last_seen_at`,
      [workspaceId, JSON.stringify([...unique.values()].map((d) => ({ customer_id: d.customerId, app: d.app, token: d.token, platform: d.platform }))), now],
    );
    await sql(
      `DELETE FROM customer_devices d USING (
         SELECT workspace_id, customer_id, app, token, row_number() OVER (PARTITION BY customer_id ORDER BY last_seen_at DESC, created_at DESC) AS n
           FROM customer_devices WHERE workspace_id = $1 AND customer_id = ANY($2::uuid[])
       ) ranked
        WHERE ranked.n > $3 AND d.workspace_id = ranked.workspace_id AND d.customer_id = ranked.customer_id AND d.app = ranked.app AND d.token = ranked.token`,
      [workspaceId, [...new Set(kept.map((d) => d.customerId))], CUSTOMER_LIMITS.devices],
    );
  }
}

/** Sets current consent where it changes and appends each change to the history. */
export async function applyConsents(sql: Sql, workspaceId: string, consents: (ConsentPatch & { customerId: string })[], source: CustomerSource, now: Date) {
  if (consents.length === 0) return;
  const current: { customer_id: string; channel: string; purpose: string; status: ConsentStatus; contact_point: string | null }[] = await sql(
    `SELECT customer_id, channel, purpose, status, contact_point FROM customer_consents WHERE workspace_id = $1 AND customer_id = ANY($2::uuid[])`,
    [workspaceId, [...new Set(consents.map((c) => c.customerId))]],
  );
  const known = new Map(current.map((c) => [`${c.customer_id}:${c.channel}:${c.purpose}`, c]));
  const changes = consents.filter((c) => {
    const before = known.get(`${c.customerId}:${c.channel}:${c.purpose}`);
    return before ? before.status !== c.status || (c.contactPoint !== null && before.contact_point !== c.contactPoint) : c.status !== ConsentStatus.UNKNOWN;
  });
  if (changes.length === 0) return;
  const rows = JSON.stringify(changes.map((c) => ({ customer_id: c.customerId, channel: c.channel, purpose: c.purpose, status: c.status, contact_point: c.contactPoint })));
  await sql(
    `INSERT INTO customer_consents (workspace_id, customer_id, channel, purpose, status, changed_at, source, contact_point)
     SELECT $1, customer_id, channel, purpose, status, $3, $4, contact_point FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, channel text, purpose text, status text, contact_point text)
     ON CONFLICT (workspace_id, customer_id, channel, purpose) DO UPDATE
       SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at, source = EXCLUDED.source, contact_point = COALESCE(EXCLUDED.contact_point, customer_consents.contact_point)`,
    [workspaceId, rows, now, source],
  );
  await sql(
    `INSERT INTO consent_changes (workspace_id, customer_id, channel, purpose, status, source, contact_point, changed_at)
     SELECT $1, customer_id, channel, purpose, status, $4, contact_point, $3 FROM jsonb_to_recordset($2::jsonb) AS r(customer_id uuid, channel text, purpose text, status text, contact_point text)`,
    [workspaceId, rows, now, source],
  );
}
