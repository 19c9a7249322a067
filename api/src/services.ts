import type { ServiceDeps } from './service-deps.js';
import { AccountService } from './accounts/account.service.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuditService } from './audit/audit.service.js';
import { WorkspaceService } from './workspaces/workspace.service.js';
import { InvitationService } from './workspaces/invitation.service.js';
import { AccountMail } from './accounts/account-mail.js';
import { PasswordService } from './accounts/password.service.js';
import { TriggerQueryService } from './triggers/trigger-query.service.js';
import { TriggerService } from './triggers/trigger.service.js';
import { IngestionKeyService } from './ingestion/ingestion-key.service.js';
import { VerificationService } from './verification/verification.service.js';
import { RefusedRequestService } from './ingestion/refused-request.service.js';
import { SnippetService } from './snippets/snippet.service.js';
import { ContentService } from './content/content.service.js';
import { JourneyService } from './journeys/journey.service.js';
import { CustomerService } from './customers/customer.service.js';
import { businessEvents } from './customers/business-trigger.rules.js';
import { CustomerErasureService } from './customers/customer-erase.service.js';
import { CustomerImportService } from './customers/customer-import.service.js';
import { JourneyRuntime } from './runtime/journey-runtime.js';
import { poolOf } from './db/data-source.js';
import { SecretBox } from './channels/secret-box.js';
import { ChannelDelivery } from './channels/channel-delivery.js';
import { SendPolicyService } from './channels/send-policy.service.js';
import { ChannelService } from './channels/channel.service.js';
import { DeliveryReports } from './channels/delivery-reports.js';
import { RunService } from './runtime/run.service.js';
import { AnalyticsService } from './analytics/analytics.service.js';
import { TrackingService } from './tracking/tracking.service.js';
import { SimulationService } from './runtime/simulation.service.js';
import { messagesEraser, runsEraser } from './runtime/runtime.erasers.js';
import { liveJourneysSendingContent, liveJourneysUsingTriggers } from './journeys/journey-usage.js';

/** Every service, wired once per server. Resolvers reach them through the context. */
export function createServices(deps: ServiceDeps) {
  const audit = new AuditService(deps);
  // The catalog knows nothing of journeys: they tell it which triggers live journeys use.
  const triggers = new TriggerService(deps, audit, (manager, workspaceId, triggerIds) => liveJourneysUsingTriggers(manager, workspaceId, triggerIds));
  const triggerQueries = new TriggerQueryService(deps);
  const ingestionKeys = new IngestionKeyService(deps, audit);
  // Customer changes raise the out-of-box business triggers, written in the transaction of the change.
  // Who delivers each channel (SMTP, webhooks, the Flare inbox); provider secrets sealed with the secret key.
  const secrets = new SecretBox(deps.secretKey);
  // Journey emails and texts go out tracked (links, open pixel, unsubscribe), test sends as they are.
  const channelDelivery = new ChannelDelivery(poolOf(deps.dataSource), secrets, deps.config.publicUrl, (messages) => tracking.prepare(messages), deps.config.webhookTimeoutMs);
  const runtime = new JourneyRuntime(deps, channelDelivery);
  const customers = new CustomerService(deps, audit, (tx, changes) => deps.pipeline.writeRaised(tx, businessEvents(changes)));
  // Open and click tracking and unsubscribe links: interactions raised as their triggers, opt-outs recorded as consent.
  const tracking = new TrackingService(deps, customers, (journeys) => runtime.runsChanged(journeys));
  // Invitations and password resets go out through a workspace's email channel (SMTP, or the Flare inbox).
  const accountMail = new AccountMail(deps.dataSource, channelDelivery, deps.clock, deps.logger);
  return {
    ...deps,
    audit,
    accounts: new AccountService(deps, audit),
    passwords: new PasswordService(deps, audit, accountMail),
    invitations: new InvitationService(deps, audit, accountMail),
    // Every new workspace starts with the out-of-box trigger catalog.
    workspaces: new WorkspaceService(deps, audit, (manager, workspaceId) => triggers.ensureCatalog(manager, workspaceId)),
    apiKeys: new ApiKeyService(deps, audit),
    triggers,
    triggerQueries,
    verification: new VerificationService(deps, triggerQueries),
    refusedRequests: new RefusedRequestService(deps, triggerQueries),
    ingestionKeys,
    snippets: new SnippetService(deps, ingestionKeys),
    content: new ContentService(
      deps,
      audit,
      triggerQueries,
      async (tx, workspaceId, contentId) => (await liveJourneysSendingContent(tx.manager, workspaceId, [contentId])).get(contentId) ?? [],
    ),
    // Stopping a journey ends its runs in the same transaction.
    journeys: new JourneyService(deps, audit, (tx, journey, now) => runtime.stopRuns(tx, journey.workspaceId, journey.id, now)),
    customers,
    runtime,
    runs: new RunService(deps),
    // Journey analytics, read from rollups the runtime's tables keep.
    analytics: new AnalyticsService(deps),
    tracking,
    channelDelivery,
    channels: new ChannelService(deps, audit, secrets, channelDelivery),
    // Frequency caps and quiet hours per channel, enforced by the sender when it claims messages.
    sendPolicies: new SendPolicyService(deps, audit),
    // Text and push providers report delivery on a signed callback; a delivery raises its interaction trigger.
    deliveryReports: new DeliveryReports(poolOf(deps.dataSource), deps.clock, channelDelivery, (tx, events) => deps.pipeline.writeRaised(tx, events)),
    // Test runs: a journey on a virtual clock, nothing sent or stored.
    simulation: new SimulationService(deps),
    // Right to be forgotten: journey runs end and forget the start event; messages forget recipient and content.
    customerErasure: new CustomerErasureService(deps, audit, [runsEraser, messagesEraser]),
    customerImport: new CustomerImportService(deps, audit, customers),
  };
}
export type Services = ReturnType<typeof createServices>;
