import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import type { Authenticator, Credentials } from '../auth/authenticate.js';
import { missingPermissions, subscriptionPermissions } from '../auth/auth-checker.js';
import type { Viewer } from '../auth/viewer.js';
import type { Logger } from '../ops/logger.js';
import { AppError, ErrorCode } from './errors.js';

export const FORBIDDEN_CLOSE = 4403;
/** Access could not be re-checked (database unreachable): fail closed, the client reconnects later. */
const TRY_AGAIN_LATER_CLOSE = 1013;

/** The WebSocket-side state that keeps a socket's viewer current. Lives on graphql-ws's `ctx.extra`. */
export type SocketAuth = {
  /** What the socket authenticated with, its workspace pinned: a refresh never moves it into another workspace. */
  credentials: Credentials;
  /** Open subscriptions, re-checked whenever the viewer changes. */
  streams: Set<GuardedStream>;
  started: number;
  applied: number;
};
export type AuthedSocket = { socket: WebSocket; viewer?: Viewer; auth?: SocketAuth };

/**
 * Keeps every socket's viewer current: operations re-authenticate, and a membership change anywhere (any API
 * process, through MEMBERSHIP_CHANGED) re-authenticates that user's sockets at once. A socket that lost access
 * is closed with 4403; one whose role shrank keeps running with the smaller viewer, and its subscriptions that
 * need a permission it lost end with a FORBIDDEN error (reason PERMISSION_LOST).
 */
export class SocketViewers {
  private readonly all = new Set<AuthedSocket>();
  private readonly byUser = new Map<string, Set<AuthedSocket>>();

  constructor(private readonly deps: { authenticator: Pick<Authenticator, 'authenticate'>; logger: Logger }) {}

  track(extra: AuthedSocket, credentials: Credentials, viewer: Viewer) {
    extra.viewer = viewer;
    extra.auth = { credentials: { ...credentials, workspaceId: viewer.workspaceId ?? undefined }, streams: new Set(), started: 0, applied: 0 };
    this.all.add(extra);
    if (viewer.kind !== 'USER') return;
    if (!this.byUser.has(viewer.userId)) this.byUser.set(viewer.userId, new Set());
    this.byUser.get(viewer.userId)!.add(extra);
  }

  untrack(extra: AuthedSocket) {
    this.all.delete(extra);
    if (extra.viewer?.kind !== 'USER') return;
    const sockets = this.byUser.get(extra.viewer.userId);
    sockets?.delete(extra);
    if (sockets?.size === 0) this.byUser.delete(extra.viewer.userId);
  }

  /**
   * Re-runs the Authenticator for the socket's credentials. Resolves to the current viewer, or null after closing
   * the socket with 4403 (membership gone, session ended, key revoked). Unexpected failures (database) reject.
   */
  async refresh(extra: AuthedSocket): Promise<Viewer | null> {
    const auth = extra.auth!;
    const attempt = ++auth.started;
    let next: Viewer | null;
    try {
      next = await this.deps.authenticator.authenticate(auth.credentials);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      next = null;
    }
    // A refresh started later (so reading newer rows) has already decided; never go back to an older answer.
    if (attempt < auth.applied) return extra.socket.readyState === extra.socket.OPEN ? (extra.viewer ?? null) : null;
    auth.applied = attempt;
    if (!next) {
      extra.socket.close(FORBIDDEN_CLOSE, 'Forbidden: access revoked');
      return null;
    }
    extra.viewer = next;
    for (const stream of auth.streams) stream.recheck();
    return next;
  }

  /** MEMBERSHIP_CHANGED: the user's sockets in that workspace (or in none yet) re-authenticate now. */
  membershipChanged(change: { workspaceId: string; userId: string }) {
    const affected = [...(this.byUser.get(change.userId) ?? [])].filter((s) => s.viewer?.workspaceId === change.workspaceId || s.viewer?.workspaceId === null);
    return this.refreshEach(affected);
  }

  /** RESYNC: the event listener was away, so membership changes and revocations may have been missed; re-check every socket. */
  refreshAll() {
    return this.refreshEach([...this.all]);
  }

  private async refreshEach(affected: AuthedSocket[]) {
    await Promise.all(
      affected.map((extra) =>
        this.refresh(extra).catch((error) => {
          this.deps.logger.warn('could not re-check a socket’s access; closing it', { error: String(error) });
          extra.socket.close(TRY_AGAIN_LATER_CLOSE, 'Try again later');
        }),
      ),
    );
  }

  /** Wraps a subscription's stream so each event, and each viewer change, is checked against the current viewer. */
  guard(extra: AuthedSocket, fieldName: string, source: AsyncIterator<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
    const required = subscriptionPermissions(fieldName);
    const lost = () => {
      const missing = extra.viewer ? missingPermissions(extra.viewer, required) : required;
      if (missing.length === 0) return null;
      return new AppError(ErrorCode.FORBIDDEN, `Your access changed: ${fieldName} needs ${missing.join(', ')}, which you no longer have.`, { reason: 'PERMISSION_LOST', missing });
    };
    const streams = extra.auth!.streams;
    const stream = new GuardedStream(source, lost, () => streams.delete(stream));
    streams.add(stream);
    return stream;
  }
}

type Signal = { lost: AppError } | { returned: true };

/**
 * A subscription stream that ends with an error (graphql-ws sends an `error` message) as soon as the viewer no
 * longer holds what it needs — checked before every event and whenever the viewer changes.
 */
class GuardedStream implements AsyncIterableIterator<ExecutionResult> {
  private finished = false;
  private signal!: (s: Signal) => void;
  private readonly signalled = new Promise<Signal>((resolve) => (this.signal = resolve));

  constructor(
    private readonly source: AsyncIterator<ExecutionResult>,
    private readonly lost: () => AppError | null,
    private readonly onFinish: () => void,
  ) {}

  recheck() {
    const error = this.lost();
    if (error) this.signal({ lost: error });
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.finished) return { done: true, value: undefined };
    const before = this.lost();
    if (before) return this.fail(before);
    const raced = await Promise.race([this.source.next().then((result) => ({ result })), this.signalled]);
    if ('lost' in raced) return this.fail(raced.lost);
    if ('returned' in raced || raced.result.done) return this.return();
    const after = this.lost();
    if (after) return this.fail(after);
    return raced.result;
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.finished) {
      this.finished = true;
      this.onFinish();
      this.signal({ returned: true });
      await this.source.return?.();
    }
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private async fail(error: AppError): Promise<never> {
    await this.return();
    throw error;
  }
}
