import { Field, Input } from '@fluentui/react-components';

/** The policy of sign-up, change and reset (api/src/accounts/password.ts). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** A problem with the new password and its repetition, or null when both are fine. */
export function newPasswordProblem(password: string, repeated: string): { field: 'password' | 'repeated'; message: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { field: 'password', message: `At least ${MIN_PASSWORD_LENGTH} characters.` };
  if (password.length > MAX_PASSWORD_LENGTH) return { field: 'password', message: `At most ${MAX_PASSWORD_LENGTH} characters.` };
  if (password !== repeated) return { field: 'repeated', message: 'The two passwords differ.' };
  return null;
}

/**
 * New password and its repetition, with the policy shown as a hint and the problem shown once the person has
 * typed something (never red before anyone typed). `serverError` is the server's word on the new password.
 */
export function NewPasswordFields(props: { password: string; repeated: string; onPassword: (v: string) => void; onRepeated: (v: string) => void; serverError?: string | null }) {
  const problem = newPasswordProblem(props.password, props.repeated);
  const passwordError = props.serverError ?? (props.password && problem?.field === 'password' ? problem.message : undefined);
  const repeatedError = props.repeated && problem?.field === 'repeated' ? problem.message : undefined;
  return (
    <>
      <Field label="New password" required hint={`${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`} validationMessage={passwordError}>
        <Input type="password" autoComplete="new-password" value={props.password} onChange={(_e, d) => props.onPassword(d.value)} />
      </Field>
      <Field label="Repeat the new password" required validationMessage={repeatedError}>
        <Input type="password" autoComplete="new-password" value={props.repeated} onChange={(_e, d) => props.onRepeated(d.value)} />
      </Field>
    </>
  );
}
