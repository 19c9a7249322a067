import { describe, expect, it } from 'vitest';
import { RepeatPolicy, SendTo, StepType, type JourneyDefinition, type JourneyStep } from '../journeys/journey.types.js';
import { AttributeType, Comparator } from '../triggers/trigger.types.js';
import { advance, reachable, type RunFacts, type RunState } from './run.rules.js';
import { RunStatus, WaitKind } from './run.types.js';
import { step } from '../../test/journey-steps.js';

const T0 = new Date('2026-11-28T10:00:00Z');
const journey = (steps: JourneyStep[]): JourneyDefinition => ({
  startTriggerId: 't',
  startTriggerVersion: 1,
  repeatPolicy: RepeatPolicy.IMMEDIATELY,
  repeatAfterSeconds: null,
  startAt: T0.toISOString(),
  endAt: null,
  goalTriggerId: null,
  goalPercent: null,
  exitTriggerIds: [],
  firstStepId: steps[0].id,
  ignoreFrequencyCap: false,
  steps,
});
const start = (stepId: string): RunState => ({
  status: RunStatus.ACTIVE,
  stepId,
  stepStartedAt: T0,
  timerAt: null,
  waitKind: null,
  waitTriggerId: null,
  waitStepId: null,
  waitMatched: false,
  endReason: null,
  error: null,
});
const facts = (over: Partial<RunFacts> = {}): RunFacts => ({
  now: T0,
  attributes: {},
  attributeTypes: new Map(),
  interactions: new Set(),
  triggerIdByKey: new Map([['email_opened', 'opened-id']]),
  ...over,
});
const at = (ms: number) => new Date(T0.getTime() + ms);
const kinds = (t: ReturnType<typeof advance>) => t.log.map((l) => `${l.kind}${l.stepId ? `@${l.stepId}` : ''}`);

const cart = journey([
  step({ id: 'email', type: StepType.SEND_EMAIL, contentId: 'c1', sendTo: SendTo.CONTACT_EMAIL, next: 'opened' }),
  step({ id: 'opened', type: StepType.IF_THEN, branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: 86_400, no: 'wait' }),
  step({ id: 'wait', type: StepType.WAIT, waitSeconds: 3_600, next: 'push' }),
  step({ id: 'push', type: StepType.SEND_PUSH, contentId: 'c2' }),
]);

