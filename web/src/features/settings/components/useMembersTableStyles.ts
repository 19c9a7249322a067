import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Members and invitations tables: on a narrow screen the table scrolls inside its own box (the page never scrolls
 * sideways); columns keep a sensible width so the role dropdown stays inside its cell.
 */
export const useMembersTableStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '680px' },
  wrap: { overflowWrap: 'anywhere' },
  role: { width: '180px' },
  roleDropdown: { minWidth: '0', width: '100%', maxWidth: '170px' },
  actions: { width: '220px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalXS },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});
