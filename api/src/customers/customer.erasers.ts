import type { Tx } from '../db/transaction.js';
import { ENVELOPE_FIELDS, ERASED_REASON_MESSAGE } from './customer-erase.rules.js';

/** What an eraser is told: the customer as it was before erasure, so it can find what names them. */
export type ErasedCustomer = {
  workspaceId: string;
  id: string;
  kind: string;
  authId: string;
  email: string | null;
  phone: string | null;
  /** The authId the record keeps from now on. */
  erasedAuthId: string;
  /** Lower-cased personal values (authId, email, phone, names) to look for in kept free text. */
  personal: string[];
  now: Date;
};

/**
 * Removes or anonymises one kind of data about a customer, inside the erasing transaction, and says how many
 * rows it touched (for the audit entry). The journey runtime and the message store (sent emails, texts, push)
 * plug in here: `new CustomerErasureService(deps, audit, [runsEraser, messagesEraser])`.
 */
export type CustomerEraser = { name: string; erase(tx: Tx, customer: ErasedCustomer): Promise<number> };

/** `$n` holds the list of lower-cased personal values: true when the text expression contains one. */
const mentions = (expr: string, n: number) => `EXISTS (SELECT 1 FROM unnest($${n}::text[]) AS pv(v) WHERE strpos(lower(${expr}), pv.v) > 0)`;

/** Rejection reasons with codes kept, fields kept only when they name the envelope, messages replaced. `$n`: envelope fields, `$m`: message. */
const anonymisedReasons = (expr: string, n: number, m: number) => `(SELECT coalesce(jsonb_agg(jsonb_build_object(
    'code', r.x->'code',
    'field', CASE WHEN r.x->>'field' = ANY($${n}::text[]) THEN r.x->'field' WHEN r.x->>'field' LIKE 'attributes.%' THEN '"attributes"'::jsonb ELSE 'null'::jsonb END,
    'message', $${m}::text) ORDER BY r.n), '[]'::jsonb)
  FROM jsonb_array_elements(${expr}) WITH ORDINALITY AS r(x, n))`;

/** TypeORM answers UPDATE and DELETE (with or without RETURNING) on PostgreSQL as [rows, affected count]. */
const changed = <T>(result: unknown): { rows: T[]; count: number } => {
  const [rows, count] = result as [T[], number];
  return { rows, count: Number(count ?? 0) };
};

/**
 * Events of the customer: linked to them (customer_id), or naming their authId under a trigger of their kind
 * (or under no known trigger), or carrying their email or phone as contact point. They stay — counts, the
 * timeline's shape and the journeys' history depend on them — but keep only the trigger key, version, times,
 * the accepted flag and reason codes. Then the rejections kept in trigger_stats that are theirs (same trigger
 * version and time) or that mention them lose their messages; the counts stay.
 */
export const eventsEraser: CustomerEraser = {
  name: 'events',
  async erase(tx, c) {
    const phoneDigits = c.phone ? c.phone.replace(/[^0-9+]/g, '') : null;
    type Touched = { trigger_id: string | null; trigger_version: number | null; received_at: Date; accepted: boolean };
    const { rows: events } = changed<Touched>(
      await tx.manager.query(
        `WITH matched AS (
         SELECT e.id FROM trigger_events e
           LEFT JOIN trigger_versions v ON v.trigger_id = e.trigger_id AND v.number = e.trigger_version
          WHERE e.workspace_id = $1 AND (
                (e.auth_id = $3 AND (v.identity = $2 OR v.id IS NULL))
             OR ($4::text IS NOT NULL AND lower(e.contactpoint_email) = $4)
             OR ($5::text IS NOT NULL AND regexp_replace(e.contactpoint_phone, '[^0-9+]', '', 'g') = $5)
             OR e.customer_id = $10)
          ORDER BY e.id
            FOR UPDATE OF e
       )
       UPDATE trigger_events e SET
         auth_id = $6,
         contactpoint_email = NULL,
         contactpoint_phone = NULL,
         trigger_key = CASE WHEN e.trigger_id IS NULL AND ${mentions('e.trigger_key', 7)} THEN '' ELSE e.trigger_key END,
         message_id = CASE WHEN ${mentions('e.message_id', 7)} THEN 'erased:' || md5(e.message_id) ELSE e.message_id END,
         payload = jsonb_strip_nulls(jsonb_build_object('trigger', CASE WHEN e.trigger_id IS NOT NULL THEN e.trigger_key END, 'version', e.trigger_version, 'erased', true)),
         reasons = ${anonymisedReasons('e.reasons', 8, 9)}
         FROM matched m
        WHERE e.id = m.id
       RETURNING e.trigger_id, e.trigger_version, e.received_at, e.accepted`,
        [c.workspaceId, c.kind, c.authId, c.email?.toLowerCase() ?? null, phoneDigits, c.erasedAuthId, c.personal, ENVELOPE_FIELDS, ERASED_REASON_MESSAGE, c.id],
      ),
    );
    const rejected = events.filter((e) => !e.accepted && e.trigger_id !== null).map((e) => ({ trigger_id: e.trigger_id, version: e.trigger_version, at: e.received_at }));
    await tx.manager.query(
      `UPDATE trigger_stats s SET last_rejections = (
         SELECT coalesce(jsonb_agg(CASE
             WHEN EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS j(trigger_id uuid, version int, at timestamptz)
                           WHERE j.trigger_id = s.trigger_id AND j.version = s.version AND j.at = (k.x->>'at')::timestamptz)
               OR ${mentions('k.x::text', 3)}
             THEN jsonb_build_object('at', k.x->'at', 'reasons', ${anonymisedReasons("k.x->'reasons'", 4, 5)})
             ELSE k.x END ORDER BY k.n), '[]'::jsonb)
           FROM jsonb_array_elements(s.last_rejections) WITH ORDINALITY AS k(x, n))
        WHERE s.workspace_id = $1 AND s.last_rejections <> '[]'::jsonb`,
      [c.workspaceId, JSON.stringify(rejected), c.personal, ENVELOPE_FIELDS, ERASED_REASON_MESSAGE],
    );
    return events.length;
  },
};

