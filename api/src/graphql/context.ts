import type { Viewer } from '../auth/viewer.js';
import type { Logger } from '../ops/logger.js';
import type { Services } from '../services.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Built once per HTTP request or WebSocket operation by the same function. */
export type Context = {
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  /** HTTP only: lets sign-in and sign-out set or clear the session cookie. */
  setSessionCookie?: (token: string | null, expiresAt?: Date) => void;
  clientIp: string;
  userAgent: string | null;
};

export function buildContext(args: Omit<Context, 'loaders' | 'logger'> & { logger: Logger }): Context {
  return { ...args, logger: args.logger.child({ requestId: args.requestId }), loaders: createLoaders(args.services) };
}
