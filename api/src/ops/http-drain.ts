import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import type { Logger } from './logger.js';

/** At most this long is spent taking the connections already queued on the listener. */
const ACCEPT_QUEUED_MS = 1_000;
/** How long a connection accepted before shutdown may take to send its first request. */
const FIRST_REQUEST_MS = 1_000;
/** After the grace period: how long queued work may take to be answered (503s, a flush that was writing)… */
const LAST_WORK_MS = 5_000;
/** …and how long those answers get to go out before the remaining sockets are destroyed. */
const LAST_WORDS_MS = 250;

type Tracked = { served: number; active: Set<ServerResponse>; acceptedAt: number };

/**
 * Graceful shutdown of plain HTTP (WebSocket upgrades are not tracked; they close with 1001 elsewhere).
 * `drain` stops accepting, answers every request already received and only then closes its socket:
 * - the listener closes after one more turn of the event loop, so connections already queued on it are taken;
 * - responses not yet started get `Connection: close`, so keep-alive sockets close after their answer;
 * - idle keep-alive sockets are closed at once; a socket that has not sent its first request yet gets a moment
 *   to do so (Node's own `server.close()` would destroy it, which the client sees as a reset);
 * - bounded by the grace period: then `beforeCut` gives the owners of queued work a chance to answer it
 *   (e.g. 503), and whatever is still open after a short while is destroyed.
 */
export function httpDrainer(server: Server, logger: Logger) {
  const sockets = new Map<Socket, Tracked>();
  let draining = false;
  let changed = () => {};
  const closeIfIdle = (socket: Socket, state: Tracked) => {
    if (state.active.size === 0 && (state.served > 0 || Date.now() - state.acceptedAt >= FIRST_REQUEST_MS)) socket.end();
  };

  server.on('connection', (socket: Socket) => {
    const state: Tracked = { served: 0, active: new Set(), acceptedAt: Date.now() };
    sockets.set(socket, state);
    socket.once('close', () => {
      sockets.delete(socket);
      changed();
    });
    if (draining) setTimeout(() => closeIfIdle(socket, state), FIRST_REQUEST_MS).unref();
  });
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => {
    sockets.delete(socket);
    changed();
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.active.add(res);
    if (draining) res.setHeader('connection', 'close');
    const done = () => {
      if (!state.active.delete(res)) return;
      state.served += 1;
      // A keep-alive answer that began before shutdown: close once it is out.
      if (draining) closeIfIdle(req.socket, state);
    };
    res.once('finish', done);
    res.once('close', done);
  });

  let accepted = 0;
  server.on('connection', () => (accepted += 1));
  /**
   * Connections the kernel has already queued on the listener are established from the client's view (its
   * request may be sent already); closing the listener would reset them. Node takes only a few per turn of
   * the event loop, so turn it until a turn brings none (bounded, in case new clients keep coming).
   */
  const acceptQueued = async () => {
    const until = Date.now() + ACCEPT_QUEUED_MS;
    let before: number;
    do {
      before = accepted;
      await new Promise((resolve) => setTimeout(resolve, 0));
      await new Promise((resolve) => setImmediate(resolve));
    } while (accepted !== before && Date.now() < until);
  };

  const allClosed = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(sockets.size === 0), ms);
      changed = () => {
        if (sockets.size > 0) return;
        clearTimeout(timer);
        resolve(true);
      };
      changed();
    });

  return {
    /** Resolves once every HTTP socket is closed; `true` when that happened within the grace period. */
    async drain(graceMs: number, beforeCut: () => Promise<void>): Promise<boolean> {
      draining = true;
      await acceptQueued();
      if (server.listening) net.Server.prototype.close.call(server);
      const active = [...sockets.values()].reduce((n, state) => n + state.active.size, 0);
      logger.info('draining HTTP connections', { connections: sockets.size, activeRequests: active, graceMs });
      for (const [socket, state] of sockets) {
        for (const res of state.active) if (!res.headersSent) res.setHeader('connection', 'close');
        if (state.active.size === 0 && state.served > 0) socket.end();
        else if (state.active.size === 0) setTimeout(() => closeIfIdle(socket, state), Math.max(0, FIRST_REQUEST_MS - (Date.now() - state.acceptedAt))).unref();
      }
      if (await allClosed(graceMs)) return true;
      logger.warn('shutdown grace period over; answering what is left and closing connections', { open: sockets.size });
      await Promise.race([beforeCut(), new Promise((resolve) => setTimeout(resolve, LAST_WORK_MS))]);
      await allClosed(LAST_WORDS_MS);
      for (const socket of sockets.keys()) socket.destroy();
      return false;
    },
  };
}
