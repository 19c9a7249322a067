import { useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { graphql } from '../../../gql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { CopyField } from '../../../ui/CopyField';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { useNotify } from '../../../ui/toast';
import { useRevokeIngestionKey } from '../hooks/useRevokeIngestionKey';
import { useRotateIngestionKey } from '../hooks/useRotateIngestionKey';
import { VisuallyHidden } from '../../../ui/VisuallyHidden';

const KEYS = graphql(`
  query IngestionKeysSettings($includeRetired: Boolean!) {
    ingestionKeys(includeRetired: $includeRetired) {
      id
      label
      prefix
      state
      allowedOrigins
      createdAt
      expiresAt
      lastUsedAt
      acceptedCount
      rejectedCount
    }
  }
`);

const STATE_BADGE = { ACTIVE: 'success', EXPIRING: 'warning', EXPIRED: 'subtle', REVOKED: 'danger' } as const;

/** Keys snippets send events with: usage, rotation with an overlap, revocation. New keys are made in a trigger’s Integration tab. */
export function IngestionKeysTab() {
  const notify = useNotify();
  const [includeRetired, setIncludeRetired] = useState(false);
  const { data, loading, error, refetch } = useQuery(KEYS, { variables: { includeRetired } });
  const [rotating, setRotating] = useState<{ id: string; label: string } | null>(null);
  const [overlap, setOverlap] = useState('24');
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; label: string } | null>(null);
  const [rotate, rotateState] = useRotateIngestionKey();
  const [revoke, revokeState] = useRevokeIngestionKey();

  const doRotate = async () => {
    try {
      const result = await rotate({ variables: { input: { id: rotating!.id, overlapHours: Number(overlap) } } });
      setSecret(result.data!.rotateIngestionKey.secret);
    } catch (e) {
      notify('error', 'Could not rotate the key', errorInfo(e).message);
      setRotating(null);
    }
  };
  const doRevoke = async () => {
    try {
      await revoke({ variables: { input: { id: revoking!.id } } });
      notify('success', 'Ingestion key revoked');
    } catch (e) {
      notify('error', 'Could not revoke the key', errorInfo(e).message);
    }
    setRevoking(null);
  };

  return (
    <section aria-label="Ingestion keys">
      <Text>Websites, apps and servers send trigger events with these keys. Create keys in a trigger’s Integration tab.</Text>
      <Switch label="Show revoked and expired keys" checked={includeRetired} onChange={(_e, d) => setIncludeRetired(d.checked)} />
      {loading && !data && <Loading label="Loading ingestion keys…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && data.ingestionKeys.length === 0 && <EmptyState title="No ingestion keys" />}
      {data && data.ingestionKeys.length > 0 && (
        <Table aria-label="Ingestion keys table" size="small">
          <TableHeader>
            <TableRow>
              {['Label', 'Key', 'State', 'Allowed origins', 'Accepted', 'Rejected', 'Last used'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
              {/* The row's buttons: a header screen readers can name the column by. */}
              <TableHeaderCell>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.ingestionKeys.map((k) => (
              <TableRow key={k.id}>
                <TableCell>{k.label}</TableCell>
                <TableCell>
                  <code>{k.prefix}_…</code>
                </TableCell>
                <TableCell>
                  <Badge color={STATE_BADGE[k.state]}>
                    {k.state.toLowerCase()}
                    {k.state === 'EXPIRING' && k.expiresAt ? ` until ${formatDateTime(k.expiresAt)}` : ''}
                  </Badge>
                </TableCell>
                <TableCell>{k.allowedOrigins.length ? k.allowedOrigins.join(', ') : 'server-side only'}</TableCell>
                <TableCell>{k.acceptedCount}</TableCell>
                <TableCell>{k.rejectedCount}</TableCell>
                <TableCell>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</TableCell>
                <TableCell>
                  {k.state === 'ACTIVE' && (
                    <Button size="small" onClick={() => setRotating({ id: k.id, label: k.label })}>
                      Rotate
                    </Button>
                  )}{' '}
                  {(k.state === 'ACTIVE' || k.state === 'EXPIRING') && (
                    <Button size="small" onClick={() => setRevoking({ id: k.id, label: k.label })}>
                      Revoke
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={rotating !== null} onOpenChange={(_e, d) => !d.open && (setRotating(null), setSecret(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Rotate “{rotating?.label}”</DialogTitle>
            <DialogContent>
              {secret ? (
                <>
                  <Text>Put the new key in your snippets and servers. The old key keeps working for {overlap} hours. This is the only time the new key is shown.</Text>
                  <CopyField label="New ingestion key" value={secret} />
                </>
              ) : (
                <Field label="Hours the old key keeps working (0–168)">
                  <Input type="number" value={overlap} onChange={(_e, d) => setOverlap(d.value)} />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              {secret ? (
                <Button appearance="primary" onClick={() => (setRotating(null), setSecret(null))}>
                  Done
                </Button>
              ) : (
                <>
                  <Button onClick={() => setRotating(null)}>Cancel</Button>
                  <Button appearance="primary" disabled={rotateState.loading} onClick={doRotate}>
                    Rotate
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this ingestion key?"
        confirmLabel="Revoke"
        busy={revokeState.loading}
        onConfirm={doRevoke}
        onCancel={() => setRevoking(null)}
      >
        Events sent with <strong>{revoking?.label}</strong> are refused from the next request. Snippets using it stop working.
      </ConfirmDialog>
    </section>
  );
}
