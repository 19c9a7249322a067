import { useQuery } from '@apollo/client/react';
import { Button, Switch, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { graphql } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { LoadMore } from '../../../ui/LoadMore';
import { ApiKeyRow } from '../components/ApiKeyRow';
import { CreateApiKeyDialog } from '../components/CreateApiKeyDialog';
import { useRevokeApiKey } from '../hooks/useRevokeApiKey';
import { VisuallyHidden } from '../../../ui/VisuallyHidden';

const API_KEYS = graphql(`
  query ApiKeys($includeRevoked: Boolean!, $after: String) {
    apiKeys(first: 50, after: $after, includeRevoked: $includeRevoked) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...ApiKeyRow_apiKey
      }
    }
  }
`);

const useStyles = makeStyles({ toolbar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: tokens.spacingVerticalM } });

export function ApiKeysTab() {
  const styles = useStyles();
  const notify = useNotify();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; label: string } | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(API_KEYS, { variables: { includeRevoked } });
  const [revoke, revokeState] = useRevokeApiKey();

  const confirmRevoke = async () => {
    if (!revoking) return;
    try {
      await revoke({ variables: { input: { id: revoking.id } } });
      notify('success', 'API key revoked', `${revoking.label} stops working immediately.`);
    } catch (e) {
      notify('error', 'Could not revoke the key', errorInfo(e).message);
    }
    setRevoking(null);
  };

  return (
    <section aria-label="API keys">
      <div className={styles.toolbar}>
        <Text>
          Partners send these as <code>Authorization: Bearer …</code>. Each key acts only within this workspace and its scopes.
        </Text>
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setCreating(true)}>
          Create API key
        </Button>
      </div>
      <Switch label="Show revoked keys" checked={includeRevoked} onChange={(_e, d) => setIncludeRevoked(d.checked)} />
      {loading && !data && <Loading label="Loading API keys…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && data.apiKeys.totalCount === 0 && <EmptyState title="No API keys yet">Create one for each partner system that calls Flare’s API.</EmptyState>}
      {data && data.apiKeys.totalCount > 0 && (
        <Table aria-label="API keys table">
          <TableHeader>
            <TableRow>
              {['Label', 'Key', 'Scopes', 'Created', 'Last used'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
              {/* The row's buttons: a header screen readers can name the column by. */}
              <TableHeaderCell>
                <VisuallyHidden>Actions</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.apiKeys.nodes.map((key) => (
              <ApiKeyRow key={key.id} apiKey={key} onRevoke={(id, label) => setRevoking({ id, label })} />
            ))}
          </TableBody>
        </Table>
      )}
      <LoadMore data={data} field="apiKeys" fetchMore={fetchMore} />
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this API key?"
        confirmLabel="Revoke"
        busy={revokeState.loading}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        Requests using <strong>{revoking?.label}</strong> are refused from now on, and its open connections are closed. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
