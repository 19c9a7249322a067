import { Button, Checkbox, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SmtpSecurity } from '../../../gql/graphql';
import { errorInfo } from '../../../ui/errors';
import { useNotify } from '../../../ui/toast';
import { useSetSmtpChannel } from '../hooks/useSetSmtpChannel';
import { fieldProblem, looksLikeEmail, SECURITY_LABELS } from './labels';

type Smtp = { host: string; port: number; security: SmtpSecurity; username?: string | null; hasPassword: boolean; fromName: string; fromAddress: string; replyTo?: string | null };
type Values = { host: string; port: string; security: SmtpSecurity; username: string; password: string; fromName: string; fromAddress: string; replyTo: string };
type Key = keyof Values;
const KEYS: readonly Key[] = ['host', 'port', 'security', 'username', 'password', 'fromName', 'fromAddress', 'replyTo'];

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalL, maxWidth: '900px' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalM },
});

const valuesOf = (s: Smtp | null): Values => ({
  host: s?.host ?? '',
  port: String(s?.port ?? 587),
  security: s?.security ?? 'STARTTLS',
  username: s?.username ?? '',
  password: '',
  fromName: s?.fromName ?? '',
  fromAddress: s?.fromAddress ?? '',
  replyTo: s?.replyTo ?? '',
});

function check(v: Values): Partial<Record<Key, string>> {
  const problems: Partial<Record<Key, string>> = {};
  if (!v.host.trim() || /\s/.test(v.host.trim())) problems.host = 'Give the server’s host name, like smtp.example.com.';
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) problems.port = 'A number from 1 to 65535 (usually 587, or 465 with TLS).';
  if (!v.fromName.trim()) problems.fromName = 'Give the name recipients see.';
  if (!looksLikeEmail(v.fromAddress)) problems.fromAddress = 'Give a valid email address.';
  if (v.replyTo.trim() && !looksLikeEmail(v.replyTo)) problems.replyTo = 'Give a valid email address, or leave it empty.';
  return problems;
}

/** Email over an SMTP server. The password is write-only: empty keeps the stored one. */
export function SmtpForm({ smtp, onDirtyChange }: { smtp: Smtp | null; onDirtyChange: (dirty: boolean) => void }) {
  const styles = useStyles();
  const notify = useNotify();
  const [values, setValues] = useState(() => valuesOf(smtp));
  const [removePassword, setRemovePassword] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<Key, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [save, saving] = useSetSmtpChannel();
  const saved = valuesOf(smtp);
  const dirty = removePassword || KEYS.some((k) => values[k] !== saved[k]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const set = (key: Key) => (_e: unknown, d: { value: string }) => {
    setValues({ ...values, [key]: d.value });
    setProblems({ ...problems, [key]: undefined });
  };
  const field = (key: Key) => ({ validationMessage: problems[key], validationState: problems[key] ? ('error' as const) : ('none' as const) });

  const submit = async () => {
    const found = check(values);
    setProblems(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    try {
      await save({
        variables: {
          input: {
            host: values.host.trim(),
            port: Number(values.port),
            security: values.security,
            username: values.username.trim() || null,
            // Omitted keeps the stored password; "" removes it.
            ...(removePassword ? { password: '' } : values.password ? { password: values.password } : {}),
            fromName: values.fromName.trim(),
            fromAddress: values.fromAddress.trim(),
            replyTo: values.replyTo.trim() || null,
          },
        },
      });
      setValues({ ...values, password: '' });
      setRemovePassword(false);
      notify('success', 'Email goes through the SMTP server');
    } catch (e) {
      const info = errorInfo(e);
      const onField = fieldProblem(info, KEYS);
      if (onField) setProblems({ [onField.field]: onField.message });
      else setFormError(info.message);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label="SMTP server"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Host" required {...field('host')}>
        <Input value={values.host} onChange={set('host')} placeholder="smtp.example.com" />
      </Field>
      <Field label="Port" required {...field('port')}>
        <Input type="number" min={1} max={65535} value={values.port} onChange={set('port')} />
      </Field>
      <Field label="Security" {...field('security')}>
        <Dropdown
          value={SECURITY_LABELS[values.security]}
          selectedOptions={[values.security]}
          onOptionSelect={(_e, d) => d.optionValue && setValues({ ...values, security: d.optionValue as SmtpSecurity })}
        >
          {(Object.keys(SECURITY_LABELS) as SmtpSecurity[]).map((s) => (
            <Option key={s} value={s}>
              {SECURITY_LABELS[s]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="User name" hint="Leave empty when the server needs no login." {...field('username')}>
        <Input value={values.username} onChange={set('username')} autoComplete="off" />
      </Field>
      <Field
        label="Password"
        hint={smtp?.hasPassword ? 'A password is stored (encrypted). Leave empty to keep it.' : 'No password is stored. Stored encrypted; never shown again.'}
        {...field('password')}
      >
        <Input type="password" value={values.password} onChange={set('password')} disabled={removePassword} autoComplete="new-password" />
      </Field>
      {smtp?.hasPassword && <Checkbox label="Remove the stored password" checked={removePassword} onChange={(_e, d) => setRemovePassword(d.checked === true)} />}
      <Field label="Sender name" required {...field('fromName')}>
        <Input value={values.fromName} onChange={set('fromName')} placeholder="Contoso Shop" />
      </Field>
      <Field label="Sender address" required {...field('fromAddress')}>
        <Input type="email" value={values.fromAddress} onChange={set('fromAddress')} placeholder="news@shop.example.com" />
      </Field>
      <Field label="Reply-to" hint="Optional." {...field('replyTo')}>
        <Input type="email" value={values.replyTo} onChange={set('replyTo')} />
      </Field>
      {formError && (
        <MessageBar intent="error" className={styles.actions}>
          <MessageBarBody>{formError}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving.loading || (!dirty && smtp !== null)}>
          Save SMTP settings
        </Button>
      </div>
    </form>
  );
}
