import type { JourneyStep } from '../src/journeys/journey.types.js';

/** A journey step with every field not given left empty, as rule tests build definitions. */
export const step = (s: Partial<JourneyStep> & Pick<JourneyStep, 'id' | 'type'>): JourneyStep => ({
  label: null,
  next: null,
  yes: null,
  no: null,
  contentId: null,
  sendTo: null,
  branchStepId: null,
  interactionTriggerKey: null,
  waitTriggerId: null,
  withinSeconds: null,
  attribute: null,
  comparator: null,
  values: null,
  waitSeconds: null,
  waitUntil: null,
  ...s,
});
