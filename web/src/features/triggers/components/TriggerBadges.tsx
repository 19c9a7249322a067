import { Badge } from '@fluentui/react-components';
import { Flash20Regular, Briefcase20Regular } from '@fluentui/react-icons';
import type { TriggerKind, TriggerStatus } from '../../../gql/graphql';
import { KIND_LABELS } from './labels';

/** Plain bolt for custom triggers; bolt with a briefcase for out-of-box ones (as in the products we learn from). */
export function TriggerKindIcon({ kind }: { kind: TriggerKind }) {
  const label = kind === 'CUSTOM' ? 'Custom trigger' : `Out-of-box ${KIND_LABELS[kind].toLowerCase()} trigger`;
  return (
    // The browser's own tooltip (title): a Fluent Tooltip would bring its positioning code into the catalog's first load.
    <span role="img" aria-label={label} title={label} style={{ display: 'inline-flex', alignItems: 'center' }}>
      <Flash20Regular />
      {kind !== 'CUSTOM' && <Briefcase20Regular style={{ marginLeft: -6, transform: 'scale(0.7)' }} />}
    </span>
  );
}

export function TriggerStatusBadge({ status, hiddenAt }: { status: TriggerStatus; hiddenAt?: string | null }) {
  if (hiddenAt)
    return (
      <Badge appearance="outline" color="subtle">
        Hidden
      </Badge>
    );
  return status === 'READY_TO_USE' ? <Badge color="success">Ready to use</Badge> : <Badge color="warning">Awaiting first event</Badge>;
}