describe('advance', () => {
  it('sends, then waits for the interaction until the time limit', () => {
    const t = advance(cart, start('email'), facts());
    expect(t.sends).toEqual([{ stepId: 'email', channel: 'EMAIL', contentId: 'c1', sendTo: 'CONTACT_EMAIL' }]);
    expect(t.state).toMatchObject({
      status: 'WAITING',
      stepId: 'opened',
      waitKind: WaitKind.INTERACTION,
      waitTriggerId: 'opened-id',
      waitStepId: 'email',
      timerAt: at(86_400_000),
    });
    expect(kinds(t)).toEqual(['MESSAGE_QUEUED@email', 'STEP_DONE@email', 'STEP_STARTED@opened', 'WAITING@opened']);
  });

  it('stays put when woken before its time (a lease ran out, a stale wake)', () => {
    const waiting = advance(cart, start('email'), facts()).state;
    const early = advance(cart, waiting, facts({ now: at(1_000) }));
    expect(early.state).toEqual(waiting);
    expect(early.log).toEqual([]);
  });

  it('takes the no path when the limit passes, and the yes path at once when the interaction happened', () => {
    const waiting = advance(cart, start('email'), facts()).state;
    const no = advance(cart, waiting, facts({ now: at(86_400_000) }));
    expect(no.state).toMatchObject({ status: 'WAITING', stepId: 'wait', waitKind: 'TIMER', timerAt: at(86_400_000 + 3_600_000) });
    const yes = advance(cart, { ...waiting, waitMatched: true }, facts({ now: at(60_000) }));
    // The yes path is empty: the run completes.
    expect(yes.state.status).toBe(RunStatus.COMPLETED);
    expect(kinds(yes)).toEqual(['BRANCHED@opened', 'STEP_DONE@opened', 'COMPLETED']);
  });

  it('an interaction that already happened before the branch is reached takes the yes path without waiting', () => {
    const def = journey([
      step({ id: 'email', type: StepType.SEND_EMAIL, contentId: 'c1', sendTo: SendTo.CONTACT_EMAIL, next: 'pause' }),
      step({ id: 'pause', type: StepType.WAIT, waitSeconds: 600, next: 'opened' }),
      step({ id: 'opened', type: StepType.IF_THEN, branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: 3_600, yes: 'push', no: null }),
      step({ id: 'push', type: StepType.SEND_PUSH, contentId: 'c2' }),
    ]);
    const paused = advance(def, start('email'), facts()).state;
    const t = advance(def, paused, facts({ now: at(600_000), interactions: new Set(['email:email_opened']) }));
    expect(t.sends.map((s) => s.stepId)).toEqual(['push']);
    expect(t.state.status).toBe(RunStatus.COMPLETED);
  });

  it('waits for a trigger with the time limit, and goes on only when matched', () => {
    const def = journey([
      step({ id: 'bought', type: StepType.IF_THEN, waitTriggerId: 'purchase', withinSeconds: 600, yes: 'thanks', no: null }),
      step({ id: 'thanks', type: StepType.SEND_PUSH, contentId: 'c' }),
    ]);
    const waiting = advance(def, start('bought'), facts()).state;
    expect(waiting).toMatchObject({ status: 'WAITING', waitKind: 'TRIGGER', waitTriggerId: 'purchase', timerAt: at(600_000) });
    expect(advance(def, { ...waiting, waitMatched: true }, facts({ now: at(5_000) })).sends.map((s) => s.stepId)).toEqual(['thanks']);
    expect(advance(def, waiting, facts({ now: at(600_000) })).sends).toEqual([]);
  });

  it('a WAIT until a date already past goes on at once; one in the future waits until it', () => {
    const def = (until: Date) =>
      journey([step({ id: 'w', type: StepType.WAIT, waitUntil: until.toISOString(), next: 'p' }), step({ id: 'p', type: StepType.SEND_PUSH, contentId: 'c' })]);
    expect(advance(def(at(-1)), start('w'), facts()).state.status).toBe(RunStatus.COMPLETED);
    expect(advance(def(at(5_000)), start('w'), facts()).state).toMatchObject({ status: 'WAITING', timerAt: at(5_000) });
  });

  it('an attribute branch compares the start event’s typed value', () => {
    const def = journey([
      step({ id: 'big', type: StepType.ATTRIBUTE_BRANCH, attribute: 'cartValue', comparator: Comparator.GREATER_THAN, values: ['100'], yes: 'vip', no: 'std' }),
      step({ id: 'vip', type: StepType.SEND_PUSH, contentId: 'v' }),
      step({ id: 'std', type: StepType.SEND_PUSH, contentId: 's' }),
    ]);
    const types = new Map([['cartValue', AttributeType.DECIMAL]]);
    expect(advance(def, start('big'), facts({ attributes: { cartValue: 150 }, attributeTypes: types })).sends[0].contentId).toBe('v');
    expect(advance(def, start('big'), facts({ attributes: { cartValue: 50 }, attributeTypes: types })).sends[0].contentId).toBe('s');
    expect(advance(def, start('big'), facts({ attributes: {}, attributeTypes: types })).sends[0].contentId).toBe('s');
  });

  it('a run at a step the journey does not have fails with the reason', () => {
    const t = advance(cart, start('gone'), facts());
    expect(t.state).toMatchObject({ status: 'FAILED', endReason: 'FAILED' });
    expect(t.state.error).toMatch(/gone/);
  });

  it('reachable: a journey that sends needs an address for at least one of its messages', () => {
    const none = { email: null, phone: null, contactpointEmail: null, contactpointPhone: null, devices: 0 };
    expect(reachable(cart, none)).toBe(false);
    expect(reachable(cart, { ...none, email: 'a@b.co' })).toBe(true);
    expect(reachable(cart, { ...none, devices: 1 })).toBe(true);
    expect(reachable(journey([step({ id: 'w', type: StepType.WAIT, waitSeconds: 60 })]), none)).toBe(true);
  });
});
