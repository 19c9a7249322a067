import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router-dom';

// Loaded the first time someone is about to lose edits: no page needs the dialog to render.
const ConfirmDialog = lazy(() => import('./ConfirmDialog').then((module) => ({ default: module.ConfirmDialog })));

type UnsavedChanges = {
  /** Whether the page on screen has edits it has not saved. */
  isDirty: () => boolean;
  setDirty: (dirty: boolean) => void;
  /** Resolves true at once when nothing is unsaved; otherwise asks, and on "Leave" forgets the edits. */
  confirmDiscard: () => Promise<boolean>;
};

const Context = createContext<UnsavedChanges | null>(null);

/** Holds whether edits are unsaved, and the one "Leave without saving?" dialog every way out uses. */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(false);
  const [asking, setAsking] = useState<((leave: boolean) => void) | null>(null);
  const confirmDiscard = useCallback(() => (dirty.current ? new Promise<boolean>((resolve) => setAsking(() => resolve)) : Promise.resolve(true)), []);
  const value = useMemo<UnsavedChanges>(() => ({ isDirty: () => dirty.current, setDirty: (d) => (dirty.current = d), confirmDiscard }), [confirmDiscard]);
  const answer = (leave: boolean) => {
    if (leave) dirty.current = false;
    asking?.(leave);
    setAsking(null);
  };
  return (
    <Context.Provider value={value}>
      {children}
      {asking !== null && (
        <Suspense fallback={null}>
          <ConfirmDialog open title="Leave without saving?" confirmLabel="Leave" onConfirm={() => answer(true)} onCancel={() => answer(false)}>
            Your changes on this page have not been saved and will be lost.
          </ConfirmDialog>
        </Suspense>
      )}
    </Context.Provider>
  );
}

export function useUnsavedChanges(): UnsavedChanges {
  const value = useContext(Context);
  if (!value) throw new Error('useUnsavedChanges needs an UnsavedChangesProvider');
  return value;
}

/**
 * On an editing page: while `dirty`, going to another page of the app, switching workspace or signing out
 * asks first, and the browser asks before the tab is closed or reloaded.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const unsaved = useUnsavedChanges();
  useEffect(() => {
    unsaved.setDirty(dirty);
    return () => unsaved.setDirty(false);
  }, [dirty, unsaved]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved.isDirty() && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void unsaved.confirmDiscard().then((leave) => (leave ? blocker.proceed() : blocker.reset()));
  }, [blocker, unsaved]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return null;
}
