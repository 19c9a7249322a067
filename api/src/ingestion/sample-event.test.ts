import { describe, expect, it } from 'vitest';
import { normaliseAttribute, withDefaultOperations } from '../triggers/trigger.rules.js';
import { AttributeType, CustomerIdentity, TriggerCategory, TriggerKind } from '../triggers/trigger.types.js';
import { compileValidator } from './event-validation.rules.js';
import { sampleEvent } from './sample-event.js';

describe('sampleEvent', () => {
  it('passes validation for every attribute type and identity', () => {
    for (const identity of Object.values(CustomerIdentity)) {
      const def = {
        title: 'T',
        description: '',
        category: TriggerCategory.SIGNAL,
        identity,
        source: 'Web',
        attributes: Object.values(AttributeType).map((type, i) =>
          normaliseAttribute({
            name: `a${i}`,
            type,
            required: true,
            entity: type === AttributeType.ENTITY_REFERENCE ? 'order' : null,
            maxLength: type === AttributeType.TEXT ? 5 : null,
          }),
        ),
        allowedOperations: withDefaultOperations([]),
      };
      expect(compileValidator(TriggerKind.CUSTOM, def)(sampleEvent('t', def))).toEqual([]);
    }
  });
});
