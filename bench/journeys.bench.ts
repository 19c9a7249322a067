import { benchWorkspace, fmt, startStack, timeRequests } from './support/stack.js';

/**
 * Journeys at their limits: validating, saving and publishing a 5-step and a 100-step journey, and the content
 * list with live-journey usage when 100 live journeys send its messages. Prints figures; asserts nothing.
 */
const stack = await startStack();
const { services } = stack.server;
const { viewer, query } = await benchWorkspace(stack);

// A ready trigger whose version is past the one-hour rule (set directly: the bench measures journeys, not ingestion).
const trigger = await services.triggers.create(viewer, {
  title: 'Cart abandoned',
  description: 'Bench',
  category: 'CONVERSION' as never,
  identity: 'PROFILE' as never,
  source: 'Bench',
  key: null,
  attributes: [{ name: 'cartUrl', type: 'TEXT' as never, required: true }],
  allowedOperations: null,
});
await stack.dataSource.query(`UPDATE triggers SET status = 'READY_TO_USE' WHERE id = $1`, [trigger.id]);
// Versions are immutable (a database trigger refuses updates); the bench backdates its own version past that guard.
await stack.dataSource.transaction(async (manager) => {
  await manager.query(`SET LOCAL session_replication_role = replica`);
  await manager.query(`UPDATE trigger_versions SET created_at = now() - interval '2 hours' WHERE trigger_id = $1`, [trigger.id]);
});

const contentIds: string[] = [];
for (let i = 0; i < 100; i += 1) {
  const c = await services.content.create(viewer, {
    channel: 'EMAIL' as never,
    name: `Reminder ${i}`,
    subject: 'Your cart {{ trigger.cartUrl }}',
    senderName: 'Shop',
    htmlBody: '<p>Back to {{ trigger.cartUrl }}</p>',
    textBody: 'Back: {{ trigger.cartUrl }}',
  });
  await services.content.markReady(viewer, c.id);
  contentIds.push(c.id);
}

/** A chain of `n` steps alternating email and one-day wait, every email sending a different message. */
const definition = (n: number, offset = 0) => ({
  startTriggerId: trigger.id,
  startTriggerVersion: 1,
  repeatPolicy: 'IMMEDIATELY',
  startAt: new Date().toISOString(),
  exitTriggerIds: [],
  firstStepId: 's0',
  steps: Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    ...(i % 2 === 0 ? { type: 'SEND_EMAIL', contentId: contentIds[(offset + i / 2) % contentIds.length], sendTo: 'CONTACTPOINT_EMAIL' } : { type: 'WAIT', waitSeconds: 86_400 }),
    next: i + 1 < n ? `s${i + 1}` : null,
  })),
});
const CREATE = `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { journey { id revision } } }`;
const create = async (name: string, n: number, offset = 0) =>
  (await query(CREATE, { input: { name, definition: definition(n, offset) } })).createJourney.journey as { id: string; revision: number };
const VALIDATE = `mutation($id: ID!) { validateJourney(input: { id: $id }) { valid problems { code } } }`;

const small = await create('Small', 5);
const large = await create('Large', 100);
for (const j of [small, large]) {
  const { validateJourney } = await query(VALIDATE, { id: j.id });
  if (!validateJourney.valid) throw new Error(`bench journey invalid: ${JSON.stringify(validateJourney.problems)}`);
}
const validateSmall = await timeRequests(200, async () => void (await query(VALIDATE, { id: small.id })));
const validateLarge = await timeRequests(200, async () => void (await query(VALIDATE, { id: large.id })));

let revision = large.revision;
const UPDATE = `mutation($input: UpdateJourneyInput!) { updateJourney(input: $input) { journey { revision } } }`;
const saveLarge = await timeRequests(100, async () => {
  revision = (await query(UPDATE, { input: { id: large.id, baseRevision: revision, definition: definition(100) } })).updateJourney.journey.revision;
});

const PUBLISH = `mutation($id: ID!) { publishJourney(input: { id: $id }) { journey { status } } }`;
const toPublish: { id: string }[] = [];
for (let i = 0; i < 100; i += 1) toPublish.push(await create(`Live ${i}`, 100, i));
let next = 0;
const publishLarge = await timeRequests(100, async () => void (await query(PUBLISH, { id: toPublish[next++].id })));

const CONTENTS = `{ contents(first: 50) { nodes { id name state } } }`;
const CONTENTS_USAGE = `{ contents(first: 50) { nodes { id name state liveJourneys } } }`;
const plain = await timeRequests(200, async () => void (await query(CONTENTS)));
const usage = await timeRequests(200, async () => void (await query(CONTENTS_USAGE)));
const sample = (await query(CONTENTS_USAGE)).contents.nodes[0].liveJourneys.length;

console.log('Journeys benchmark — 100 ready emails; journeys alternate email and wait steps');
console.log(`  validateJourney, 5 steps                   : ${fmt(validateSmall)}`);
console.log(`  validateJourney, 100 steps                 : ${fmt(validateLarge)}`);
console.log(`  ratio 100 / 5 steps (p50)                  : ${(validateLarge.p50 / validateSmall.p50).toFixed(2)}`);
console.log(`  updateJourney, whole 100-step definition   : ${fmt(saveLarge)}`);
console.log(`  publishJourney, 100 steps (validate + lock): ${fmt(publishLarge)}`);
console.log(`  contents page of 50                        : ${fmt(plain)}`);
console.log(`  … with liveJourneys (100 live journeys)     : ${fmt(usage)}  (${sample} live journeys on the first item)`);
console.log(`  ratio with / without usage (p50)           : ${(usage.p50 / plain.p50).toFixed(2)}`);
await stack.stop();
