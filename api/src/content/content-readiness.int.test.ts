import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const READINESS = `query($input: PreviewContentInput!) { contentReadiness(input: $input) { field code message } }`;

describe('content readiness while editing', () => {
  it('checks the stored fields with unsaved ones in place, each problem naming its field; an empty string empties a field', async () => {
    const ws = await createWorkspace(t);
    const admin = await GqlClient.signedIn(t, ws.admin);
    const { createContent } = await admin.data(
      `mutation { createContent(input: { channel: EMAIL, name: "Hello", subject: "Hi", senderName: "Shop", htmlBody: "<p>x</p>", textBody: "x" }) { content { id } } }`,
    );
    const contentId = createContent.content.id;
    expect((await admin.data(READINESS, { input: { contentId } })).contentReadiness).toEqual([]);

    const { contentReadiness } = await admin.data(READINESS, { input: { contentId, senderName: '', subject: 'Hi {{ contact.shoeSize }}', textBody: '{{ oops' } });
    expect(contentReadiness.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ['senderName', 'FIELD_REQUIRED'],
        ['subject', expect.any(String)],
        ['textBody', expect.any(String)],
      ]),
    );
    expect(contentReadiness.every((p: { message: string }) => p.message.length > 0)).toBe(true);
    // Nothing was saved by asking.
    expect((await admin.data(READINESS, { input: { contentId } })).contentReadiness).toEqual([]);
  });

  it('keeps each workspace to its own content', async () => {
    const a = await createWorkspace(t);
    const b = await createWorkspace(t);
    const adminA = await GqlClient.signedIn(t, a.admin);
    const adminB = await GqlClient.signedIn(t, b.admin);
    const { createContent } = await adminA.data(`mutation { createContent(input: { channel: TEXT, name: "SMS" }) { content { id } } }`);
    expect(await adminB.error(READINESS, { input: { contentId: createContent.content.id } })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
