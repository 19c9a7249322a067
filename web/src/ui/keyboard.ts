import type { KeyboardEvent } from 'react';

/** For elements with role="button" that are not <button>s: Enter and Space activate them, as they would a button. */
export const activateOnKey = (activate: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  activate();
};
