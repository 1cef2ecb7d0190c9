import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidFromKey } from '../../api/src/themes/ids.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';
import {
  isThemeModel,
  rankThemes,
  resolveTopicThemes,
  STARTER_TOPIC_THEME_KEYS,
  suggestThemes,
  trainModel,
  FORM_LOCALES,
  type Codebook,
  type CodebookTheme,
  type FormLocale,
  type StoryForSuggestion,
  type TrainingExample,
} from '../../analysis/src/index.ts';
import { keywordSimilarities } from '../../analysis/src/suggest/keywordSimilarity.ts';
import { analyseStory, findKeywordMatches } from '../../analysis/src/suggest/matchKeywords.ts';
import { compileCodebook } from '../../analysis/src/suggest/compileCodebook.ts';
import { TOPICS } from '../../api/contract/lists.ts';

const idOf = (key: string): string => uuidFromKey(`starter:${key}`);
const starter: Codebook = STARTER_CODEBOOK.map((theme) => ({
  id: idOf(theme.key),
  ...(theme.parent === undefined ? {} : { parentId: idOf(theme.parent) }),
  labels: theme.labels,
  keywords: theme.keywords ?? {},
  status: 'active',
}));
const keyOf = new Map(STARTER_CODEBOOK.map((theme) => [idOf(theme.key), theme.key]));
const topicThemes = resolveTopicThemes((key) => (STARTER_CODEBOOK.some((theme) => theme.key === key) ? idOf(key) : undefined));

function story(locale: FormLocale, whatHappened: string, topics: readonly string[] = [], more: Record<string, string> = {}): StoryForSuggestion {
  return { fields: { whatHappened, ...more }, locale, topics };
}
const shownKeys = (input: StoryForSuggestion): Array<string | undefined> => suggestThemes(input, starter, undefined, { topicThemes }).map((suggestion) => keyOf.get(suggestion.themeId));

