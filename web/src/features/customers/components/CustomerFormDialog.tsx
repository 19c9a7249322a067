import { useApolloClient } from '@apollo/client/react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import type { CustomerFieldType, CustomerFormDialog_CustomerFragment, CustomerIdentity, UpsertCustomerInput } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { useUpsertCustomer } from '../hooks/useUpsertCustomer';
import { fieldProblems } from './fieldProblems';
import { KIND_LABELS } from './labels';

export const CustomerFormDialog_customer = graphql(`
  fragment CustomerFormDialog_customer on Customer {
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
    fields
  }
`);

const CUSTOMER_BY_AUTH_ID = graphql(`
  query CustomerByAuthId($kind: CustomerIdentity!, $authId: String!) {
    customerByAuthId(kind: $kind, authId: $authId) {
      id
    }
  }
`);

/** A custom field as the form needs it. */
export type FieldDefinition = { name: string; label: string; type: CustomerFieldType };

const IDENTITY = [
  ['email', 'Email', 'ada@example.com'],
  ['phone', 'Phone', '+44 20 7946 0958'],
  ['firstName', 'First name', ''],
  ['lastName', 'Last name', ''],
] as const;
const MORE = [
  ['locale', 'Locale', 'en-GB'],
  ['timeZone', 'Time zone', 'Europe/London'],
  ['addressLine1', 'Address line 1', ''],
  ['addressLine2', 'Address line 2', ''],
  ['city', 'City', ''],
  ['postalCode', 'Postal code', ''],
  ['region', 'Region', ''],
  ['country', 'Country', 'GB'],
] as const;
type Column = (typeof IDENTITY)[number][0] | (typeof MORE)[number][0];
type Form = Record<Column | 'authId', string> & { kind: CustomerIdentity; fields: Record<string, string> };

const useStyles = makeStyles({
  // Two fields a line; one on a phone.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalL,
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  wide: { gridColumn: '1 / -1' },
});

/** A stored custom field value as the form edits it (text), and back. */
const fieldText = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
function fieldValue(type: CustomerFieldType, text: string): unknown {
  const value = text.trim();
  if (value === '') return null;
  switch (type) {
    case 'NUMBER':
    case 'DECIMAL':
      // Anything that is not a number goes as typed, so the server names the problem under the field.
      return value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'BOOLEAN':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'TEXT':
    case 'DATE':
    case 'DATETIME':
      return value;
  }
}

function initialForm(c: CustomerFormDialog_CustomerFragment | null, defs: readonly FieldDefinition[]): Form {
  const text = (v: string | null | undefined) => v ?? '';
  const stored: Record<string, unknown> = c?.fields ?? {};
  return {
    kind: c?.kind ?? 'CONTACT',
    authId: text(c?.authId),
    ...(Object.fromEntries([...IDENTITY, ...MORE].map(([key]) => [key, text(c?.[key])])) as Record<Column, string>),
    fields: Object.fromEntries(defs.map((d) => [d.name, fieldText(stored[d.name])])),
  };
}

/**
 * New customer (kind, authId, contact points, names) or the full edit of one (address, locale, custom
 * fields). The server checks every value; its problems show under the fields they concern.
 */
