import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SimulateJourneyDocument, TestRunSampleDocument, type JourneyDefinitionInput } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { TestRunPanel } from './TestRunPanel';
import { describeEntry, formatOffset, parseSample } from './test-run';

const definition: JourneyDefinitionInput = {
  startTriggerId: 't-cart',
  startTriggerVersion: 1,
  repeatPolicy: 'IMMEDIATELY',
  goalTriggerId: 't-purchase',
  goalPercent: 50,
  exitTriggerIds: ['t-purchase'],
  firstStepId: 'email',
  steps: [
    { id: 'email', type: 'SEND_EMAIL', contentId: 'c-email', sendTo: 'CONTACTPOINT_EMAIL', next: 'opened' },
    { id: 'opened', type: 'IF_THEN', branchStepId: 'email', interactionTriggerKey: 'email_opened', withinSeconds: 86_400, no: 'text' },
    { id: 'text', type: 'SEND_TEXT', contentId: 'c-text', sendTo: 'CONTACT_PHONE' },
  ],
};
const contentNames = new Map([
  ['c-email', 'Initial email reminder'],
  ['c-text', 'Second text reminder'],
]);
const triggerNames = new Map([['t-purchase', 'Purchase completed']]);

const sample = {
  request: { query: TestRunSampleDocument, variables: { triggerId: 't-cart', number: 1, pinned: true } },
  result: {
    data: {
      trigger: {
        __typename: 'Trigger',
        id: 't-cart',
        currentVersion: { __typename: 'TriggerVersion', id: 'v-1', sampleAttributes: { cartValue: 49.95 } },
        version: { __typename: 'TriggerVersion', id: 'v-1', sampleAttributes: { cartValue: 49.95 } },
      },
    },
  },
};

const START = '2026-03-02T09:00:00.000Z';
const plus = (hours: number) => new Date(Date.parse(START) + hours * 3_600_000).toISOString();
const entry = (kind: string, stepId: string | null, hours: number, detail: Record<string, unknown> = {}) => ({
  __typename: 'SimulationPathEntry',
  kind,
  stepId,
  at: plus(hours),
  detail,
});
const message = (stepId: string, channel: string, hours: number, fields: Record<string, string | null>) => ({
  __typename: 'SimulatedMessage',
  stepId,
  channel,
  contentId: `c-${stepId}`,
  subject: null,
  htmlBody: null,
  textBody: null,
  body: null,
  title: null,
  at: plus(hours),
  ...fields,
});
const simulation = (over: Record<string, unknown> = {}) => ({
  __typename: 'JourneySimulation',
  startedAt: START,
  endStatus: 'COMPLETED',
  endStepId: null,
  endedAt: plus(24),
  goalReachedAt: null,
  path: [
    entry('ENTERED', null, 0),
    entry('STEP_STARTED', 'email', 0),
    entry('MESSAGE_QUEUED', 'email', 0, { channel: 'EMAIL' }),
    entry('STEP_STARTED', 'opened', 0),
    entry('WAITING', 'opened', 0, { kind: 'INTERACTION', until: plus(24) }),
    entry('BRANCHED', 'opened', 24, { path: 'no' }),
    entry('STEP_STARTED', 'text', 24),
    entry('MESSAGE_QUEUED', 'text', 24, { channel: 'TEXT' }),
    entry('COMPLETED', null, 24),
  ],
  messages: [
    message('email', 'EMAIL', 0, { subject: 'You left 49.95 in your cart', htmlBody: '<p>Hi <script>alert(1)</script>Ada</p>', textBody: 'Hi Ada' }),
    message('text', 'TEXT', 24, { body: 'Your cart is waiting' }),
  ],
  problems: [],
  ...over,
});

function renderPanel(result: Record<string, unknown>, capture: (vars: Record<string, unknown>) => void = () => {}) {
  const onVisited = vi.fn();
  const simulate = {
    request: {
      query: SimulateJourneyDocument,
      variables: (vars: Record<string, unknown>) => {
        capture(vars);
        return true;
      },
    },
    result: { data: { simulateJourney: result } },
  };
  renderWithProviders(
    <TestRunPanel journeyId="j-1" definition={definition} saved={false} contentNames={contentNames} triggerNames={triggerNames} onVisited={onVisited} onClose={() => {}} />,
    [sample, simulate],
  );
  return onVisited;
}

const sampleBox = () => screen.getByRole('textbox', { name: 'Start event attributes (JSON)' });

