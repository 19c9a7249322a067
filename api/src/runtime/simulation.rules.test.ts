import { describe, expect, it } from 'vitest';
import { ContentChannel } from '../content/content.types.js';
import { RepeatPolicy, SendTo, StepType, type JourneyDefinition } from '../journeys/journey.types.js';
import { AttributeType, Comparator } from '../triggers/trigger.types.js';
import { RunStatus } from './run.types.js';
import { MAX_SIMULATION_DAYS, scriptProblem, ScriptKind, simulate, SimulationPathKind, type ScriptEntry, type SimulationInput } from './simulation.rules.js';
import { step } from '../../test/journey-steps.js';

const HOUR = 3_600;
const DAY = 86_400;
const START = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

/** The shape of api/test/journeys.ts's abandoned-cart journey (seed 003). */
const cart: JourneyDefinition = {
  startTriggerId: 'cart',
  startTriggerVersion: 1,
  repeatPolicy: RepeatPolicy.IMMEDIATELY,
  repeatAfterSeconds: null,
  startAt: '2026-01-01T00:00:00Z',
  endAt: null,
  goalTriggerId: 'purchase',
  goalPercent: 50,
  exitTriggerIds: ['purchase'],
  firstStepId: 'email',
  ignoreFrequencyCap: false,
  steps: [
    step({ id: 'email', type: StepType.SEND_EMAIL, contentId: 'c-email', sendTo: SendTo.CONTACTPOINT_EMAIL, next: 'opened' }),
    step({ id: 'opened', type: StepType.IF_THEN, branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: DAY, no: 'text' }),
    step({ id: 'text', type: StepType.SEND_TEXT, contentId: 'c-text', sendTo: SendTo.CONTACT_PHONE, next: 'wait' }),
    step({ id: 'wait', type: StepType.WAIT, waitSeconds: DAY, next: 'push' }),
    step({ id: 'push', type: StepType.SEND_PUSH, contentId: 'c-push' }),
  ],
};

const run = (def: JourneyDefinition, script: Partial<ScriptEntry>[] = [], over: Partial<SimulationInput> = {}) =>
  simulate({
    def,
    start: START,
    attributes: { cartValue: 42.5 },
    attributeTypes: new Map([['cartValue', AttributeType.DECIMAL]]),
    triggerIdByKey: new Map([
      ['email_opened', 't-opened'],
      ['email_delivered', 't-delivered'],
    ]),
    bindingId: null,
    script: script.map((e) => ({ afterSeconds: 0, kind: ScriptKind.TRIGGER, stepId: null, interaction: null, triggerId: null, bindingId: null, ...e })),
    ...over,
  });
const kinds = (r: ReturnType<typeof simulate>) =>
  r.path.filter((p) => p.kind !== SimulationPathKind.STEP_STARTED && p.kind !== SimulationPathKind.STEP_DONE).map((p) => `${p.kind}:${p.stepId ?? '-'}`);

