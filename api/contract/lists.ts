// Controlled lists shared by the form and the API. The order here is the order shown in the form.

export const LOCALES = ['sv', 'sv-x-lattlast', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'fi', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

export const CHANNELS = ['web', 'kiosk', 'assisted'] as const;
export type Channel = (typeof CHANNELS)[number];

export const RESPONDENT_ROLES = ['patient', 'relative', 'patient_and_relative'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

export const RELATIONSHIPS = [
  'parent',
  'child',
  'partner',
  'other_family',
  'friend',
  'legal_guardian',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const AGE_GROUPS = ['under_18', '18_29', '30_44', '45_64', '65_79', '80_plus', 'prefer_not_to_say'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const CARE_SETTINGS = [
  'primary_care',
  'emergency',
  'hospital_inpatient',
  'specialist_outpatient',
  'psychiatry',
  'maternity_and_child',
  'rehabilitation_and_habilitation',
  'home_care',
  'dental',
  'digital_services_1177',
  'other',
] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

export const CARE_WHEN = ['last_month', 'last_6_months', 'last_year', 'more_than_a_year'] as const;
export type CareWhen = (typeof CARE_WHEN)[number];

export const TOPICS = [
  'access_and_booking',
  'information_and_communication',
  'involvement_in_decisions',
  'coordination_between_units',
  'respect_and_dignity',
  'safety',
  'waiting_times',
  'digital_services',
  'medication',
  'test_results',
  'referrals',
  'relatives_involvement',
  'language_and_interpreting',
  'accessibility',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const RECEIPT_STATUSES = ['new', 'in_review', 'done'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const REDACTION_KINDS = ['id_number', 'phone', 'email', 'address'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];
