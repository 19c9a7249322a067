import { randomUUID } from 'node:crypto';

/**
 * Load generator, run as its own process so it does not compete with the server's event loop.
 * Input (env LOAD): { endpoint, key, trigger, mode: 'batch' | 'single' | 'rate', requests, concurrency, rps }.
 * Output: one JSON line { events, ms, latencies }.
 */
type Job = { endpoint: string; key: string; trigger: string; mode: 'batch' | 'single' | 'rate'; requests: number; concurrency: number; rps: number };
const job = JSON.parse(process.env.LOAD!) as Job;
const event = () => ({
  trigger: job.trigger,
  authId: `c-${Math.floor(Math.random() * 1e6)}`,
  messageId: randomUUID(),
  attributes: { total: 49.95, items: 3, coupon: 'SAVE10', order: 'order-1' },
});
const body = () => JSON.stringify(job.mode === 'batch' ? { events: Array.from({ length: 100 }, event) } : event());
const post = async () => {
  const res = await fetch(job.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-flare-key': job.key }, body: body() });
  if (res.status !== 202) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
};

const latencies: number[] = [];
const timed = async () => {
  const t0 = performance.now();
  await post();
  latencies.push(performance.now() - t0);
};
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
process.stdout.write(`${JSON.stringify({ events: job.requests * (job.mode === 'batch' ? 100 : 1), ms, latencies })}\n`);
