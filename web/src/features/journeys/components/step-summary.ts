import { formatDuration } from './DurationField';
import type { DraftStep } from './journey-graph';
import { interactionLabel } from './labels';

/** What a step tile says about its step, e.g. “Purchase completed within 1 day”; names of content and triggers by id. */
export function stepSummary(step: DraftStep, contentNames: ReadonlyMap<string, string>, triggerNames: ReadonlyMap<string, string>): string {
  switch (step.type) {
    case 'SEND_EMAIL':
    case 'SEND_TEXT':
    case 'SEND_PUSH':
      return step.contentId ? (contentNames.get(step.contentId) ?? 'Unknown content') : 'Choose a message';
    case 'IF_THEN':
      if (step.waitTriggerId) return `${triggerNames.get(step.waitTriggerId) ?? 'Unknown trigger'} within ${formatDuration(step.withinSeconds ?? 0)}`;
      return step.interactionTriggerKey
        ? `${interactionLabel(step.interactionTriggerKey)} on ${step.branchStepId} within ${formatDuration(step.withinSeconds ?? 0)}`
        : 'Choose what to wait for';
    case 'ATTRIBUTE_BRANCH':
      return step.attribute ? `${step.attribute} ${step.comparator?.toLowerCase() ?? '?'} ${(step.values ?? []).join(' – ')}` : 'Choose an attribute';
    case 'WAIT':
      return step.waitUntil ? `until ${new Date(step.waitUntil).toLocaleString()}` : step.waitSeconds ? formatDuration(step.waitSeconds) : 'Choose a duration';
  }
}
