import { makeStyles, tokens } from '@fluentui/react-components';

/** Phones and narrow windows; the same width as NARROW_SCREEN in useMediaQuery.ts. */
const PHONE = '@media (max-width: 767px)';

/** The filter bar above a list page's table, the table itself and the "Showing n of m · Load more" footer below it. */
export const useListStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  // On a phone each filter takes the whole width, one under the other.
  search: { minWidth: 'min(280px, 100%)', [PHONE]: { width: '100%' } },
  filter: { [PHONE]: { width: '100%', minWidth: 0 } },
  /**
   * A list's table; on a phone each row becomes a card, its cells one under the other, each after the label in its
   * `data-label` (the column's heading). Rows stay table rows for assistive technology, and the row's link stays
   * its one tab stop.
   */
  table: {
    [PHONE]: {
      display: 'block',
      '& thead': { display: 'none' },
      '& tbody': { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
      '& tr': {
        display: 'flex',
        flexDirection: 'column',
        gap: tokens.spacingVerticalXS,
        padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
      },
      '& td': { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, height: 'auto', minHeight: 0, padding: 0, overflowWrap: 'anywhere' },
      '& td[data-label]::before': { content: 'attr(data-label)', flex: '0 0 7.5em', color: tokens.colorNeutralForeground3 },
      // A cell with nothing to say (an empty "—" is still shown) takes no line of the card.
      '& td:empty': { display: 'none' },
    },
  },
  /** A narrow first column that holds only an icon. */
  iconColumn: { width: '56px' },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalM },
});
