import type { EventTx } from '../ingestion/ingestion.writer.js';
import { ContentChannel } from '../content/content.types.js';
import {
  CAP_WINDOWS,
  capReached,
  quietTimeZone,
  quietUntil,
  type CapWindow,
  type FrequencyCap,
  type QuietHours,
  type QuietHoursTimeZone,
  type Weekday,
} from './send-policy.rules.js';

/** Advisory-lock class of frequency caps (the first key of pg_advisory_xact_lock(int, int)). */
const CAP_LOCK_CLASS = 7_243_101;

/** What the gate needs of a claimed message. */
export type PolicyCandidate = { workspace_id: string; id: string; customer_id: string; channel: ContentChannel; recipient: string | null };

/** The gate's verdicts: held until quiet hours end (still QUEUED), blocked by a cap, or free to send. */
export type PolicyOutcome = { send: Set<string>; held: string[]; blocked: string[] };

type PolicyRow = {
  id: string;
  reason: string | null;
  cap_24h: number | null;
  cap_7d: number | null;
  cap_30d: number | null;
  quiet_start: string | null;
  quiet_end: string | null;
  quiet_days: Weekday[];
  quiet_time_zone: QuietHoursTimeZone;
  customer_zone: string | null;
  workspace_zone: string;
  ignore_cap: boolean;
};

/** Whom a cap counts for: the address for email and text, the customer for push (its recipient names devices). */
const contactPoint = (m: PolicyCandidate) => (m.channel === ContentChannel.PUSH ? m.customer_id : m.recipient);

/**
 * Applies the channels' send-time policies to messages the sender claimed (FOR UPDATE SKIP LOCKED) and that passed
 * its run and consent checks, inside the claim's transaction:
 *
 * - **Quiet hours**: a message due inside its channel's window (in the customer's zone, else the workspace's) stays
 *   QUEUED with reason QUIET_HOURS and due_at = the window's end; released, it comes through here again, so the cap
 *   is checked on release.
 * - **Frequency cap** (unless the journey ignores it): messages a provider already took for the same contact point
 *   within 24 h / 7 d / 30 d are counted — SENT, DELIVERED, BOUNCED by when they went, and QUEUED ones a sender
 *   leased before (in flight or waiting to retry) as now. At the limit, the message is BLOCKED with reason
 *   FREQUENCY_CAP (the window in reason_detail); the run goes on. Under concurrency, the count and the lease are
 *   serialised per (workspace, channel, contact point) by a transaction-level advisory lock taken before counting:
 *   a second sender counting the same contact point waits until the first commits its leases, then counts them.
 *   Locks are taken in hash order, one statement, so two claims never wait on each other in a cycle.
 */
