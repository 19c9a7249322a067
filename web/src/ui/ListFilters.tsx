import { Dropdown, Input, Option } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useListStyles } from './useListStyles';

const ANY = '__any';

/** One filter of a list page: everything (`null`), or one of `labels`. */
export function FilterDropdown<T extends string>(props: { label: string; anyLabel: string; labels: Record<T, string>; value: T | null; onChange: (value: T | null) => void }) {
  const styles = useListStyles();
  return (
    <Dropdown
      className={styles.filter}
      aria-label={props.label}
      value={props.value === null ? props.anyLabel : props.labels[props.value]}
      selectedOptions={[props.value ?? ANY]}
      onOptionSelect={(_e, d) => props.onChange(d.optionValue === ANY || d.optionValue === undefined ? null : (d.optionValue as T))}
    >
      <Option value={ANY}>{props.anyLabel}</Option>
      {(Object.entries(props.labels) as [T, string][]).map(([value, text]) => (
        <Option key={value} value={value}>
          {text}
        </Option>
      ))}
    </Dropdown>
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
