import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { Placement } from './journey-graph';

const CHOICES: { value: Placement; label: string }[] = [
  { value: 'yes', label: 'Put the following steps on the Yes path' },
  { value: 'no', label: 'Put the following steps on the No path' },
  { value: 'join', label: 'Put the following steps after both paths join' },
];

/** Inserting a branch in the middle of a path asks where the steps that followed go: its yes path, its no path, or after both. */
export function BranchPlacementDialog(props: { open: boolean; branch: string; onChoose: (placement: Placement) => void; onCancel: () => void }) {
  const [placement, setPlacement] = useState<Placement>('join');
  const hintId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onChoose(placement);
  };
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Where do the following steps go?</DialogTitle>
            <DialogContent>
              <Text block id={hintId}>
                Steps follow where you are adding the {props.branch.toLowerCase()}. Choose the path they continue on.
              </Text>
              <RadioGroup aria-labelledby={hintId} value={placement} onChange={(_e, d) => setPlacement(d.value as Placement)}>
                {CHOICES.map((c) => (
                  <Radio key={c.value} value={c.value} label={c.label} />
                ))}
              </RadioGroup>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onCancel}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit">
                Add {props.branch.toLowerCase()}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
