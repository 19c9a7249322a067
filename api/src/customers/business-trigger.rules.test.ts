import { describe, expect, it } from 'vitest';
import { compileValidator } from '../ingestion/event-validation.rules.js';
import { CATALOG } from '../triggers/trigger.catalog.js';
import { TriggerKind } from '../triggers/trigger.types.js';
import { businessEvents } from './business-trigger.rules.js';
import type { CustomerChange } from './customer.writer.js';

const change = (over: Partial<CustomerChange>): CustomerChange => ({
  workspaceId: 'w',
  customerId: 'c',
  kind: 'CONTACT',
  authId: 'crm-1',
  created: false,
  changed: [],
  email: null,
  phone: null,
  ...over,
});
const keys = (changes: Partial<CustomerChange>[]) => businessEvents(changes.map(change)).map((e) => e.event.trigger);

describe('business trigger events', () => {
  it('a new contact raises contact_created only; a new lead lead_created; a new profile nothing', () => {
    expect(keys([{ created: true, email: 'a@example.com' }])).toEqual(['contact_created']);
    expect(keys([{ kind: 'LEAD', created: true }])).toEqual(['lead_created']);
    expect(keys([{ kind: 'PROFILE', created: true }])).toEqual([]);
  });

  it('contact changes raise one event per changed contact point; names and other fields raise nothing; leads and profiles nothing', () => {
    expect(keys([{ changed: ['email', 'phone', 'address', 'name', 'other'] }])).toEqual(['contact_email_updated', 'contact_phone_updated', 'contact_address_updated']);
    expect(keys([{ changed: ['name', 'other'] }])).toEqual([]);
    expect(
      keys([
        { kind: 'LEAD', changed: ['email'] },
        { kind: 'PROFILE', changed: ['email'] },
      ]),
    ).toEqual([]);
  });

  it('each event is valid for its catalog trigger (checked as a custom event would be) and names the customer', () => {
    const changes = [change({ created: true }), change({ kind: 'LEAD', created: true }), change({ changed: ['email', 'phone', 'address'] })];
    for (const raised of businessEvents(changes)) {
      const entry = CATALOG.find((c) => c.key === raised.event.trigger)!;
      expect(compileValidator(TriggerKind.CUSTOM, entry.definition)(raised.event), raised.event.trigger).toEqual([]);
      expect(raised).toMatchObject({ workspaceId: 'w', customerId: 'c', event: { authId: 'crm-1' } });
    }
  });
});
