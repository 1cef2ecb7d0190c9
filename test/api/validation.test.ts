import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../api/contract/index.ts';
import { buildFollowUp, buildSubmission, newKey } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Body = Record<string, unknown>;
const base = (): Body => JSON.parse(JSON.stringify(buildSubmission()));
const withFollowUp = (followUp: unknown): Body => ({
  ...base(),
  followUp,
  consent: { storyProcessing: true, contactProcessing: true, version: '2026-11' },
});
/** Sets (or with `undefined`, removes) a dotted path in a fresh valid body. */
function set(path: string, value: unknown, body: Body = base()): Body {
  const parts = path.split('.');
  let node: Record<string, unknown> = body;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return body;
}

const post = (body: unknown) =>
  request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).set('Content-Type', 'application/json').send(JSON.stringify(body));

const long = (n: number) => 'a'.repeat(n);

const rejected: Array<[string, Body, string, string]> = [
  ['a missing locale', set('locale', undefined), 'locale', 'locale.required'],
  ['an unknown locale', set('locale', 'de'), 'locale', 'locale.invalid'],
  ['a missing channel', set('channel', undefined), 'channel', 'channel.required'],
  ['an unknown channel', set('channel', 'email'), 'channel', 'channel.invalid'],
  ['the assisted channel from the public form', set('channel', 'assisted'), 'channel', 'channel.notAllowed'],
  ['a campaign code with capitals and spaces', set('campaign', 'Site X'), 'campaign', 'campaign.invalid'],
  ['a campaign code that is too long', set('campaign', long(65)), 'campaign', 'campaign.invalid'],
  ['a missing respondent', set('respondent', undefined), 'respondent', 'validation.required'],
  ['a missing role', set('respondent.role', undefined), 'respondent.role', 'respondent.role.required'],
  ['an unknown role', set('respondent.role', 'doctor'), 'respondent.role', 'respondent.role.invalid'],
  ['an unknown relationship', set('respondent.relationship', 'neighbour'), 'respondent.relationship', 'respondent.relationship.invalid'],
  [
    'a relationship for a patient',
    set('respondent.role', 'patient', set('respondent.relationship', 'parent')),
    'respondent.relationship',
    'respondent.relationship.onlyForRelative',
  ],
  ['an unknown age group', set('respondent.ageGroup', '40_50'), 'respondent.ageGroup', 'respondent.ageGroup.invalid'],
  ['missing care', set('care', undefined), 'care', 'validation.required'],
  ['no care setting', set('care.settings', []), 'care.settings', 'care.settings.required'],
  ['missing care settings', set('care.settings', undefined), 'care.settings', 'care.settings.required'],
  [
    'six care settings',
    set('care.settings', ['primary_care', 'emergency', 'dental', 'psychiatry', 'home_care', 'other']),
    'care.settings',
    'care.settings.tooMany',
  ],
  ['a repeated care setting', set('care.settings', ['dental', 'dental']), 'care.settings', 'care.settings.duplicate'],
  ['an unknown care setting', set('care.settings', ['pharmacy']), 'care.settings', 'care.settings.invalid'],
  ['a unit of 201 characters', set('care.unit', long(201)), 'care.unit', 'care.unit.tooLong'],
  ['a missing when', set('care.when', undefined), 'care.when', 'care.when.required'],
  ['an unknown when', set('care.when', 'yesterday'), 'care.when', 'care.when.invalid'],
  ['nine topics', set('topics', ['access_and_booking', 'information_and_communication', 'involvement_in_decisions', 'coordination_between_units', 'respect_and_dignity', 'safety', 'waiting_times', 'digital_services', 'medication']), 'topics', 'topics.tooMany'],
  ['a repeated topic', set('topics', ['safety', 'safety']), 'topics', 'topics.duplicate'],
  ['an unknown topic', set('topics', ['parking']), 'topics', 'topics.invalid'],
  ['a missing story', set('story', undefined), 'story', 'validation.required'],
  ['a missing whatHappened', set('story.whatHappened', undefined), 'story.whatHappened', 'story.whatHappened.required'],
  ['an empty whatHappened', set('story.whatHappened', ''), 'story.whatHappened', 'story.whatHappened.required'],
  ['a whitespace-only whatHappened', set('story.whatHappened', ' \n\t  \u00a0 '), 'story.whatHappened', 'story.whatHappened.required'],
  ['a whatHappened of 9 characters after trimming', set('story.whatHappened', '   123456789   '), 'story.whatHappened', 'story.whatHappened.tooShort'],
  ['a whatHappened of 5001 characters', set('story.whatHappened', long(5001)), 'story.whatHappened', 'story.whatHappened.tooLong'],
  ['a whatWorkedWell of 3001 characters', set('story.whatWorkedWell', long(3001)), 'story.whatWorkedWell', 'story.whatWorkedWell.tooLong'],
  ['a whatCouldBeBetter of 3001 characters', set('story.whatCouldBeBetter', long(3001)), 'story.whatCouldBeBetter', 'story.whatCouldBeBetter.tooLong'],
  ['an idea of 3001 characters', set('story.idea', long(3001)), 'story.idea', 'story.idea.tooLong'],
  ['a rating of 0', set('rating', 0), 'rating', 'rating.invalid'],
  ['a rating of 6', set('rating', 6), 'rating', 'rating.invalid'],
  ['a rating of 3.5', set('rating', 3.5), 'rating', 'rating.invalid'],
  ['a rating as a string', set('rating', '4'), 'rating', 'rating.invalid'],
  ['follow-up without a name', withFollowUp({ email: 'a@exempel.se' }), 'followUp.name', 'followUp.name.required'],
  ['follow-up with an empty name', withFollowUp({ name: '  ', email: 'a@exempel.se' }), 'followUp.name', 'followUp.name.required'],
  ['follow-up without e-mail or phone', withFollowUp({ name: 'Kim' }), 'followUp.email', 'followUp.contact.required'],
  ['follow-up with a malformed e-mail', withFollowUp({ name: 'Kim', email: 'kim@' }), 'followUp.email', 'followUp.email.invalid'],
  ['follow-up with a malformed phone', withFollowUp({ name: 'Kim', phone: 'ring mig' }), 'followUp.phone', 'followUp.phone.invalid'],
  ['follow-up with a too short phone', withFollowUp({ name: 'Kim', phone: '12345' }), 'followUp.phone', 'followUp.phone.invalid'],
  ['follow-up with an unknown language', withFollowUp({ name: 'Kim', email: 'a@exempel.se', preferredLanguage: 'xx' }), 'followUp.preferredLanguage', 'followUp.preferredLanguage.invalid'],
  ['follow-up with access needs over 500 characters', withFollowUp({ name: 'Kim', email: 'a@exempel.se', accessNeeds: long(501) }), 'followUp.accessNeeds', 'followUp.accessNeeds.tooLong'],
  [
    'follow-up without contact consent',
    { ...base(), followUp: buildFollowUp(), consent: { storyProcessing: true, version: '2026-11' } },
    'consent.contactProcessing',
    'consent.contactProcessing.required',
  ],
  [
    'follow-up with contact consent false',
    { ...base(), followUp: buildFollowUp(), consent: { storyProcessing: true, contactProcessing: false, version: '2026-11' } },
    'consent.contactProcessing',
    'consent.contactProcessing.required',
  ],
  ['missing consent', set('consent', undefined), 'consent', 'validation.required'],
  ['story processing not consented', set('consent.storyProcessing', false), 'consent.storyProcessing', 'consent.storyProcessing.required'],
  ['story processing consent missing', set('consent.storyProcessing', undefined), 'consent.storyProcessing', 'consent.storyProcessing.required'],
  ['a missing consent version', set('consent.version', undefined), 'consent.version', 'consent.version.required'],
  ['an empty consent version', set('consent.version', ''), 'consent.version', 'consent.version.required'],
  ['an unknown top-level field', { ...base(), status: 'done' }, 'status', 'validation.unknownField'],
  ['an unknown nested field', set('story.mood', 'sad'), 'story.mood', 'validation.unknownField'],
  ['an unknown follow-up field', withFollowUp({ ...buildFollowUp(), personnummer: '19121212-1212' }), 'followUp.personnummer', 'validation.unknownField'],
  ['a null optional field', set('rating', null), 'rating', 'validation.notNull'],
  ['a null required field', set('locale', null), 'locale', 'validation.notNull'],
  ['a null nested field', set('care.unit', null), 'care.unit', 'validation.notNull'],
  ['a null follow-up', { ...base(), followUp: null }, 'followUp', 'validation.notNull'],
  ['a number as text', set('story.whatHappened', 12345678901), 'story.whatHappened', 'story.whatHappened.invalid'],
  ['an object as a list', set('topics', { safety: true }), 'topics', 'topics.invalid'],
];

