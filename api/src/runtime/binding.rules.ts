/**
 * Correlation as Dynamics 365 does it (`bindingId`, "{entityType}/{entityId}"): a run remembers its start
 * event's binding, and later events (exit, goal, wait for a trigger) act on it only when the bindings agree.
 */
export type Binding = { type: string; id: string };

/** No binding: the empty type and id (a run started by an event without bindingId). */
export const NO_BINDING: Binding = { type: '', id: '' };

/**
 * `cart/8812` → { type: 'cart', id: '8812' }. Leading and trailing `/` are ignored; the id is what follows the
 * last `/` and the type is everything before it with the other `/` removed (`A/B/C` → type `AB`, id `C`); without
 * `/` the type is empty and the whole value is the id. Null, non-strings and values of only `/` are no binding.
 */
export function parseBinding(value: unknown): Binding | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return null;
  const last = trimmed.lastIndexOf('/');
  if (last < 0) return { type: '', id: trimmed };
  return { type: trimmed.slice(0, last).replaceAll('/', ''), id: trimmed.slice(last + 1) };
}

/**
 * Whether an incoming event's binding lets it act on a run with this binding:
 * no binding on the event → acts on every run of the customer (case 0); same type and id → acts (1);
 * same type, other id → does not (2); another type → acts, the binding says nothing about this run (3).
 */
export function bindingActs(incoming: Binding | null, run: Binding): boolean {
  if (incoming === null) return true;
  if (incoming.type !== run.type) return true;
  return incoming.id === run.id;
}

/** The same rule as SQL over a run row `r` (binding_type, binding_id) and parameters for the incoming type and id. */
export const bindingActsSql = (run: string, type: string, id: string) => `(${type} IS NULL OR ${run}.binding_type <> ${type} OR ${run}.binding_id = ${id})`;
