import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router-dom';

/**
 * A Fluent-styled link that is one real <a href> (one tab stop, Enter follows it, middle-click opens a tab) and
 * navigates inside the app on a plain click — unlike a Fluent `Link as="span"` around a router link, which adds a
 * second, role="button" tab stop.
 */
export function AppLink({ to, children }: { to: string; children: ReactNode }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link href={href} onClick={onClick}>
      {children}
    </Link>
  );
}
