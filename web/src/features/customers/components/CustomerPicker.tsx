import type { CustomerPicker_CustomerFragment } from '../../../gql/graphql';
import { SearchCombobox } from '../../../ui/SearchCombobox';
import { useCustomerSearch } from '../hooks/useCustomerSearch';
import { fullName, KIND_LABELS } from './labels';

export type PickedCustomer = CustomerPicker_CustomerFragment;

/** “Grace Hopper · grace@example.com”, or the kind and authId when the customer has neither. */
export const customerLabel = (c: PickedCustomer) => [fullName(c), c.email].filter(Boolean).join(' · ') || `${KIND_LABELS[c.kind]} ${c.authId}`;

/** One customer, searched as you type; `emptyOption` offers going back to none. */
export function CustomerPicker(props: {
  selected: PickedCustomer | null;
  placeholder: string;
  emptyOption?: string;
  disabled?: boolean;
  onPick: (customer: PickedCustomer | null) => void;
}) {
  const { options, loading, setSearch } = useCustomerSearch(props.disabled);
  return (
    <SearchCombobox
      selected={props.selected ? { value: props.selected.id, text: customerLabel(props.selected) } : null}
      options={options.map((c) => ({ value: c.id, text: customerLabel(c) }))}
      loading={loading}
      placeholder={props.placeholder}
      emptyOption={props.emptyOption}
      disabled={props.disabled}
      onSearch={setSearch}
      onSelect={(id) => props.onPick(id === null ? null : (options.find((c) => c.id === id) ?? null))}
    />
  );
}
