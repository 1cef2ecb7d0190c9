import { CARE_SETTINGS, RELATIONSHIPS, TOPICS, type Topic } from '@medskapa/api/contract/lists';
import { fieldId } from '../components/fieldIds.ts';
import type { Step } from './formValues.ts';

/** Each answer's path, the step that asks it, and where the error summary links to (the first option of a group). */
export const FIELDS: ReadonlyArray<{ path: string; step: Step; firstOption?: string }> = [
  { path: 'respondent.role', step: 'you', firstOption: 'patient' },
  { path: 'respondent.relationship', step: 'you', firstOption: RELATIONSHIPS[0] },
  { path: 'respondent.ageGroup', step: 'you', firstOption: 'under_18' },
  { path: 'care.settings', step: 'care', firstOption: CARE_SETTINGS[0] },
  { path: 'care.unit', step: 'care' },
  { path: 'care.when', step: 'care', firstOption: 'last_month' },
  { path: 'topics', step: 'topics', firstOption: TOPICS[0] satisfies Topic },
  { path: 'story.whatHappened', step: 'story' },
  { path: 'story.whatWorkedWell', step: 'story' },
  { path: 'story.whatCouldBeBetter', step: 'story' },
  { path: 'story.idea', step: 'story' },
  { path: 'rating', step: 'rating', firstOption: '1' },
  { path: 'takePart', step: 'takePart', firstOption: 'yes' },
  { path: 'followUp.name', step: 'takePart' },
  { path: 'followUp.email', step: 'takePart' },
  { path: 'followUp.phone', step: 'takePart' },
  { path: 'followUp.preferredLanguage', step: 'takePart' },
  { path: 'followUp.accessNeeds', step: 'takePart' },
  { path: 'consent.storyProcessing', step: 'consent' },
  { path: 'consent.contactProcessing', step: 'consent' },
];

export function summaryHref(path: string): string {
  const field = FIELDS.find((candidate) => candidate.path === path);
  return `#${fieldId(path, field?.firstOption)}`;
}

export function stepOfField(path: string): Step | undefined {
  return FIELDS.find((candidate) => candidate.path === path)?.step;
}
