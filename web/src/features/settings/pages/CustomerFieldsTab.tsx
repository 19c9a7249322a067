import { useQuery } from '@apollo/client/react';
import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import { EmptyState, ErrorState, Loading } from '../../../ui/AsyncState';
import { formatDateTime } from '../../../ui/format';
import { FIELD_TYPE_LABELS } from '../../customers/components/labels';
import { DefineCustomerFieldDialog } from '../components/DefineCustomerFieldDialog';

const FIELDS = graphql(`
  query CustomerFieldsSettings {
    customerFields {
      name
      label
      type
      createdAt
    }
  }
`);

const useStyles = makeStyles({
  bar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
});

/** The workspace's custom customer fields (at most 50): what imports, identify and templates may use. */
export function CustomerFieldsTab() {
  const styles = useStyles();
  const { can } = useAuth();
  const { data, loading, error, refetch } = useQuery(FIELDS);
  const [defining, setDefining] = useState(false);
  return (
    <>
      <div className={styles.bar}>
        <Text>Custom fields every customer may have, checked against their type. Templates use them as {'{{ contact.<name> }}'}.</Text>
        {can('customers:write') && (
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setDefining(true)}>
            Define field
          </Button>
        )}
      </div>
      {loading && !data && <Loading label="Loading customer fields…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && data.customerFields.length === 0 && (
        <EmptyState title="No custom fields yet">Define fields such as a loyalty tier or a birthday to store them on customers.</EmptyState>
      )}
      {data && data.customerFields.length > 0 && (
        <Table aria-label="Customer fields" size="small">
          <TableHeader>
            <TableRow>
              {['Label', 'Name', 'Type', 'Defined'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.customerFields.map((f) => (
              <TableRow key={f.name}>
                <TableCell>{f.label}</TableCell>
                <TableCell>
                  <Text font="monospace">{f.name}</Text>
                </TableCell>
                <TableCell>{FIELD_TYPE_LABELS[f.type]}</TableCell>
                <TableCell>{formatDateTime(f.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <DefineCustomerFieldDialog open={defining} onClose={() => setDefining(false)} />
    </>
  );
}
