import { randomUUID } from 'node:crypto';
import type { SubmissionInput } from '../../api/contract/index.ts';

/** A complete, valid story as the form would send it; override what a test is about. */
export function buildSubmission(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    locale: 'sv',
    channel: 'web',
    respondent: { role: 'relative', relationship: 'parent', ageGroup: '45_64' },
    care: { settings: ['primary_care'], unit: 'Vårdcentralen Centrum', when: 'last_6_months' },
    topics: ['digital_services', 'access_and_booking'],
    story: {
      whatHappened: 'Min mamma fick vänta länge på att få en tid, och ingen ringde tillbaka.',
      whatWorkedWell: 'Sjuksköterskan var vänlig och förklarade allt.',
      whatCouldBeBetter: 'Tydligare besked om väntetider.',
      idea: 'Ett sms när tiden närmar sig.',
    },
    rating: 4,
    consent: { storyProcessing: true, version: '2026-11' },
    ...overrides,
  };
}

export function buildFollowUp(): NonNullable<SubmissionInput['followUp']> {
  return { name: 'Kim Andersson', email: 'kim.andersson@exempel.se', phone: '070-123 45 67', preferredLanguage: 'sv' };
}

export const newKey = (): string => randomUUID();
