import { useQuery } from '@apollo/client/react';
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { graphql } from '../../../gql';
import type { ConsentModel, ContentChannel } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { CHANNEL_LABELS, MODEL_LABELS } from '../../customers/components/labels';
import { useSetConsentPolicy } from '../hooks/useSetConsentPolicy';

const POLICIES = graphql(`
  query ConsentPolicies {
    consentPolicies {
      channel
      model
    }
  }
`);

const useStyles = makeStyles({ intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL, maxWidth: '80ch' } });

/** What a model means for a channel, in a sentence. */
function meaning(channel: ContentChannel, model: ConsentModel): string {
  const text = channel === 'TEXT' ? ' Commercial text messages still need an opt-in.' : '';
  switch (model) {
    case 'RESTRICTIVE':
      return 'Sent only to customers who opted in for the purpose.';
    case 'NON_RESTRICTIVE':
      return `Sent to everyone except customers who opted out.${text}`;
  }
}

/** How consent is enforced per channel. Admins choose; everyone else reads. */
export function ConsentTab() {
  const styles = useStyles();
  const notify = useNotify();
  const { can } = useAuth();
  const admin = can('workspace:manage');
  const { data, loading, error, refetch } = useQuery(POLICIES);
  const [setPolicy, setting] = useSetConsentPolicy();
  const [pending, setPending] = useState<{ channel: ContentChannel; model: ConsentModel } | null>(null);

  const confirm = async () => {
    if (!pending) return;
    try {
      await setPolicy({ variables: { input: pending } });
      notify('success', `${CHANNEL_LABELS[pending.channel]}: ${MODEL_LABELS[pending.model].toLowerCase()}`);
      setPending(null);
    } catch (e) {
      notify('error', 'Could not change the consent model', errorInfo(e).message);
    }
  };

  return (
    <>
      <div className={styles.intro}>
        <Text>
          Each channel has a consent model. <strong>Restrictive</strong>: messages go only to customers who opted in. <strong>Non-restrictive</strong>: messages go to everyone who
          has not opted out. Commercial text messages always need an opt-in, whatever the model. A customer’s own opt-in or opt-out always wins.
        </Text>
        {!admin && (
          <MessageBar intent="info">
            <MessageBarBody>Only workspace admins can change the consent model.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {loading && !data && <Loading label="Loading consent models…" />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && (
        <Table aria-label="Consent models" size="small">
          <TableHeader>
            <TableRow>
              {['Channel', 'Model', 'What it means'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.consentPolicies.map((p) => (
              <TableRow key={p.channel}>
                <TableCell>{CHANNEL_LABELS[p.channel]}</TableCell>
                <TableCell>
                  {admin ? (
                    <RadioGroup
                      layout="horizontal"
                      aria-label={`${CHANNEL_LABELS[p.channel]} consent model`}
                      value={p.model}
                      onChange={(_e, d) => d.value !== p.model && setPending({ channel: p.channel, model: d.value as ConsentModel })}
                    >
                      {(Object.keys(MODEL_LABELS) as ConsentModel[]).map((m) => (
                        <Radio key={m} value={m} label={MODEL_LABELS[m]} />
                      ))}
                    </RadioGroup>
                  ) : (
                    MODEL_LABELS[p.model]
                  )}
                </TableCell>
                <TableCell>{meaning(p.channel, p.model)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Make ${CHANNEL_LABELS[pending.channel].toLowerCase()} ${pending.model === 'RESTRICTIVE' ? 'restrictive' : 'non-restrictive'}?` : ''}
        confirmLabel="Change model"
        busy={setting.loading}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {pending &&
          (pending.model === 'RESTRICTIVE'
            ? 'From now on, messages of this channel go only to customers who opted in; customers who never said stop receiving them.'
            : 'From now on, messages of this channel also go to customers who never said, unless they opted out (commercial text messages still need an opt-in).')}
      </ConfirmDialog>
    </>
  );
}