export function CustomerFormDialog(props: {
  open: boolean;
  customer?: FragmentType<typeof CustomerFormDialog_customer>;
  fieldDefinitions?: readonly FieldDefinition[];
  onClose: () => void;
  onSaved: (id: string, created: boolean) => void;
}) {
  const styles = useStyles();
  const existing = getFragmentData(CustomerFormDialog_customer, props.customer) ?? null;
  const defs = existing ? (props.fieldDefinitions ?? []) : [];
  const [form, setForm] = useState<Form>(() => initialForm(existing, defs));
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [upsert, { loading, error, reset }] = useUpsertCustomer();
  const apollo = useApolloClient();
  const problems = fieldProblems(error);
  if (duplicate) problems.authId = duplicate;
  const shown = new Set(['kind', 'authId', ...(existing ? [...IDENTITY, ...MORE] : IDENTITY).map(([key]) => key), ...defs.map((d) => `fields.${d.name}`)]);
  const unplaced = error && !Object.keys(problems).some((key) => shown.has(key)) ? errorInfo(error).message : null;

  const close = () => {
    setForm(initialForm(existing, defs));
    setDuplicate(null);
    reset();
    props.onClose();
  };
  const set = (key: Column | 'authId') => (_e: unknown, d: { value: string }) => setForm({ ...form, [key]: d.value });
  const invalid = (key: string) => (problems[key] ? { validationMessage: problems[key], validationState: 'error' as const } : {});

  const save = async () => {
    setDuplicate(null);
    const initial = initialForm(existing, defs);
    const input: UpsertCustomerInput = { kind: form.kind, authId: form.authId.trim() };
    for (const [key] of existing ? [...IDENTITY, ...MORE] : IDENTITY) if (!existing || form[key] !== initial[key]) input[key] = form[key].trim() || null;
    const fields = Object.fromEntries(defs.filter((d) => form.fields[d.name] !== initial.fields[d.name]).map((d) => [d.name, fieldValue(d.type, form.fields[d.name])]));
    if (Object.keys(fields).length > 0) input.fields = fields;
    try {
      if (!existing) {
        const found = await apollo.query({ query: CUSTOMER_BY_AUTH_ID, variables: { kind: form.kind, authId: input.authId }, fetchPolicy: 'network-only' });
        if (found.data?.customerByAuthId) {
          setDuplicate(`A ${KIND_LABELS[form.kind].toLowerCase()} with this authId already exists.`);
          return;
        }
      }
      const result = await upsert({ variables: { input } });
      const saved = result.data!.upsertCustomer;
      setDuplicate(null);
      props.onSaved(saved.customer.id, saved.created);
    } catch {
      // shown from `error` under the fields
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{existing ? 'Edit customer' : 'New customer'}</DialogTitle>
            <DialogContent className={styles.grid}>
              {unplaced && (
                <MessageBar intent="error" role="alert" className={styles.wide}>
                  <MessageBarBody>{unplaced}</MessageBarBody>
                </MessageBar>
              )}
              <Field label="Kind" required {...invalid('kind')} hint={existing ? 'Kind and authId identify the customer.' : undefined}>
                <Dropdown
                  disabled={!!existing}
                  value={KIND_LABELS[form.kind]}
                  selectedOptions={[form.kind]}
                  onOptionSelect={(_e, d) => d.optionValue && setForm({ ...form, kind: d.optionValue as CustomerIdentity })}
                >
                  {(Object.keys(KIND_LABELS) as CustomerIdentity[]).map((k) => (
                    <Option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label="authId" required {...invalid('authId')} hint={existing ? undefined : 'The id your events carry for this customer.'}>
                <Input value={form.authId} onChange={set('authId')} disabled={!!existing} maxLength={200} />
              </Field>
              {[...IDENTITY, ...(existing ? MORE : [])].map(([key, label, placeholder]) => (
                <Field key={key} label={label} {...invalid(key)}>
                  <Input value={form[key]} onChange={set(key)} placeholder={placeholder || undefined} />
                </Field>
              ))}
              {defs.map((d) => (
                <Field key={d.name} label={d.label} {...invalid(`fields.${d.name}`)}>
                  {d.type === 'BOOLEAN' ? (
                    <Dropdown
                      value={{ true: 'Yes', false: 'No' }[form.fields[d.name]] ?? '—'}
                      selectedOptions={[form.fields[d.name]]}
                      onOptionSelect={(_e, o) => setForm({ ...form, fields: { ...form.fields, [d.name]: o.optionValue ?? '' } })}
                    >
                      <Option value="">—</Option>
                      <Option value="true">Yes</Option>
                      <Option value="false">No</Option>
                    </Dropdown>
                  ) : (
                    <Input
                      type={d.type === 'DATE' ? 'date' : 'text'}
                      inputMode={d.type === 'NUMBER' || d.type === 'DECIMAL' ? 'decimal' : undefined}
                      placeholder={d.type === 'DATETIME' ? '2026-11-28T10:15:00Z' : undefined}
                      value={form.fields[d.name]}
                      onChange={(_e, v) => setForm({ ...form, fields: { ...form.fields, [d.name]: v.value } })}
                    />
                  )}
                </Field>
              ))}
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Cancel</Button>
              <Button appearance="primary" type="submit" disabled={loading || !form.authId.trim()}>
                {existing ? 'Save' : 'Create customer'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
