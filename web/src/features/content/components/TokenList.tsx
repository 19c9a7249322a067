import { useQuery } from '@apollo/client/react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Add16Regular, Copy16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { graphql } from '../../../gql';

const TOKENS = graphql(`
  query PersonalisationTokens($triggerId: ID) {
    personalisationTokens(triggerId: $triggerId) {
      token
      label
      source
    }
  }
`);

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, auto) minmax(0, 1fr) auto',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    alignItems: 'center',
    margin: 0,
  },
  row: { display: 'contents' },
  token: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  value: { margin: 0, display: 'flex', gap: tokens.spacingHorizontalXS },
});

/**
 * The tokens a message can use with the chosen trigger. With `insertInto` (the label of the field last focused),
 * each token has an Insert button that puts it at that field's cursor; each can also be copied. The server's list
 * is the one readiness checks against.
 */
export function TokenList({ triggerId, insertInto, onInsert }: { triggerId: string | null; insertInto?: string | null; onInsert?: (token: string) => void }) {
  const styles = useStyles();
  const { data } = useQuery(TOKENS, { variables: { triggerId } });
  const [copied, setCopied] = useState<string | null>(null);
  if (!data) return null;
  const copy = async (token: string) => {
    await navigator.clipboard?.writeText(token).catch(() => undefined);
    setCopied(token);
  };
  return (
    <section aria-label="Personalisation tokens">
      <Text weight="semibold" size={200} block>
        Personalisation tokens{triggerId ? '' : ' (choose a trigger for its attributes)'}
      </Text>
      {onInsert && insertInto && (
        <Text size={200} block>
          Insert puts a token at the cursor in {insertInto}.
        </Text>
      )}
      <dl className={styles.list}>
        {data.personalisationTokens.map((t) => (
          <div key={t.token} className={styles.row}>
            <dt className={styles.token}>{t.token}</dt>
            <dd className={styles.value}>
              <Text size={200}>{t.label}</Text>
            </dd>
            <dd className={styles.value}>
              {onInsert && insertInto && (
                <Button size="small" icon={<Add16Regular />} aria-label={`Insert ${t.token} into ${insertInto}`} onClick={() => onInsert(t.token)}>
                  Insert
                </Button>
              )}
              <Button size="small" appearance="subtle" icon={<Copy16Regular />} aria-label={`Copy ${t.token}`} onClick={() => void copy(t.token)}>
                {copied === t.token ? 'Copied' : null}
              </Button>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
