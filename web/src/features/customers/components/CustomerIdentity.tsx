import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { KIND_LABELS, SOURCE_LABELS } from './labels';

export const CustomerIdentity_customer = graphql(`
  fragment CustomerIdentity_customer on Customer {
    id
    kind
    authId
    email
    phone
    firstName
    lastName
    locale
    timeZone
    addressLine1
    addressLine2
    city
    postalCode
    region
    country
    source
    createdAt
    updatedAt
  }
`);

export const useDetailStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** Label/value pairs; user values render as text. */
export function DetailList({ items, label }: { items: [string, ReactNode][]; label: string }) {
  const styles = useDetailStyles();
  return (
    <dl className={styles.list} aria-label={label}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who the customer is: the identity events name, contact points, names, locale, address, where the record came from. */
export function CustomerIdentity(props: { customer: FragmentType<typeof CustomerIdentity_customer> }) {
  const c = getFragmentData(CustomerIdentity_customer, props.customer);
  const address = [c.addressLine1, c.addressLine2, [c.postalCode, c.city].filter(Boolean).join(' '), c.region, c.country].filter(Boolean);
  return (
    <DetailList
      label="Identity"
      items={[
        ['Kind', KIND_LABELS[c.kind]],
        ['authId', <Text font="monospace">{c.authId}</Text>],
        ['Email', c.email],
        ['Phone', c.phone],
        ['First name', c.firstName],
        ['Last name', c.lastName],
        ['Locale', c.locale],
        ['Time zone', c.timeZone],
        [
          'Address',
          address.length > 0 ? (
            <>
              {address.map((line, i) => (
                <div key={i}>{line}</div>
              ))}
            </>
          ) : null,
        ],
        ['Source', SOURCE_LABELS[c.source]],
        ['Created', formatDateTime(c.createdAt)],
        ['Updated', formatDateTime(c.updatedAt)],
      ]}
    />
  );
}
