import { Button, Dropdown, Field, Input, makeStyles, Option, Switch, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowDown20Regular, ArrowUp20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { AttributeType } from '../../../gql/graphql';
import { useState } from 'react';
import { draftProblems, MAX_ATTRIBUTES, move, newDraft, type AttributeDraft, type DraftField } from './attribute-drafts';
import { TYPE_LABELS } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // Fields wrap onto more lines as the container narrows (down to one column on a phone); the switch and the
  // row's buttons stay together and wrap below the fields when there is no room beside them.
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  fields: {
    flex: '1 1 28rem',
    minWidth: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  field: { minWidth: 0 },
  control: { width: '100%', minWidth: 0 },
  side: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actions: { display: 'flex' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/**
 * Add, remove, reorder and type attributes with inline validation and the 100-attribute count. A field's
 * problem shows under that field once it was left (blurred), or for every field once `showAllProblems` is set
 * (the form was submitted); a new empty row is not an error before anyone typed.
 */
export function AttributesEditor({ value, onChange, showAllProblems = false }: { value: AttributeDraft[]; onChange: (next: AttributeDraft[]) => void; showAllProblems?: boolean }) {
  const styles = useStyles();
  const problems = draftProblems(value);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (uid: string, field: DraftField) => setTouched((prev) => (prev.has(`${uid}:${field}`) ? prev : new Set(prev).add(`${uid}:${field}`)));
  const problemOf = (uid: string, field: DraftField) => (showAllProblems || touched.has(`${uid}:${field}`) ? problems.get(uid)?.[field] : undefined);
  const validation = (uid: string, field: DraftField) => {
    const message = problemOf(uid, field);
    return message ? { validationState: 'error' as const, validationMessage: message } : {};
  };
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
        <div key={d.uid} className={styles.row} role="group" aria-label={`Attribute ${i + 1}${d.name.trim() ? `: ${d.name.trim()}` : ''}`}>
          <div className={styles.fields}>
            <Field className={styles.field} label="Name" required {...validation(d.uid, 'name')}>
              <Input className={styles.control} value={d.name} onChange={(_e, v) => update(d.uid, { name: v.value })} onBlur={() => touch(d.uid, 'name')} />
            </Field>
            <Field className={styles.field} label="Display name">
              <Input className={styles.control} value={d.displayName} placeholder={d.name} onChange={(_e, v) => update(d.uid, { displayName: v.value })} />
            </Field>
            <Field className={styles.field} label="Type">
              <Dropdown
                className={styles.control}
                value={TYPE_LABELS[d.type]}
                selectedOptions={[d.type]}
                onOptionSelect={(_e, v) => update(d.uid, { type: v.optionValue as AttributeType })}
              >
                {Object.entries(TYPE_LABELS).map(([type, label]) => (
                  <Option key={type} value={type}>
                    {label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {d.type === 'TEXT' && (
              <Field className={styles.field} label="Max length" {...validation(d.uid, 'maxLength')}>
                <Input
                  className={styles.control}
                  type="number"
                  min={1}
                  max={32_000}
                  value={d.maxLength}
                  onChange={(_e, v) => update(d.uid, { maxLength: v.value })}
                  onBlur={() => touch(d.uid, 'maxLength')}
                />
              </Field>
            )}
            {d.type === 'ENTITY_REFERENCE' && (
              <Field className={styles.field} label="Entity" required {...validation(d.uid, 'entity')}>
                <Input
                  className={styles.control}
                  value={d.entity}
                  placeholder="order"
                  list="flare-entities"
                  onChange={(_e, v) => update(d.uid, { entity: v.value })}
                  onBlur={() => touch(d.uid, 'entity')}
                />
              </Field>
            )}
          </div>
          <div className={styles.side}>
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
              <Button
                appearance="subtle"
                aria-label={`Remove ${d.name || 'attribute'}`}
                icon={<Delete20Regular />}
                onClick={() => onChange(value.filter((x) => x.uid !== d.uid))}
              />
            </span>
          </div>
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
