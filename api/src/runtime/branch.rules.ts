import { AttributeType, Comparator } from '../triggers/trigger.types.js';

const DAY_MS = 86_400_000;

/** A DATE (`2026-11-28`) or DATETIME as epoch ms; DATE values and ON compare whole UTC days. */
const instant = (value: unknown): number | null => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : null);
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * An attribute branch's test on the start event's value, typed by the attribute. A missing or mistyped value
 * takes the no path whatever the comparator. Text compares exactly (case and all).
 */
export function attributeMatches(type: AttributeType, comparator: Comparator, value: unknown, operands: readonly string[]): boolean {
  if (value === undefined || value === null) return false;
  switch (type) {
    case AttributeType.NUMBER:
    case AttributeType.DECIMAL: {
      if (typeof value !== 'number') return false;
      const x = Number(operands[0]);
      switch (comparator) {
        case Comparator.EQUALS:
          return value === x;
        case Comparator.NOT_EQUALS:
          return value !== x;
        case Comparator.LESS_THAN:
          return value < x;
        case Comparator.LESS_OR_EQUAL:
          return value <= x;
        case Comparator.GREATER_THAN:
          return value > x;
        case Comparator.GREATER_OR_EQUAL:
          return value >= x;
        default:
          return false;
      }
    }
    case AttributeType.DATE:
    case AttributeType.DATETIME: {
      const at = instant(value);
      const [a, b] = operands.map(instant);
      if (at === null || a === null) return false;
      // A DATE is a whole day; so is ON. BEFORE/AFTER/BETWEEN on DATETIME compare instants.
      const whole = type === AttributeType.DATE;
      const v = whole ? dayOf(at) : at;
      const x = whole ? dayOf(a) : a;
      switch (comparator) {
        case Comparator.BEFORE:
          return v < x;
        case Comparator.AFTER:
          return v > x;
        case Comparator.ON:
          return dayOf(at) === dayOf(a);
        case Comparator.BETWEEN: {
          if (b === null || b === undefined) return false;
          const y = whole ? dayOf(b) : b;
          return v >= Math.min(x, y) && v <= Math.max(x, y);
        }
        default:
          return false;
      }
    }
    case AttributeType.TEXT:
    case AttributeType.ENTITY_REFERENCE: {
      if (typeof value !== 'string') return false;
      const x = operands[0] ?? '';
      switch (comparator) {
        case Comparator.EQUALS:
          return value === x;
        case Comparator.NOT_EQUALS:
          return value !== x;
        case Comparator.CONTAINS:
          return value.includes(x);
        case Comparator.STARTS_WITH:
          return value.startsWith(x);
        default:
          return false;
      }
    }
    case AttributeType.BOOLEAN:
      return comparator === Comparator.IS && typeof value === 'boolean' && String(value) === operands[0];
  }
}