export async function applySendPolicies(tx: EventTx, messages: PolicyCandidate[]): Promise<PolicyOutcome> {
  const outcome: PolicyOutcome = { send: new Set(messages.map((m) => m.id)), held: [], blocked: [] };
  if (messages.length === 0) return outcome;
  const { rows } = await tx.client.query<PolicyRow>(
    `SELECT m.id, m.reason, p.cap_24h, p.cap_7d, p.cap_30d, p.quiet_start, p.quiet_end, p.quiet_days, p.quiet_time_zone, c.time_zone AS customer_zone,
            w.time_zone AS workspace_zone, coalesce((j.definition->>'ignoreFrequencyCap')::boolean, false) AS ignore_cap
       FROM unnest($1::uuid[], $2::uuid[]) AS x(ws, id)
       JOIN journey_messages m ON m.workspace_id = x.ws AND m.id = x.id
       JOIN channel_policies p ON p.workspace_id = m.workspace_id AND p.channel = m.channel
       JOIN workspaces w ON w.id = m.workspace_id
       LEFT JOIN customers c ON c.workspace_id = m.workspace_id AND c.id = m.customer_id
       LEFT JOIN journeys j ON j.workspace_id = m.workspace_id AND j.id = m.journey_id`,
    [messages.map((m) => m.workspace_id), messages.map((m) => m.id)],
  );
  if (rows.length === 0) return outcome;
  const policies = new Map(rows.map((r) => [r.id, r]));
  const now = tx.now;

  const holds: { ws: string; id: string; due_at: string; detail: string }[] = [];
  const capped: { m: PolicyCandidate; cap: FrequencyCap }[] = [];
  for (const m of messages) {
    const p = policies.get(m.id);
    if (!p) continue;
    if (p.quiet_start !== null && p.quiet_end !== null) {
      const quiet: QuietHours = { start: p.quiet_start, end: p.quiet_end, days: p.quiet_days, timeZoneMode: p.quiet_time_zone };
      const zone = quietTimeZone(quiet.timeZoneMode, p.customer_zone, p.workspace_zone);
      const until = quietUntil(quiet, now, zone);
      if (until) {
        holds.push({ ws: m.workspace_id, id: m.id, due_at: until.toISOString(), detail: `until ${quiet.end} ${zone}` });
        outcome.send.delete(m.id);
        continue;
      }
    }
    const cap = { per24h: p.cap_24h, per7d: p.cap_7d, per30d: p.cap_30d };
    if (!p.ignore_cap && contactPoint(m) !== null && (cap.per24h ?? cap.per7d ?? cap.per30d) !== null) capped.push({ m, cap });
  }
  if (holds.length > 0) {
    await tx.client.query(
      `UPDATE journey_messages m SET reason = 'QUIET_HOURS', reason_detail = d.detail, due_at = d.due_at, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS d(ws uuid, id uuid, due_at timestamptz, detail text) WHERE m.workspace_id = d.ws AND m.id = d.id`,
      [JSON.stringify(holds), now],
    );
    outcome.held = holds.map((h) => h.id);
  }
  // Released from a hold: the hold's reason goes (a block below, or the provider's outcome, writes its own).
  const released = rows.filter((r) => r.reason === 'QUIET_HOURS' && outcome.send.has(r.id)).map((r) => r.id);
  if (released.length > 0)
    await tx.client.query(
      `UPDATE journey_messages m SET reason = NULL, reason_detail = NULL FROM unnest($1::uuid[], $2::uuid[]) AS x(ws, id) WHERE m.workspace_id = x.ws AND m.id = x.id`,
      [released.map((id) => messages.find((m) => m.id === id)!.workspace_id), released],
    );
  if (capped.length === 0) return outcome;

  const keyOf = (m: PolicyCandidate) => `${m.workspace_id}|${m.channel}|${contactPoint(m)}`;
  const keys = [...new Set(capped.map(({ m }) => keyOf(m)))];
  await tx.client.query(`SELECT pg_advisory_xact_lock(${CAP_LOCK_CLASS}, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) k ORDER BY 1) s`, [keys]);
  const points = [...new Map(capped.map(({ m }) => [keyOf(m), m])).values()];
  const { rows: counts } = await tx.client.query<{ k: string; d1: number; d7: number; d30: number }>(
    `SELECT x.k, count(*) FILTER (WHERE t.at > $5::timestamptz - interval '1 day')::int AS d1,
            count(*) FILTER (WHERE t.at > $5::timestamptz - interval '7 days')::int AS d7, count(*)::int AS d30
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS x(ws, channel, point, k)
       JOIN journey_messages m ON m.workspace_id = x.ws AND m.channel = x.channel
        AND ((x.channel = '${ContentChannel.PUSH}' AND m.customer_id = x.point::uuid) OR (x.channel <> '${ContentChannel.PUSH}' AND m.recipient = x.point))
       CROSS JOIN LATERAL (SELECT CASE WHEN m.status IN ('SENT', 'DELIVERED', 'BOUNCED') THEN coalesce(m.sent_at, m.updated_at)
                                       WHEN m.status = 'QUEUED' AND m.attempts > 0 AND m.reason IS DISTINCT FROM 'QUIET_HOURS' THEN $5::timestamptz END AS at) t
      WHERE t.at > $5::timestamptz - interval '30 days' AND m.id <> ALL($6::uuid[])
      GROUP BY x.k`,
    [points.map((m) => m.workspace_id), points.map((m) => m.channel), points.map((m) => contactPoint(m)), points.map(keyOf), now, messages.map((m) => m.id)],
  );
  const sent = new Map<string, Record<CapWindow, number>>(counts.map((c) => [c.k, { '24H': c.d1, '7D': c.d7, '30D': c.d30 }]));
  const blocks: { ws: string; id: string; detail: string }[] = [];
  for (const { m, cap } of capped) {
    const k = keyOf(m);
    const so = sent.get(k) ?? { '24H': 0, '7D': 0, '30D': 0 };
    const reached = capReached(cap, so);
    if (reached) {
      const w = CAP_WINDOWS.find((x) => x.label === reached)!;
      blocks.push({ ws: m.workspace_id, id: m.id, detail: `${reached}: ${cap[w.key]} per ${reached === '24H' ? '24 hours' : reached === '7D' ? '7 days' : '30 days'}` });
      outcome.send.delete(m.id);
    } else sent.set(k, { '24H': so['24H'] + 1, '7D': so['7D'] + 1, '30D': so['30D'] + 1 });
  }
  if (blocks.length > 0) {
    await tx.client.query(
      `UPDATE journey_messages m SET status = 'BLOCKED', reason = 'FREQUENCY_CAP', reason_detail = d.detail, due_at = NULL, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS d(ws uuid, id uuid, detail text) WHERE m.workspace_id = d.ws AND m.id = d.id`,
      [JSON.stringify(blocks), now],
    );
    outcome.blocked = blocks.map((b) => b.id);
  }
  return outcome;
}