describe('suggestThemes with the starter codebook, in every form language', () => {
  // Dev examples written for these tests (the evaluation fixtures are kept out of development).
  const cases: ReadonlyArray<readonly [FormLocale, string, string, string]> = [
    ['sv', 'Jag ringde vårdcentralen varje morgon men kom aldrig fram på telefon.', 'access-and-booking', 'telefon'],
    ['sv-x-lattlast', 'Jag ville boka tid. Jag fick ringa många gånger.', 'access-and-booking', 'boka tid'],
    ['en', 'The doctor stared at the computer screen and never looked at me.', 'staff-attention-go-live', 'computer'],
    ['ar', 'لم أفهم ما قاله الطبيب لأنه لم يكن هناك مترجم.', 'language-and-interpreting', 'مترجم'],
    ['fa', 'نسخه داروی من تمدید نشد و داروخانه دارو را نداد.', 'medication-and-prescriptions', 'داروخانه'],
    ['prs', 'داکتر با من با احترام برخورد نکرد.', 'respect-and-dignity', 'احترام'],
    ['so', 'Waxaan sugay natiijada baaritaanka dhiigga laba toddobaad.', 'test-results', 'natiijada baaritaanka'],
    ['ti', 'ኣብ ህጹጽ ክፍሊ ብዙሕ ተጸቢየ።', 'scenario-emergency-visit', 'ህጹጽ ክፍሊ'],
    ['fi', 'Tulkkia ei ollut, joten en ymmärtänyt lääkäriä.', 'language-and-interpreting', 'Tulkkia'],
    ['uk', 'Я не могла записатися на прийом до лікаря.', 'access-and-booking', 'записатися'],
  ];
  it.each(cases)('%s: suggests %s with its evidence highlighted', (locale, text, key, evidenceText) => {
    const suggestions = suggestThemes(story(locale, text), starter, undefined, { topicThemes });
    const suggestion = suggestions.find((candidate) => keyOf.get(candidate.themeId) === key);
    expect(suggestion, JSON.stringify(suggestions.map((candidate) => keyOf.get(candidate.themeId)))).toBeDefined();
    expect(suggestion!.score).toBeGreaterThanOrEqual(0.5);
    expect(suggestion!.score).toBeLessThanOrEqual(1);
    const evidence = suggestion!.evidence.find((item) => item.text === evidenceText);
    expect(evidence).toBeDefined();
    expect(text.slice(evidence!.start, evidence!.end)).toBe(evidenceText);
    expect(evidence!.field).toBe('whatHappened');
  });

  it('lets an Arabic and a Swedish story about booking land on the same theme', () => {
    expect(shownKeys(story('ar', 'لم أستطع حجز موعد عبر الهاتف.'))).toContain('access-and-booking');
    expect(shownKeys(story('sv', 'Jag kunde inte boka en tid på telefon.'))).toContain('access-and-booking');
  });

  it('finds keywords in the language the story is written in, not only the form language', () => {
    const result = rankThemes(story('sv', 'I waited for hours in the queue and nobody explained the delay.'), starter);
    expect(result.language).toBe('en');
    expect(result.ranking.map((suggestion) => keyOf.get(suggestion.themeId))).toContain('waiting');
  });

  it('finds a keyword inside a Swedish compound', () => {
    const ranking = rankThemes(story('sv', 'Telefonkön var oändlig.'), starter).ranking;
    const access = ranking.find((suggestion) => keyOf.get(suggestion.themeId) === 'access-and-booking');
    expect(access?.evidence.map((item) => item.text)).toContain('Telefonkön');
  });

  it('meets a Swedish misspelling without å, ä, ö', () => {
    expect(shownKeys(story('sv', 'Jag fick ingen vardskada men det var nara.'))).toContain('safety');
  });

  it('does not let a stop word find a keyword through folding ("aldrig" is not "äldre")', () => {
    const ranking = rankThemes(story('sv', 'Det hände aldrig igen.'), starter).ranking;
    expect(ranking.map((suggestion) => keyOf.get(suggestion.themeId))).not.toContain('scenario-older-people-home-care');
  });

  it('reads every free-text field and reports which field the evidence is in', () => {
    const suggestions = suggestThemes(story('sv', 'Besöket gick bra.', [], { whatCouldBeBetter: 'Tolken kom aldrig.' }), starter);
    const language = suggestions.find((suggestion) => keyOf.get(suggestion.themeId) === 'language-and-interpreting');
    expect(language?.evidence[0]).toMatchObject({ field: 'whatCouldBeBetter', text: 'Tolken', start: 0, end: 6 });
  });

  it('marks evidence that follows a negation, without lowering the score', () => {
    const negated = rankThemes(story('sv', 'Ingen tolk fanns.'), starter).ranking.find((suggestion) => keyOf.get(suggestion.themeId) === 'language-and-interpreting');
    const plain = rankThemes(story('sv', 'En tolk fanns.'), starter).ranking.find((suggestion) => keyOf.get(suggestion.themeId) === 'language-and-interpreting');
    expect(negated?.evidence[0]?.negated).toBe(true);
    expect(plain?.evidence[0]?.negated).toBe(false);
    expect(negated?.score).toBe(plain?.score);
  });
});

describe('topics', () => {
  it('maps every respondent topic but "other" to a starter theme', () => {
    expect(Object.keys(STARTER_TOPIC_THEME_KEYS).sort()).toEqual([...TOPICS].sort());
    for (const [topic, keys] of Object.entries(STARTER_TOPIC_THEME_KEYS)) {
      expect(keys.length, topic).toBe(topic === 'other' ? 0 : 1);
      for (const key of keys) expect(STARTER_CODEBOOK.some((theme) => theme.key === key), key).toBe(true);
    }
  });

  it('a topic alone ranks its theme below the display threshold; with a keyword it is shown higher', () => {
    const topicOnly = rankThemes(story('sv', 'Det var en vanlig dag.', ['waiting_times']), starter, undefined, { topicThemes });
    const waiting = topicOnly.ranking.find((suggestion) => keyOf.get(suggestion.themeId) === 'waiting');
    expect(waiting).toMatchObject({ score: 0.4, topics: ['waiting_times'], evidence: [] });
    expect(suggestThemes(story('sv', 'Det var en vanlig dag.', ['waiting_times']), starter, undefined, { topicThemes })).toEqual([]);
    const withKeyword = suggestThemes(story('sv', 'Vi stod i kö.', ['waiting_times']), starter, undefined, { topicThemes });
    const withoutTopic = suggestThemes(story('sv', 'Vi stod i kö.'), starter, undefined, { topicThemes });
    expect(withKeyword[0]?.score).toBeGreaterThan(withoutTopic[0]!.score);
  });
});

