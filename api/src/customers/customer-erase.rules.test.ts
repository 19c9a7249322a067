import { describe, expect, it } from 'vitest';
import { erasedAuthId, erasureRefusal, personalValues } from './customer-erase.rules.js';

describe('erasureRefusal', () => {
  const live = { authId: 'crm-42', erasedAt: null };
  it('allows erasure only with the authId typed exactly', () => {
    expect(erasureRefusal(live, 'crm-42')).toBeNull();
    for (const typed of ['CRM-42', ' crm-42', 'crm-4', '']) expect(erasureRefusal(live, typed), typed).toEqual({ code: 'CONFIRMATION_MISMATCH' });
  });
  it('refuses a second erasure whatever is typed', () => {
    const erased = { authId: erasedAuthId('c1'), erasedAt: new Date() };
    expect(erasureRefusal(erased, erasedAuthId('c1'))).toEqual({ code: 'ALREADY_ERASED' });
    expect(erasureRefusal(erased, 'crm-42')).toEqual({ code: 'ALREADY_ERASED' });
  });
});

describe('personalValues', () => {
  it('lists authId, email, phone with and without +, and names, lower-cased, skipping empty and very short values', () => {
    expect(personalValues({ authId: 'CRM-42', email: 'ada@example.com', phone: '+442079460958', firstName: 'Ada', lastName: 'Lo' })).toEqual([
      'crm-42',
      'ada@example.com',
      '+442079460958',
      '442079460958',
      'ada',
    ]);
    expect(personalValues({ authId: '7', email: null, phone: null, firstName: '  ', lastName: null })).toEqual([]);
  });
});
