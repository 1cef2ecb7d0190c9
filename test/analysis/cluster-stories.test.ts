import { describe, expect, it } from 'vitest';
import { analyseForClustering } from '../../analysis/src/cluster/features.ts';
import { analyseText, clusterStories, type ClusterStory, type Codebook, type FormLocale, type StoryCluster } from '../../analysis/src/index.ts';
import { uuidFromKey } from '../../api/src/themes/ids.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';
import { SUBJECTS, syntheticStories } from '../bench/syntheticStories.ts';

const idOf = (key: string): string => uuidFromKey(`starter:${key}`);
const starter: Codebook = STARTER_CODEBOOK.map((theme) => ({
  id: idOf(theme.key),
  ...(theme.parent === undefined ? {} : { parentId: idOf(theme.parent) }),
  labels: theme.labels,
  keywords: theme.keywords ?? {},
  status: 'active',
}));

const story = (id: string, locale: FormLocale, whatHappened: string, more: Record<string, string> = {}): ClusterStory => ({ id, locale, fields: { whatHappened, ...more } });

// Written for these tests: one new issue (parking fees at the hospital) in three languages, another (hospital
// food) in three more, and stories about nothing the others share.
const parking = [
  story('p-sv', 'sv', 'Parkeringsavgiften vid sjukhuset är alldeles för dyr. Jag fick betala mycket varje gång jag hälsade på min mamma.'),
  story('p-ar', 'ar', 'رسوم موقف السيارات في المستشفى غالية جدا. دفعت الكثير من المال كل مرة زرت فيها أمي.'),
  story('p-so', 'so', 'Lacagta baarkinka isbitaalka aad bay u qaalisan tahay. Waxaan bixiyay lacag badan markasta oo aan booqday hooyaday.'),
];
const food = [
  story('f-sv', 'sv', 'Maten på avdelningen var kall och frukosten kom alltid sent.'),
  story('f-en', 'en', 'The food on the ward was cold and breakfast always came late.'),
  story('f-fi', 'fi', 'Ruoka osastolla oli kylmää ja aamiainen tuli aina myöhässä.'),
];
const unrelated = [
  story('u-sv', 'sv', 'Läkaren lyssnade inte på mig när jag berättade om smärtan i knät.'),
  story('u-en', 'en', 'The receptionist was friendly and helped me fill in the form.'),
  story('u-uk', 'uk', 'Медсестра була дуже уважна до моєї дитини.'),
  story('u-fa', 'fa', 'دکتر خیلی مهربان بود و همه چیز را توضیح داد.'),
];

function clusterOf(clusters: readonly StoryCluster[], storyId: string): StoryCluster | undefined {
  return clusters.find((cluster) => cluster.storyIds.includes(storyId));
}

