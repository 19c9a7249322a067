import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Subtitle2, Switch, Text, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { graphql } from '../../../gql';
import type { ContentChannel, QuietHoursTimeZone, Weekday } from '../../../gql/graphql';
import { ErrorState, Loading } from '../../../ui/AsyncState';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { CHANNEL_LABELS } from '../../customers/components/labels';
import { useSetFrequencyCap } from '../hooks/useSetFrequencyCap';
import { useSetQuietHours } from '../hooks/useSetQuietHours';

const CHANNEL_POLICIES = graphql(`
  query ChannelPolicies {
    channelSettings {
      channel
      frequencyCap {
        per24h
        per7d
        per30d
      }
      quietHours {
        start
        end
        days
        timeZoneMode
      }
    }
    viewer {
      workspace {
        id
        timeZone
      }
    }
  }
`);

const WINDOWS = [
  { key: 'per24h', label: 'Per 24 hours' },
  { key: 'per7d', label: 'Per 7 days' },
  { key: 'per30d', label: 'Per 30 days' },
] as const;
type CapKey = (typeof WINDOWS)[number]['key'];
const DAYS: { day: Weekday; label: string }[] = [
  { day: 'MON', label: 'Mon' },
  { day: 'TUE', label: 'Tue' },
  { day: 'WED', label: 'Wed' },
  { day: 'THU', label: 'Thu' },
  { day: 'FRI', label: 'Fri' },
  { day: 'SAT', label: 'Sat' },
  { day: 'SUN', label: 'Sun' },
];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_CAP = 1000;

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '80ch' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  days: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** A cap field's problem, checked as the server does: blank (no limit) or a whole number from 1 to 1000. */
const capProblem = (value: string) =>
  value.trim() === '' || (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= MAX_CAP) ? null : `A whole number from 1 to ${MAX_CAP}, or blank.`;

/**
 * A channel's send-time policies: the frequency cap (commercial messages per address over 24 h / 7 d / 30 d; a
 * capped message is blocked and the customer goes on) and quiet hours (messages held until the window ends, in
 * the customer's time zone or the workspace's). Admins only; shown in Settings → Channels.
 */
export function ChannelPolicies({ channel }: { channel: ContentChannel }) {
  const { data, loading, error, refetch } = useQuery(CHANNEL_POLICIES);
  if (loading && !data) return <Loading label="Loading policies…" />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const setting = data?.channelSettings.find((s) => s.channel === channel);
  if (!setting) return null;
  const cap = setting.frequencyCap ?? null;
  const quiet = setting.quietHours ?? null;
  const capKey = cap ? `${cap.per24h}|${cap.per7d}|${cap.per30d}` : 'none';
  const quietKey = quiet ? `${quiet.start}|${quiet.end}|${quiet.days.join(',')}|${quiet.timeZoneMode}` : 'none';
  return (
    <>
      <FrequencyCapForm key={capKey} channel={channel} cap={cap} />
      <QuietHoursForm key={quietKey} channel={channel} quiet={quiet} workspaceZone={data?.viewer.workspace?.timeZone ?? 'UTC'} />
    </>
  );
}

