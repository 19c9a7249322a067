import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, GqlClient, startTestServer, type TestServer } from '../../test/harness.js';
import { upsertCustomer } from '../../test/customers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const PREVIEW = `query($input: PreviewContentInput!) { previewContent(input: $input) { subject html text } }`;

/** A workspace with one email that greets the contact by name and custom field, and one customer. */
async function setup() {
  const ws = await createWorkspace(t);
  const admin = await GqlClient.signedIn(t, ws.admin);
  await admin.data(`mutation { defineCustomerField(input: { name: "loyaltyTier", type: TEXT, label: "Loyalty tier" }) { name } }`);
  const { createContent } = await admin.data(
    `mutation { createContent(input: { channel: EMAIL, name: "Hello", subject: "Hi {{ contact.firstName }} {{ contact.lastName }}",
      htmlBody: "<p>{{ contact.email }} · {{ contact.city }}</p>", textBody: "Tier {{ contact.loyaltyTier }}" }) { content { id } } }`,
  );
  const { customer } = await upsertCustomer(admin, {
    authId: 'c-1',
    firstName: 'Grace',
    lastName: '<Hopper>',
    email: 'grace@example.com',
    city: 'Arlington',
    fields: { loyaltyTier: 'gold' },
  });
  return { admin, contentId: createContent.content.id as string, customerId: customer.id as string };
}

describe('content preview with a real customer', () => {
  it('fills contact tokens from the customer (escaped in HTML only; a subject is text) instead of the sample, and from the sample without one', async () => {
    const { admin, contentId, customerId } = await setup();
    const real = (await admin.data(PREVIEW, { input: { contentId, customerId } })).previewContent;
    expect(real.subject).toBe('Hi Grace <Hopper>');
    expect(real.html).toBe('<p>grace@example.com · Arlington</p>');
    expect(real.text).toBe('Tier gold');
    const sample = (await admin.data(PREVIEW, { input: { contentId } })).previewContent;
    expect(sample.subject).toBe('Hi Ada Lovelace');
    // Unsaved edits still render with the customer.
    const unsaved = (await admin.data(PREVIEW, { input: { contentId, customerId, subject: 'Dear {{ contact.firstName }}' } })).previewContent;
    expect(unsaved.subject).toBe('Dear Grace');
  });

  it("never renders another workspace's customer, and refuses malformed ids", async () => {
    const { customerId } = await setup();
    const other = await setup();
    expect(await other.admin.error(PREVIEW, { input: { contentId: other.contentId, customerId } })).toMatchObject({ code: 'NOT_FOUND', reason: 'CUSTOMER_NOT_FOUND' });
    expect(await other.admin.error(PREVIEW, { input: { contentId: other.contentId, customerId: 'nope' } })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
  });

  it('needs customers:read: a key that reads journeys only previews with the sample, and is refused a customer', async () => {
    const { admin, contentId, customerId } = await setup();
    const CREATE_KEY = `mutation($scopes: [ApiKeyScope!]!) { createApiKey(input: { label: "preview", scopes: $scopes }) { secret } }`;
    const journeysOnly = GqlClient.withKey(t, (await admin.data(CREATE_KEY, { scopes: ['JOURNEYS_READ'] })).createApiKey.secret);
    expect((await journeysOnly.data(PREVIEW, { input: { contentId } })).previewContent.subject).toBe('Hi Ada Lovelace');
    expect(await journeysOnly.error(PREVIEW, { input: { contentId, customerId } })).toMatchObject({ code: 'FORBIDDEN', reason: 'CUSTOMERS_READ_REQUIRED' });
    const both = GqlClient.withKey(t, (await admin.data(CREATE_KEY, { scopes: ['JOURNEYS_READ', 'CUSTOMERS_READ'] })).createApiKey.secret);
    expect((await both.data(PREVIEW, { input: { contentId, customerId } })).previewContent.subject).toBe('Hi Grace <Hopper>');
  });
});
