import { User } from '../accounts/user.entity.js';
import { Session } from '../accounts/session.entity.js';
import { PasswordResetToken } from '../accounts/password-reset-token.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Invitation } from '../workspaces/invitation.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Trigger } from '../triggers/trigger.entity.js';
import { TriggerVersion } from '../triggers/trigger-version.entity.js';
import { IngestionKey } from '../ingestion/ingestion-key.entity.js';
import { TriggerEvent } from '../ingestion/trigger-event.entity.js';
import { TriggerStats } from '../ingestion/trigger-stats.entity.js';
import { RefusedRequest } from '../ingestion/refused-request.entity.js';
import { ContentItem } from '../content/content-item.entity.js';
import { Journey } from '../journeys/journey.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { CustomerField } from '../customers/customer-field.entity.js';
import { ConsentChange, ConsentPolicy, CustomerConsent } from '../customers/consent.entity.js';
import { CustomerDevice } from '../customers/customer-device.entity.js';
import { JourneyRun } from '../runtime/run.entity.js';
import { JourneyRunLogEntry } from '../runtime/run-log.entity.js';
import { JourneyEntry, JourneyEntryRefusal } from '../runtime/entry.entity.js';
import { JourneyMessage } from '../runtime/message.entity.js';
import { JourneyGoalCustomer, JourneyStatsHourly, JourneyStepStatsHourly } from '../analytics/analytics.entity.js';
import { ChannelSettings } from '../channels/channel-settings.entity.js';
import { InboxMessage } from '../channels/inbox-message.entity.js';
import { ChannelPolicy } from '../channels/channel-policy.entity.js';

/** Every TypeORM entity; the migration drift check compares these against the migrated schema. */
export const entities = [
  User,
  Session,
  PasswordResetToken,
  Workspace,
  Membership,
  Invitation,
  ApiKey,
  AuditEntry,
  Trigger,
  TriggerVersion,
  IngestionKey,
  TriggerEvent,
  TriggerStats,
  RefusedRequest,
  ContentItem,
  Journey,
  Customer,
  CustomerField,
  CustomerConsent,
  ConsentChange,
  ConsentPolicy,
  CustomerDevice,
  JourneyRun,
  JourneyRunLogEntry,
  JourneyEntry,
  JourneyEntryRefusal,
  JourneyMessage,
  JourneyStatsHourly,
  JourneyStepStatsHourly,
  JourneyGoalCustomer,
  ChannelSettings,
  InboxMessage,
  ChannelPolicy,
];
