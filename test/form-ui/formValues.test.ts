import { describe, expect, it } from 'vitest';
import { emptyValues, isCampaignCode, normaliseValues, toSubmission, toWesternDigits, type FormValues } from '../../form-ui/src/feedback/formValues.ts';
import { SubmissionSchema } from '../../api/contract/index.ts';
import { localeFromBrowser } from '../../form-ui/src/i18n/languages.ts';

function filled(): FormValues {
  const values = emptyValues();
  values.respondent = { role: 'patient', relationship: 'parent', ageGroup: '' };
  values.care = { settings: ['dental'], unit: '', when: 'last_year' };
  values.story.whatHappened = 'Tandläkaren var mycket noggrann.';
  values.consent.storyProcessing = true;
  return values;
}

describe('form values to the contract', () => {
  it('drops unanswered fields and answers that no longer apply, so the contract accepts the story', () => {
    const submission = toSubmission(filled(), { locale: 'sv', channel: 'web', campaign: undefined });
    expect(submission.respondent).toEqual({ role: 'patient' });
    expect(submission.care).toEqual({ settings: ['dental'], when: 'last_year' });
    expect('rating' in submission).toBe(false);
    expect('followUp' in submission).toBe(false);
    expect(SubmissionSchema.safeParse(submission).success).toBe(true);
  });

  it('sends contact details and contact consent only when the respondent chose to take part', () => {
    const values = filled();
    values.takePart = 'yes';
    values.followUp = { name: 'Kim', email: '', phone: '۰۷۰-۱۲۳ ۴۵ ۶۷', preferredLanguage: 'fa', accessNeeds: '' };
    values.consent.contactProcessing = true;
    const submission = toSubmission(values, { locale: 'fa', channel: 'kiosk', campaign: 'site-x' });
    expect(submission.followUp).toEqual({ name: 'Kim', phone: '070-123 45 67', preferredLanguage: 'fa' });
    expect(submission.consent).toEqual({ storyProcessing: true, contactProcessing: true, version: '2026-11' });
    expect(submission).toMatchObject({ channel: 'kiosk', campaign: 'site-x', locale: 'fa' });
    expect(SubmissionSchema.safeParse(submission).success).toBe(true);
    values.takePart = 'no';
    expect(toSubmission(values, { locale: 'fa', channel: 'web', campaign: undefined }).followUp).toBeUndefined();
  });

  it('reads a visited but unanswered radio group (null) as not answered', () => {
    const raw = { ...filled(), rating: null, respondent: { role: 'patient', relationship: '', ageGroup: null } } as unknown as FormValues;
    const values = normaliseValues(raw);
    expect(values.rating).toBe('');
    expect(values.respondent.ageGroup).toBe('');
    expect('rating' in toSubmission(values, { locale: 'sv', channel: 'web', campaign: undefined })).toBe(false);
  });

  it.each([
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['070-123 45 67', '070-123 45 67'],
  ])('accepts digits in any script: %s', (input, expected) => {
    expect(toWesternDigits(input)).toBe(expected);
  });

  it.each([
    ['site-x-wave-2', true],
    ['Site X', false],
    ['', false],
    [null, false],
    ['a'.repeat(65), false],
  ])('keeps only well-formed campaign codes from links: %s', (code, ok) => {
    expect(isCampaignCode(code)).toBe(ok);
  });

  it.each([
    [['fa-AF', 'en'], 'prs'],
    [['prs'], 'prs'],
    [['fa-IR'], 'fa'],
    [['ar-SE', 'sv'], 'ar'],
    [['ti-ER'], 'ti'],
    [['de', 'uk-UA'], 'uk'],
    [['de', 'fr'], undefined],
  ])('maps browser preferences %j to %s, never guessing lättläst', (preferences, expected) => {
    expect(localeFromBrowser(preferences)).toBe(expected);
  });
});
