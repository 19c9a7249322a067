import { Badge } from '@fluentui/react-components';
import type { RunStatus } from '../../../gql/graphql';
import { RUN_STATUS_COLORS, RUN_STATUS_LABELS } from './run-labels';

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge appearance="tint" color={RUN_STATUS_COLORS[status]}>
      {RUN_STATUS_LABELS[status]}
    </Badge>
  );
}
