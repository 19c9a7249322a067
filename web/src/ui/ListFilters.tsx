import { Input, Select } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useListStyles } from './useListStyles';

const ANY = '__any';

/**
 * One filter of a list page: everything (`null`), or one of `labels`. A native select (Fluent's Select): the
 * platform's own list on every device, and a fraction of the code of a Dropdown on the pages that load first.
 */
export function FilterDropdown<T extends string>(props: { label: string; anyLabel: string; labels: Record<T, string>; value: T | null; onChange: (value: T | null) => void }) {
  const styles = useListStyles();
  return (
    <Select className={styles.filter} aria-label={props.label} value={props.value ?? ANY} onChange={(_e, d) => props.onChange(d.value === ANY ? null : (d.value as T))}>
      <option value={ANY}>{props.anyLabel}</option>
      {(Object.entries(props.labels) as [T, string][]).map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </Select>
  );
}

/** The search box of a list page; the page debounces and sends it to the server. */
export function SearchInput(props: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  const styles = useListStyles();
  return (
    <Input
      className={styles.search}
      contentBefore={<Search20Regular />}
      placeholder={props.placeholder}
      aria-label={props.label}
      value={props.value}
      onChange={(_e, d) => props.onChange(d.value)}
    />
  );
}
