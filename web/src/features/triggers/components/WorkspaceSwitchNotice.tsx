import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { storeWorkspaceId } from '../../../app/apollo';
import { useAuth } from '../../../app/auth';

/**
 * A shared link names the workspace it was copied in (`?workspace=`). Opened while another workspace is chosen,
 * the thing it points at is not found here; if the viewer belongs to that workspace, offer to switch to it
 * (the app starts again in the chosen workspace, on the same address). Renders `otherwise` when that does not apply.
 */
export function WorkspaceSwitchNotice({ workspaceId, what, otherwise }: { workspaceId: string | null; what: string; otherwise: ReactNode }) {
  const { viewer } = useAuth();
  const target = workspaceId && workspaceId !== viewer.workspace?.id ? viewer.memberships.find((m) => m.workspace.id === workspaceId) : undefined;
  if (!target) return <>{otherwise}</>;
  const open = () => {
    storeWorkspaceId(target.workspace.id);
    window.location.reload();
  };
  return (
    <MessageBar layout="multiline" intent="info">
      <MessageBarBody>
        <MessageBarTitle>This link is for the workspace “{target.workspace.name}”</MessageBarTitle>
        The {what} it opens is in that workspace, and you are working in “{viewer.workspace?.name ?? 'another workspace'}”.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={open}>
          Switch to {target.workspace.name}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
