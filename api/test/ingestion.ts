import type { GqlClient, TestServer } from './harness.js';

export const CREATE_INGESTION_KEY = `mutation($input: CreateIngestionKeyInput!) { createIngestionKey(input: $input) { secret ingestionKey { id prefix state allowedOrigins } } }`;

export async function createIngestionKey(client: GqlClient, allowedOrigins: string[] = []) {
  const { createIngestionKey: created } = await client.data(CREATE_INGESTION_KEY, { input: { label: 'Web shop', allowedOrigins } });
  return { id: created.ingestionKey.id as string, secret: created.secret as string, prefix: created.ingestionKey.prefix as string };
}

export type IngestResponse = { status: number; headers: Headers; body: any };

/** POSTs to /v1/events like a snippet or a server would. */
export async function postEvents(t: TestServer, key: string | null, body: unknown, headers: Record<string, string> = {}): Promise<IngestResponse> {
  const res = await fetch(`${t.url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-flare-key': key } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

export async function triggerStatus(client: GqlClient, id: string) {
  return (await client.data(`query($id: ID!) { trigger(id: $id) { status readyAt } }`, { id })).trigger as { status: string; readyAt: string | null };
}
