import { makeStyles, tokens } from '@fluentui/react-components';

/** The filter bar above a list page's table and the "Showing n of m · Load more" footer below it. */
export const useListStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  search: { minWidth: '280px' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalM },
});
