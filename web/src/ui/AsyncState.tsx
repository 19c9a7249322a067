import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useInRouterContext, useLocation } from 'react-router-dom';
import { AppLink } from './AppLink';
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

/** Where each section's pages lead back to when the thing they show does not exist. */
const SECTIONS: Record<string, { what: string; list: string }> = {
  triggers: { what: 'trigger', list: 'the trigger catalog' },
  journeys: { what: 'journey', list: 'the journeys' },
  content: { what: 'content item', list: 'the content list' },
  customers: { what: 'customer', list: 'the customers' },
  inbox: { what: 'message', list: 'the inbox' },
};

/** The section an address belongs to (`/journeys/1/runs/2` → journeys), to offer a way back instead of a dead end. */
export function sectionOf(pathname: string): { path: string; what: string; list: string } | null {
  const first = pathname.split('/').filter(Boolean)[0];
  const section = first ? SECTIONS[first] : undefined;
  return first && section ? { path: `/${first}`, ...section } : null;
}

/** A page's subject does not exist (a wrong or old link, or it was deleted): say so and lead somewhere useful. */
export function NotFoundState({ title, children }: { title?: string; children?: ReactNode }) {
  const inRouter = useInRouterContext();
  return inRouter ? <RoutedNotFound title={title}>{children}</RoutedNotFound> : <EmptyState title={title ?? 'Not found'}>{children}</EmptyState>;
}

function RoutedNotFound({ title, children }: { title?: string; children?: ReactNode }) {
  const section = sectionOf(useLocation().pathname);
  return (
    <EmptyState title={title ?? (section ? `This ${section.what} does not exist` : 'There is nothing at this address')}>
      <Text>The link may be wrong or out of date, or it was deleted.</Text>
      {children}
      {section && <AppLink to={section.path}>Go to {section.list}</AppLink>}
      {section?.path !== '/triggers' && <AppLink to="/triggers">Go to the trigger catalog</AppLink>}
    </EmptyState>
  );
}

/**
 * A failed load: the message, and Retry when it may help. A NOT_FOUND answer is not a failure to retry but a dead
 * link, so it shows the not-found state with a way back to the section's list.
 */
export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const info = errorInfo(error);
  if (info.code === 'NOT_FOUND') return <NotFoundState />;
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
