import { makeStyles, tokens } from '@fluentui/react-components';

/** Below this width each table row becomes a card (label: value lines), so nothing scrolls sideways. */
const NARROW = '@media (max-width: 640px)';

/**
 * Members and invitations tables. Wide: columns keep a sensible width so the role dropdown stays inside its cell,
 * and the table scrolls inside its own box if the page is still too narrow. Narrow (a phone): every row is a card,
 * each cell a line led by its column's name (`data-label`).
 */
export const useMembersTableStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '680px', [NARROW]: { minWidth: 0, display: 'block' } },
  header: { [NARROW]: { display: 'none' } },
  body: { [NARROW]: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } },
  row: {
    [NARROW]: {
      display: 'flex',
      flexDirection: 'column',
      gap: tokens.spacingVerticalXS,
      padding: tokens.spacingHorizontalM,
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  cell: {
    [NARROW]: {
      display: 'flex',
      alignItems: 'center',
      gap: tokens.spacingHorizontalS,
      width: 'auto',
      height: 'auto',
      minHeight: '32px',
      padding: 0,
      '::before': { content: 'attr(data-label)', flexShrink: 0, minWidth: '72px', color: tokens.colorNeutralForeground3 },
    },
  },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  role: { width: '180px' },
  roleDropdown: { minWidth: '0', width: '100%', maxWidth: '170px' },
  actions: { width: '220px', [NARROW]: { '::before': { content: 'none' } } },
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
