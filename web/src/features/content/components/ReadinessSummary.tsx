import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../ui/format';

export type Problem = { field: string; code: string; message: string };

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL } });

/**
 * What keeps the content from being ready to send, each problem a link that moves focus to its field (where the
 * same problem is shown under the field). `labels` names the fields; `fieldId` gives each field's element id.
 */
export function ReadinessSummary(props: { problems: Problem[]; labels: Record<string, string>; fieldId: (field: string) => string }) {
  const styles = useStyles();
  if (props.problems.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Ready to send once you mark it so: nothing to fix.</MessageBarBody>
      </MessageBar>
    );
  }
  const focus = (field: string) => {
    const el = document.getElementById(props.fieldId(field));
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  };
  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Readiness problems">
      <MessageBarBody>
        <MessageBarTitle>{formatCount(props.problems.length, 'problem')} to fix before this can be sent</MessageBarTitle>
        <ul className={styles.list}>
          {props.problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              <Link as="button" onClick={() => focus(p.field)}>
                {props.labels[p.field] ?? p.field}
              </Link>
              : {p.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
