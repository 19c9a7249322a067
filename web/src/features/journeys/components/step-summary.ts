import { formatDuration } from './DurationField';
import type { DraftStep } from './journey-graph';
import { interactionLabel, STEP_LABELS } from './labels';

/** Names of what steps reference, by id: content, triggers and (for if/then branches) the other steps. */
export type StepNames = { contents: ReadonlyMap<string, string>; triggers: ReadonlyMap<string, string>; steps?: ReadonlyMap<string, DraftStep> };

/**
 * A step as the marketer knows it — its label, else its type and, for a message, what it sends ("Send an email: Cart reminder").
 * Internal step ids are never shown.
 */
/** What naming a step needs of it. */
type Nameable = Pick<DraftStep, 'type' | 'label'> & { contentId?: string | number | null };

export function stepName(step: Nameable, contentNames: ReadonlyMap<string, string>): string {
  if (step.label) return step.label;
  const content = step.contentId ? contentNames.get(String(step.contentId)) : undefined;
  return content ? `${STEP_LABELS[step.type]}: ${content}` : STEP_LABELS[step.type];
}

/** What a step tile says about its step, e.g. “Purchase completed within 1 day”; names of content, triggers and steps by id. */
export function stepSummary(
  step: DraftStep,
  contentNames: ReadonlyMap<string, string>,
  triggerNames: ReadonlyMap<string, string>,
  steps: ReadonlyMap<string, DraftStep> = new Map(),
): string {
  switch (step.type) {
    case 'SEND_EMAIL':
    case 'SEND_TEXT':
    case 'SEND_PUSH':
      return step.contentId ? (contentNames.get(step.contentId) ?? 'Unknown content') : 'Choose a message';
    case 'IF_THEN': {
      if (step.waitTriggerId) return `${triggerNames.get(step.waitTriggerId) ?? 'Unknown trigger'} within ${formatDuration(step.withinSeconds ?? 0)}`;
      if (!step.interactionTriggerKey) return 'Choose what to wait for';
      const watched = step.branchStepId ? steps.get(step.branchStepId) : undefined;
      const on = watched ? `“${stepName(watched, contentNames)}”` : 'the chosen message';
      return `${interactionLabel(step.interactionTriggerKey)} on ${on} within ${formatDuration(step.withinSeconds ?? 0)}`;
    }
    case 'ATTRIBUTE_BRANCH':
      return step.attribute ? `${step.attribute} ${step.comparator?.toLowerCase().replace(/_/g, ' ') ?? '?'} ${(step.values ?? []).join(' – ')}` : 'Choose an attribute';
    case 'WAIT':
      return step.waitUntil ? `until ${new Date(step.waitUntil).toLocaleString()}` : step.waitSeconds ? formatDuration(step.waitSeconds) : 'Choose a duration';
  }
}

/** The validation problems whose messages quote step ids (the others quote names of content and triggers). */
const QUOTES_STEP_IDS = new Set(['DUPLICATE_STEP_ID', 'UNKNOWN_NEXT_STEP', 'CYCLE', 'UNREACHABLE_STEP', 'BRANCH_TARGET_NOT_EARLIER']);

/** A validation message with every quoted step id (“send-email-1”) replaced by the step's name. */
export function problemText(problem: { code: string; message: string }, steps: ReadonlyMap<string, Nameable>, contentNames: ReadonlyMap<string, string>): string {
  if (!QUOTES_STEP_IDS.has(problem.code)) return problem.message;
  return problem.message.replace(/“([^”]*)”/g, (quoted, inner: string) => {
    const step = steps.get(inner);
    return step ? `“${stepName(step, contentNames)}”` : quoted;
  });
}
