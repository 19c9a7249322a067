import { randomUUID } from 'node:crypto';

/**
 * Load generator, run as its own process so it does not compete with the server's event loop.
 * Input (env LOAD): { endpoint, key, trigger, mode: 'batch' | 'single' | 'rate', requests, concurrency, rps } and, optionally,
 * `perRequest` (events per request; 100 in batch mode, 1 otherwise), `authPrefix` (unique authIds `${prefix}-${n}` instead of
 * random ones among a million), `contactpoint` (each event carries a contactpoint_email) and `acks` (report when each event's
 * request was answered).
 * Output: one JSON line { events, ms, latencies, startedAt, acks? } — `startedAt` is the wall clock (ms since epoch) when the
 * first request left, `acks` lists [messageId, wall-clock ms of its 202].
 */
type Job = {
  endpoint: string;
  key: string;
  trigger: string;
  mode: 'batch' | 'single' | 'rate';
  requests: number;
  concurrency: number;
  rps: number;
  perRequest?: number;
  authPrefix?: string;
  contactpoint?: boolean;
  acks?: boolean;
};
const job = JSON.parse(process.env.LOAD!) as Job;
const perRequest = job.perRequest ?? (job.mode === 'batch' ? 100 : 1);
let sequence = 0;
const event = () => {
  const authId = job.authPrefix ? `${job.authPrefix}-${(sequence += 1)}` : `c-${Math.floor(Math.random() * 1e6)}`;
  return {
    trigger: job.trigger,
    authId,
    messageId: randomUUID(),
    ...(job.contactpoint ? { contactpoint_email: `${authId}@example.com` } : {}),
    attributes: { total: 49.95, items: 3, coupon: 'SAVE10', order: 'order-1' },
  };
};
const acks: [string, number][] = [];
const post = async () => {
  const events = Array.from({ length: perRequest }, event);
  const body = job.mode === 'batch' || job.perRequest !== undefined ? { events } : events[0];
  const res = await fetch(job.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-flare-key': job.key }, body: JSON.stringify(body) });
  if (res.status !== 202) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  if (job.acks) {
    const at = Date.now();
    for (const e of events) acks.push([e.messageId, at]);
  }
};

const latencies: number[] = [];
const timed = async () => {
  const t0 = performance.now();
  await post();
  latencies.push(performance.now() - t0);
};
const startedAt = Date.now();
const started = performance.now();
if (job.mode === 'rate') {
  const sends: Promise<void>[] = [];
  for (let i = 0; i < job.requests; i += 1) {
    const wait = started + (i * 1000) / job.rps - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sends.push(timed());
  }
  await Promise.all(sends);
} else {
  let next = 0;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.requests) {
        next += 1;
        await timed();
      }
    }),
  );
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ events: job.requests * perRequest, ms, latencies, startedAt, ...(job.acks ? { acks } : {}) })}\n`);
