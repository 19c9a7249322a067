import { describe, expect, it } from 'vitest';
import { CustomerIdentity } from '../triggers/trigger.types.js';
import { prepareImportRow, rowFromRecord, suggestMapping } from './customer-import.rules.js';
import { CustomerFieldType } from './customer.types.js';

const types = new Map([
  ['points', CustomerFieldType.NUMBER],
  ['ratio', CustomerFieldType.DECIMAL],
  ['vip', CustomerFieldType.BOOLEAN],
  ['born', CustomerFieldType.DATE],
]);
const prepare = (row: Record<string, unknown>) => prepareImportRow(CustomerIdentity.CONTACT, row, types);

describe('prepareImportRow', () => {
  it('reads typed custom fields and consent words from cell text', () => {
    const result = prepare({ authId: ' 42 ', 'fields.points': '-7', 'fields.ratio': '0.25', 'fields.vip': 'No', 'fields.born': '2000-02-29', 'consent.PUSH.TRANSACTIONAL': 'yes' });
    expect(result).toEqual({
      customer: expect.objectContaining({
        authId: '42',
        fields: { points: -7, ratio: 0.25, vip: false, born: '2000-02-29' },
        consents: [{ channel: 'PUSH', purpose: 'TRANSACTIONAL', status: 'OPTED_IN', contactPoint: null }],
      }),
    });
  });

  it('leaves empty cells out, so an import never clears a stored value', () => {
    const result = prepare({ authId: 'a', email: '  ', firstName: '', 'fields.points': '' });
    expect(result).toEqual({ customer: expect.objectContaining({ set: {}, fields: {} }) });
  });

  it('names each problem by the row key, in column order', () => {
    const result = prepare({ 'consent.EMAIL.COMMERCIAL': 'perhaps', 'fields.vip': 'sometimes', email: 'x', nonsense: 'y' });
    expect('problems' in result && result.problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'consent.EMAIL.COMMERCIAL:INVALID_CONSENT',
      'fields.vip:INVALID_FIELD_VALUE',
      'email:INVALID_EMAIL',
      'nonsense:UNKNOWN_COLUMN',
      'authId:INVALID_AUTH_ID',
    ]);
  });

  it('refuses cells that are not text', () => {
    expect(prepare({ authId: 'a', email: { nested: true } })).toEqual({ problems: [expect.objectContaining({ field: 'email', reason: 'INVALID_TYPE' })] });
  });
});

describe('suggestMapping', () => {
  it('matches headers by name, ignoring case and punctuation, once per target', () => {
    expect(
      suggestMapping(
        ['E-Mail', 'ZIP code', 'Given name', 'tz', 'points', 'mail', 'Consent EMAIL Transactional'],
        [{ name: 'points', type: CustomerFieldType.NUMBER, label: 'Points' }],
      ),
    ).toEqual(['email', 'postalCode', 'firstName', 'timeZone', 'fields.points', null, 'consent.EMAIL.TRANSACTIONAL']);
  });

  it('keeps only mapped columns of a record', () => {
    expect(
      rowFromRecord(
        { a: '1', b: '2', c: '3' },
        new Map([
          ['a', 'authId'],
          ['b', null],
        ]),
      ),
    ).toEqual({ authId: '1' });
  });
});
