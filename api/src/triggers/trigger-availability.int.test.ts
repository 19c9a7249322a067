import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorkspace, GqlClient, Role, startTestServer, type TestServer } from '../../test/harness.js';
import { CREATE_TRIGGER, createTrigger, HIDE_TRIGGER, triggerInput } from '../../test/triggers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const AVAILABLE = `query($title: String!, $except: ID) { triggerTitleAvailable(title: $title, exceptTriggerId: $except) }`;

async function adminClient() {
  const ws = await createWorkspace(t);
  return { ws, admin: await GqlClient.signedIn(t, ws.admin) };
}
const available = async (client: GqlClient, title: string, except: string | null = null) => (await client.data(AVAILABLE, { title, except })).triggerTitleAvailable as boolean;

describe('triggerTitleAvailable', () => {
  it('answers as creating would: taken ignoring case and surrounding spaces, free otherwise', async () => {
    const { admin } = await adminClient();
    await createTrigger(admin, { title: 'Cart abandoned' });
    expect(await available(admin, 'Cart abandoned')).toBe(false);
    expect(await available(admin, '  cart ABANDONED ')).toBe(false);
    expect(await available(admin, 'Cart abandoned twice')).toBe(true);
    expect(await available(admin, 'Cart  abandoned')).toBe(true);
    // Whatever it said, creating agrees.
    expect(await admin.error(CREATE_TRIGGER, { input: triggerInput({ title: '  cart ABANDONED ', key: 'cart_2' }) })).toMatchObject({ reason: 'TITLE_TAKEN' });
    await createTrigger(admin, { title: 'Cart  abandoned', key: 'cart_3' });
    expect(await available(admin, 'cart  abandoned')).toBe(false);
  });

  it('counts out-of-box triggers, and frees the title of a hidden trigger', async () => {
    const { admin } = await adminClient();
    expect(await available(admin, 'email OPENED')).toBe(false);
    const trigger = await createTrigger(admin, { title: 'Wishlist shared' });
    expect(await available(admin, 'Wishlist shared')).toBe(false);
    await admin.data(HIDE_TRIGGER, { input: { id: trigger.id, confirmTitle: trigger.title } });
    expect(await available(admin, 'Wishlist shared')).toBe(true);
    await createTrigger(admin, { title: 'Wishlist shared', key: 'wishlist_shared_again' });
    expect(await available(admin, 'Wishlist shared')).toBe(false);
  });

  it('is scoped to the workspace: another workspace’s title is free here', async () => {
    const { admin: first } = await adminClient();
    const { admin: second } = await adminClient();
    await createTrigger(first, { title: 'Loyalty tier reached' });
    expect(await available(first, 'Loyalty tier reached')).toBe(false);
    expect(await available(second, 'Loyalty tier reached')).toBe(true);
  });

  it('leaves out the trigger being renamed, but not the others', async () => {
    const { admin } = await adminClient();
    const own = await createTrigger(admin, { title: 'Review written' });
    const other = await createTrigger(admin, { title: 'Review liked' });
    expect(await available(admin, 'review WRITTEN', own.id)).toBe(true);
    expect(await available(admin, 'Review liked', own.id)).toBe(false);
    expect(await available(admin, 'Review liked', other.id)).toBe(true);
  });

  it('refuses an empty title and a malformed id, and is open to every role that reads triggers', async () => {
    const { ws, admin } = await adminClient();
    expect(await admin.error(AVAILABLE, { title: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TITLE_REQUIRED' });
    expect(await admin.error(AVAILABLE, { title: 'Fine', except: 'nope' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    await createTrigger(admin, { title: 'Seen by viewers' });
    const viewer = await GqlClient.signedIn(t, await addMember(t, ws, Role.VIEWER));
    expect(await available(viewer, 'Seen by viewers')).toBe(false);
    const anonymous = new GqlClient(t);
    expect(await anonymous.error(AVAILABLE, { title: 'Seen by viewers' })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

const KEY_AVAILABLE = `query($key: String!) { triggerKeyAvailable(key: $key) }`;
const keyFree = async (client: GqlClient, key: string) => (await client.data(KEY_AVAILABLE, { key })).triggerKeyAvailable as boolean;

describe('triggerKeyAvailable', () => {
  it('counts every trigger of the workspace, hidden ones too, and the out-of-box keys; another workspace’s keys are free', async () => {
    const { admin } = await adminClient();
    const { admin: other } = await adminClient();
    expect(await keyFree(admin, 'gift_card_sold')).toBe(true);
    const trigger = await createTrigger(admin, { title: 'Gift card sold', key: 'gift_card_sold' });
    expect(await keyFree(admin, 'gift_card_sold')).toBe(false);
    await admin.data(HIDE_TRIGGER, { input: { id: trigger.id, confirmTitle: trigger.title } });
    // Hiding frees the title but never the key: creating would say KEY_TAKEN.
    expect(await available(admin, 'Gift card sold')).toBe(true);
    expect(await keyFree(admin, 'gift_card_sold')).toBe(false);
    expect(await admin.error(CREATE_TRIGGER, { input: triggerInput({ title: 'Gift card sold', key: 'gift_card_sold' }) })).toMatchObject({ reason: 'KEY_TAKEN' });
    expect(await keyFree(admin, 'email_opened')).toBe(false);
    expect(await keyFree(other, 'gift_card_sold')).toBe(true);
  });

  it('refuses a malformed key as creating would', async () => {
    const { admin } = await adminClient();
    expect(await admin.error(KEY_AVAILABLE, { key: 'Gift-Card' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_KEY' });
    expect(await admin.error(KEY_AVAILABLE, { key: '' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_KEY' });
  });
});
