import type { IncomingMessage } from 'node:http';
import { parseCookie as parseCookies } from 'cookie';
import { bearerFrom, SESSION_COOKIE, WORKSPACE_HEADER, type Credentials } from './authenticate.js';

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Credentials from an HTTP request or a WebSocket upgrade request (cookie, bearer, workspace header, Origin). */
export function credentialsFromRequest(req: IncomingMessage): Credentials {
  const cookies = parseCookies(header(req, 'cookie') ?? '');
  return {
    bearer: bearerFrom(header(req, 'authorization')),
    sessionToken: cookies[SESSION_COOKIE] || undefined,
    workspaceId: header(req, WORKSPACE_HEADER) || undefined,
    origin: header(req, 'origin'),
    clientAddress: clientAddressOf(req),
  };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address as Express computes `req.ip` with `trust proxy: 'loopback'` (server.ts): hops are taken
 * from X-Forwarded-For, right to left, for as long as the hop that reported them is a loopback proxy.
 */
export function clientAddressOf(req: IncomingMessage): string {
  const forwarded = (header(req, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let address = req.socket.remoteAddress ?? 'unknown';
  while (LOOPBACK.test(address) && forwarded.length > 0) address = forwarded.pop()!;
  return address.replace(/^::ffff:/, '');
}

/** graphql-ws connectionParams: `{ authorization: 'Bearer flr_…', workspaceId }`. They override the upgrade request. */
export function credentialsFromConnectionParams(base: Credentials, params: Record<string, unknown> | undefined): Credentials {
  const authorization = typeof params?.authorization === 'string' ? params.authorization : typeof params?.Authorization === 'string' ? params.Authorization : undefined;
  const workspaceId = typeof params?.workspaceId === 'string' ? params.workspaceId : undefined;
  return {
    ...base,
    bearer: authorization !== undefined ? bearerFrom(authorization) : base.bearer,
    workspaceId: workspaceId ?? base.workspaceId,
  };
}
