import { describe, expect, it } from 'vitest';
import { CustomerFieldType } from './customer.types.js';
import { checkIdentifyItem } from './identify.rules.js';

const fields = new Map([['tier', CustomerFieldType.TEXT]]);
const codes = (item: ReturnType<typeof checkIdentifyItem>) => item.reasons.map((r) => `${r.field}:${r.code}`);

describe('checkIdentifyItem', () => {
  it('defaults kind to CONTACT and prepares the customer patch; messageId is no customer field', () => {
    const item = checkIdentifyItem({ authId: 42, messageId: 'm-1', email: 'A@B.co', fields: { tier: 'gold' } }, 3, fields);
    expect(item).toMatchObject({ index: 3, messageId: 'm-1', storedMessageId: 'm-1', reasons: [] });
    expect(item.customer).toMatchObject({ kind: 'CONTACT', authId: '42', set: { email: 'a@b.co' }, fields: { tier: 'gold' } });
    expect(checkIdentifyItem({ kind: null, authId: 'x' }, 0, fields).customer?.kind).toBe('CONTACT');
    expect(checkIdentifyItem({ kind: 'LEAD', authId: 'x' }, 0, fields).customer?.kind).toBe('LEAD');
  });

  it('rejects what is not an object, and every problem with its field', () => {
    for (const raw of [null, 7, 'x', [{ authId: 'a' }]]) expect(codes(checkIdentifyItem(raw, 0, fields))).toEqual(['null:INVALID_CUSTOMER']);
    const item = checkIdentifyItem({ kind: 'ROBOT', email: 'nope', consents: [{ channel: 'EMAIL' }], shoe: 1 }, 0, fields);
    expect(item.customer).toBeNull();
    expect(codes(item).sort()).toEqual(['authId:INVALID_AUTH_ID', 'consents[0]:INVALID_CONSENT', 'email:INVALID_EMAIL', 'kind:INVALID_KIND', 'shoe:UNKNOWN_FIELD']);
  });

  it('refuses an invalid messageId (not echoed, not stored) and rejects the item', () => {
    for (const messageId of ['', 5, 'x'.repeat(201)]) {
      const item = checkIdentifyItem({ authId: 'a', messageId }, 0, fields);
      expect(codes(item)).toEqual(['messageId:INVALID_MESSAGE_ID']);
      expect(item).toMatchObject({ messageId: null, storedMessageId: null, customer: null });
    }
    expect(checkIdentifyItem({ authId: 'a', messageId: 'x'.repeat(200) }, 0, fields).reasons).toEqual([]);
  });

  it('refuses text PostgreSQL cannot store once per field; the messageId is echoed as sent and stored sanitised', () => {
    const item = checkIdentifyItem({ authId: 'a', firstName: 'A\u0000da', messageId: 'm\u0000' }, 0, fields);
    expect(codes(item)).toEqual(['firstName:INVALID_TEXT', 'messageId:INVALID_TEXT']);
    expect(item.reasons[0].message).not.toMatch(/U\+FFFD/);
    expect(item).toMatchObject({ messageId: 'm\u0000', storedMessageId: 'm\uFFFD', customer: null });
    const deep = checkIdentifyItem({ authId: 'a', fields: { tier: JSON.parse('['.repeat(40) + ']'.repeat(40)) } }, 0, fields);
    expect(codes(deep)).toContain(`fields.tier${'[0]'.repeat(30)}:TOO_DEEP`);
  });
});
