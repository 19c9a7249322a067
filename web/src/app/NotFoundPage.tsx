import { Link } from 'react-router-dom';
import { EmptyState } from '../ui/AsyncState';
import { PageHeader } from '../ui/PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address.">
        <Link to="/triggers">Go to the trigger catalog</Link>
      </EmptyState>
    </>
  );
}
