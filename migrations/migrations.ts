import type { MigrationInterface } from 'typeorm';
import { Init1795373354252 } from './1795373354252-Init.js';
import { AuditAppendOnly1795373355252 } from './1795373355252-AuditAppendOnly.js';
import { Triggers1795375487607 } from './1795375487607-Triggers.js';
import { TriggerVersionsImmutable1795375488607 } from './1795375488607-TriggerVersionsImmutable.js';
import { Ingestion1795376627800 } from './1795376627800-Ingestion.js';
import { JourneysContent1795378228559 } from './1795378228559-JourneysContent.js';
import { RateLimitCounters1795839907184 } from './1795839907184-RateLimitCounters.js';
import { Customers1795842915273 } from './1795842915273-Customers.js';
import { CustomerSearch1795842915274 } from './1795842915274-CustomerSearch.js';
import { IdentifyMessages1795842915300 } from './1795842915300-IdentifyMessages.js';
import { EventCustomers1795842915400 } from './1795842915400-EventCustomers.js';
import { CustomerSearchStatistics1795842915700 } from './1795842915700-CustomerSearchStatistics.js';
import { JourneyRuntime1795850428694 } from './1795850428694-JourneyRuntime.js';
import { RuntimeInteractionWaitIndex1795850428800 } from './1795850428800-RuntimeInteractionWaitIndex.js';
import { JourneyAnalytics1795850430010 } from './1795850430010-JourneyAnalytics.js';
import { Channels1795850429000 } from './1795850429000-Channels.js';
import { MessageTracking1795850433000 } from './1795850433000-MessageTracking.js';
import { SendPolicies1795850434000 } from './1795850434000-SendPolicies.js';
import { QueuedMessagesByStep1795850435000 } from './1795850435000-QueuedMessagesByStep.js';
import { PasswordResets1795910000000 } from './1795910000000-PasswordResets.js';
import { RefusedRequests1795900000000 } from './1795900000000-RefusedRequests.js';

/** Every migration, oldest first. `pnpm migration:generate <Name>` appends here; a test checks none is missing. */
export const allMigrations: (new () => MigrationInterface)[] = [
  Init1795373354252,
  AuditAppendOnly1795373355252,
  Triggers1795375487607,
  TriggerVersionsImmutable1795375488607,
  Ingestion1795376627800,
  JourneysContent1795378228559,
  RateLimitCounters1795839907184,
  Customers1795842915273,
  CustomerSearch1795842915274,
  IdentifyMessages1795842915300,
  EventCustomers1795842915400,
  CustomerSearchStatistics1795842915700,
  JourneyRuntime1795850428694,
  RuntimeInteractionWaitIndex1795850428800,
  Channels1795850429000,
  JourneyAnalytics1795850430010,
  MessageTracking1795850433000,
  SendPolicies1795850434000,
  QueuedMessagesByStep1795850435000,
  RefusedRequests1795900000000,
  PasswordResets1795910000000,
];
