import { Combobox, Option } from '@fluentui/react-components';
import { useState } from 'react';

export type PickerOption = { value: string; text: string };

/**
 * Pick one of many: typing searches (the caller runs the query), so lists of any size stay usable.
 * Shows the selection while closed; `emptyOption` adds a first option that clears it.
 */
export function SearchCombobox(props: {
  selected: PickerOption | null;
  options: PickerOption[];
  loading: boolean;
  placeholder: string;
  disabled?: boolean;
  emptyOption?: string;
  onSearch: (text: string) => void;
  onSelect: (value: string | null) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const search = (text: string | null) => {
    setTyped(text);
    props.onSearch(text ?? '');
  };
  const offered = props.options.filter((o) => o.value !== '');
  return (
    <Combobox
      disabled={props.disabled}
      placeholder={props.placeholder}
      value={typed ?? props.selected?.text ?? ''}
      selectedOptions={props.selected ? [props.selected.value] : []}
      open={open}
      onInput={(e) => {
        search((e.target as HTMLInputElement).value);
        setOpen(true);
      }}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (!d.open) search(null);
      }}
      onOptionSelect={(_e, d) => {
        if (d.optionValue === undefined) return;
        props.onSelect(d.optionValue === '' ? null : d.optionValue);
        search(null);
      }}
    >
      {props.emptyOption && <Option value="">{props.emptyOption}</Option>}
      {offered.map((o) => (
        <Option key={o.value} value={o.value}>
          {o.text}
        </Option>
      ))}
      {offered.length === 0 && (
        <Option value="__none" disabled>
          {props.loading ? 'Searching…' : 'No matches'}
        </Option>
      )}
    </Combobox>
  );
}