describe('validation: every rule answers 400 validation_failed with the field and its i18n key', () => {
  it.each(rejected)('rejects %s', async (_name, body, field, key) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(typeof res.body.error.message).toBe('string');
    expect(res.body.error.fields[field]).toBe(key);
  });

  it('stores nothing for a rejected story', async () => {
    const marker = 'Denna berättelse ska aldrig sparas.';
    const res = await post({ ...set('story.whatHappened', marker), rating: 9 });
    expect(res.status).toBe(400);
    expect(await t.connection.db!.collection('submissions').countDocuments({ 'story.whatHappened': marker })).toBe(0);
  });
});

describe('validation: the boundaries that are allowed', () => {
  const accepted: Array<[string, Body]> = [
    ['the smallest story (no optional fields)', { locale: 'sv', channel: 'web', respondent: { role: 'patient' }, care: { settings: ['other'], when: 'last_month' }, story: { whatHappened: '1234567890' }, consent: { storyProcessing: true, version: '1' } }],
    ['a whatHappened of exactly 5000 characters', set('story.whatHappened', long(5000))],
    ['story fields of exactly 3000 characters', set('story.idea', long(3000), set('story.whatWorkedWell', long(3000)))],
    ['a unit of exactly 200 characters', set('care.unit', long(200))],
    ['five care settings', set('care.settings', ['primary_care', 'emergency', 'dental', 'psychiatry', 'home_care'])],
    ['eight topics', set('topics', ['access_and_booking', 'information_and_communication', 'involvement_in_decisions', 'coordination_between_units', 'respect_and_dignity', 'safety', 'waiting_times', 'digital_services'])],
    ['no topics', set('topics', [])],
    ['ratings 1 and 5', set('rating', 1)],
    ['the kiosk channel', set('channel', 'kiosk')],
    ['a campaign code', set('campaign', 'site-x-wave-2-spring-2027')],
    ['patient and relative with a relationship', set('respondent.role', 'patient_and_relative')],
    ['follow-up with phone only', withFollowUp({ name: 'Kim', phone: '+46 (0)31 342 10 00' })],
    ['follow-up with e-mail only and access needs', withFollowUp({ name: 'Åsa Öberg', email: 'åsa@exempel.se', accessNeeds: 'Teckenspråkstolk' })],
    ['contact consent without follow-up', set('consent.contactProcessing', true)],
    ...LOCALES.map((locale): [string, Body] => [`the ${locale} locale`, set('locale', locale)]),
  ];
  it.each(accepted)('accepts %s', async (_name, body) => {
    const res = await post(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
