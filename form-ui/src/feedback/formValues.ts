import type { AgeGroup, CareSetting, CareWhen, Locale, Relationship, RespondentRole, SubmissionInput, Topic } from '@medskapa/api/contract';
import { LIMITS } from '@medskapa/api/contract/limits';
import { CARE_SETTINGS } from '@medskapa/api/contract/lists';

/** What the form holds: the contract's paths, with empty strings for "not answered yet". */
export type FormValues = {
  respondent: { role: '' | RespondentRole; relationship: '' | Relationship; ageGroup: '' | AgeGroup };
  care: { settings: CareSetting[]; unit: string; when: '' | CareWhen };
  topics: Topic[];
  story: { whatHappened: string; whatWorkedWell: string; whatCouldBeBetter: string; idea: string };
  rating: '' | '1' | '2' | '3' | '4' | '5';
  takePart: '' | 'yes' | 'no';
  followUp: { name: string; email: string; phone: string; preferredLanguage: '' | Locale; accessNeeds: string };
  consent: { storyProcessing: boolean; contactProcessing: boolean };
};

export const CONSENT_VERSION = '2026-11';

export function emptyValues(): FormValues {
  return {
    respondent: { role: '', relationship: '', ageGroup: '' },
    care: { settings: [], unit: '', when: '' },
    topics: [],
    story: { whatHappened: '', whatWorkedWell: '', whatCouldBeBetter: '', idea: '' },
    rating: '',
    takePart: '',
    followUp: { name: '', email: '', phone: '', preferredLanguage: '', accessNeeds: '' },
    consent: { storyProcessing: false, contactProcessing: false },
  };
}

/** Drops empty answers so optional fields are absent, as the contract wants. */
export function present<T extends Record<string, unknown>>(value: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(value) as Array<keyof T>) {
    const field = value[key];
    if (field !== '' && field !== undefined && field !== null) result[key] = field;
  }
  return result;
}

/**
 * react-hook-form reads a radio group that has been visited but not answered as `null`; the form's
 * model says "not answered" with an empty string, so every read goes through this.
 */
export function normaliseValues(values: FormValues): FormValues {
  const clean = (value: unknown): unknown => {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.filter((item) => item !== null && item !== false);
    if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, clean(child)]));
    return value;
  };
  const empty = emptyValues();
  const cleaned = clean(values) as FormValues;
  return {
    ...cleaned,
    care: { ...cleaned.care, settings: Array.isArray(values.care?.settings) ? cleaned.care.settings : empty.care.settings },
    topics: Array.isArray(values.topics) ? cleaned.topics : empty.topics,
    consent: { storyProcessing: values.consent?.storyProcessing === true, contactProcessing: values.consent?.contactProcessing === true },
  };
}

export const hasRelative = (role: FormValues['respondent']['role']) => role === 'relative' || role === 'patient_and_relative';

/** Western digits for anything typed in Arabic-Indic or Persian digits. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

export function toSubmission(values: FormValues, context: { locale: Locale; channel: 'web' | 'kiosk'; campaign: string | undefined }): SubmissionInput {
  const respondent = present({
    role: values.respondent.role,
    relationship: hasRelative(values.respondent.role) ? values.respondent.relationship : '',
    ageGroup: values.respondent.ageGroup,
  });
  const wantsContact = values.takePart === 'yes';
  return {
    locale: context.locale,
    channel: context.channel,
    ...(context.campaign === undefined ? {} : { campaign: context.campaign }),
    respondent: respondent as SubmissionInput['respondent'],
    care: present({ settings: values.care.settings, unit: values.care.unit, when: values.care.when }) as SubmissionInput['care'],
    ...(values.topics.length > 0 ? { topics: values.topics } : {}),
    story: present(values.story) as SubmissionInput['story'],
    ...(values.rating === '' ? {} : { rating: Number(values.rating) }),
    ...(wantsContact
      ? { followUp: present({ ...values.followUp, phone: toWesternDigits(values.followUp.phone) }) as NonNullable<SubmissionInput['followUp']> }
      : {}),
    consent: {
      storyProcessing: values.consent.storyProcessing as true,
      ...(wantsContact ? { contactProcessing: values.consent.contactProcessing } : {}),
      version: CONSENT_VERSION,
    },
  };
}

export const STEPS = ['start', 'you', 'care', 'topics', 'story', 'rating', 'takePart', 'consent', 'check', 'done'] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && STEPS.some((step) => step === value);
}

/** The same rule as the contract's campaign code, without loading the schema library on the first page. */
export const isCampaignCode = (value: string | null): value is string =>
  value !== null && value.length <= LIMITS.campaignMax && /^[a-z0-9][a-z0-9-]*$/.test(value);

export function isCareSetting(value: unknown): value is CareSetting {
  return CARE_SETTINGS.some((setting) => setting === value);
}