// A small codebook for the rules that do not depend on the starter keywords.
const T = (id: string, keywords: Partial<Record<FormLocale, string[]>>, parentId?: string, status: 'active' | 'archived' = 'active'): CodebookTheme => ({
  id,
  ...(parentId === undefined ? {} : { parentId }),
  labels: { sv: id, en: id },
  keywords,
  status,
});
const small: Codebook = [
  T('a-parent', { sv: ['digital'] }),
  T('b-child', { sv: ['appen'] }, 'a-parent'),
  T('c-child', { sv: ['sajten'] }, 'a-parent'),
  T('d-phrase', { sv: ['komma fram'], en: ['get through'] }),
  T('e-english', { en: ['parking'] }),
  T('f-archived', { sv: ['appen'] }, undefined, 'archived'),
  T('g-tie', { sv: ['parkering'] }),
  T('h-tie', { sv: ['parkeringen'] }),
];

describe('rules', () => {
  it('matches a multi-word keyword as a phrase, not as words apart', () => {
    expect(suggestThemes(story('sv', 'Jag kunde inte komma fram.'), small).map((suggestion) => suggestion.themeId)).toEqual(['d-phrase']);
    expect(rankThemes(story('sv', 'Jag kunde komma dit men inte fram.'), small).ranking).toEqual([]);
  });

  it('counts a keyword from another language at half weight (the shared concept layer)', () => {
    const ranking = rankThemes(story('sv', 'Det fanns ingen parking vid sjukhuset och vi letade länge.'), small).ranking;
    expect(ranking[0]).toMatchObject({ themeId: 'e-english', evidence: [{ text: 'parking', keywordLocale: 'en' }] });
    expect(ranking[0]!.score).toBeLessThan(0.5);
  });

  it('prefers the most specific theme: the parent is not shown when a child qualifies', () => {
    const text = 'Det digitala fungerade inte, appen kraschade.';
    const ranking = rankThemes(story('sv', text), small).ranking;
    expect(ranking.map((suggestion) => suggestion.themeId)).toEqual(['b-child', 'a-parent']);
    expect(ranking[0]!.evidence.map((item) => item.text)).toEqual(['digitala', 'appen']);
    expect(suggestThemes(story('sv', text), small).map((suggestion) => suggestion.themeId)).toEqual(['b-child']);
  });

  it('shows the parent when two children tie for the last slot', () => {
    const text = 'Appen och sajten krånglade.';
    expect(suggestThemes(story('sv', text), small, undefined, { maxShown: 2 }).map((suggestion) => suggestion.themeId)).toEqual(['b-child', 'c-child']);
    const one = suggestThemes(story('sv', text), small, undefined, { maxShown: 1 });
    expect(one.map((suggestion) => suggestion.themeId)).toEqual(['a-parent']);
    expect(one[0]!.evidence.map((item) => item.text)).toEqual(['Appen', 'sajten']);
  });

  it('never suggests an archived theme', () => {
    expect(rankThemes(story('sv', 'Appen krånglade.'), small).ranking.map((suggestion) => suggestion.themeId)).not.toContain('f-archived');
  });

  it('breaks ties by theme id and respects threshold and maxShown', () => {
    const input = story('sv', 'Parkering och parkeringen.');
    const ranking = rankThemes(input, small).ranking;
    expect(ranking.map((suggestion) => suggestion.themeId)).toEqual(['g-tie', 'h-tie']);
    expect(ranking[0]!.score).toBe(ranking[1]!.score);
    expect(suggestThemes(input, small, undefined, { threshold: 0.99 })).toEqual([]);
  });

  it('gives identical output for the same input', () => {
    const input = story('sv', 'Jag ringde 1177 men kom inte fram, och appen visade fel tid.', ['access_and_booking']);
    expect(JSON.stringify(suggestThemes(input, starter, undefined, { topicThemes }))).toBe(JSON.stringify(suggestThemes(input, starter, undefined, { topicThemes })));
  });

  it('keeps evidence ranges on the original characters when NFKC changes lengths', () => {
    const text = 'انتظرت \uFEE3\uFEEE\uFECB\uFEAA طويلا ﷲ';
    const access = rankThemes(story('ar', text), starter).ranking.find((suggestion) => keyOf.get(suggestion.themeId) === 'access-and-booking');
    expect(access?.evidence[0]).toMatchObject({ start: 7, end: 11, text: '\uFEE3\uFEEE\uFECB\uFEAA' });
  });

  it('always returns scores in 0..1, best first, at most maxShown, with ranges that slice out the evidence (property)', () => {
    const words = ['tid', 'telefon', 'vänta', 'kö', 'appen', 'BankID', 'ﬁle', 'مترجم', 'نوبت', 'ሓኪም', 'лікар', 'odottaa', 'aldrig', 'inte', 'boka', 'tid', 'ringa', '1177', 'och', 'jag'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 25 }),
        fc.constantFrom(...FORM_LOCALES),
        fc.subarray([...TOPICS]),
        fc.integer({ min: 1, max: 4 }),
        (picked, locale, topics, maxShown) => {
          const text = picked.join(' ');
          const input = story(locale, text, topics);
          const ranking = rankThemes(input, starter, undefined, { topicThemes }).ranking;
          for (let index = 1; index < ranking.length; index += 1) expect(ranking[index - 1]!.score).toBeGreaterThanOrEqual(ranking[index]!.score);
          for (const suggestion of ranking) {
            expect(suggestion.score).toBeGreaterThan(0);
            expect(suggestion.score).toBeLessThanOrEqual(1);
            for (const item of suggestion.evidence) expect(text.slice(item.start, item.end)).toBe(item.text);
          }
          const shown = suggestThemes(input, starter, undefined, { topicThemes, maxShown });
          expect(shown.length).toBeLessThanOrEqual(maxShown);
          for (const suggestion of shown) expect(suggestion.score).toBeGreaterThanOrEqual(0.5);
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe('learned model', () => {
  const parking = T('p-parking', {});
  const codebook: Codebook = [...small, parking];
  const examples: TrainingExample[] = [
    { id: '01', story: story('sv', 'Det fanns ingen parkeringsplats vid entrén, vi körde runt länge.'), accepted: ['p-parking'], rejected: [] },
    { id: '02', story: story('sv', 'Parkeringsplats saknades och avgiften var hög.'), accepted: ['p-parking'], rejected: [] },
    { id: '03', story: story('en', 'No parkeringsplats anywhere near the entrance, the fee was high.'), accepted: ['p-parking'], rejected: [] },
    { id: '031', story: story('sv', 'Avgiften för parkeringsplats var orimlig.'), accepted: ['p-parking'], rejected: [] },
    { id: '032', story: story('sv', 'Ingen parkeringsplats för rörelsehindrade, avgiften hög.'), accepted: ['p-parking'], rejected: [] },
    { id: '033', story: story('sv', 'Vi letade parkeringsplats i en halvtimme.'), accepted: ['p-parking'], rejected: [] },
    { id: '04', story: story('sv', 'Appen visade fel och jag kom inte fram.'), accepted: ['b-child', 'd-phrase'], rejected: [] },
    { id: '05', story: story('sv', 'Appen var lätt att använda.'), accepted: ['b-child'], rejected: [] },
    { id: '06', story: story('sv', 'Sajten var trög men fungerade.'), accepted: ['c-child'], rejected: [] },
    { id: '07', story: story('sv', 'Personalen var vänlig och entrén var ljus.'), accepted: [], rejected: ['p-parking'] },
    { id: '08', story: story('sv', 'Jag kom inte fram på telefon på hela dagen.'), accepted: ['d-phrase'], rejected: [] },
  ];

  it('gives identical JSON for the same examples in any order', () => {
    const first = JSON.stringify(trainModel(examples, codebook));
    expect(JSON.stringify(trainModel([...examples].reverse(), codebook))).toBe(first);
    expect(isThemeModel(JSON.parse(first))).toBe(true);
  });

  it('learns a theme that has no keywords from accepted tags, and a JSON round trip predicts the same', () => {
    const model = trainModel(examples, codebook);
    const input = story('sv', 'Vi hittade ingen parkeringsplats och avgiften var hög.');
    const suggestions = suggestThemes(input, codebook, model);
    expect(suggestions[0]?.themeId).toBe('p-parking');
    expect(suggestions[0]?.signals.model).toBeGreaterThan(0.5);
    const parsed: unknown = JSON.parse(JSON.stringify(model));
    expect(isThemeModel(parsed)).toBe(true);
    if (isThemeModel(parsed)) expect(suggestThemes(input, codebook, parsed)).toEqual(suggestions);
    expect(rankThemes(story('sv', 'Personalen var vänlig.'), codebook, model).ranking.find((suggestion) => suggestion.themeId === 'p-parking')?.score ?? 0).toBeLessThan(0.5);
  });

  it('lowers a theme that facilitators keep rejecting', () => {
    const input = story('sv', 'Appen och sajten var okej.');
    const before = trainModel(examples, codebook);
    const rejecting = [
      ...examples,
      ...['11', '12', '13', '14'].map((id) => ({ id, story: story('sv', `Sajten fungerade ${id === '11' ? 'bra' : 'som vanligt'} i dag.`), accepted: [], rejected: ['c-child'] })),
    ];
    const after = trainModel(rejecting, codebook);
    const score = (model: ReturnType<typeof trainModel>): number => rankThemes(input, codebook, model).ranking.find((suggestion) => suggestion.themeId === 'c-child')?.score ?? 0;
    expect(score(after)).toBeLessThan(score(before));
  });
});

describe('near misses of the keywords (model features)', () => {
  const codebook: Codebook = [T('i-interpreter', { uk: ['перекладач'] }), T('k-home-care', { fi: ['kotihoito'] }), T('x-pharmacy', { uk: ['аптека'] })];
  const compiled = compileCodebook(codebook);

  it('finds a Finnish inflected form (consonant gradation) that the keyword layer misses, and nothing for an unrelated word', () => {
    const inflected = analyseStory(story('fi', 'Äidin kotihoidon käynnit peruttiin.'));
    expect(findKeywordMatches(inflected, 'fi', compiled)).toEqual([]);
    expect(keywordSimilarities(inflected, 'fi', compiled).get('k-home-care')).toBeGreaterThanOrEqual(0.6);
    expect(keywordSimilarities(analyseStory(story('fi', 'Äidin kotiinkuljetus peruttiin.')), 'fi', compiled).has('k-home-care')).toBe(false);
  });

  it('lets the model suggest a theme from an inflected form it never saw as a whole word', () => {
    const examples: TrainingExample[] = [
      { id: '01', story: story('uk', 'Перекладачки не було, і я нічого не зрозуміла.'), accepted: ['i-interpreter'], rejected: [] },
      { id: '02', story: story('uk', 'Нам дали перекладачку, яка говорила іншою мовою.'), accepted: ['i-interpreter'], rejected: [] },
      { id: '03', story: story('uk', 'Я розмовляла з лікарем через перекладачку по телефону.'), accepted: ['i-interpreter'], rejected: [] },
      { id: '04', story: story('uk', 'В аптеці не було моїх ліків.'), accepted: ['x-pharmacy'], rejected: [] },
      { id: '05', story: story('uk', 'Рецепт не дійшов до аптеки вчасно.'), accepted: ['x-pharmacy'], rejected: [] },
      { id: '06', story: story('uk', 'Лікар був уважний і все пояснив.'), accepted: ['x-pharmacy'], rejected: ['i-interpreter'] },
      { id: '07', story: story('uk', 'Довго чекали в коридорі, ніхто не підходив.'), accepted: ['x-pharmacy'], rejected: [] },
    ];
    const model = trainModel(examples, codebook);
    expect(model.features).toContain('s:i-interpreter');
    // "перекладачці" stems to a word no training story had: only the near-miss feature can carry the theme.
    const input = story('uk', 'Я не змогла пояснити перекладачці, що в мене болить.');
    expect(model.features.filter((feature) => feature.startsWith('w:перекладачц'))).toEqual([]);
    const top = rankThemes(input, codebook, model).ranking[0];
    expect(top?.themeId).toBe('i-interpreter');
    expect(top?.signals.keywords).toBe(0);
    expect(top?.signals.model).toBeGreaterThan(0.5);
  });
});
