import { useQuery } from '@apollo/client/react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { graphql } from '../../../gql';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { useSetWorkspaceTimeZone } from '../hooks/useSetWorkspaceTimeZone';

const WORKSPACE_TIME_ZONE = graphql(`
  query WorkspaceTimeZone {
    viewer {
      workspace {
        id
        timeZone
      }
    }
  }
`);

const useStyles = makeStyles({ form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' } });

/** Whether the browser knows `zone` as an IANA time zone (the server checks again). */
const knownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};

/** The workspace's time zone: quiet hours are read on it for customers without one (or when a channel says so). Admins. */
export function WorkspaceTimeZone() {
  const styles = useStyles();
  const notify = useNotify();
  const { data } = useQuery(WORKSPACE_TIME_ZONE);
  const saved = data?.viewer.workspace?.timeZone ?? null;
  if (saved === null) return null;
  return <TimeZoneForm key={saved} saved={saved} className={styles.form} notify={notify} />;
}

function TimeZoneForm({ saved, className, notify }: { saved: string; className: string; notify: ReturnType<typeof useNotify> }) {
  const [zone, setZone] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const [setTimeZone, saving] = useSetWorkspaceTimeZone();
  const save = async () => {
    if (!knownZone(zone.trim())) return setProblem('An IANA time zone, like Europe/Berlin or America/New_York.');
    setProblem(null);
    try {
      await setTimeZone({ variables: { input: { timeZone: zone.trim() } } });
      notify('success', `Workspace time zone: ${zone.trim()}`);
    } catch (e) {
      setProblem(errorInfo(e).message);
    }
  };
  return (
    <form
      className={className}
      aria-label="Workspace time zone"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label="Workspace time zone" hint="Quiet hours use it for customers without a time zone." validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Input value={zone} onChange={(_e, d) => setZone(d.value)} />
      </Field>
      <Button type="submit" disabledFocusable={saving.loading || zone.trim() === saved}>
        Save time zone
      </Button>
    </form>
  );
}
