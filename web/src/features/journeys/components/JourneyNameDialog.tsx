import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

export const MAX_JOURNEY_NAME = 120;

/** What is wrong with a journey name before it is sent (the API says the same: 1–120 characters once trimmed), or null. */
export function journeyNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the journey a name.';
  if (trimmed.length > MAX_JOURNEY_NAME) return `A name has at most ${MAX_JOURNEY_NAME} characters.`;
  return null;
}

/**
 * Asks for a journey's name (a new journey, or a rename): a required Name field, Enter submits. Empty or too long names are
 * refused here; what the server refuses (e.g. a name already taken) comes back as `error` and shows under the field.
 */
export function JourneyNameDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  initial?: string;
  busy?: boolean;
  /** The server's refusal of a submitted name; shown while that name is in the field. */
  error?: { name: string; message: string } | null;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.initial ?? '');
  const [touched, setTouched] = useState(false);
  // Reopening starts again from the initial name.
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) {
      setName(props.initial ?? '');
      setTouched(false);
    }
  }
  const problem = journeyNameProblem(name);
  const shown = (touched && problem) || (props.error && props.error.name === name.trim() ? props.error.message : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!problem && !props.busy) props.onSubmit(name.trim());
  };
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent>
              <Field label="Name" required validationState={shown ? 'error' : 'none'} validationMessage={shown ?? undefined}>
                <Input
                  value={name}
                  maxLength={MAX_JOURNEY_NAME + 20}
                  onChange={(_e, d) => {
                    setName(d.value);
                    setTouched(true);
                  }}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={props.busy}>
                {props.confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
