import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ContentChannel } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { useCreateContent } from '../hooks/useCreateContent';

export const MAX_CONTENT_NAME = 120;

export const CHANNEL_CHOICES: Record<ContentChannel, string> = { EMAIL: 'Email', TEXT: 'Text message', PUSH: 'Push notification' };

/** What is wrong with a name before it is sent (the API checks the same: 1–120 characters once trimmed), or null. */
export function contentNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the message a name.';
  if (trimmed.length > MAX_CONTENT_NAME) return `A name has at most ${MAX_CONTENT_NAME} characters.`;
  return null;
}

/**
 * Asks for the new message's name and kind before anything is saved: the name is required, Enter creates it, and
 * what the server refuses shows under the field it concerns. Then the editor opens on the new draft.
 */
export function NewContentDialog(props: { open: boolean; channel?: ContentChannel; onClose: () => void }) {
  const navigate = useNavigate();
  const [create, creating] = useCreateContent();
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<ContentChannel>(props.channel ?? 'EMAIL');
  const [touched, setTouched] = useState(false);
  const [refused, setRefused] = useState<{ field: 'name' | 'channel' | null; name: string; message: string } | null>(null);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) {
      setName('');
      setChannel(props.channel ?? 'EMAIL');
      setTouched(false);
      setRefused(null);
    }
  }
  const problem = contentNameProblem(name);
  const nameMessage = (touched && problem) || (refused && refused.field === 'name' && refused.name === name.trim() ? refused.message : null);
  const channelMessage = refused?.field === 'channel' ? refused.message : null;
  const otherMessage = refused && refused.field === null ? refused.message : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || creating.loading) return;
    const trimmed = name.trim();
    try {
      const result = await create({ variables: { input: { channel, name: trimmed } } });
      props.onClose();
      void navigate(`/content/${result.data!.createContent.content.id}`);
    } catch (error) {
      const info = errorInfo(error);
      setRefused({ field: info.field === 'channel' ? 'channel' : info.field === 'name' || info.reason === 'INVALID_NAME' ? 'name' : null, name: trimmed, message: info.message });
    }
  };

  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>New {props.channel ? CHANNEL_CHOICES[props.channel].toLowerCase() : 'message'}</DialogTitle>
            <DialogContent>
              <Field
                label="Name"
                required
                hint="Only your team sees it, e.g. “Cart reminder”."
                validationState={nameMessage ? 'error' : 'none'}
                validationMessage={nameMessage ?? undefined}
              >
                <Input
                  value={name}
                  maxLength={MAX_CONTENT_NAME + 20}
                  onChange={(_e, d) => {
                    setName(d.value);
                    setTouched(true);
                  }}
                />
              </Field>
              {!props.channel && (
                <Field label="Kind" required validationState={channelMessage ? 'error' : 'none'} validationMessage={channelMessage ?? undefined}>
                  <RadioGroup value={channel} onChange={(_e, d) => setChannel(d.value as ContentChannel)}>
                    {(Object.keys(CHANNEL_CHOICES) as ContentChannel[]).map((c) => (
                      <Radio key={c} value={c} label={CHANNEL_CHOICES[c]} />
                    ))}
                  </RadioGroup>
                </Field>
              )}
              {(otherMessage ?? (props.channel && channelMessage)) && (
                <MessageBar intent="error">
                  <MessageBarBody>{otherMessage ?? channelMessage}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={creating.loading}>
                {creating.loading ? 'Creating…' : 'Create and edit'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
