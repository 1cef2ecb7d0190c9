// Synthetic multilingual stories for the clustering benchmark and the clustering scale test: a handful of
// "emerging" subjects written in six form languages, mixed with unrelated everyday sentences. Written for the
// tests; not patient data. Deterministic for a given seed.
import type { ClusterStory, FormLocale } from '../../analysis/src/index.ts';

export const SYNTHETIC_LANGUAGES = ['sv', 'en', 'ar', 'so', 'fi', 'uk'] as const satisfies readonly FormLocale[];
type Language = (typeof SYNTHETIC_LANGUAGES)[number];

/** Two ways of saying each subject in each language. */
export const SUBJECTS: Readonly<Record<string, Readonly<Record<Language, readonly string[]>>>> = {
  parking: {
    sv: ['Parkeringsavgiften vid sjukhuset är alldeles för dyr.', 'Jag fick betala mycket för parkeringen när jag hälsade på pappa på sjukhuset.'],
    en: ['The parking fee at the hospital is far too expensive.', 'I had to pay a lot for parking every time I visited my father in hospital.'],
    ar: ['رسوم موقف السيارات في المستشفى غالية جدا.', 'دفعت الكثير من المال مقابل موقف السيارة عند المستشفى.'],
    so: ['Lacagta baarkinka isbitaalka aad bay u qaalisan tahay.', 'Waxaan bixiyay lacag badan baarkinka isbitaalka.'],
    fi: ['Sairaalan pysäköintimaksu on aivan liian kallis.', 'Jouduin maksamaan paljon pysäköinnistä sairaalassa.'],
    uk: ['Паркування біля лікарні дуже дороге.', 'Я мусив багато платити за парковку біля лікарні.'],
  },
  food: {
    sv: ['Maten på avdelningen var kall och frukosten kom sent.', 'Jag fick ingen mat på hela dagen, bara kaffe.'],
    en: ['The food on the ward was cold and breakfast came late.', 'I got no food all day, only coffee.'],
    ar: ['الطعام في الجناح كان باردا والفطور جاء متأخرا.', 'لم أحصل على أكل طوال اليوم.'],
    so: ['Cuntada qaybta way qabowday, quraacuna way soo daahday.', 'Cunto ma helin maalintii oo dhan.'],
    fi: ['Ruoka osastolla oli kylmää ja aamiainen tuli myöhässä.', 'En saanut ruokaa koko päivänä, vain kahvia.'],
    uk: ['Їжа у відділенні була холодна, а сніданок приносили пізно.', 'Я не отримав їжу цілий день.'],
  },
  noise: {
    sv: ['Det var så mycket buller på natten att jag inte kunde sova.', 'Oväsen i korridoren hela natten, ingen sömn alls.'],
    en: ['There was so much noise at night that I could not sleep.', 'Loud noise in the corridor all night, no sleep at all.'],
    ar: ['كان هناك ضجيج كثير في الليل ولم أستطع النوم.', 'إزعاج في الممر طوال الليل، لا نوم.'],
    so: ['Buuq badan ayaa jiray habeenkii, ma hurdi karin.', 'Qeylo ayaa jirtay habeenkii oo dhan, hurdo ma jirin.'],
    fi: ['Yöllä oli niin paljon melua, etten saanut unta.', 'Meteliä käytävällä koko yön, ei unta ollenkaan.'],
    uk: ['Вночі був такий шум, що я не міг спати.', 'Галас у коридорі всю ніч, сну не було.'],
  },
  toilets: {
    sv: ['Toaletten på avdelningen var smutsig och ingen städade.', 'Duschen var smutsig, det luktade illa.'],
    en: ['The toilet on the ward was dirty and nobody cleaned it.', 'The shower was dirty and smelled bad.'],
    ar: ['الحمام في الجناح كان وسخا ولم ينظفه أحد.', 'المرحاض كان قذرا.'],
    so: ['Musqusha qaybta way wasakhaysnayd, qofna ma nadiifin.', 'Suuliga wuu wasakh ahaa.'],
    fi: ['Osaston vessa oli likainen eikä kukaan siivonnut.', 'Suihku oli likainen ja haisi pahalle.'],
    uk: ['Туалет у відділенні був брудний, ніхто не прибирав.', 'Душ був брудний.'],
  },
  transport: {
    sv: ['Sjukresan kom inte och taxin kom två timmar för sent.', 'Bussen till sjukhuset går bara en gång i timmen.'],
    en: ['The hospital transport never came and the taxi was two hours late.', 'The bus to the hospital runs only once an hour.'],
    ar: ['التاكسي لم يأت والحافلة إلى المستشفى نادرة.', 'انتظرت التاكسي ساعتين.'],
    so: ['Taksiga ma iman, baskuna wuu daahay.', 'Baska isbitaalka wuxuu yimaadaa saacaddiiba mar.'],
    fi: ['Taksi ei tullut ja bussi sairaalaan kulkee kerran tunnissa.', 'Odotin taksia kaksi tuntia.'],
    uk: ['Таксі не приїхало, а автобус до лікарні ходить раз на годину.', 'Я чекав таксі дві години.'],
  },
  signs: {
    sv: ['Det fanns inga skyltar och vi gick vilse i kulvertarna.', 'Entrén var svår att hitta, skyltningen är dålig.'],
    en: ['There were no signs and we got lost in the tunnels.', 'The entrance was hard to find, the signage is poor.'],
    ar: ['لم تكن هناك لافتات وتهت في الممرات.', 'كان من الصعب إيجاد المدخل.'],
    so: ['Ma jirin calaamado, waanan lumay.', 'Iridda way adkayd in la helo, calaamaduhu way liitaan.'],
    fi: ['Opasteita ei ollut ja eksyin käytävillä.', 'Sisäänkäyntiä oli vaikea löytää, opasteet ovat huonot.'],
    uk: ['Не було вказівників, і ми заблукали.', 'Вхід було важко знайти, табличок немає.'],
  },
};

