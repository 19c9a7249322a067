import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorInfo } from './errors';

const useStyles = makeStyles({
  center: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalM, padding: tokens.spacingVerticalXXL },
});

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className={useStyles().center}>
      <Spinner label={label} />
    </div>
  );
}

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const info = errorInfo(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {info.message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={useStyles().center}>
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {children}
    </div>
  );
}
