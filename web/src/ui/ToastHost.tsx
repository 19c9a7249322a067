import { Toast, ToastBody, Toaster, ToastTitle, useId, useToastController } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Notify } from './toast';

/** Fluent's toaster, loaded after the first render (toast.tsx); hands its `notify` to the provider once mounted. */
export function ToastHost({ onReady }: { onReady: (notify: Notify) => void }) {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  useEffect(
    () =>
      onReady((intent, title, body) =>
        dispatchToast(
          <Toast>
            <ToastTitle>{title}</ToastTitle>
            {body && <ToastBody>{body}</ToastBody>}
          </Toast>,
          { intent },
        ),
      ),
    [dispatchToast, onReady],
  );
  return <Toaster toasterId={toasterId} position="bottom-end" />;
}
