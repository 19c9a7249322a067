import type { BuilderContentFieldsFragment, BuilderTriggerFieldsFragment, ContentChannel } from '../../../gql/graphql';
import { SearchCombobox } from '../../../ui/SearchCombobox';
import { useChannelContentSearch, useTriggerSearch, type TriggerChoice } from '../hooks/usePickers';

export type BuilderTrigger = BuilderTriggerFieldsFragment;
export type BuilderContent = BuilderContentFieldsFragment;

/** One trigger, searched as you type (by default those a journey may use); `known` names the current choice even when it is not among the results. */
export function TriggerPicker(props: {
  choice?: TriggerChoice;
  selectedId: string | null;
  known: ReadonlyMap<string, BuilderTrigger>;
  exclude?: readonly string[];
  placeholder: string;
  emptyOption?: string;
  disabled: boolean;
  onPick: (trigger: BuilderTrigger | null) => void;
}) {
  const { options, loading, setSearch } = useTriggerSearch(props.choice ?? 'JOURNEY');
  const selected = props.selectedId ? { value: props.selectedId, text: props.known.get(props.selectedId)?.title ?? 'Unknown trigger' } : null;
  const offered = options.filter((t) => !props.exclude?.includes(t.id));
  return (
    <SearchCombobox
      selected={selected}
      options={offered.map((t) => ({ value: t.id, text: t.title }))}
      loading={loading}
      placeholder={props.placeholder}
      emptyOption={props.emptyOption}
      disabled={props.disabled}
      onSearch={setSearch}
      onSelect={(id) => props.onPick(id === null ? null : (offered.find((t) => t.id === id) ?? null))}
    />
  );
}

/** Content of the step's channel, searched by name; drafts are marked (publishing needs ready content). */
export function ContentPicker(props: {
  channel: ContentChannel;
  selectedId: string | null;
  known: ReadonlyMap<string, BuilderContent>;
  disabled: boolean;
  onPick: (content: BuilderContent) => void;
}) {
  const { options, loading, setSearch } = useChannelContentSearch(props.channel);
  const label = (c: BuilderContent) => `${c.name}${c.state === 'DRAFT' ? ' (draft)' : ''}`;
  const current = props.selectedId ? props.known.get(props.selectedId) : undefined;
  return (
    <SearchCombobox
      selected={props.selectedId ? { value: props.selectedId, text: current ? label(current) : 'Unknown content' } : null}
      options={options.map((c) => ({ value: c.id, text: label(c) }))}
      loading={loading}
      placeholder="Choose content"
      disabled={props.disabled}
      onSearch={setSearch}
      onSelect={(id) => {
        const content = options.find((c) => c.id === id);
        if (content) props.onPick(content);
      }}
    />
  );
}
