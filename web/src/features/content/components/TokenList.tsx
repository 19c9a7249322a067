import { useQuery } from '@apollo/client/react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Copy16Regular } from '@fluentui/react-icons';
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
  list: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, alignItems: 'center', margin: 0 },
  row: { display: 'contents' },
  token: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
});

/** The tokens a message can use with the chosen trigger, each with a copy button. The server's list is the one readiness checks against. */
export function TokenList({ triggerId }: { triggerId: string | null }) {
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
      <Text weight="semibold" size={200}>
        Personalisation tokens{triggerId ? '' : ' (choose a trigger for its attributes)'}
      </Text>
      <dl className={styles.list}>
        {data.personalisationTokens.map((t) => (
          <div key={t.token} className={styles.row}>
            <dt className={styles.token}>{t.token}</dt>
            <dd className={styles.value}>
              <Text size={200}>{t.label}</Text>
            </dd>
            <dd className={styles.value}>
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