function FrequencyCapForm({ channel, cap }: { channel: ContentChannel; cap: Record<CapKey, number | null | undefined> | null }) {
  const styles = useStyles();
  const notify = useNotify();
  const [setCap, saving] = useSetFrequencyCap();
  const [values, setValues] = useState<Record<CapKey, string>>({
    per24h: String(cap?.per24h ?? ''),
    per7d: String(cap?.per7d ?? ''),
    per30d: String(cap?.per30d ?? ''),
  });
  const [problems, setProblems] = useState<Partial<Record<CapKey, string>>>({});
  const name = CHANNEL_LABELS[channel].toLowerCase();

  const save = async () => {
    const found = Object.fromEntries(WINDOWS.flatMap(({ key }) => (capProblem(values[key]) ? [[key, capProblem(values[key])]] : []))) as Partial<Record<CapKey, string>>;
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const limit = (v: string) => (v.trim() === '' ? null : Number(v));
    try {
      await setCap({ variables: { input: { channel, per24h: limit(values.per24h), per7d: limit(values.per7d), per30d: limit(values.per30d) } } });
      notify('success', `${CHANNEL_LABELS[channel]} frequency cap saved`);
    } catch (e) {
      const info = errorInfo(e);
      if (info.field && WINDOWS.some((w) => w.key === info.field)) setProblems({ [info.field]: info.message });
      else notify('error', 'Could not save the frequency cap', info.message);
    }
  };

  return (
    <form
      className={styles.block}
      aria-label={`${CHANNEL_LABELS[channel]} frequency cap`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h3">Frequency cap</Subtitle2>
      <Text size={200}>
        At most this many commercial {name} messages per {channel === 'PUSH' ? 'customer' : 'address'} in any rolling window; blank means no limit. A message over the cap is
        blocked and the customer goes on through the journey. Journeys can opt out (transactional messages).
      </Text>
      <div className={styles.row}>
        {WINDOWS.map(({ key, label }) => (
          <Field key={key} label={label} validationMessage={problems[key]} validationState={problems[key] ? 'error' : 'none'}>
            <Input inputMode="numeric" placeholder="No limit" value={values[key]} onChange={(_e, d) => setValues({ ...values, [key]: d.value })} />
          </Field>
        ))}
      </div>
      <div>
        <Button type="submit" disabledFocusable={saving.loading}>
          Save frequency cap
        </Button>
      </div>
    </form>
  );
}

type Quiet = { start: string; end: string; days: Weekday[]; timeZoneMode: QuietHoursTimeZone };

function QuietHoursForm({ channel, quiet, workspaceZone }: { channel: ContentChannel; quiet: Quiet | null; workspaceZone: string }) {
  const styles = useStyles();
  const notify = useNotify();
  const [setQuiet, saving] = useSetQuietHours();
  const [on, setOn] = useState(quiet !== null);
  const [draft, setDraft] = useState<Quiet>(quiet ?? { start: '21:00', end: '08:00', days: [], timeZoneMode: 'CUSTOMER' });
  const [problems, setProblems] = useState<Partial<Record<'start' | 'end' | 'days', string>>>({});
  const daysId = useId('days');

  const save = async () => {
    const found: typeof problems = {};
    if (on) {
      if (!HHMM.test(draft.start)) found.start = 'A time like 21:00 (24-hour clock).';
      if (!HHMM.test(draft.end)) found.end = 'A time like 08:00 (24-hour clock).';
      else if (draft.start === draft.end) found.end = 'Quiet hours end at a different time than they start.';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      await setQuiet({
        variables: {
          input: on ? { channel, start: draft.start, end: draft.end, days: draft.days, timeZoneMode: draft.timeZoneMode } : { channel, start: null, end: null, days: [] },
        },
      });
      notify('success', on ? `${CHANNEL_LABELS[channel]} quiet hours saved` : `${CHANNEL_LABELS[channel]} has no quiet hours`);
    } catch (e) {
      const info = errorInfo(e);
      if (info.field === 'start' || info.field === 'end' || info.field === 'days') setProblems({ [info.field]: info.message });
      else notify('error', 'Could not save the quiet hours', info.message);
    }
  };
  const toggleDay = (day: Weekday, checked: boolean) =>
    setDraft({ ...draft, days: checked ? DAYS.map((d) => d.day).filter((d) => d === day || draft.days.includes(d)) : draft.days.filter((d) => d !== day) });

  return (
    <form
      className={styles.block}
      aria-label={`${CHANNEL_LABELS[channel]} quiet hours`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h3">Quiet hours</Subtitle2>
      <Text size={200}>
        Messages due inside the window are held and go when it ends (the frequency cap is checked again then). A window ending before it starts runs past midnight.
      </Text>
      <Switch label="Hold messages during quiet hours" checked={on} onChange={(_e, d) => setOn(d.checked)} />
      {on && (
        <>
          <div className={styles.row}>
            <Field label="From" validationMessage={problems.start} validationState={problems.start ? 'error' : 'none'}>
              <Input placeholder="21:00" value={draft.start} onChange={(_e, d) => setDraft({ ...draft, start: d.value.trim() })} />
            </Field>
            <Field label="Until" validationMessage={problems.end} validationState={problems.end ? 'error' : 'none'}>
              <Input placeholder="08:00" value={draft.end} onChange={(_e, d) => setDraft({ ...draft, end: d.value.trim() })} />
            </Field>
          </div>
          {/* Not a Field: a Field gives its one control an id, and these are seven. */}
          <div role="group" aria-labelledby={daysId}>
            <Text id={daysId} weight="semibold" block>
              Starting on
            </Text>
            <div className={styles.days}>
              {DAYS.map(({ day, label }) => (
                <Checkbox key={day} label={label} checked={draft.days.includes(day)} onChange={(_e, d) => toggleDay(day, d.checked === true)} />
              ))}
            </div>
            <Text size={200}>{problems.days ?? 'None ticked: every day.'}</Text>
          </div>
          <Field label="Read on">
            <RadioGroup value={draft.timeZoneMode} onChange={(_e, d) => setDraft({ ...draft, timeZoneMode: d.value as QuietHoursTimeZone })}>
              <Radio value="CUSTOMER" label={`The customer’s clock (the workspace’s, ${workspaceZone}, when unknown)`} />
              <Radio value="WORKSPACE" label={`The workspace’s clock (${workspaceZone})`} />
            </RadioGroup>
          </Field>
        </>
      )}
      <div>
        <Button type="submit" disabledFocusable={saving.loading}>
          Save quiet hours
        </Button>
      </div>
    </form>
  );
}
