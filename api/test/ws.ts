import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

export type RawWsOutcome = { closeCode: number; closeReason: string; messages: { type: string; [k: string]: unknown }[] };

/**
 * Speaks graphql-transport-ws by hand: sends connection_init with `params`, subscribes once acknowledged
 * (or at once with `eager`, as a hostile client would), and records everything until the socket closes.
 */
export function rawWsAttempt(
  url: string,
  params: Record<string, unknown> | undefined,
  query: string,
  opts: { headers?: Record<string, string>; waitMs?: number; eager?: boolean } = {},
): Promise<RawWsOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { headers: opts.headers });
    const messages: RawWsOutcome['messages'] = [];
    const timer = setTimeout(() => {
      socket.close();
      resolve({ closeCode: -1, closeReason: 'still open', messages });
    }, opts.waitMs ?? 3_000);
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'connection_init', payload: params }));
      if (opts.eager) socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query } }));
    });
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8'));
      messages.push(message);
      if (message.type === 'connection_ack' && !opts.eager) socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query } }));
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ closeCode: code, closeReason: String(reason), messages });
    });
  });
}

/** A plain graphql-ws client, as a partner would write it. */
export function wsClient(
  url: string,
  connectionParams?: Record<string, unknown>,
  headers?: Record<string, string>,
): Client & { closed: Promise<{ code: number; reason: string }> } {
  let onClosed: (v: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({
    url,
    webSocketImpl: headers ? HeaderWebSocket : WebSocket,
    connectionParams,
    retryAttempts: 0,
    onNonLazyError: () => {},
    lazy: false,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason: string }).reason) }) },
  });
  return Object.assign(client, { closed });
}

/** Subscribes and collects results; resolves `first(n)` once n results arrived. */
export function collect<T = Record<string, any>>(client: Client, query: string, variables?: Record<string, unknown>) {
  const results: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let failure: unknown = null;
  let completed = false;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        results.push(value as (typeof results)[number]);
        for (const w of waiters.filter((w) => results.length >= w.n)) w.resolve();
      },
      error: (error) => {
        failure = error;
        for (const w of waiters) w.resolve();
      },
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    results,
    dispose,
    get error() {
      return failure;
    },
    get completed() {
      return completed;
    },
    first: (n: number, timeoutMs = 5_000) =>
      new Promise<void>((resolve, reject) => {
        if (results.length >= n || failure) return resolve();
        const timer = setTimeout(() => reject(new Error(`only ${results.length} of ${n} results after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      }),
  };
}
