import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';

/** More than Node's default listen backlog (511): the burst needs the server's own (server.ts). */
const DASHBOARDS = 600;
const AUDIT_SUB = `subscription { auditEntryAppended { action } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`;

/** A browser tab with a live audit view: connects with the session cookie, subscribes once acknowledged. */
function dashboard(url: string, cookie: string) {
  const socket = new WebSocket(url, 'graphql-transport-ws', { headers: { cookie, origin: 'http://localhost:4000' } });
  let onReady!: (outcome: string) => void;
  let onEvent!: (action: string) => void;
  const ready = new Promise<string>((resolve) => (onReady = resolve));
  const event = new Promise<string>((resolve) => (onEvent = resolve));
  let received = false;
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
  socket.on('error', (error) => onReady(`error ${error.message}`));
  socket.on('close', (code) => onReady(`closed ${code}`));
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8'));
    if (message.type === 'connection_ack') {
      socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: AUDIT_SUB } }));
      onReady('acknowledged');
    }
    if (message.type === 'next' || message.type === 'error') {
      received = true;
      onEvent(message.payload.data?.auditEntryAppended?.action ?? JSON.stringify(message.payload));
    }
  });
  return { socket, ready, event, received: () => received };
}

const tally = (outcomes: string[]) => Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length]));

describe('a burst of dashboards on one session', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  it('600 dashboards on one session connecting at once all connect, subscribe and receive the next event, sharing lookups', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const statements = t.queries.count;
    const boards = Array.from({ length: DASHBOARDS }, () => dashboard(t.wsUrl, admin.cookie!));
    expect(tally(await Promise.all(boards.map((b) => b.ready)))).toEqual({ acknowledged: DASHBOARDS });
    // connection_init and every subscribe authenticate (two statements each); sockets asking together share lookups.
    expect(t.queries.count - statements).toBeLessThan(2 * DASHBOARDS);
    // A subscription registers a moment after its subscribe message; publish until every dashboard has heard one.
    while (boards.some((b) => !b.received())) {
      await admin.data(CREATE_KEY, { input: { label: 'burst', scopes: ['TRIGGERS_READ'] } });
      await Promise.race([Promise.all(boards.map((b) => b.event)), new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    expect(tally(await Promise.all(boards.map((b) => b.event)))).toEqual({ 'apiKey.create': DASHBOARDS });
    for (const b of boards) b.socket.close();
  }, 30_000);
});