/**
 * The messageIds `/v1/identify` remembers for 7 days: those of the customer's requests, and any whose id or
 * rejection reasons (which may quote a refused value) mention them. An id that mentions them is replaced by a
 * hash (a retry of it is then applied again); the reasons keep their codes. The link to the customer stays, so
 * a retry of an earlier request is still answered as a duplicate and does not bring the person back.
 */
export const identifyMessagesEraser: CustomerEraser = {
  name: 'identifyMessages',
  async erase(tx, c) {
    return changed(
      await tx.manager.query(
        `UPDATE identify_messages m SET
           message_id = CASE WHEN ${mentions('m.message_id', 3)} THEN 'erased:' || md5(m.message_id) ELSE m.message_id END,
           reasons = CASE WHEN ${mentions('m.reasons::text', 3)} THEN ${anonymisedReasons('m.reasons', 4, 5)} ELSE m.reasons END
          WHERE m.workspace_id = $1 AND (m.customer_id = $2 OR ${mentions('m.message_id', 3)} OR ${mentions('m.reasons::text', 3)})`,
        [c.workspaceId, c.id, c.personal, ENVELOPE_FIELDS, ERASED_REASON_MESSAGE],
      ),
    ).count;
  },
};

/**
 * Current consent is deleted; the history keeps what changed and when, without the contact point. The history
 * is append-only in the database; this transaction alone sets `flare.erasing` for the one statement.
 */
export const consentEraser: CustomerEraser = {
  name: 'consents',
  async erase(tx, c) {
    await tx.manager.query('DELETE FROM customer_consents WHERE workspace_id = $1 AND customer_id = $2', [c.workspaceId, c.id]);
    await tx.manager.query(`SELECT set_config('flare.erasing', 'on', true)`);
    const history = changed(
      await tx.manager.query('UPDATE consent_changes SET contact_point = NULL WHERE workspace_id = $1 AND customer_id = $2 AND contact_point IS NOT NULL', [c.workspaceId, c.id]),
    );
    await tx.manager.query(`SELECT set_config('flare.erasing', 'off', true)`);
    return history.count;
  },
};

export const deviceEraser: CustomerEraser = {
  name: 'devices',
  async erase(tx, c) {
    return changed(await tx.manager.query('DELETE FROM customer_devices WHERE workspace_id = $1 AND customer_id = $2', [c.workspaceId, c.id])).count;
  },
};

/** Last: the record keeps its id, kind, workspace and times; every personal column is cleared. */
export const recordEraser: CustomerEraser = {
  name: 'record',
  async erase(tx, c) {
    await tx.manager.query(
      `UPDATE customers SET auth_id = $3, email = NULL, phone = NULL, first_name = NULL, last_name = NULL, locale = NULL, time_zone = NULL,
         address_line1 = NULL, address_line2 = NULL, city = NULL, postal_code = NULL, region = NULL, country = NULL, fields = '{}'::jsonb,
         updated_at = $4, erased_at = $4
        WHERE workspace_id = $1 AND id = $2`,
      [c.workspaceId, c.id, c.erasedAuthId, c.now],
    );
    return 1;
  },
};

/** Run in this order, the extra erasers before the record itself is cleared. */
export const BUILT_IN_ERASERS: CustomerEraser[] = [eventsEraser, identifyMessagesEraser, consentEraser, deviceEraser];
