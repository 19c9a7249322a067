import type { GqlClient, TestServer } from './harness.js';
import type { IngestResponse } from './ingestion.js';

/** POSTs to /v1/identify like a snippet or a server would. */
export async function postIdentify(t: TestServer, key: string | null, body: unknown, headers: Record<string, string> = {}): Promise<IngestResponse> {
  const res = await fetch(`${t.url}/v1/identify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-flare-key': key } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export const CUSTOMER_BY_AUTH_ID = `query($kind: CustomerIdentity!, $authId: String!) { customerByAuthId(kind: $kind, authId: $authId) {
  id kind authId email phone firstName fields source consents { channel purpose status source contactPoint } devices { app platform token } } }`;

export async function customerByAuthId(client: GqlClient, authId: string, kind = 'CONTACT') {
  return (await client.data(CUSTOMER_BY_AUTH_ID, { kind, authId })).customerByAuthId as Record<string, any> | null;
}
