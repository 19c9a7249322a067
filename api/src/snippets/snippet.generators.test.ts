import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../ingestion/sample-event.js';
import { normaliseAttribute, withDefaultOperations } from '../triggers/trigger.rules.js';
import { AttributeType, CustomerIdentity, TriggerCategory } from '../triggers/trigger.types.js';
import { sampleCustomer } from './sample-customer.js';
import { generateSnippet } from './snippet.generators.js';
import { SnippetLanguage, type SnippetContext } from './snippet.types.js';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '__golden__');
const def = {
  title: 'Order placed',
  description: '',
  category: TriggerCategory.TRANSACTION,
  identity: CustomerIdentity.PROFILE,
  source: 'Checkout',
  attributes: [
    normaliseAttribute({ name: 'total', type: AttributeType.DECIMAL, required: true }),
    normaliseAttribute({ name: 'items', type: AttributeType.NUMBER }),
    normaliseAttribute({ name: 'note', type: AttributeType.TEXT, maxLength: 200 }),
    normaliseAttribute({ name: 'gift', type: AttributeType.BOOLEAN }),
    normaliseAttribute({ name: 'placedAt', type: AttributeType.DATETIME }),
    normaliseAttribute({ name: 'order', type: AttributeType.ENTITY_REFERENCE, entity: 'order' }),
  ],
  allowedOperations: withDefaultOperations([]),
};
const context: SnippetContext = {
  endpoint: 'https://flare.example.com/v1/events',
  triggerKey: 'order_placed',
  triggerTitle: 'Order placed',
  version: 3,
  keyPrefix: 'fik_AbCd2345',
  keyLabel: 'Mobile app',
  keySecret: null,
  event: sampleEvent('order_placed', def),
  identifyEndpoint: 'https://flare.example.com/v1/identify',
  customer: sampleCustomer(def.identity),
};

describe('snippet golden files', () => {
  it.each([SnippetLanguage.CSHARP, SnippetLanguage.SWIFT, SnippetLanguage.KOTLIN, SnippetLanguage.JAVASCRIPT, SnippetLanguage.NODE, SnippetLanguage.PYTHON, SnippetLanguage.CURL])(
    '%s matches its golden file',
    (language) => {
      const snippet = generateSnippet(language, context);
      const file = path.join(GOLDEN, `${language.toLowerCase()}.golden`);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, snippet.code);
      expect(snippet.code, `regenerate with UPDATE_GOLDEN=1 if the change is intended`).toBe(fs.readFileSync(file, 'utf8'));
    },
  );

  it('embeds the key only when given, and always names the key and carries the security advice', () => {
    for (const language of Object.values(SnippetLanguage)) {
      const code = generateSnippet(language, context).code;
      expect(code).toContain('fik_AbCd2345');
      expect(code).toMatch(/Protect it/);
      expect(code).toMatch(/personalised attributes minimal/);
      expect(code).toContain('order_placed');
      // Every language identifies the customer the event names, at /v1/identify.
      expect(code).toContain('https://flare.example.com/v1/identify');
      expect(code).toMatch(/profile-42/);
      // Every sample event shows a bindingId and says what it is for.
      expect(code).toMatch(/"?bindingId"?[^\n]*cart\/8812/);
      expect(code).toContain('to tie them to the journey run this event starts');
    }
    const withKey = generateSnippet(SnippetLanguage.JAVASCRIPT, { ...context, keySecret: 'fik_AbCd2345_secretsecretsecretsecret' }).code;
    expect(withKey).toContain('fik_AbCd2345_secretsecretsecretsecret');
  });

  it('carries a supplied key in every language, so code copied right after creating a key has it (servers still read the environment)', () => {
    for (const language of Object.values(SnippetLanguage)) {
      const code = generateSnippet(language, { ...context, keySecret: 'fik_AbCd2345_secretsecretsecretsecret' }).code;
      expect(code, language).toContain('fik_AbCd2345_secretsecretsecretsecret');
      expect(code, language).not.toContain('PASTE-THE-REST-OF-THE-KEY');
    }
    const node = generateSnippet(SnippetLanguage.NODE, { ...context, keySecret: 'fik_AbCd2345_secretsecretsecretsecret' }).code;
    expect(node).toContain(`FLARE_INGESTION_KEY='fik_AbCd2345_secretsecretsecretsecret' node flare-order_placed.mjs`);
    expect(node).toContain('const FLARE_INGESTION_KEY = process.env.FLARE_INGESTION_KEY;');
  });
});
