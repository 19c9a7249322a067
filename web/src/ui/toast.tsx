import { createContext, lazy, Suspense, useCallback, useContext, useRef, type ReactNode } from 'react';

export type Notify = (intent: 'success' | 'error' | 'info', title: string, body?: string) => void;
const NotifyContext = createContext<Notify>(() => {});

// The toaster is not needed to draw a page: it loads right after, and a toast sent before it is ready waits.
const ToastHost = lazy(() => import('./ToastHost').then((module) => ({ default: module.ToastHost })));

export function ToastProvider({ children }: { children: ReactNode }) {
  const host = useRef<Notify | null>(null);
  const waiting = useRef<Parameters<Notify>[]>([]);
  const notify = useCallback<Notify>((...toast) => (host.current ? host.current(...toast) : void waiting.current.push(toast)), []);
  const onReady = useCallback((ready: Notify) => {
    host.current = ready;
    for (const toast of waiting.current.splice(0)) ready(...toast);
  }, []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Suspense fallback={null}>
        <ToastHost onReady={onReady} />
      </Suspense>
    </NotifyContext.Provider>
  );
}

export const useNotify = () => useContext(NotifyContext);
