import { Button, Dropdown, Field, Input, makeStyles, Option, Switch, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowDown20Regular, ArrowUp20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { AttributeType } from '../../../gql/graphql';
import { draftProblems, MAX_ATTRIBUTES, move, newDraft, type AttributeDraft } from './attribute-drafts';
import { TYPE_LABELS } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr)) auto auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

/** Add, remove, reorder and type attributes with inline validation and the 100-attribute count. */
export function AttributesEditor({ value, onChange }: { value: AttributeDraft[]; onChange: (next: AttributeDraft[]) => void }) {
  const styles = useStyles();
  const problems = draftProblems(value);
  const update = (uid: string, patch: Partial<AttributeDraft>) => onChange(value.map((d) => (d.uid === uid ? { ...d, ...patch } : d)));
  const full = value.length >= MAX_ATTRIBUTES;
  return (
    <div className={styles.list}>
      <div className={styles.header}>
        <Text aria-live="polite">
          {value.length} / {MAX_ATTRIBUTES} attributes
        </Text>
        <Button icon={<Add20Regular />} disabled={full} onClick={() => onChange([...value, newDraft()])}>
          Add attribute
        </Button>
      </div>
      {value.length === 0 && <Text>No attributes yet. Events still carry the customer (authId); add attributes for branches and personalisation.</Text>}
      {value.map((d, i) => (
        <div key={d.uid} className={styles.row} role="group" aria-label={`Attribute ${i + 1}`}>
          <Field label="Name" required validationMessage={problems.get(d.uid)}>
            <Input value={d.name} onChange={(_e, v) => update(d.uid, { name: v.value })} />
          </Field>
          <Field label="Display name">
            <Input value={d.displayName} placeholder={d.name} onChange={(_e, v) => update(d.uid, { displayName: v.value })} />
          </Field>
          <Field label="Type">
            <Dropdown value={TYPE_LABELS[d.type]} selectedOptions={[d.type]} onOptionSelect={(_e, v) => update(d.uid, { type: v.optionValue as AttributeType })}>
              {Object.entries(TYPE_LABELS).map(([type, label]) => (
                <Option key={type} value={type}>
                  {label}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {d.type === 'TEXT' && (
            <Field label="Max length">
              <Input type="number" value={d.maxLength} onChange={(_e, v) => update(d.uid, { maxLength: v.value })} />
            </Field>
          )}
          {d.type === 'ENTITY_REFERENCE' && (
            <Field label="Entity">
              <Input value={d.entity} placeholder="order" list="flare-entities" onChange={(_e, v) => update(d.uid, { entity: v.value })} />
            </Field>
          )}
          {d.type !== 'TEXT' && d.type !== 'ENTITY_REFERENCE' && <span />}
          <Switch label="Required" labelPosition="above" checked={d.required} onChange={(_e, v) => update(d.uid, { required: v.checked })} />
          <span className={styles.actions}>
            <Button
              appearance="subtle"
              aria-label={`Move ${d.name || 'attribute'} up`}
              icon={<ArrowUp20Regular />}
              disabled={i === 0}
              onClick={() => onChange(move(value, i, -1))}
            />
            <Button
              appearance="subtle"
              aria-label={`Move ${d.name || 'attribute'} down`}
              icon={<ArrowDown20Regular />}
              disabled={i === value.length - 1}
              onClick={() => onChange(move(value, i, 1))}
            />
            <Button appearance="subtle" aria-label={`Remove ${d.name || 'attribute'}`} icon={<Delete20Regular />} onClick={() => onChange(value.filter((x) => x.uid !== d.uid))} />
          </span>
        </div>
      ))}
      <datalist id="flare-entities">
        {['order', 'product', 'contact', 'lead', 'account', 'store', 'booking', 'subscription'].map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
    </div>
  );
}