/** A fixed permutation per seed (no Math.random: the test itself is reproducible). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

describe('clusterStories: one issue across languages', () => {
  const result = clusterStories([...parking, ...food, ...unrelated]);

  it('puts a Swedish, an Arabic and a Somali story about hospital parking fees in one cluster', () => {
    const cluster = clusterOf(result.clusters, 'p-sv');
    expect(cluster).toBeDefined();
    expect([...cluster!.storyIds].sort()).toEqual(['p-ar', 'p-so', 'p-sv']);
    expect(cluster!.topTerms.map((term) => term.key)).toEqual(expect.arrayContaining(['concept:parking', 'concept:cost', 'concept:hospital']));
    expect(cluster!.topTerms.find((term) => term.key === 'concept:parking')?.label).toEqual({ sv: 'parkering', en: 'parking' });
  });

  it('keeps hospital food stories in a cluster of their own, though both issues happen in hospital', () => {
    const cluster = clusterOf(result.clusters, 'f-en');
    expect([...(cluster?.storyIds ?? [])].sort()).toEqual(['f-en', 'f-fi', 'f-sv']);
    expect(cluster?.id).not.toBe(clusterOf(result.clusters, 'p-sv')?.id);
  });

  it('leaves unrelated stories out of every cluster', () => {
    for (const { id } of unrelated) expect(clusterOf(result.clusters, id), id).toBeUndefined();
    expect(result).toMatchObject({ stories: 10, clustered: 6 });
    expect(result.clusters).toHaveLength(2);
  });

  it('quotes three members in three languages, from the stored text, with the language each is written in', () => {
    const cluster = clusterOf(result.clusters, 'p-sv')!;
    expect(cluster.quotes).toHaveLength(3);
    expect(new Set(cluster.quotes.map((quote) => quote.lang))).toEqual(new Set(['sv', 'ar', 'so']));
    for (const quote of cluster.quotes) expect(quote.text).toBe(parking.find((item) => item.id === quote.storyId)?.fields['whatHappened']);
  });

  it('finds nothing in stories that share nothing', () => {
    expect(clusterStories(unrelated)).toEqual({ clusters: [], stories: 4, featured: 0, clustered: 0 });
    expect(clusterStories([])).toEqual({ clusters: [], stories: 0, featured: 0, clustered: 0 });
  });
});

describe('clusterStories: determinism', () => {
  const stories = [...parking, ...food, ...unrelated, ...syntheticStories(600, { seed: 7 })];

  it('gives identical output for the same stories, in any input order', () => {
    const first = JSON.stringify(clusterStories(stories));
    expect(JSON.stringify(clusterStories(stories))).toBe(first);
    for (const seed of [1, 2, 3]) expect(JSON.stringify(clusterStories(shuffled(stories, seed)))).toBe(first);
  });

  it('takes a story given twice once', () => {
    expect(JSON.stringify(clusterStories([...stories, ...parking]))).toBe(JSON.stringify(clusterStories(stories)));
  });
});

describe('clusterStories: features', () => {
  it('uses the codebook: keywords of one theme in different languages are one concept', () => {
    const interpreting = [
      story('i-sv', 'sv', 'Det kom ingen tolk till mötet, så min dotter fick översätta allt.'),
      story('i-en', 'en', 'No interpreter was booked, so my neighbour had to translate.'),
      story('i-ar', 'ar', 'لم يكن هناك مترجم في الموعد.'),
    ];
    const withCodebook = clusterStories([...interpreting, ...unrelated], { codebook: starter, lexicon: [] });
    const cluster = clusterOf(withCodebook.clusters, 'i-ar');
    expect([...(cluster?.storyIds ?? [])].sort()).toEqual(['i-ar', 'i-en', 'i-sv']);
    expect(cluster?.themeIds).toContain(idOf('language-and-interpreting'));
    expect(cluster?.topTerms[0]).toMatchObject({ kind: 'theme', label: { sv: 'Språk och tolk', en: 'Language and interpreting' } });
    // Without the codebook the three share no word and no lexicon concept.
    expect(clusterOf(clusterStories([...interpreting, ...unrelated], { lexicon: [] }).clusters, 'i-ar')).toBeUndefined();
  });

  it('labels a word by how the members wrote it, with its language, and never shows stop words or masking tokens', () => {
    const lift = [
      story('l1', 'sv', 'Hissen till mottagningen var trasig och [PHONE] gick inte att ringa, så vi fick ta trapporna.'),
      story('l2', 'sv', 'Hissen var trasig igen och vi fick bära rullstolen i trapporna. Ring [PHONE].'),
      story('l3', 'sv', 'Trasig hiss, och trapporna är branta. Mitt nummer är [PHONE].'),
    ];
    const [cluster] = clusterStories([...lift, ...unrelated]).clusters;
    expect(cluster?.storyIds).toHaveLength(3);
    const labels = cluster!.topTerms.map((term) => term.label.sv);
    expect(labels).toEqual(expect.arrayContaining(['trasig', 'trapporna']));
    for (const term of cluster!.topTerms.filter((item) => item.kind === 'word')) expect(term.lang).toBe('sv');
    for (const hidden of ['phone', 'och', 'var', 'vi', 'i', 'att']) expect(labels).not.toContain(hidden);
  });

  it('quotes the field that says most about the cluster', () => {
    const stories = parking.map((item, index) => ({ ...item, fields: { whatHappened: ['Jag var där en tisdag.', 'كنت هناك يوم الثلاثاء.', 'Waxaan halkaas joogay Talaado.'][index]!, whatCouldBeBetter: item.fields['whatHappened']! } }));
    const [cluster] = clusterStories(stories).clusters;
    for (const quote of cluster!.quotes) expect(quote.text).toBe(parking.find((item) => item.id === quote.storyId)?.fields['whatHappened']);
  });

  it('shortens long quotes at a word boundary', () => {
    const long = parking.map((item) => ({ ...item, fields: { whatHappened: `${item.fields['whatHappened']} ${'och sedan hände ingenting mer '.repeat(20)}` } }));
    const [cluster] = clusterStories(long).clusters;
    for (const quote of cluster!.quotes) {
      expect(Array.from(quote.text).length).toBeLessThanOrEqual(282);
      expect(quote.text.endsWith(' …')).toBe(true);
    }
  });

  it('analyses words exactly as analyseText does (only once per spelling)', () => {
    const texts: ReadonlyArray<readonly [FormLocale, string]> = [
      ['sv', 'Väntade på vårdcentralen, ringde 1177 och fick ingen tid. Vantade igen!'],
      ['ar', 'والمستشفى كان مزدحما، انتظرت ساعات في قسم الطوارئ'],
      ['fa', 'نوبت‌ها را نمی‌دادند و تلفن جواب نمی‌داد'],
      ['uk', 'Не міг записатися до лікаря через телефон'],
      ['ti', 'ኣብ ሆስፒታል ብዙሕ ተጸቢና'],
      ['so', 'Waxaan sugay saacado badan, English words here'],
      ['fi', 'Sairaalan pysäköintimaksu on liian kallis'],
    ];
    const memo = new Map();
    for (const [locale, text] of texts) {
      const expected = analyseText(text, locale);
      const analysed = analyseForClustering({ id: 'x', locale, fields: { whatHappened: text } }, memo);
      expect(analysed.language).toBe(expected.language);
      expect(analysed.fields[0]?.tokens).toEqual(expected.tokens);
    }
  });
});

describe('clusterStories at scale', () => {
  it('recovers each subject of 3 000 synthetic stories in six languages as one cross-language cluster', () => {
    const stories = syntheticStories(3000, { seed: 11 });
    const subjectOf = new Map(stories.map((item) => [item.id, item.subject]));
    const { clusters } = clusterStories(stories);
    for (const subject of Object.keys(SUBJECTS)) {
      const total = stories.filter((item) => item.subject === subject).length;
      const best = clusters
        .map((cluster) => ({ cluster, hits: cluster.storyIds.filter((id) => subjectOf.get(id) === subject).length }))
        .sort((a, b) => b.hits - a.hits)[0]!;
      expect(best.hits / total, subject).toBeGreaterThanOrEqual(0.9);
      expect(best.hits / best.cluster.size, subject).toBeGreaterThanOrEqual(0.95);
      expect(new Set(best.cluster.quotes.map((quote) => quote.lang)).size, subject).toBe(3);
    }
  });
});
