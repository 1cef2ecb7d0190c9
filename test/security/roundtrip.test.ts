import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGE_GROUPS,
  CARE_SETTINGS,
  CARE_WHEN,
  CHANNELS,
  LIMITS,
  LOCALES,
  RELATIONSHIPS,
  RESPONDENT_ROLES,
  StoryExportRecordSchema,
  TOPICS,
  type SubmissionInput,
} from '../../api/contract/index.ts';
import { cleanText } from '../../api/contract/text.ts';
import { newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { signInAs, type StaffSession } from '../support/staffSession.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Valid stories generated from the contract's own lists and limits go in through the public API and come out in the
// facilitator's workspace exactly once, with the same content: cleaned (control and bidi-override characters gone, lone
// surrogates replaced, NFC) but otherwise untouched. Text without digits or "@", so nothing in it is masked.

const RUNS = Number(process.env['ROUNDTRIP_RUNS'] ?? '25');

let t: TestApp;
let facilitator: StaffSession;
beforeAll(async () => {
  t = await createTestApp();
  facilitator = await signInAs(t, ['facilitator'], 'Rundtur Handledare');
});
afterAll(async () => {
  await t?.close();
});

/** Pieces of text from the languages of the form, markup and quotes, emoji, and characters the API must clean. */
const PIECES = [
  'Vi väntade länge på akuten',
  'ingen förklarade varför',
  'We waited a long time',
  'انتظرنا طويلا في الطوارئ',
  'ما خیلی منتظر ماندیم',
  'می\u200cخواهم',
  'Waxaan sugnay muddo dheer',
  'Odotimme kauan',
  'Ми довго чекали',
  'ብዙ ጊዜ ጠበቅን',
  '<b>fet</b> & "citat" \'enkla\'',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '🙈 🙏🏽 👨‍👩‍👧',
  'e\u0301 a\u0308',
  '\u202eomvänd\u202c',
  'nul\u0000tecken',
  'ensam \ud800 surrogat',
  'rad ett\r\nrad två',
  '\t indrag',
] as const;

const freeText = (maxPieces: number) => fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: maxPieces }).map((pieces) => pieces.join(' '));
const optionalText = (maxPieces: number) => fc.option(freeText(maxPieces), { nil: undefined });

const submission: fc.Arbitrary<SubmissionInput> = fc
  .record({
    locale: fc.constantFrom(...LOCALES),
    // `assisted` is for staff entering a story on someone's behalf (signed in); the public form sends the others.
    channel: fc.constantFrom(...CHANNELS.filter((channel) => channel !== 'assisted')),
    role: fc.constantFrom(...RESPONDENT_ROLES),
    relationship: fc.option(fc.constantFrom(...RELATIONSHIPS), { nil: undefined }),
    ageGroup: fc.option(fc.constantFrom(...AGE_GROUPS), { nil: undefined }),
    settings: fc.uniqueArray(fc.constantFrom(...CARE_SETTINGS), { minLength: 1, maxLength: LIMITS.careSettingsMax }),
    unit: fc.option(fc.constantFrom('Vårdcentralen Centrum', 'Akuten, Östra sjukhuset', 'BUP <Borås>'), { nil: undefined }),
    when: fc.constantFrom(...CARE_WHEN),
    topics: fc.option(fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: LIMITS.topicsMax }), { nil: undefined }),
    whatHappened: freeText(30),
    whatWorkedWell: optionalText(15),
    whatCouldBeBetter: optionalText(15),
    idea: optionalText(15),
    rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  })
  .map((r): SubmissionInput => ({
    locale: r.locale,
    channel: r.channel,
    respondent: {
      role: r.role,
      ...(r.relationship === undefined || r.role === 'patient' ? {} : { relationship: r.relationship }),
      ...(r.ageGroup === undefined ? {} : { ageGroup: r.ageGroup }),
    },
    care: { settings: r.settings, when: r.when, ...(r.unit === undefined ? {} : { unit: r.unit }) },
    ...(r.topics === undefined ? {} : { topics: r.topics }),
    story: {
      whatHappened: r.whatHappened,
      ...(r.whatWorkedWell === undefined ? {} : { whatWorkedWell: r.whatWorkedWell }),
      ...(r.whatCouldBeBetter === undefined ? {} : { whatCouldBeBetter: r.whatCouldBeBetter }),
      ...(r.idea === undefined ? {} : { idea: r.idea }),
    },
    ...(r.rating === undefined ? {} : { rating: r.rating }),
    consent: { storyProcessing: true, version: '2026-11' },
  }));

