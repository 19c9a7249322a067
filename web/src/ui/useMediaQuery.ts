import { useCallback, useSyncExternalStore } from 'react';

/** Phones and narrow windows: the navigation becomes a menu, tables scroll inside themselves, forms stack. */
export const NARROW_SCREEN = '(max-width: 767px)';

/** Whether a CSS media query matches now, re-rendering when it changes (false where matchMedia is missing, as in jsdom). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}
