import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';

/**
 * The account menu of the shell, loaded when it is first opened (the shell shows its button until then). It mounts
 * open, which moves the focus into it as opening it with the keyboard does; closed, the focus returns to the button.
 */
export function AccountMenu(props: { trigger: ReactElement; email: string | undefined; onAccount: (() => void) | null; onSignOut: () => void }) {
  return (
    <Menu defaultOpen>
      <MenuTrigger disableButtonEnhancement>{props.trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem disabled>
            <Text>{props.email}</Text>
          </MenuItem>
          {props.onAccount && <MenuItem onClick={props.onAccount}>Account and password</MenuItem>}
          <MenuItem onClick={props.onSignOut}>Sign out</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