/** Everyday sentences that belong to no subject: the unrelated rest of a story. */
const FILLER: Readonly<Record<Language, readonly string[]>> = {
  sv: ['Jag var där en tisdag med min dotter.', 'Personalen var vänlig.', 'Det var min första gång där.', 'Min man följde med.', 'Vi kom hem sent.'],
  en: ['I was there on a Tuesday with my daughter.', 'The staff were friendly.', 'It was my first time there.', 'My husband came with me.', 'We got home late.'],
  ar: ['كنت هناك يوم الثلاثاء مع ابنتي.', 'كان الموظفون لطفاء.', 'كانت أول مرة لي هناك.', 'جاء زوجي معي.'],
  so: ['Waxaan halkaas joogay Talaado gabadhayda.', 'Shaqaaluhu way naxariis badnaayeen.', 'Waxay ahayd markii ugu horreysay.', 'Ninkaygu wuu ila socday.'],
  fi: ['Olin siellä tiistaina tyttäreni kanssa.', 'Henkilökunta oli ystävällistä.', 'Se oli ensimmäinen kertani siellä.', 'Mieheni tuli mukaan.'],
  uk: ['Я був там у вівторок з донькою.', 'Персонал був привітний.', 'Це був мій перший раз там.', 'Мій чоловік пішов зі мною.'],
};

/** mulberry32, so a given seed always gives the same stories. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticStory extends ClusterStory {
  /** The subject it was written about, or undefined for a story of filler only. */
  readonly subject: string | undefined;
}

/**
 * `count` stories: `subjectShare` of them about one of SUBJECTS (one or two subject sentences among filler),
 * the rest filler only. Languages rotate; the written language is stored, as the API stores it.
 */
export function syntheticStories(count: number, options: { seed?: number; subjectShare?: number; storeLanguage?: boolean } = {}): SyntheticStory[] {
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] ?? (list[0] as T);
  const subjects = Object.keys(SUBJECTS);
  const stories: SyntheticStory[] = [];
  for (let index = 0; index < count; index += 1) {
    const language = SYNTHETIC_LANGUAGES[index % SYNTHETIC_LANGUAGES.length] ?? 'sv';
    const subject = next() < (options.subjectShare ?? 0.7) ? pick(subjects) : undefined;
    const sentences: string[] = [pick(FILLER[language])];
    if (subject !== undefined) {
      const said = SUBJECTS[subject]?.[language] ?? [];
      sentences.push(pick(said));
      if (next() < 0.5) sentences.push(pick(said));
    }
    sentences.push(pick(FILLER[language]));
    stories.push({
      id: `s${String(index).padStart(6, '0')}`,
      locale: language,
      fields: { whatHappened: sentences.join(' ') },
      ...(options.storeLanguage === false ? {} : { language }),
      subject,
    });
  }
  return stories;
}
