import { describe, expect, it } from 'vitest';
import { ContentChannel, ContentState } from '../content/content.types.js';
import { normaliseAttribute } from '../triggers/trigger.rules.js';
import { AttributeType, Comparator, CustomerIdentity, TriggerKind, TriggerStatus } from '../triggers/trigger.types.js';
import { ifThenKind, journeyProblems, MAX_STEPS, referencedTriggerIds } from './journey.rules.js';
import {
  readDefinition,
  RepeatPolicy,
  SendTo,
  StepType,
  type ContentFacts,
  type JourneyDefinition,
  type JourneyStep,
  type TriggerFacts,
  type ValidationFacts,
} from './journey.types.js';
import { step as blankStep } from '../../test/journey-steps.js';

const now = new Date('2026-11-22T12:00:00Z');
const trigger = (id: string, over: Partial<TriggerFacts> = {}): TriggerFacts => ({
  id,
  key: id,
  title: id,
  kind: TriggerKind.CUSTOM,
  status: TriggerStatus.READY_TO_USE,
  hidden: false,
  latestVersion: 1,
  versions: new Map([
    [
      1,
      {
        identity: CustomerIdentity.PROFILE,
        createdAt: new Date('2026-11-01T00:00:00Z'),
        attributes: [normaliseAttribute({ name: 'cartValue', type: AttributeType.DECIMAL }), normaliseAttribute({ name: 'cartUrl', type: AttributeType.TEXT })],
      },
    ],
  ]),
  ...over,
});
const content = (id: string, channel: ContentChannel, over: Partial<ContentFacts> = {}): ContentFacts => ({
  id,
  name: id,
  channel,
  state: ContentState.READY_TO_SEND,
  triggerAttributes: ['cartUrl'],
  ...over,
});
const step = (id: string, type: StepType, over: Partial<JourneyStep> = {}): JourneyStep => blankStep({ id, type, ...over });

function facts(over: { triggers?: TriggerFacts[]; contents?: ContentFacts[] } = {}): ValidationFacts {
  const triggers = over.triggers ?? [
    trigger('cart_abandoned'),
    trigger('purchase_completed'),
    trigger('email_opened', { kind: TriggerKind.INTERACTION }),
    trigger('text_clicked', { kind: TriggerKind.INTERACTION }),
  ];
  const contents = over.contents ?? [content('email-1', ContentChannel.EMAIL), content('text-1', ContentChannel.TEXT), content('push-1', ContentChannel.PUSH)];
  return { now, triggers: new Map(triggers.map((t) => [t.id, t])), triggersByKey: new Map(triggers.map((t) => [t.key, t])), contents: new Map(contents.map((c) => [c.id, c])) };
}

/** Seed 003's abandoned-cart journey. */
const abandonedCart = (): JourneyDefinition => ({
  startTriggerId: 'cart_abandoned',
  startTriggerVersion: 1,
  repeatPolicy: RepeatPolicy.IMMEDIATELY,
  repeatAfterSeconds: null,
  startAt: '2026-11-22T12:00:00Z',
  endAt: null,
  goalTriggerId: 'purchase_completed',
  goalPercent: 50,
  exitTriggerIds: ['purchase_completed'],
  firstStepId: 'email',
  ignoreFrequencyCap: false,
  steps: [
    step('email', StepType.SEND_EMAIL, { contentId: 'email-1', sendTo: SendTo.CONTACT_EMAIL, next: 'opened' }),
    step('opened', StepType.IF_THEN, { branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: 86_400, no: 'text' }),
    step('text', StepType.SEND_TEXT, { contentId: 'text-1', sendTo: SendTo.CONTACT_PHONE, next: 'wait' }),
    step('wait', StepType.WAIT, { waitSeconds: 86_400, next: 'push' }),
    step('push', StepType.SEND_PUSH, { contentId: 'push-1' }),
  ],
});
const codes = (def: JourneyDefinition, f = facts()) => journeyProblems(def, f).map((p) => `${p.code}${p.stepId ? `@${p.stepId}` : ''}`);
const edit = (f: (d: JourneyDefinition) => void) => {
  const d = abandonedCart();
  f(d);
  return d;
};
const stepOf = (d: JourneyDefinition, id: string) => d.steps.find((s) => s.id === id)!;