describe('TestRunPanel', () => {
  it('prefills the start trigger’s sample, refuses what is not a JSON object', async () => {
    renderPanel(simulation());
    await waitFor(() => expect(JSON.parse((sampleBox() as HTMLTextAreaElement).value)).toEqual({ cartValue: 49.95 }));
    fireEvent.change(sampleBox(), { target: { value: '{ "cartValue": ' } });
    expect(await screen.findByText(/Not valid JSON/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run test' })).toBeDisabled();
    fireEvent.change(sampleBox(), { target: { value: '[1]' } });
    expect(screen.getByText(/Enter a JSON object/)).toBeInTheDocument();
    fireEvent.change(sampleBox(), { target: { value: '{ "cartValue": 250 }' } });
    expect(screen.getByRole('button', { name: 'Run test' })).toBeEnabled();
  });

  it('runs the draft with the sample and the script, lists the path on virtual time, shows messages, and reports the visited steps', async () => {
    let sent: Record<string, unknown> | null = null;
    const onVisited = renderPanel(simulation(), (vars) => (sent = vars));
    await waitFor(() => expect((sampleBox() as HTMLTextAreaElement).value).toContain('49.95'));
    fireEvent.change(screen.getByRole('textbox', { name: /bindingId of the start event/ }), { target: { value: 'cart/8812' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a happening' }));
    const row = screen.getByRole('group', { name: 'Happening 1' });
    fireEvent.click(within(row).getByRole('combobox', { name: 'Interaction' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Email opened' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run test' }));

    const path = await screen.findByRole('list', { name: 'Test run path' });
    expect(
      within(path)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Start: Entered the journey',
      'Start: Sent Initial email reminder',
      'Start: Waiting at “If/then branch”',
      '+1 day: “If/then branch”: took the no path',
      '+1 day: Sent Second text reminder',
      '+1 day: Completed',
    ]);
    expect(screen.getByText('Completed after 1 day')).toBeInTheDocument();
    expect(sent).toEqual({
      input: {
        definition,
        sampleEvent: { cartValue: 49.95 },
        bindingId: 'cart/8812',
        script: [{ afterSeconds: 3_600, kind: 'INTERACTION', stepId: 'email', interaction: 'email_opened' }],
      },
    });
    // Email HTML only in a sandboxed frame; text as text.
    const frame = screen.getByTitle<HTMLIFrameElement>('Email of Send an email — Initial email reminder');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<script>');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('You left 49.95 in your cart')).toBeInTheDocument();
    expect(screen.getByText('Your cart is waiting')).toBeInTheDocument();
    expect(onVisited).toHaveBeenCalledWith(new Set(['email', 'opened', 'text']));
  });

  it('asks for a trigger when a happening is a trigger, and shows an exit with the goal', async () => {
    let sent: Record<string, unknown> | null = null;
    renderPanel(
      simulation({
        endStatus: 'EXITED',
        endStepId: 'opened',
        endedAt: plus(2),
        goalReachedAt: plus(2),
        path: [
          entry('ENTERED', null, 0),
          entry('STEP_STARTED', 'email', 0),
          entry('MESSAGE_QUEUED', 'email', 0),
          entry('TRIGGER', 'opened', 2, { triggerId: 't-purchase', bindingId: null }),
          entry('GOAL_REACHED', 'opened', 2),
          entry('EXITED', 'opened', 2),
        ],
        messages: [],
      }),
      (vars) => (sent = vars),
    );
    await waitFor(() => expect((sampleBox() as HTMLTextAreaElement).value).toContain('49.95'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a happening' }));
    const row = screen.getByRole('group', { name: 'Happening 1' });
    fireEvent.click(within(row).getByRole('combobox', { name: 'What' }));
    fireEvent.click(await screen.findByRole('option', { name: 'A trigger happens' }));
    expect(screen.getByRole('button', { name: 'Run test' })).toBeDisabled();
    fireEvent.click(within(row).getByRole('combobox', { name: 'Trigger' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Purchase completed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run test' }));
    expect(await screen.findByText('+2 hours: “Purchase completed” happened')).toBeInTheDocument();
    expect(screen.getByText('Exited after 2 hours')).toBeInTheDocument();
    expect(screen.getByText('Goal reached +2 hours')).toBeInTheDocument();
    expect((sent as unknown as { input: { script: unknown[] } }).input.script).toEqual([{ afterSeconds: 3_600, kind: 'TRIGGER', triggerId: 't-purchase', bindingId: null }]);
  });

  it('lists the problems of a journey that cannot be test-run yet', async () => {
    renderPanel(
      simulation({
        endStatus: null,
        endedAt: null,
        path: [],
        messages: [],
        problems: [{ __typename: 'JourneyProblem', code: 'CONTENT_NOT_READY', message: 'Step “email”: the content is not ready to send.', stepId: 'email', field: null }],
      }),
    );
    await waitFor(() => expect((sampleBox() as HTMLTextAreaElement).value).toContain('49.95'));
    fireEvent.click(screen.getByRole('button', { name: 'Run test' }));
    expect(await screen.findByText('Step “email”: the content is not ready to send.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Test run path' })).not.toBeInTheDocument();
  });
});

describe('test run helpers', () => {
  it('formats virtual time since entering', () => {
    expect(formatOffset(0)).toBe('Start');
    expect(formatOffset(30_000)).toBe('+30 seconds');
    expect(formatOffset(90 * 60_000)).toBe('+1 hour 30 minutes');
    expect(formatOffset(86_400_000)).toBe('+1 day');
    expect(formatOffset(2 * 86_400_000 + 3_600_000)).toBe('+2 days 1 hour');
  });
  it('parses the sample as a JSON object only', () => {
    expect(parseSample('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(parseSample('null')).toHaveProperty('error');
    expect(parseSample('nope')).toHaveProperty('error');
  });
  it('says why a scripted happening did nothing', () => {
    const names = { steps: new Map(), contents: new Map(), triggers: triggerNames };
    expect(describeEntry({ kind: 'TRIGGER', stepId: null, at: START, detail: { triggerId: 't-purchase', bindingId: 'cart/1', ignored: 'BINDING_DIFFERS' } }, names)).toBe(
      '“Purchase completed” happened (bindingId cart/1) — ignored: its binding is for another run',
    );
    expect(describeEntry({ kind: 'STEP_DONE', stepId: 'x', at: START, detail: {} }, names)).toBeNull();
  });
});
