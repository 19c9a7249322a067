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
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { getFragmentData, type FragmentType } from '../../../gql';
import type { CustomerIdentity, TriggerCategory } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { titleTakenMessage, useTitleAvailability } from '../hooks/useTitleAvailability';
import { useUpdateTrigger } from '../hooks/useUpdateTrigger';
import { draftProblems, fromAttribute, toInput } from './attribute-drafts';
import { AllowedOperationsEditor } from './AllowedOperationsEditor';
import { AttributesEditor } from './AttributesEditor';
import { CATEGORY_LABELS, IDENTITY_LABELS } from './labels';
import { TriggerDetails_trigger } from './TriggerDetails';

const useStyles = makeStyles({ surface: { maxWidth: '1100px', width: '95vw' }, body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Edits save a new version based on the one shown; a concurrent edit is refused, never overwritten. */
export function EditTriggerDialog(props: { open: boolean; trigger: FragmentType<typeof TriggerDetails_trigger>; onClose: () => void }) {
  const styles = useStyles();
  const notify = useNotify();
  const t = getFragmentData(TriggerDetails_trigger, props.trigger);
  const [title, setTitle] = useState(t.title);
  const [description, setDescription] = useState(t.description);
  const [category, setCategory] = useState<TriggerCategory>(t.category);
  const [identity, setIdentity] = useState<CustomerIdentity>(t.identity);
  const [source, setSource] = useState(t.source);
  const [attributes, setAttributes] = useState(() => t.currentVersion.attributes.map(fromAttribute));
  const [operations, setOperations] = useState(() => t.currentVersion.allowedOperations.map(({ identifier, read, write }) => ({ identifier, read, write })));
  const [update, { loading, error, reset }] = useUpdateTrigger();
  const [submitted, setSubmitted] = useState(false);
  const titleCheck = useTitleAvailability(title, t.id);
  const titleMessage = !title.trim() ? (submitted ? 'Give the trigger a title.' : null) : titleCheck.taken ? titleTakenMessage(title) : null;
  const attributeProblems = draftProblems(attributes).size;

  const save = async () => {
    setSubmitted(true);
    if (attributeProblems > 0 || titleMessage || !title.trim()) return;
    try {
      const result = await update({
        variables: {
          input: { id: t.id, baseVersion: t.latestVersion, title, description, category, identity, source, attributes: attributes.map(toInput), allowedOperations: operations },
        },
      });
      const version = result.data!.updateTrigger.version;
      notify(
        'success',
        `Saved as version ${version.number}`,
        `${version.breaking ? 'This version breaks existing event senders. ' : ''}Editing is locked and the version usable by journeys in one hour.`,
      );
      reset();
      props.onClose();
    } catch (e) {
      if (errorInfo(e).reason === 'TITLE_TAKEN') titleCheck.markTaken(title);
      // shown below
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            Edit {t.title} (based on v{t.latestVersion})
          </DialogTitle>
          <DialogContent className={styles.body}>
            <MessageBar layout="multiline" intent="info">
              <MessageBarBody>
                Saving creates version {t.latestVersion + 1}. Afterwards the trigger can’t be edited for an hour, and journeys can use the new version one hour after saving.
              </MessageBarBody>
            </MessageBar>
            {error && (
              <MessageBar layout="multiline" intent="error" role="alert">
                <MessageBarBody>{errorInfo(error).message}</MessageBarBody>
              </MessageBar>
            )}
            <Field label="Title" required {...(titleMessage ? { validationState: 'error' as const, validationMessage: titleMessage } : {})}>
              <Input
                value={title}
                maxLength={120}
                onChange={(_e, d) => {
                  setTitle(d.value);
                  if (error) reset();
                }}
              />
            </Field>
            <Field label="Description">
              <Textarea value={description} maxLength={2000} onChange={(_e, d) => setDescription(d.value)} />
            </Field>
            <Field label="Category">
              <Dropdown value={CATEGORY_LABELS[category]} selectedOptions={[category]} onOptionSelect={(_e, d) => setCategory(d.optionValue as TriggerCategory)}>
                {Object.entries(CATEGORY_LABELS).map(([v, l]) => (
                  <Option key={v} value={v}>
                    {l}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Customer (authId)" hint="Changing it breaks existing event senders.">
              <Dropdown value={IDENTITY_LABELS[identity]} selectedOptions={[identity]} onOptionSelect={(_e, d) => setIdentity(d.optionValue as CustomerIdentity)}>
                {Object.entries(IDENTITY_LABELS).map(([v, l]) => (
                  <Option key={v} value={v}>
                    {l}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Source">
              <Input value={source} maxLength={80} onChange={(_e, d) => setSource(d.value)} />
            </Field>
            <AttributesEditor value={attributes} onChange={setAttributes} showAllProblems={submitted} />
            {submitted && attributeProblems > 0 && (
              <MessageBar layout="multiline" intent="warning">
                <MessageBarBody>Fix the attribute fields marked in red.</MessageBarBody>
              </MessageBar>
            )}
            <Text weight="semibold">Allowed operations</Text>
            <Text size={200}>Removing permission to send events breaks senders using that identifier.</Text>
            <AllowedOperationsEditor value={operations} onChange={setOperations} />
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Cancel</Button>
            <Button appearance="primary" disabled={loading} onClick={save}>
              Save new version
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
