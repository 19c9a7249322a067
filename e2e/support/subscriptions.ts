import type { Page } from 'playwright-core';

type Message = { id?: string; type?: string; payload?: { query?: string } };

const parse = (payload: string | Buffer): Message | null => {
  try {
    return JSON.parse(String(payload)) as Message;
  } catch {
    return null;
  }
};

/**
 * Watches a page's GraphQL WebSocket (graphql-ws) for subscriptions to `field`: a spec can wait until a view's
 * live subscription has answered once — from then on the view hears every change — instead of racing it.
 * Attach before the page opens its socket (before `goto`).
 */
export function watchSubscriptions(page: Page, field: string) {
  const started: string[] = [];
  const answered = new Set<string>();
  const waiters: (() => boolean)[] = [];
  const check = () => {
    for (let i = waiters.length - 1; i >= 0; i -= 1) if (waiters[i]()) waiters.splice(i, 1);
  };
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => {
      const m = parse(frame.payload);
      if (m?.type === 'subscribe' && m.id && m.payload?.query?.includes(field)) started.push(m.id);
      check();
    });
    ws.on('framereceived', (frame) => {
      const m = parse(frame.payload);
      if (m?.type === 'next' && m.id) answered.add(m.id);
      check();
    });
  });
  return {
    /** How many subscriptions to the field the page has started so far. */
    get started() {
      return started.length;
    },
    /** Resolves when a subscription started after the first `since` has had its first answer. */
    answeredAfter(since: number, timeoutMs = 20_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No answer to a new ${field} subscription within ${timeoutMs} ms`)), timeoutMs);
        const done = () => {
          const ok = started.slice(since).some((id) => answered.has(id));
          if (ok) {
            clearTimeout(timer);
            resolve();
          }
          return ok;
        };
        if (!done()) waiters.push(done);
      });
    },
  };
}
