import type { Grammar } from '../text/locales.ts';

/**
 * A concept that is not (yet) a codebook theme: the same thing named in each form language, so stories about it
 * share a feature whatever language they are written in. Single words only; each goes through the same pipeline
 * as story text (normalisation, stemming), so an inflected form in a story meets it.
 */
export interface Concept {
  readonly key: string;
  readonly labels: { readonly sv: string; readonly en: string };
  readonly words: Partial<Record<Grammar, readonly string[]>>;
}

export type ConceptLexicon = readonly Concept[];

/**
 * A small, hand-written lexicon of everyday hospital-visit matters that the starter codebook has no theme for
 * (getting there, paying, eating, sleeping, finding the way). It lets a new issue raised in several languages
 * surface as one cluster before anyone has written keywords for it. Written for this project, not reviewed by
 * native speakers of every language: the codebook's keywords remain the maintained concept layer, and a concept
 * that becomes a theme should get proper keywords there. Words that are also ordinary care words ("besök" is any
 * appointment in Swedish) are left out on purpose.
 */
export const BUILT_IN_CONCEPTS: ConceptLexicon = [
  {
    key: 'parking',
    labels: { sv: 'parkering', en: 'parking' },
    words: {
      sv: ['parkering', 'parkera', 'parkeringsplats', 'parkeringshus'],
      en: ['parking', 'park', 'carpark'],
      ar: ['موقف', 'مواقف', 'ركن', 'باركينغ', 'الباركنج'],
      fa: ['پارکینگ', 'پارک'],
      so: ['baarkin', 'baakin', 'baarkinka', 'dhigasho'],
      ti: ['ፓርኪንግ', 'መዕረፊ'],
      fi: ['pysäköinti', 'pysäköidä', 'parkki', 'parkkipaikka', 'parkkihalli'],
      uk: ['парковка', 'паркування', 'паркінг', 'стоянка', 'припаркувати'],
    },
  },
  {
    key: 'cost',
    labels: { sv: 'avgift och kostnad', en: 'fees and cost' },
    words: {
      sv: ['avgift', 'avgifter', 'betala', 'betalade', 'kostnad', 'kostar', 'dyr', 'dyrt', 'pris', 'pengar', 'kronor', 'faktura'],
      en: ['fee', 'fees', 'cost', 'costs', 'pay', 'paid', 'price', 'expensive', 'money', 'charge', 'charged', 'bill'],
      ar: ['رسوم', 'رسم', 'دفع', 'دفعت', 'سعر', 'غالي', 'غالية', 'تكلفة', 'مال', 'فلوس', 'فاتورة', 'كرون'],
      fa: ['هزینه', 'پول', 'گران', 'پرداخت', 'قیمت', 'کرایه', 'کرون'],
      so: ['lacag', 'lacagta', 'qiimo', 'qiimaha', 'qaali', 'qaalisan', 'bixin', 'bixiyay', 'kharash', 'kharashka', 'karoon'],
      ti: ['ክፍሊት', 'ዋጋ', 'ገንዘብ', 'ክቡር', 'ከፊለ'],
      fi: ['maksu', 'maksaa', 'maksoin', 'hinta', 'kallis', 'kallista', 'raha', 'rahaa', 'lasku', 'kruunua'],
      uk: ['плата', 'оплата', 'платити', 'заплатити', 'ціна', 'дорого', 'дорогий', 'гроші', 'рахунок', 'крон'],
    },
  },
  {
    key: 'hospital',
    labels: { sv: 'sjukhus', en: 'hospital' },
    words: {
      sv: ['sjukhus', 'sjukhuset', 'lasarett', 'lasarettet'],
      en: ['hospital'],
      ar: ['مستشفى', 'المستشفى'],
      fa: ['بیمارستان'],
      so: ['isbitaal', 'isbitaalka', 'cisbitaal', 'cisbitaalka'],
      ti: ['ሆስፒታል'],
      fi: ['sairaala', 'sairaalaan', 'sairaalassa'],
      uk: ['лікарня', 'лікарні', 'шпиталь'],
    },
  },
  {
    key: 'car',
    labels: { sv: 'bil', en: 'car' },
    words: {
      sv: ['bil', 'bilen', 'bilar'],
      en: ['car', 'cars'],
      ar: ['سيارة', 'سيارات', 'السيارة'],
      fa: ['ماشین', 'خودرو'],
      so: ['gaari', 'gaariga', 'baabuur', 'baabuurka'],
      ti: ['መኪና'],
      fi: ['auto', 'auton', 'autolla'],
      uk: ['машина', 'машину', 'авто', 'автомобіль'],
    },
  },
  {
    key: 'transport',
    labels: { sv: 'resor och transport', en: 'travel and transport' },
    words: {
      sv: ['buss', 'bussen', 'taxi', 'sjukresa', 'sjukresor', 'färdtjänst', 'spårvagn', 'tåg', 'tåget'],
      en: ['bus', 'taxi', 'transport', 'train', 'tram'],
      ar: ['حافلة', 'باص', 'تاكسي', 'مواصلات', 'قطار'],
      fa: ['اتوبوس', 'تاکسی', 'قطار', 'مترو'],
      so: ['bas', 'baska', 'taksi', 'gaadiid', 'tareen'],
      ti: ['ኣውቶቡስ', 'ታክሲ'],
      fi: ['bussi', 'bussilla', 'taksi', 'kyyti', 'juna', 'raitiovaunu'],
      uk: ['автобус', 'таксі', 'транспорт', 'трамвай', 'потяг'],
    },
  },
  {
    key: 'food',
    labels: { sv: 'mat och måltider', en: 'food and meals' },
    words: {
      sv: ['mat', 'maten', 'måltid', 'måltider', 'frukost', 'lunch', 'middag', 'kaffe'],
      en: ['food', 'meal', 'meals', 'breakfast', 'lunch', 'dinner', 'coffee'],
      ar: ['طعام', 'الطعام', 'أكل', 'الأكل', 'وجبة', 'وجبات', 'فطور', 'غداء', 'عشاء'],
      fa: ['غذا', 'خوراک', 'صبحانه', 'ناهار'],
      so: ['cunto', 'cuntada', 'quraac', 'qado', 'casho'],
      ti: ['ምግቢ', 'ቁርሲ'],
      fi: ['ruoka', 'ruokaa', 'ateria', 'aamiainen', 'lounas', 'päivällinen', 'kahvi'],
      uk: ['їжа', 'їжу', 'харчування', 'сніданок', 'обід', 'вечеря'],
    },
  },
  {
    key: 'cleanliness',
    labels: { sv: 'städning och hygien', en: 'cleaning and hygiene' },
    words: {
      sv: ['smutsig', 'smutsigt', 'smuts', 'städning', 'städa', 'städat', 'hygien', 'damm'],
      en: ['dirty', 'clean', 'cleaning', 'cleaned', 'hygiene', 'dust'],
      ar: ['نظافة', 'نظيف', 'نظيفة', 'وسخ', 'وسخة', 'قذر', 'قذرة'],
      fa: ['تمیز', 'کثیف', 'نظافت'],
      so: ['nadiif', 'nadiifin', 'wasakh', 'wasakhsan', 'nadaafad'],
      ti: ['ጽሬት', 'ረሳሕ'],
      fi: ['likainen', 'lika', 'siivous', 'siisti', 'puhdas', 'hygienia'],
      uk: ['брудно', 'брудний', 'бруд', 'чисто', 'прибирання', 'гігієна'],
    },
  },
  {
    key: 'noise',
    labels: { sv: 'ljud och buller', en: 'noise' },
    words: {
      sv: ['buller', 'oväsen', 'stökigt', 'högljudd', 'högljudda'],
      en: ['noise', 'noisy', 'loud'],
      ar: ['ضجيج', 'ضوضاء', 'إزعاج', 'صوت'],
      fa: ['سروصدا', 'صدا', 'شلوغ'],
      so: ['buuq', 'qeylo', 'sawaxan'],
      ti: ['ድምጺ', 'ህውከት'],
      fi: ['melu', 'meteli', 'äänekäs', 'meluisa'],
      uk: ['шум', 'галас', 'гучно', 'шумно'],
    },
  },
  {
    key: 'sleep',
    labels: { sv: 'sömn och vila', en: 'sleep and rest' },
    words: {
      sv: ['sova', 'sov', 'sömn', 'sömnen', 'vila'],
      en: ['sleep', 'slept', 'asleep', 'rest'],
      ar: ['نوم', 'النوم', 'أنام', 'راحة'],
      fa: ['خواب', 'بخوابم', 'استراحت'],
      so: ['hurdo', 'seexasho', 'seexan', 'nasasho'],
      ti: ['ድቃስ', 'ዕረፍቲ'],
      fi: ['uni', 'unta', 'nukkua', 'nukuin', 'lepo'],
      uk: ['сон', 'спати', 'заснути', 'відпочинок'],
    },
  },
  {
    key: 'toilet',
    labels: { sv: 'toalett och dusch', en: 'toilet and shower' },
    words: {
      sv: ['toalett', 'toaletten', 'toaletter', 'toa', 'dusch', 'duscha'],
      en: ['toilet', 'toilets', 'bathroom', 'shower', 'restroom'],
      ar: ['حمام', 'الحمام', 'مرحاض'],
      fa: ['توالت', 'دستشویی', 'حمام'],
      so: ['musqul', 'musqusha', 'suuli', 'qubays'],
      ti: ['ሽቓቕ'],
      fi: ['vessa', 'wc', 'suihku', 'käymälä'],
      uk: ['туалет', 'душ', 'вбиральня'],
    },
  },
  {
    key: 'wayfinding',
    labels: { sv: 'hitta rätt', en: 'finding the way' },
    words: {
      sv: ['skylt', 'skyltar', 'skyltning', 'vilse', 'entré', 'entrén', 'ingång', 'ingången'],
      en: ['signpost', 'signposted', 'signs', 'signage', 'entrance'],
      ar: ['لافتة', 'لافتات', 'مدخل', 'تائه', 'تهت'],
      fa: ['تابلو', 'ورودی', 'گم'],
      so: ['calaamad', 'calaamado', 'iridda', 'lumay'],
      ti: ['ምልክት', 'መእተዊ'],
      fi: ['opaste', 'opasteet', 'kyltti', 'sisäänkäynti', 'eksyin'],
      uk: ['вказівник', 'вказівники', 'табличка', 'вхід', 'заблукав', 'заблукала'],
    },
  },
  {
    key: 'visiting',
    labels: { sv: 'besökare och besökstider', en: 'visitors and visiting hours' },
    words: {
      sv: ['besökstid', 'besökstider', 'besökare', 'besöksförbud'],
      en: ['visitors', 'visiting'],
      ar: ['زيارة', 'الزيارة', 'زوار', 'الزوار'],
      fa: ['ملاقات', 'ملاقاتی'],
      so: ['booqasho', 'booqashada', 'booqdayaal'],
      ti: ['ምብጻሕ', 'በጻሕቲ'],
      fi: ['vierailu', 'vierailija', 'vierailijat', 'vierailuaika'],
      uk: ['відвідування', 'відвідувачі', 'відвідувач'],
    },
  },
  {
    key: 'bed',
    labels: { sv: 'vårdplats och säng', en: 'bed and ward space' },
    words: {
      sv: ['säng', 'sängen', 'avdelning', 'avdelningen', 'vårdplats', 'vårdplatser', 'korridor', 'korridoren', 'överbeläggning'],
      en: ['bed', 'beds', 'corridor', 'hallway', 'ward'],
      ar: ['سرير', 'أسرة', 'ممر', 'الممر', 'جناح'],
      fa: ['تخت', 'راهرو', 'بخش'],
      so: ['sariir', 'sariirta', 'marin', 'waadh'],
      ti: ['ዓራት'],
      fi: ['sänky', 'sängyssä', 'käytävä', 'käytävällä', 'osasto', 'sairaansija'],
      uk: ['ліжко', 'ліжка', 'коридор', 'коридорі', 'палата', 'відділення'],
    },
  },
];
