import {
  Button,
  Card,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CustomerIdentity, TriggerCategory } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotify } from '../../../ui/toast';
import { draftProblems, keyFromTitle, toInput, type AttributeDraft } from '../components/attribute-drafts';
import { AllowedOperationsEditor, DEFAULT_OPERATIONS } from '../components/AllowedOperationsEditor';
import { AttributesEditor } from '../components/AttributesEditor';
import { CATEGORY_LABELS, IDENTITY_LABELS, TYPE_LABELS } from '../components/labels';
import { useCreateTrigger } from '../hooks/useCreateTrigger';
import { keyTakenMessage, titleTakenMessage, useKeyAvailability, useTitleAvailability } from '../hooks/useTitleAvailability';

const STEPS = ['details', 'identity', 'attributes', 'review'] as const;
type Step = (typeof STEPS)[number];
const STEP_LABELS: Record<Step, string> = { details: '1. Details', identity: '2. Customer', attributes: '3. Attributes', review: '4. Review' };
const SOURCES = ['Website', 'App', 'API', 'Checkout', 'Point of sale', 'Call center'];

const useStyles = makeStyles({
  card: {
    padding: `clamp(${tokens.spacingHorizontalM}, 3vw, ${tokens.spacingHorizontalXL})`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '1000px',
    minWidth: 0,
  },
  steps: { flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
  nav: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'flex-end', flexWrap: 'wrap' },
  review: { display: 'grid', gridTemplateColumns: 'minmax(6rem, 160px) minmax(0, 1fr)', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
});

/** details → customer identity and special attributes → attributes → review. */
export function CreateTriggerPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const notify = useNotify();
  const [step, setStep] = useState<Step>('details');
  const [title, setTitle] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<TriggerCategory>('TRANSACTION');
  const [source, setSource] = useState('Website');
  const [identity, setIdentity] = useState<CustomerIdentity>('CONTACT');
  const [attributes, setAttributes] = useState<AttributeDraft[]>([]);
  const [operations, setOperations] = useState(DEFAULT_OPERATIONS);
  const [create, { loading, error, reset }] = useCreateTrigger();
  const [attributesSubmitted, setAttributesSubmitted] = useState(false);
  const titleCheck = useTitleAvailability(title);
  const effectiveKey = key ?? keyFromTitle(title);
  const keyCheck = useKeyAvailability(effectiveKey);
  // A refusal from the server stands until the field it blames changes.
  const saveError = error ? errorInfo(error) : null;
  const changeTitle = (next: string) => {
    setTitle(next);
    if (saveError) reset();
  };
  const changeKey = (next: string) => {
    setKey(next);
    if (saveError) reset();
  };
  const keyError = keyCheck.taken ? keyTakenMessage(effectiveKey) : saveError?.field === 'key' ? saveError.message : null;

  const stepProblem: Record<Step, string | null> = {
    details: !title.trim()
      ? 'Give the trigger a title.'
      : titleCheck.taken
        ? 'Choose a title no other trigger has.'
        : keyError
          ? 'Choose another key.'
          : !/^[a-z][a-z0-9_]*$/.test(effectiveKey)
            ? 'The key must start with a lowercase letter; then lowercase letters, digits and underscores.'
            : !source.trim()
              ? 'Say where events come from.'
              : null,
    identity: null,
    attributes: draftProblems(attributes).size > 0 ? 'Fix the attribute fields marked in red.' : null,
    review: null,
  };
  const index = STEPS.indexOf(step);
  const blocked =
    STEPS.slice(0, index + 1)
      .map((s) => stepProblem[s])
      .find(Boolean) ?? null;

  const next = () => {
    if (step === 'attributes' && stepProblem.attributes) {
      setAttributesSubmitted(true);
      return;
    }
    const following = STEPS[index + 1];
    setStep(following);
    if (following === 'review') {
      void titleCheck.recheck();
      void keyCheck.recheck();
    }
  };

  const submit = async () => {
    // Someone may have taken the title since it was typed: ask again before creating.
    const [titleFree, keyFree] = await Promise.all([titleCheck.recheck(), keyCheck.recheck()]);
    if (titleFree === false || keyFree === false) return;
    try {
      const result = await create({
        variables: { input: { title, key: effectiveKey, description, category, source, identity, attributes: attributes.map(toInput), allowedOperations: operations } },
      });
      notify('success', 'Trigger created', 'Integrate it next: events make it Ready to use.');
      void navigate(`/triggers/${result.data!.createTrigger.trigger.id}`);
    } catch (e) {
      if (errorInfo(e).reason === 'TITLE_TAKEN') titleCheck.markTaken(title);
      if (errorInfo(e).reason === 'KEY_TAKEN') keyCheck.markTaken(effectiveKey);
      // shown below
    }
  };
  // A taken title or key shows on its field; attribute problems once Next was pressed; the review step's own bar below.
  const warning = step === 'review' || (step === 'details' && (titleCheck.taken || keyError)) || (step === 'attributes' && !attributesSubmitted) ? null : blocked;
  const titleMessage = titleCheck.taken ? titleTakenMessage(title) : null;

  return (
    <>
      <PageHeader title="New trigger" description="Define the signal; developers then send its events with the generated snippet." />
      <TabList className={styles.steps} selectedValue={step} onTabSelect={(_e, d) => setStep(d.value as Step)} aria-label="Steps">
        {STEPS.map((s, i) => (
          <Tab key={s} value={s} disabled={i > index && Boolean(blocked)}>
            {STEP_LABELS[s]}
          </Tab>
        ))}
      </TabList>
      <Card className={styles.card}>
        {step === 'details' && (
          <>
            <Field
              label="Title"
              required
              hint={titleCheck.checking ? 'Checking that no other trigger has this title…' : 'Short and descriptive, unique in the catalog.'}
              {...(titleMessage ? { validationState: 'error' as const, validationMessage: titleMessage } : {})}
            >
              <Input value={title} maxLength={120} onChange={(_e, d) => changeTitle(d.value)} />
            </Field>
            <Field
              label="Key"
              hint="Used in code and events. Cannot change after creation."
              {...(keyError ? { validationState: 'error' as const, validationMessage: keyError } : {})}
            >
              <Input value={effectiveKey} onChange={(_e, d) => changeKey(d.value)} />
            </Field>
            <Field label="Description" hint="Helps others find the right trigger.">
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
            <Field label="Source" hint="Where events come from.">
              <Input value={source} list="flare-sources" maxLength={80} onChange={(_e, d) => setSource(d.value)} />
            </Field>
            <datalist id="flare-sources">
              {SOURCES.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        )}
        {step === 'identity' && (
          <>
            <Field label="Who does the event happen to? (authId)">
              <RadioGroup value={identity} onChange={(_e, d) => setIdentity(d.value as CustomerIdentity)}>
                <Radio value="CONTACT" label="A contact — authId is the contact id" />
                <Radio value="LEAD" label="A lead — authId is the lead id" />
                <Radio value="PROFILE" label="A customer profile — authId is the profile id, with email and phone fallbacks" />
              </RadioGroup>
            </Field>
            <Text>
              Every event carries <code>authId</code>.{' '}
              {identity === 'PROFILE' && (
                <>
                  It can also carry <code>contactpoint_email</code> and <code>contactpoint_phone</code>, used when the full profile is not available.
                </>
              )}
            </Text>
            <Text weight="semibold">Allowed operations</Text>
            <Text size={200}>Which identifiers external systems may use with this trigger. The defaults suit most triggers.</Text>
            <AllowedOperationsEditor value={operations} onChange={setOperations} />
          </>
        )}
        {step === 'attributes' && <AttributesEditor value={attributes} onChange={setAttributes} showAllProblems={attributesSubmitted} />}
        {step === 'review' && (
          <div className={styles.review}>
            <Text weight="semibold">Title</Text>
            <Text>{title}</Text>
            <Text weight="semibold">Key</Text>
            <Text font="monospace">{effectiveKey}</Text>
            <Text weight="semibold">Category</Text>
            <Text>{CATEGORY_LABELS[category]}</Text>
            <Text weight="semibold">Source</Text>
            <Text>{source}</Text>
            <Text weight="semibold">Customer</Text>
            <Text>{IDENTITY_LABELS[identity]}</Text>
            <Text weight="semibold">Attributes</Text>
            <Text>{attributes.length === 0 ? 'None' : attributes.map((a) => `${a.name} (${TYPE_LABELS[a.type]}${a.required ? ', required' : ''})`).join(', ')}</Text>
          </div>
        )}
        {warning && (
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>{warning}</MessageBarBody>
          </MessageBar>
        )}
        {step === 'review' && (titleMessage || keyError || saveError) && (
          <MessageBar layout="multiline" intent="error" role="alert">
            <MessageBarBody>{titleMessage ?? keyError ?? saveError?.message}</MessageBarBody>
            {(titleMessage || keyError || saveError?.field === 'title') && (
              <MessageBarActions>
                <Button onClick={() => setStep('details')}>Change it</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        <div className={styles.nav}>
          <Button onClick={() => (index === 0 ? navigate('/triggers') : setStep(STEPS[index - 1]))}>{index === 0 ? 'Cancel' : 'Back'}</Button>
          {step !== 'review' ? (
            <Button appearance="primary" disabled={Boolean(blocked) && step !== 'attributes'} onClick={next}>
              Next
            </Button>
          ) : (
            <Button appearance="primary" disabled={loading || Boolean(blocked) || Boolean(saveError)} onClick={() => void submit()}>
              {loading ? 'Creating…' : 'Create trigger'}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
