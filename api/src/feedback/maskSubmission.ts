import { maskPersonalData } from '@medskapa/analysis';
import { REDACTION_KINDS, type Redaction, type Submission } from '../../contract/index.ts';

type StoryField = keyof Submission['story'];
const STORY_FIELDS: ReadonlyArray<StoryField> = ['whatHappened', 'whatWorkedWell', 'whatCouldBeBetter', 'idea'];

/** Masks identifiers in every free-text field before anything is stored, and says what was masked where. */
export function maskSubmission(submission: Submission): { submission: Submission; redactions: Redaction[] } {
  const redactions: Redaction[] = [];
  const mask = (field: string, text: string): string => {
    const result = maskPersonalData(text);
    for (const kind of REDACTION_KINDS) {
      const count = result.counts[kind];
      if (count !== undefined && count > 0) redactions.push({ field, kind, count });
    }
    return result.text;
  };

  const story: Submission['story'] = { ...submission.story };
  for (const field of STORY_FIELDS) {
    const value = story[field];
    if (value !== undefined) story[field] = mask(`story.${field}`, value);
  }
  const care: Submission['care'] =
    submission.care.unit === undefined ? submission.care : { ...submission.care, unit: mask('care.unit', submission.care.unit) };

  return { submission: { ...submission, care, story }, redactions };
}
