import { NotFoundState } from '../ui/AsyncState';
import { PageHeader } from '../ui/PageHeader';

/** An address no route matches: say so, with links back into the app (no dead end). */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <NotFoundState />
    </>
  );
}
