import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { RequireViewer } from '../../../app/auth';
import {
  JourneyBuilderDocument,
  JourneyReferencesDocument,
  JourneyRunDocument,
  JourneyRunsDocument,
  JourneyRunTriggersDocument,
  JourneyRunUpdatedDocument,
  ViewerDocument,
} from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { JourneyBuilderPage } from './JourneyBuilderPage';
import { JourneyRunPage } from './JourneyRunPage';

const viewer = {
  __typename: 'Viewer',
  kind: 'USER',
  role: 'MARKETER',
  permissions: ['workspace:read', 'journeys:read', 'triggers:read', 'customers:read'],
  user: { __typename: 'User', id: 'u0', email: 'me@example.com', name: 'Me' },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Shop' },
  memberships: [],
};

const step = (over: { id: string; type: string; [field: string]: unknown }) => ({
  __typename: 'JourneyStep',
  label: null,
  next: null,
  yes: null,
  no: null,
  contentId: null,
  sendTo: null,
  branchStepId: null,
  interactionTriggerKey: null,
  waitTriggerId: null,
  withinSeconds: null,
  attribute: null,
  comparator: null,
  values: null,
  waitSeconds: null,
  waitUntil: null,
  ...over,
});
const steps = [
  step({ id: 'email-1', type: 'SEND_EMAIL', label: 'Initial email', next: 'if-1', contentId: 'c1', sendTo: 'CONTACT_EMAIL' }),
  step({ id: 'if-1', type: 'IF_THEN', branchStepId: 'email-1', interactionTriggerKey: 'email_opened', withinSeconds: 86400 }),
];
const runCounts = (failed: number) => ({
  __typename: 'JourneyRunCounts',
  entered: 10,
  active: 1,
  waiting: 3,
  completed: 2,
  exited: 1,
  stopped: 0,
  failed,
  goalReached: 4,
  refused: [
    { __typename: 'EntryRefusalCount', reason: 'NO_CONTACT_POINT', count: 2 },
    { __typename: 'EntryRefusalCount', reason: 'REPEAT_NOT_ALLOWED', count: 5 },
  ],
});
const stepCounts = [
  { __typename: 'JourneyStepCounts', stepId: 'email-1', entered: 10, waiting: 0, passedOn: 9, exited: 1 },
  { __typename: 'JourneyStepCounts', stepId: 'if-1', entered: 9, waiting: 3, passedOn: 6, exited: 0 },
];
const journey = (failed: number) => ({
  __typename: 'Journey',
  id: 'j1',
  name: 'Cart recovery',
  status: 'LIVE',
  revision: 3,
  definition: {
    __typename: 'JourneyDefinition',
    startTriggerId: 't-cart',
    startTriggerVersion: 1,
    repeatPolicy: 'ONCE',
    repeatAfterSeconds: null,
    startAt: null,
    endAt: null,
    goalTriggerId: 't-goal',
    goalPercent: 30,
    exitTriggerIds: ['t-purchase'],
    firstStepId: 'email-1',
    steps,
  },
  stepCounts,
  runCounts: runCounts(failed),
});
const trigger = (id: string, title: string) => ({ __typename: 'Trigger', id, title, versions: [{ __typename: 'TriggerVersion', number: 1, usableNow: true, attributes: [] }] });
const references = {
  request: { query: JourneyReferencesDocument, variables: { triggerIds: ['t-cart', 't-goal', 't-purchase'], contentIds: ['c1'] } },
  result: {
    data: {
      triggers: { __typename: 'TriggerConnection', nodes: [trigger('t-cart', 'Cart abandoned'), trigger('t-goal', 'Order placed'), trigger('t-purchase', 'purchase')] },
      contents: { __typename: 'ContentConnection', nodes: [{ __typename: 'ContentItem', id: 'c1', name: 'Reminder', channel: 'EMAIL', state: 'READY_TO_SEND' }] },
    },
  },
};
const runRow = (id: string, status: string, stepId: string, authId: string) => ({
  __typename: 'JourneyRun',
  id,
  journeyId: 'j1',
  customerId: `cust-${id}`,
  status,
  stepId,
  binding: 'cart/8812',
  enteredAt: '2026-11-28T09:00:00.000Z',
  endedAt: status === 'FAILED' ? '2026-11-28T09:05:00.000Z' : null,
  customer: { __typename: 'Customer', id: `cust-${id}`, authId, email: `${authId}@example.com` },
});
const runs = (nodes: ReturnType<typeof runRow>[]) => ({
  data: { journeyRuns: { __typename: 'JourneyRunConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, nodes } },
});
const runsRequest = (filter: { status: string[] | null; stepId: string | null }) => ({ query: JourneyRunsDocument, variables: { journeyId: 'j1', first: 25, filter } });
const updated = {
  request: { query: JourneyRunUpdatedDocument, variables: { journeyId: 'j1' } },
  result: { data: { journeyRunUpdated: { __typename: 'JourneyRunsUpdate', journey: { __typename: 'Journey', id: 'j1', stepCounts, runCounts: runCounts(3) } } } },
};

const log = (id: string, kind: string, stepId: string | null, detail: Record<string, unknown> = {}) => ({
  __typename: 'JourneyRunLogEntry',
  id,
  kind,
  stepId,
  detail,
  at: '2026-11-28T09:00:00.000Z',
});
const detail = {
  __typename: 'JourneyRun',
  id: 'r1',
  journeyId: 'j1',
  customerId: 'cust-r1',
  status: 'WAITING',
  stepId: 'if-1',
  stepStartedAt: '2026-11-28T09:00:00.000Z',
  timerAt: '2026-11-29T10:00:00.000Z',
  waitKind: 'INTERACTION',
  waitTriggerId: null,
  binding: 'cart/8812',
  enteredAt: '2026-11-28T09:00:00.000Z',
  endedAt: null,
  endReason: null,
  error: null,
  goalReachedAt: null,
  updatedAt: '2026-11-28T09:00:00.000Z',
  customer: { __typename: 'Customer', id: 'cust-r1', authId: 'crm-42', email: 'ada@example.com' },
  journey: {
    __typename: 'Journey',
    id: 'j1',
    name: 'Cart recovery',
    definition: {
      __typename: 'JourneyDefinition',
      exitTriggerIds: ['t-purchase'],
      steps: steps.map(({ id, type, label, interactionTriggerKey, waitTriggerId }) => ({ __typename: 'JourneyStep', id, type, label, interactionTriggerKey, waitTriggerId })),
    },
  },
  log: [
    log('1', 'ENTERED', null),
    log('2', 'STEP_STARTED', 'email-1'),
    log('3', 'MESSAGE_QUEUED', 'email-1', { channel: 'EMAIL' }),
    log('4', 'WAITING', 'if-1', { kind: 'INTERACTION', until: '2026-11-29T10:00:00.000Z' }),
    log('5', 'BRANCHED', 'if-1', { path: 'yes' }),
    log('6', 'EXITED', 'if-1', { reason: 'EXIT_TRIGGER' }),
    log('7', 'FAILED', 'if-1', { error: 'Step “x” is not in the journey.' }),
  ],
  messages: [
    {
      __typename: 'JourneyMessage',
      id: 'm1',
      stepId: 'email-1',
      channel: 'EMAIL',
      recipient: 'ada@example.com',
      senderName: 'Shop',
      subject: 'You left something',
      htmlBody: '<p>Hello <script>alert(1)</script><b>Ada</b></p>',
      textBody: 'Hello Ada',
      body: null,
      title: null,
      link: null,
      status: 'BLOCKED',
      reason: 'CONSENT_OPTED_OUT',
      reasonDetail: null,
      interactions: [],
      createdAt: '2026-11-28T09:00:00.000Z',
      sentAt: null,
    },
    {
      __typename: 'JourneyMessage',
      id: 'm2',
      stepId: 'email-1',
      channel: 'TEXT',
      recipient: '+442079460958',
      senderName: null,
      subject: null,
      htmlBody: null,
      textBody: null,
      body: '<b>Your cart</b> awaits',
      title: null,
      link: null,
      status: 'DELIVERED',
      reason: null,
      reasonDetail: null,
      interactions: ['text_delivered'],
      createdAt: '2026-11-28T09:00:00.000Z',
      sentAt: '2026-11-28T09:00:01.000Z',
    },
  ],
};

function renderJourney(url: string, mocks: Parameters<typeof renderWithProviders>[1], failed = 3) {
  return renderWithProviders(
    <RequireViewer signedOut={null} loading={null} failed={() => null}>
      <Routes>
        <Route path="/journeys/:id" element={<JourneyBuilderPage />} />
        <Route path="/journeys/:id/runs/:runId" element={<JourneyRunPage />} />
      </Routes>
    </RequireViewer>,
    [
      { request: { query: ViewerDocument }, result: { data: { viewer } } },
      { request: { query: JourneyBuilderDocument, variables: { id: 'j1' } }, result: { data: { journey: journey(failed) } } },
      references,
      updated,
      ...(mocks ?? []),
    ],
    url,
  );
}

describe('Journey runs', () => {
  it('shows Design and Runs tabs, the failed banner and live counts on the tiles', async () => {
    renderJourney('/journeys/j1', [{ request: runsRequest({ status: ['FAILED'], stepId: null }), result: runs([runRow('r9', 'FAILED', 'if-1', 'crm-9')]) }]);
    const tabs = await screen.findByRole('tablist', { name: 'Journey views' });
    expect(within(tabs).getByRole('tab', { name: 'Design' })).toHaveAttribute('aria-selected', 'true');
    const tile = screen.getByRole('button', { name: /^If\/then branch/ });
    expect(tile).toHaveAccessibleDescription('9 entered · 3 waiting · 6 passed on · 0 exited');
    const banner = screen.getByText(/3 runs failed/);
    await userEvent.click(within(banner).getByRole('link', { name: 'see Runs' }));
    expect(await screen.findByRole('tab', { name: 'Runs', selected: true })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Runs' }, { timeout: 5000 });
    expect(within(table).getByRole('link', { name: 'crm-9' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Failed');
  });

  it('shows the counts, the goal against its target, refusals and the runs, filtered by step on the server', async () => {
    renderJourney('/journeys/j1?tab=runs', [
      { request: runsRequest({ status: null, stepId: null }), result: runs([runRow('r1', 'WAITING', 'if-1', 'crm-42'), runRow('r2', 'COMPLETED', 'email-1', 'crm-7')]) },
      { request: runsRequest({ status: null, stepId: 'email-1' }), result: runs([runRow('r2', 'COMPLETED', 'email-1', 'crm-7')]) },
    ]);
    const summary = await screen.findByRole('region', { name: 'Summary' });
    const figure = (label: string | RegExp) => within(summary).getByText(label).closest('div')!.querySelector('dd')!.textContent;
    expect(figure('Entered')).toBe('10');
    expect(figure('In progress')).toBe('4');
    expect(figure('Failed')).toBe('3');
    expect(figure('Goal reached (target 30%)')).toBe('4 · 40%');
    expect(within(summary).getByText(/The goal is met: 40%/)).toBeInTheDocument();
    const refused = within(summary).getByRole('list', { name: 'Refused entries by reason' });
    expect(within(refused).getByText('No address for any message: 2')).toBeInTheDocument();
    expect(within(refused).getByText('Already went through (no repeats): 5')).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Runs' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'crm-42' })).toHaveAttribute('href', '/journeys/j1/runs/r1');
    expect(within(rows[0]).getByText('Waiting')).toBeInTheDocument();
    expect(within(rows[0]).getByText('If/then branch')).toBeInTheDocument();
    expect(within(rows[0]).getByText('cart/8812')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Initial email')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Step' }), screen.getByRole('option', { name: 'Initial email' }));
    expect(await screen.findByText('Showing 1 of 1', undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it('opens a run with Enter: its step log as sentences and its messages, email HTML only in a sandboxed frame', async () => {
    renderJourney('/journeys/j1?tab=runs', [
      { request: runsRequest({ status: null, stepId: null }), result: runs([runRow('r1', 'WAITING', 'if-1', 'crm-42')]) },
      { request: { query: JourneyRunDocument, variables: { id: 'r1' } }, result: { data: { journeyRun: detail } } },
      {
        request: { query: JourneyRunTriggersDocument, variables: { ids: ['t-purchase'] } },
        result: { data: { triggers: { __typename: 'TriggerConnection', nodes: [{ __typename: 'Trigger', id: 't-purchase', title: 'purchase' }] } } },
      },
      updated,
    ]);
    const link = await screen.findByRole('link', { name: 'crm-42' }, { timeout: 5000 });
    link.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Run of crm-42' }, { timeout: 5000 })).toBeInTheDocument();
    const entries = within(screen.getByRole('list', { name: 'Step log' })).getAllByRole('listitem');
    const sentences = entries.map((li) => li.lastElementChild!.textContent);
    expect(sentences[0]).toBe('Entered');
    expect(sentences[1]).toBe('Reached Initial email');
    expect(sentences[2]).toBe('Queued an email');
    expect(sentences[3]).toMatch(/^Waiting until .+ for Email opened$/);
    expect(sentences[4]).toBe('Took the yes path');
    expect(await screen.findByText('Exited: purchase', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(sentences[6]).toBe('Failed: Step “x” is not in the journey.');

    const email = screen.getByRole('article', { name: 'Email: You left something' });
    expect(within(email).getByText('Blocked: the customer opted out')).toBeInTheDocument();
    const frame = within(email).getByTitle('Email preview: You left something');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', detail.messages[0].htmlBody);
    // Never HTML in the page itself.
    expect(document.querySelector('script')).toBeNull();
    const text = screen.getByRole('article', { name: 'Text message' });
    expect(within(text).getByText('<b>Your cart</b> awaits')).toBeInTheDocument();
    expect(within(text).getByText('Text message delivered')).toBeInTheDocument();
  });
});