const cleaned = (text: string) => cleanText(text).trim();

describe('valid generated stories round-trip', () => {
  it('generates stories within the contract (lengths, lists, the relationship rule)', () => {
    for (const story of fc.sample(submission, { numRuns: 200, seed: 1 })) {
      expect(story.story.whatHappened.length).toBeLessThan(LIMITS.whatHappenedMax);
      if (story.respondent.role === 'patient') expect(story.respondent.relationship).toBeUndefined();
    }
  });

  it('POST then GET /api/v1/stories/:id and the NDJSON export show the same (cleaned) content, exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (generated) => {
        const marker = uniquePhrase('rundtur');
        const sent: SubmissionInput = { ...generated, story: { ...generated.story, whatHappened: `${marker} ${generated.story.whatHappened}` } };
        const key = newKey();
        const posted = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(sent);
        expect(posted.status, posted.text).toBe(201);
        expect(posted.body.redactions).toEqual([]);
        // The form's retry with the same key is the same story, not a second one.
        const replayed = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', key).send(sent);
        expect(replayed.status).toBe(200);
        expect(replayed.body.id).toBe(posted.body.id);

        const detail = await request(t.app).get(`/api/v1/stories/${posted.body.id}`).set(facilitator.headers);
        expect(detail.status).toBe(200);
        const story = detail.body;
        expect(story.locale).toBe(sent.locale);
        expect(story.channel).toBe(sent.channel);
        expect(story.respondent).toEqual(sent.respondent);
        expect(story.care).toEqual({ ...sent.care, ...(sent.care.unit === undefined ? {} : { unit: cleaned(sent.care.unit) }) });
        expect(story.topics).toEqual(sent.topics ?? []);
        expect(story.rating).toBe(sent.rating);
        expect(story.hasFollowUp).toBe(false);
        const expected = Object.fromEntries(Object.entries(sent.story).map(([field, text]) => [field, cleaned(String(text))]));
        expect(story.story).toEqual(expected);
        for (const text of Object.values(story.story as Record<string, string>)) {
          expect(text.isWellFormed()).toBe(true);
          expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]/);
        }
        expect(story.story.whatHappened.split(marker).length - 1).toBe(1);

        const found = await request(t.app).get('/api/v1/stories').query({ q: marker.split(' ')[1] }).set(facilitator.headers);
        expect(found.status).toBe(200);
        expect(found.body.total).toBe(1);
        expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([posted.body.id]);

        // And through the NDJSON export, exactly once, with the same cleaned content.
        const exported = await request(t.app).get('/api/v1/exports/stories').query({ format: 'ndjson', locale: sent.locale }).set(facilitator.headers);
        expect(exported.status).toBe(200);
        const lines = exported.text
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => StoryExportRecordSchema.parse(JSON.parse(line)))
          .filter((record) => record.story.whatHappened.includes(marker));
        expect(lines).toHaveLength(1);
        const [record] = lines;
        expect(record?.story).toEqual({ whatWorkedWell: '', whatCouldBeBetter: '', idea: '', ...expected });
        expect(record?.respondentRole).toBe(sent.respondent.role);
        expect([...(record?.careSettings ?? [])].sort()).toEqual([...sent.care.settings].sort());
        expect(record?.rating).toBe(sent.rating ?? null);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
