import { EmptyState } from '../ui/AsyncState';
import { PageHeader } from '../ui/PageHeader';

/** A section of the product that is not built yet says so plainly instead of pretending. */
export function PlannedPage({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Not available yet">This part of Flare is being built and cannot be used in this version.</EmptyState>
    </>
  );
}