describe('simulate', () => {
  it('no open: the email, a text a day later, a push a day after that, completed at +2 days', () => {
    const r = run(cart);
    expect(r.sends.map((s) => [s.stepId, s.channel, s.at])).toEqual([
      ['email', ContentChannel.EMAIL, START],
      ['text', ContentChannel.TEXT, at(DAY)],
      ['push', ContentChannel.PUSH, at(2 * DAY)],
    ]);
    expect(kinds(r)).toEqual([
      'ENTERED:-',
      'MESSAGE_QUEUED:email',
      'WAITING:opened',
      'BRANCHED:opened',
      'MESSAGE_QUEUED:text',
      'WAITING:wait',
      'MESSAGE_QUEUED:push',
      'COMPLETED:-',
    ]);
    expect(r.path.find((p) => p.kind === SimulationPathKind.BRANCHED)).toMatchObject({ at: at(DAY), detail: { path: 'no' } });
    expect(r).toMatchObject({ endStatus: RunStatus.COMPLETED, endStepId: null, endedAt: at(2 * DAY), goalReachedAt: null, problems: [] });
  });

  it('an open an hour in takes the yes path then (completing there, as yes leads nowhere)', () => {
    const r = run(cart, [{ afterSeconds: HOUR, kind: ScriptKind.INTERACTION, stepId: 'email', interaction: 'email_opened' }]);
    expect(r.sends.map((s) => s.stepId)).toEqual(['email']);
    expect(r.path.find((p) => p.kind === SimulationPathKind.BRANCHED)).toMatchObject({ stepId: 'opened', at: at(HOUR), detail: { path: 'yes' } });
    expect(r.path.find((p) => p.kind === SimulationPathKind.INTERACTION)).toMatchObject({ at: at(HOUR), detail: { stepId: 'email', interaction: 'email_opened' } });
    expect(r).toMatchObject({ endStatus: RunStatus.COMPLETED, endedAt: at(HOUR) });
  });

  it('an open after the time limit comes too late: the no path was taken at +1 day', () => {
    const r = run(cart, [{ afterSeconds: DAY, kind: ScriptKind.INTERACTION, stepId: 'email', interaction: 'email_opened' }]);
    expect(r.path.find((p) => p.kind === SimulationPathKind.BRANCHED)).toMatchObject({ at: at(DAY), detail: { path: 'no' } });
    expect(r.sends.map((s) => s.stepId)).toEqual(['email', 'text', 'push']);
  });

  it('the delivery happens when the message is sent: a wait for email_delivered takes the yes path at once', () => {
    const def = { ...cart, steps: cart.steps.map((s) => (s.id === 'opened' ? { ...s, interactionTriggerKey: 'email_delivered', yes: 'push' } : s)) };
    const r = run(def);
    expect(r.path.find((p) => p.kind === SimulationPathKind.BRANCHED)).toMatchObject({ at: START, detail: { path: 'yes' } });
    expect(r.sends.map((s) => [s.stepId, s.at])).toEqual([
      ['email', START],
      ['push', START],
    ]);
  });

  it('an exit trigger mid-wait ends the run EXITED at its step, and counts as the goal', () => {
    const r = run(cart, [{ afterSeconds: DAY + HOUR, triggerId: 'purchase' }]);
    expect(r.sends.map((s) => s.stepId)).toEqual(['email', 'text']);
    expect(kinds(r).slice(-3)).toEqual(['TRIGGER:wait', 'GOAL_REACHED:wait', 'EXITED:wait']);
    expect(r).toMatchObject({ endStatus: RunStatus.EXITED, endStepId: 'wait', endedAt: at(DAY + HOUR), goalReachedAt: at(DAY + HOUR) });
  });

  it('a goal within three days of completing still counts; a later one does not', () => {
    const noExit = { ...cart, exitTriggerIds: [] };
    expect(run(noExit, [{ afterSeconds: 4 * DAY, triggerId: 'purchase' }]).goalReachedAt).toEqual(at(4 * DAY));
    expect(run(noExit, [{ afterSeconds: 6 * DAY, triggerId: 'purchase' }]).goalReachedAt).toBeNull();
  });

  describe('wait for a trigger, with bindings', () => {
    const def: JourneyDefinition = {
      ...cart,
      goalTriggerId: null,
      goalPercent: null,
      exitTriggerIds: [],
      firstStepId: 'paid',
      steps: [
        step({ id: 'paid', type: StepType.IF_THEN, waitTriggerId: 'purchase', withinSeconds: 2 * DAY, yes: 'thanks', no: 'nudge' }),
        step({ id: 'thanks', type: StepType.SEND_EMAIL, contentId: 'c-email', sendTo: SendTo.CONTACT_EMAIL }),
        step({ id: 'nudge', type: StepType.SEND_TEXT, contentId: 'c-text', sendTo: SendTo.CONTACT_PHONE }),
      ],
    };
    it('a trigger of the same binding takes the yes path when it happens', () => {
      const r = run(def, [{ afterSeconds: 5 * HOUR, triggerId: 'purchase', bindingId: 'cart/8812' }], { bindingId: 'cart/8812' });
      expect(r.sends.map((s) => [s.stepId, s.at])).toEqual([['thanks', at(5 * HOUR)]]);
    });
    it('one of another id of the same type is ignored, and the limit takes the no path', () => {
      const r = run(def, [{ afterSeconds: 5 * HOUR, triggerId: 'purchase', bindingId: 'cart/9999' }], { bindingId: 'cart/8812' });
      expect(r.path.find((p) => p.kind === SimulationPathKind.TRIGGER)).toMatchObject({ detail: { ignored: 'BINDING_DIFFERS' } });
      expect(r.sends.map((s) => [s.stepId, s.at])).toEqual([['nudge', at(2 * DAY)]]);
    });
    it('one without a binding, or of another type, acts', () => {
      expect(run(def, [{ afterSeconds: HOUR, triggerId: 'purchase' }], { bindingId: 'cart/8812' }).sends[0].stepId).toBe('thanks');
      expect(run(def, [{ afterSeconds: HOUR, triggerId: 'purchase', bindingId: 'order/1' }], { bindingId: 'cart/8812' }).sends[0].stepId).toBe('thanks');
    });
    it('another trigger does nothing', () => {
      expect(run(def, [{ afterSeconds: HOUR, triggerId: 'other' }]).sends[0].stepId).toBe('nudge');
    });
  });

  it('an attribute branch follows the start event’s attributes', () => {
    const def: JourneyDefinition = {
      ...cart,
      firstStepId: 'big',
      steps: [
        step({ id: 'big', type: StepType.ATTRIBUTE_BRANCH, attribute: 'cartValue', comparator: Comparator.GREATER_THAN, values: ['100'], yes: 'vip', no: 'plain' }),
        step({ id: 'vip', type: StepType.SEND_EMAIL, contentId: 'c-vip', sendTo: SendTo.CONTACT_EMAIL }),
        step({ id: 'plain', type: StepType.SEND_EMAIL, contentId: 'c-plain', sendTo: SendTo.CONTACT_EMAIL }),
      ],
    };
    expect(run(def, [], { attributes: { cartValue: 250 } }).sends.map((s) => s.contentId)).toEqual(['c-vip']);
    expect(run(def, [], { attributes: { cartValue: 42.5 } }).sends.map((s) => s.contentId)).toEqual(['c-plain']);
  });

  it('an interaction with a message not sent (yet) is ignored', () => {
    const r = run(cart, [{ afterSeconds: HOUR, kind: ScriptKind.INTERACTION, stepId: 'text', interaction: 'text_clicked' }]);
    expect(r.path.find((p) => p.kind === SimulationPathKind.INTERACTION)).toMatchObject({ detail: { ignored: 'NO_MESSAGE' } });
  });

  it('stops at 400 days of virtual time and says so', () => {
    const def: JourneyDefinition = { ...cart, firstStepId: 'long', steps: [step({ id: 'long', type: StepType.WAIT, waitSeconds: 500 * DAY })] };
    const r = run(def);
    expect(r.endStatus).toBe(RunStatus.WAITING);
    expect(r.endedAt).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ code: 'SIMULATION_TOO_LONG' })]);
    expect(r.problems[0].message).toContain(`${MAX_SIMULATION_DAYS} days`);
  });

  it('stops after 1,000 moves and says so', () => {
    // 1,200 scripted happenings that do nothing, each a move of the clock.
    const script = Array.from({ length: 1_200 }, (_, i) => ({ afterSeconds: i + 1, triggerId: 'other' }));
    const r = run(cart, script);
    expect(r.endStatus).toBe(RunStatus.WAITING);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'SIMULATION_TOO_MANY_MOVES' })]);
  });
});

