import { sameHash, sha256 } from '../auth/secrets.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../graphql/errors.js';
import type { IngestionKeyService } from '../ingestion/ingestion-key.service.js';
import { sampleEvent } from '../ingestion/sample-event.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Trigger } from '../triggers/trigger.entity.js';
import { versionDefinition } from '../triggers/trigger.service.js';
import { TriggerKind } from '../triggers/trigger.types.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import { sampleCustomer } from './sample-customer.js';
import { generateSnippet, SECURITY_ADVICE } from './snippet.generators.js';
import type { SnippetLanguage } from './snippet.types.js';

export class SnippetService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly keys: IngestionKeyService,
  ) {}

  /**
   * Integration code for the trigger's latest version and a key of the workspace. Keys are stored hashed, so
   * the full key is embedded only when the caller supplies it (verified against the hash, never stored).
   */
  async snippet(viewer: Viewer, trigger: Trigger, language: SnippetLanguage, ingestionKeyId: string, ingestionKeySecret: string | null) {
    if (trigger.kind !== TriggerKind.CUSTOM) throw badInput('Out-of-box triggers are raised by Flare; they have no snippets.', { reason: 'NOT_A_CUSTOM_TRIGGER' });
    const key = await this.keys.get(viewer, ingestionKeyId);
    if (ingestionKeySecret && !sameHash(key.secretHash, sha256(ingestionKeySecret))) {
      throw badInput('That is not the secret of the chosen ingestion key.', { reason: 'KEY_SECRET_MISMATCH', field: 'ingestionKeySecret' });
    }
    const version = await this.deps.dataSource.getRepository(TriggerVersion).findOneByOrFail({ triggerId: trigger.id, number: trigger.latestVersion });
    const generated = generateSnippet(language, {
      endpoint: `${this.deps.config.publicUrl}/v1/events`,
      triggerKey: trigger.key,
      triggerTitle: version.title,
      version: version.number,
      keyPrefix: key.prefix,
      keyLabel: key.label,
      keySecret: ingestionKeySecret,
      event: sampleEvent(trigger.key, versionDefinition(version)),
      identifyEndpoint: `${this.deps.config.publicUrl}/v1/identify`,
      customer: sampleCustomer(version.identity),
    });
    return { language, ...generated, keyIncluded: Boolean(ingestionKeySecret), securityAdvice: SECURITY_ADVICE };
  }
}
