import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * While there are unsaved edits: leaving for another page of the app asks first, and the browser asks
 * before the tab is closed or reloaded.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <ConfirmDialog open={blocker.state === 'blocked'} title="Leave without saving?" confirmLabel="Leave" onConfirm={() => blocker.proceed?.()} onCancel={() => blocker.reset?.()}>
      Your changes on this page have not been saved and will be lost.
    </ConfirmDialog>
  );
}