describe('journeyProblems', () => {
  it('accepts the abandoned-cart journey', () => {
    expect(codes(abandonedCart())).toEqual([]);
    expect(referencedTriggerIds(abandonedCart())).toEqual(['cart_abandoned', 'purchase_completed']);
  });

  it('requires a usable start trigger and version', () => {
    expect(codes(edit((d) => (d.startTriggerId = null)))).toContain('START_TRIGGER_REQUIRED');
    expect(
      codes(
        abandonedCart(),
        facts({ triggers: [trigger('cart_abandoned', { hidden: true }), trigger('purchase_completed'), trigger('email_opened', { kind: TriggerKind.INTERACTION })] }),
      ),
    ).toContain('START_TRIGGER_HIDDEN');
    expect(
      codes(
        abandonedCart(),
        facts({
          triggers: [
            trigger('cart_abandoned', { status: TriggerStatus.AWAITING_FIRST_EVENT }),
            trigger('purchase_completed'),
            trigger('email_opened', { kind: TriggerKind.INTERACTION }),
          ],
        }),
      ),
    ).toContain('START_TRIGGER_NOT_READY');
    expect(codes(edit((d) => (d.startTriggerId = 'email_opened')))).toContain('START_TRIGGER_INTERACTION');
    expect(codes(edit((d) => (d.startTriggerVersion = 7)))).toContain('START_VERSION_NOT_FOUND');
    const fresh = trigger('cart_abandoned', {
      latestVersion: 2,
      versions: new Map([
        [
          2,
          { identity: CustomerIdentity.PROFILE, createdAt: new Date(now.getTime() - 3_599_999), attributes: [normaliseAttribute({ name: 'cartUrl', type: AttributeType.TEXT })] },
        ],
      ]),
    });
    expect(
      codes(
        edit((d) => (d.startTriggerVersion = 2)),
        facts({ triggers: [fresh, trigger('purchase_completed'), trigger('email_opened', { kind: TriggerKind.INTERACTION })] }),
      ),
    ).toEqual(['START_VERSION_NOT_USABLE']);
  });

  it('checks repeat, dates, goal and exits', () => {
    expect(codes(edit((d) => (d.repeatPolicy = RepeatPolicy.AFTER)))).toEqual(['REPEAT_AFTER_REQUIRED']);
    expect(codes(edit((d) => (d.startAt = null)))).toEqual(['START_DATE_REQUIRED']);
    expect(codes(edit((d) => (d.endAt = '2026-11-22T11:00:00Z')))).toEqual(['END_BEFORE_START', 'END_IN_PAST']);
    expect(codes(edit((d) => (d.goalPercent = 0)))).toEqual(['GOAL_PERCENT_OUT_OF_RANGE']);
    expect(codes(edit((d) => (d.goalPercent = 101)))).toEqual(['GOAL_PERCENT_OUT_OF_RANGE']);
    expect(codes(edit((d) => (d.goalTriggerId = 'email_opened')))).toEqual(['GOAL_TRIGGER_INTERACTION']);
    expect(codes(edit((d) => (d.exitTriggerIds = ['email_opened', 'nope'])))).toEqual(['EXIT_TRIGGER_INTERACTION', 'EXIT_TRIGGER_NOT_FOUND']);
    expect(codes(edit((d) => (d.exitTriggerIds = ['purchase_completed', 'purchase_completed'])))).toEqual(['DUPLICATE_EXIT_TRIGGER']);
    expect(codes(edit((d) => (d.goalTriggerId = null)))).toEqual(['GOAL_TRIGGER_REQUIRED']);
    expect(codes(edit((d) => Object.assign(d, { goalTriggerId: null, goalPercent: null })))).toEqual([]);
  });

  it('refuses draft, missing, mismatched and unresolvable content', () => {
    const f = facts({
      contents: [
        content('email-1', ContentChannel.EMAIL, { state: ContentState.DRAFT }),
        content('text-1', ContentChannel.EMAIL),
        content('push-1', ContentChannel.PUSH, { triggerAttributes: ['coupon'] }),
      ],
    });
    expect(codes(abandonedCart(), f)).toEqual(['CONTENT_NOT_READY@email', 'CONTENT_CHANNEL_MISMATCH@text', 'TOKEN_UNRESOLVABLE@push']);
    expect(codes(edit((d) => (stepOf(d, 'email').contentId = null)))).toEqual(['CONTENT_REQUIRED@email']);
    expect(codes(edit((d) => (stepOf(d, 'email').contentId = 'deleted')))).toEqual(['CONTENT_NOT_FOUND@email']);
  });

  it('checks where messages go', () => {
    expect(codes(edit((d) => (stepOf(d, 'email').sendTo = SendTo.CONTACT_PHONE)))).toEqual(['SEND_TO_INVALID@email']);
    const contactTrigger = trigger('cart_abandoned', {
      versions: new Map([
        [1, { identity: CustomerIdentity.CONTACT, createdAt: new Date('2026-11-01'), attributes: [normaliseAttribute({ name: 'cartUrl', type: AttributeType.TEXT })] }],
      ]),
    });
    const d = edit((x) => (stepOf(x, 'email').sendTo = SendTo.CONTACTPOINT_EMAIL));
    expect(codes(d, facts({ triggers: [contactTrigger, trigger('purchase_completed'), trigger('email_opened', { kind: TriggerKind.INTERACTION })] }))).toEqual([
      'CONTACTPOINT_NEEDS_PROFILE@email',
    ]);
  });

  it('checks if/then branches: earlier message step, matching channel, time limit up to 90 days', () => {
    expect(codes(edit((d) => (stepOf(d, 'opened').interactionTriggerKey = 'text_clicked')))).toEqual(['INTERACTION_CHANNEL_MISMATCH@opened']);
    expect(codes(edit((d) => (stepOf(d, 'opened').withinSeconds = 90 * 86_400 + 1)))).toEqual(['TIME_LIMIT_OUT_OF_RANGE@opened']);
    expect(codes(edit((d) => (stepOf(d, 'opened').withinSeconds = 90 * 86_400)))).toEqual([]);
    expect(codes(edit((d) => (stepOf(d, 'opened').branchStepId = 'push')))).toEqual(['BRANCH_TARGET_NOT_EARLIER@opened', 'INTERACTION_CHANNEL_MISMATCH@opened']);
    expect(codes(edit((d) => (stepOf(d, 'opened').branchStepId = 'wait')))).toEqual(['BRANCH_TARGET_INVALID@opened']);
    expect(codes(edit((d) => (stepOf(d, 'opened').interactionTriggerKey = 'purchase_completed')))).toEqual(['INTERACTION_INVALID@opened']);
  });

  it('lets an if/then wait for a usable custom or business trigger instead of an interaction, one kind at a time', () => {
    const waiting = (over: Partial<JourneyStep> = {}) =>
      edit((d) => Object.assign(stepOf(d, 'opened'), { branchStepId: null, interactionTriggerKey: null, waitTriggerId: 'order_shipped', ...over }));
    const withShipped = (over: Partial<TriggerFacts> = {}) =>
      facts({
        triggers: [
          trigger('cart_abandoned'),
          trigger('purchase_completed'),
          trigger('email_opened', { kind: TriggerKind.INTERACTION }),
          trigger('order_shipped', { kind: TriggerKind.BUSINESS, ...over }),
        ],
      });
    expect(codes(waiting(), withShipped())).toEqual([]);
    expect(codes(waiting({ waitTriggerId: 'purchase_completed' }))).toEqual([]);
    expect(codes(abandonedCart())).toEqual([]);
    expect(ifThenKind(stepOf(waiting(), 'opened'))).toBe('TRIGGER');
    expect(ifThenKind(stepOf(abandonedCart(), 'opened'))).toBe('INTERACTION');
    expect(referencedTriggerIds(waiting())).toEqual(['cart_abandoned', 'purchase_completed', 'order_shipped']);

    expect(codes(waiting(), withShipped({ hidden: true }))).toEqual(['WAIT_TRIGGER_HIDDEN@opened']);
    expect(codes(waiting(), withShipped({ status: TriggerStatus.AWAITING_FIRST_EVENT }))).toEqual(['WAIT_TRIGGER_NOT_READY@opened']);
    expect(codes(waiting({ waitTriggerId: 'email_opened' }))).toEqual(['WAIT_TRIGGER_INTERACTION@opened']);
    expect(codes(waiting({ waitTriggerId: 'gone' }))).toEqual(['WAIT_TRIGGER_NOT_FOUND@opened']);
    const problem = journeyProblems(waiting({ waitTriggerId: 'gone' }), facts())[0];
    expect(problem).toMatchObject({ field: 'waitTriggerId', stepId: 'opened', message: 'The trigger to wait for does not exist.' });

    // Both kinds, or neither: one clear problem rather than a problem per missing field.
    expect(codes(waiting({ branchStepId: 'email', interactionTriggerKey: 'email_opened' }), withShipped())).toEqual(['IF_THEN_KIND_INVALID@opened']);
    expect(codes(waiting({ interactionTriggerKey: 'email_opened' }), withShipped())).toEqual(['IF_THEN_KIND_INVALID@opened']);
    expect(codes(waiting({ waitTriggerId: null }))).toEqual(['IF_THEN_KIND_INVALID@opened']);
    // A half-set interaction is still the interaction kind, judged as before.
    expect(codes(waiting({ waitTriggerId: null, branchStepId: 'email' }))).toEqual(['INTERACTION_INVALID@opened']);
    // The time limit and paths hold for both kinds.
    expect(codes(waiting({ withinSeconds: 59 }), withShipped())).toEqual(['TIME_LIMIT_OUT_OF_RANGE@opened']);
    expect(codes(waiting({ withinSeconds: 90 * 86_400 }), withShipped())).toEqual([]);
    expect(codes(waiting({ withinSeconds: 90 * 86_400 + 1 }), withShipped())).toEqual(['TIME_LIMIT_OUT_OF_RANGE@opened']);
  });

  it('reads a step stored before waitTriggerId existed as the interaction kind', () => {
    const old = edit((d) => delete (stepOf(d, 'opened') as Partial<JourneyStep>).waitTriggerId);
    expect(codes(old)).toEqual([]);
    expect(referencedTriggerIds(old)).toEqual(['cart_abandoned', 'purchase_completed']);
    expect(readDefinition(old).steps.map((s) => s.waitTriggerId)).toEqual([null, null, null, null, null]);
    expect(readDefinition(old)).toEqual(abandonedCart());
  });

  it('types attribute branches with the comparators of the attribute', () => {
    const branch = (over: Partial<JourneyStep>) =>
      edit((d) => {
        d.firstStepId = 'value';
        d.steps.push(step('value', StepType.ATTRIBUTE_BRANCH, { attribute: 'cartValue', comparator: Comparator.GREATER_THAN, values: ['100'], yes: 'email', ...over }));
      });
    expect(codes(branch({}))).toEqual([]);
    expect(codes(branch({ comparator: Comparator.CONTAINS }))).toEqual(['COMPARATOR_NOT_ALLOWED@value']);
    expect(codes(branch({ values: ['lots'] }))).toEqual(['VALUE_INVALID@value']);
    expect(codes(branch({ attribute: 'nope' }))).toEqual(['UNKNOWN_ATTRIBUTE@value']);
    expect(codes(branch({ yes: null }))).toEqual([
      'UNREACHABLE_STEP@email',
      'UNREACHABLE_STEP@opened',
      'UNREACHABLE_STEP@text',
      'UNREACHABLE_STEP@wait',
      'UNREACHABLE_STEP@push',
      'BRANCH_PATHS_REQUIRED@value',
    ]);
  });

  it('checks the step graph: references, cycles, reachability, 100 steps', () => {
    expect(codes(edit((d) => (stepOf(d, 'push').next = 'email')))).toContain('CYCLE@email');
    expect(codes(edit((d) => (stepOf(d, 'wait').next = 'ghost')))).toContain('UNKNOWN_NEXT_STEP@wait');
    expect(codes(edit((d) => d.steps.push(step('island', StepType.WAIT, { waitSeconds: 3_600 }))))).toEqual(['UNREACHABLE_STEP@island']);
    expect(codes(edit((d) => d.steps.push(step('email', StepType.WAIT, { waitSeconds: 3_600 }))))).toContain('DUPLICATE_STEP_ID@email');
    const chain = (n: number) =>
      edit((d) => {
        d.steps = Array.from({ length: n }, (_, i) => step(`w${i}`, StepType.WAIT, { waitSeconds: 3_600, next: i + 1 < n ? `w${i + 1}` : null }));
        d.firstStepId = 'w0';
      });
    expect(codes(chain(MAX_STEPS))).toEqual([]);
    expect(codes(chain(MAX_STEPS + 1))).toEqual(['TOO_MANY_STEPS']);
    expect(codes(edit((d) => (d.steps = [])))).toEqual(['NO_STEPS']);
    expect(codes(edit((d) => (d.firstStepId = null)))).toContain('FIRST_STEP_REQUIRED');
    expect(codes(edit((d) => (stepOf(d, 'wait').yes = 'push')))).toContain('BRANCHES_ON_LINEAR_STEP@wait');
  });

  it('checks waits', () => {
    expect(codes(edit((d) => (stepOf(d, 'wait').waitSeconds = 10)))).toEqual(['WAIT_INVALID@wait']);
    expect(codes(edit((d) => Object.assign(stepOf(d, 'wait'), { waitSeconds: null, waitUntil: '2026-11-21T00:00:00Z' })))).toEqual(['WAIT_INVALID@wait']);
    expect(codes(edit((d) => Object.assign(stepOf(d, 'wait'), { waitSeconds: null, waitUntil: '2026-12-01T00:00:00Z' })))).toEqual([]);
  });
});
