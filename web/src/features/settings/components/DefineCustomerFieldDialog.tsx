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
import type { CustomerFieldType } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { fieldProblems } from '../../customers/components/fieldProblems';
import { FIELD_TYPE_LABELS } from '../../customers/components/labels';
import { useDefineCustomerField } from '../hooks/useDefineCustomerField';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** A new custom field: API name, label, type. Names can’t change later, so the dialog says what they are for. */
export function DefineCustomerFieldDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<CustomerFieldType>('TEXT');
  const [define, { loading, error, reset }] = useDefineCustomerField();
  const problems = fieldProblems(error);
  const invalid = (key: string) => (problems[key] ? { validationMessage: problems[key], validationState: 'error' as const } : {});
  const close = () => {
    setName('');
    setLabel('');
    setType('TEXT');
    reset();
    onClose();
  };
  const save = async () => {
    try {
      await define({ variables: { input: { name: name.trim(), label: label.trim(), type } } });
      close();
    } catch {
      // shown under the fields
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && close()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>Define a customer field</DialogTitle>
            <DialogContent className={styles.body}>
              {error && !problems.name && !problems.label && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
                </MessageBar>
              )}
              <Field label="Name" required {...invalid('name')} hint="Used in the API, imports and templates ({{ contact.name }}): a letter, then letters, digits or _.">
                <Input value={name} maxLength={40} onChange={(_e, d) => setName(d.value)} placeholder="loyaltyTier" />
              </Field>
              <Field label="Label" required {...invalid('label')}>
                <Input value={label} maxLength={100} onChange={(_e, d) => setLabel(d.value)} placeholder="Loyalty tier" />
              </Field>
              <Field label="Type" {...invalid('type')}>
                <Dropdown value={FIELD_TYPE_LABELS[type]} selectedOptions={[type]} onOptionSelect={(_e, d) => d.optionValue && setType(d.optionValue as CustomerFieldType)}>
                  {(Object.keys(FIELD_TYPE_LABELS) as CustomerFieldType[]).map((t) => (
                    <Option key={t} value={t}>
                      {FIELD_TYPE_LABELS[t]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Cancel</Button>
              <Button appearance="primary" type="submit" disabled={loading || !name.trim() || !label.trim()}>
                Define field
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
