import { useEffect } from 'react';

/** Fired by Fluent's focus manager (tabster) when focus inside a dialog or drawer is lost: the dialog closed. */
const RESTORE_FOCUS_EVENT = 'tabster:restorer:restore-focus';

const inDialog = (element: Element) => element.closest('[role="dialog"], [role="alertdialog"]') !== null;

/**
 * Gives the focus back to the element that had it before a dialog opened, once the dialog closes (Escape, Cancel,
 * Done, a click outside). Fluent does this only for openers marked with `useRestoreFocusTarget()`; most of our
 * dialogs are opened by plain buttons, menu items and table-row actions, and without this the focus fell to the
 * page's body — a keyboard user had to start again from the top. Mounted once, by the app shell.
 */
export function useDialogFocusReturn() {
  useEffect(() => {
    let opener: HTMLElement | null = null;
    // The dialog the focus was last in: when the focused button inside it is replaced (Create key → Done), the
    // dialog is still open and the focus must stay in it, not go back to the page behind (which would hide it).
    let lastDialog: HTMLElement | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const remember = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || target === document.body) return;
      lastDialog = target.closest<HTMLElement>('[role="dialog"], [role="alertdialog"]');
      if (!lastDialog) opener = target;
    };
    const restore = (event: Event) => {
      // The element that lost the focus (the dialog's surface), or the body once the dialog has been removed.
      const source = event.composedPath()[0];
      clearTimeout(timer);
      // After Fluent's own restorer (which runs on the next tick) and React's unmount of the dialog.
      timer = setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        // A dialog still on screen (a click on empty space outside a popover) keeps things as they are.
        if (source instanceof Element && source !== document.body && source.isConnected) return;
        if (lastDialog?.isConnected) return lastDialog.focus();
        if (opener?.isConnected && !inDialog(opener)) opener.focus();
      }, 50);
    };
    document.addEventListener('focusin', remember);
    window.addEventListener(RESTORE_FOCUS_EVENT, restore);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusin', remember);
      window.removeEventListener(RESTORE_FOCUS_EVENT, restore);
    };
  }, []);
}