describe('scriptProblem', () => {
  const entry = (e: Partial<ScriptEntry>): ScriptEntry => ({ afterSeconds: 0, kind: ScriptKind.TRIGGER, stepId: null, interaction: null, triggerId: 't', bindingId: null, ...e });
  it('accepts interactions of a message step’s channel and triggers', () => {
    expect(scriptProblem(cart, [entry({ kind: ScriptKind.INTERACTION, stepId: 'email', interaction: 'email_clicked' }), entry({})], 'cart/1')).toBeNull();
  });
  it('refuses interactions of another channel or a step that sends nothing, triggers without an id and times out of range', () => {
    expect(scriptProblem(cart, [entry({ kind: ScriptKind.INTERACTION, stepId: 'email', interaction: 'push_opened' })], null)?.field).toBe('script[0].interaction');
    expect(scriptProblem(cart, [entry({ kind: ScriptKind.INTERACTION, stepId: 'wait', interaction: 'email_opened' })], null)?.field).toBe('script[0].stepId');
    expect(scriptProblem(cart, [entry({ triggerId: null })], null)?.field).toBe('script[0].triggerId');
    expect(scriptProblem(cart, [entry({ afterSeconds: -1 })], null)?.field).toBe('script[0].afterSeconds');
    expect(
      scriptProblem(
        cart,
        Array.from({ length: 51 }, () => entry({})),
        null,
      )?.field,
    ).toBe('script');
  });
});
