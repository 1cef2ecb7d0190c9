import type { Locale } from '../../contract/index.ts';

/**
 * The codebook every new installation starts with: the patient-experience dimensions, what the new care information
 * environment (Millennium) raises for patients, and the programme's patient scenarios. Facilitators rename, move,
 * archive and merge from here; the seed never runs again once the themes collection has anything in it.
 *
 * Keywords are words a patient or relative would actually write, per form language; the Analysis issue's
 * suggestions match them against stories in that language. Colours are distinct and all give at least 4.8:1
 * contrast with white text.
 *
 * How the keyword lists are written (see analysis/src/suggest/README.md for the matching): one single-word keyword
 * found in the story's language already puts a theme above the display threshold, so single words are only the
 * specific ones; anything that also occurs in ordinary sentences is written as a phrase ("fick en tid", "for weeks").
 * Inflected forms are listed where the stemmer does not reach them (Arabic broken plurals, Finnish consonant
 * gradation, Persian -ها with a verb); forms that stem alike are listed once. Swedish care words that people keep
 * in other languages (1177, BankID, remiss, journalen, apoteket) are listed in those languages too. Watch the
 * folding of å, ä, ö: a Swedish keyword must not fold into another common word ("vänlig" → "vanlig",
 * "värdighet" → "vård", "säkerhet" → "saker"), and a short Finnish stem must not prefix "lääkäri" or "tuntui".
 *
 * The Somali and Tigrinya lists are a best effort without a native speaker's review; treat them as a start
 * that facilitators and interpreters should correct.
 */
export interface StarterTheme {
  /** Stable for good: the theme id is derived from it (uuidFromKey(`starter:${key}`)). */
  readonly key: string;
  readonly parent?: string;
  readonly labels: { readonly sv: string; readonly en: string };
  readonly descriptions: { readonly sv: string; readonly en: string };
  readonly colour: string;
  readonly keywords?: Readonly<Record<Locale, readonly string[]>>;
}

export const STARTER_CODEBOOK: readonly StarterTheme[] = [
  // (a) Patient experience
  {
    key: 'patient-experience',
    labels: { sv: 'Patientupplevelse', en: 'Patient experience' },
    descriptions: {
      sv: 'Hur patienter och närstående upplever vården, oavsett vilket system som används.',
      en: 'How patients and relatives experience care, whatever system is in use.',
    },
    colour: '#da2b2b',
  },
  {
    key: 'access-and-booking',
    parent: 'patient-experience',
    labels: { sv: 'Kontakt och bokning', en: 'Access and booking' },
    descriptions: {
      sv: 'Att nå vården, komma fram på telefon och få en tid.',
      en: 'Reaching care, getting through on the phone and getting an appointment.',
    },
    colour: '#178236',
    keywords: {
      sv: [
        'telefon', 'telefontid', 'telefonkö', 'ringa', 'boka', 'boka tid', 'få en tid', 'fick en tid', 'fick ingen tid', 'få tid', 'lediga tider',
        'inga tider', 'komma fram', 'kom inte fram', 'kom aldrig fram', 'återuppringning', 'ringde tillbaka', 'ingen ringde tillbaka', 'bli uppringd',
        'knappval', 'svårt att nå', 'ringde vårdcentralen', 'ringde 1177', 'tidsbokning',
      ],
      'sv-x-lattlast': [
        'boka tid', 'få en tid', 'fick en tid', 'fick ingen tid', 'ringa', 'telefon', 'komma fram', 'kom inte fram', 'ingen svarade', 'ringde många gånger',
        'ringa tillbaka', 'ingen ringde', 'svårt att få tid',
      ],
      en: [
        'appointment', 'book an appointment', 'get an appointment', 'booking', 'phone', 'rang', 'calling', 'call back', 'callback', 'get through',
        'got through', 'could not get through', "couldn't get through", 'nobody called back', 'no one called back', 'phone queue', 'phone line',
        'no available times', 'no slots', 'called the clinic', 'called the health centre', 'called 1177',
      ],
      ar: [
        'موعد', 'مواعيد', 'حجز', 'حجز موعد', 'أحجز', 'هاتف', 'تلفون', 'اتصلت', 'اتصال', 'الاتصال بالعيادة', 'لم يرد أحد', 'لا أحد يرد', 'لم يتصل بي أحد',
        'معاودة الاتصال', 'يتصلوا بي', 'لم أستطع الوصول', 'لا توجد مواعيد', 'اتصلت بالمركز الصحي',
      ],
      fa: [
        'نوبت', 'نوبت گرفتن', 'نوبت بگیرم', 'نوبت دکتر', 'وقت گرفتن', 'وقت دکتر', 'رزرو', 'تلفن', 'زنگ زدم', 'زنگ زدن', 'تماس', 'تماس گرفتم', 'کسی جواب نداد',
        'جواب تلفن', 'تماس نگرفتند', 'دوباره تماس', 'پشت خط', 'نتوانستم وقت بگیرم', 'وقت خالی', 'به مرکز بهداشت زنگ زدم',
      ],
      prs: [
        'نوبت', 'نوبت گرفتن', 'وقت گرفتن', 'وقت بگیرم', 'وقت داکتر', 'وقت ملاقات', 'تیلفون', 'تلفون', 'تیلفون کردم', 'زنگ زدم', 'تماس', 'تماس گرفتم',
        'کسی جواب نداد', 'جواب تیلفون', 'پس زنگ', 'دوباره زنگ', 'نتوانستم وقت بگیرم', 'به کلینیک زنگ زدم',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'ballan', 'ballansasho', 'ballan qabso', 'ballan qabsado', 'ballan ma helin', 'ma heli karin ballan', 'telefoon', 'taleefan', 'wac', 'wacay',
        'waan wacay', 'dib ii soo wac', 'dib u soo wac', 'iima soo wicin', 'qofna ima soo wicin', 'khadka taleefanka', 'ballanta dhakhtarka',
      ],
      ti: [
        'ቆጸራ', 'ቆጸራ ምሓዝ', 'ቆጸራ ክሕዝ', 'ቆጸራ ኣይረኸብኩን', 'ቆጸራ ረኺበ', 'ስልኪ', 'ብስልኪ', 'ደዊለ', 'ደወልኩ', 'ምድዋል', 'ዝምልሰለይ የለን', 'ዝመለሰ የለን', 'ክድውሉለይ', 'ኣይደወሉን',
        'ክረኽቦም ኣይከኣልኩን', 'ናብ ክሊኒክ ደዊለ',
      ],
      fi: [
        'ajanvaraus', 'ajanvarauksen', 'ajanvarausta', 'varata', 'varata aika', 'varasin ajan', 'sain ajan', 'en saanut aikaa', 'puhelin', 'puhelimessa',
        'puhelimitse', 'soitin', 'soittanut', 'takaisinsoitto', 'soittopyyntö', 'kukaan ei soittanut takaisin', 'ei soitettu takaisin', 'en päässyt läpi',
        'puhelinjono', 'ei vapaita aikoja', 'soitin terveyskeskukseen',
      ],
      uk: [
        'запис', 'записала', 'прийом', 'талон', 'телефон', 'по телефону', 'зателефонувати', 'телефонувала', 'дзвонити', 'дзвонила', 'подзвонити',
        'передзвонити', 'ніхто не передзвонив', 'додзвонитися', 'не могла додзвонитися', 'не міг додзвонитися', 'немає вільних часів',
        'подзвонила в поліклініку',
      ],
    },
  },
  {
    key: 'information-and-communication',
    parent: 'patient-experience',
    labels: { sv: 'Information och kommunikation', en: 'Information and communication' },
    descriptions: {
      sv: 'Att få information som går att förstå, och att bli lyssnad på.',
      en: 'Getting information you can understand, and being listened to.',
    },
    colour: '#9a3cdd',
    keywords: {
      sv: [
        'information', 'ingen information', 'fick ingen information', 'informerad', 'förklara', 'förklaring', 'ingen förklarade', 'förstod inte',
        'begrep inte', 'besked', 'beskedet', 'lyssnade', 'lyssnade inte', 'tog mig inte på allvar', 'inte tagen på allvar', 'svåra ord', 'medicinska ord',
        'fick veta', 'ingen sa något', 'otydlig', 'ställa frågor', 'mina frågor', 'fick svar på mina frågor',
      ],
      'sv-x-lattlast': [
        'förstå', 'förstod inte', 'förklara', 'mina frågor', 'ställa frågor', 'lyssna', 'lyssnade inte', 'information', 'svåra ord', 'enkla ord', 'fick veta',
        'ingen sa', 'ingen berättade',
      ],
      en: [
        'information', 'explain', 'explanation', 'nobody explained', 'no one explained', "didn't understand", 'did not understand', 'listen',
        'did not listen', "didn't listen", 'was never told', 'nobody told me', 'no one told me', 'jargon', 'medical terms', 'clear information', 'unclear',
        'confusing', 'my questions', 'ask questions', 'taken seriously',
      ],
      ar: [
        'معلومات', 'المعلومات', 'لا معلومات', 'شرح', 'يشرح', 'لم يشرح', 'توضيح', 'فهم', 'لم أفهم', 'أخبروني', 'لم يخبرني أحد', 'لم يخبروني', 'استمع',
        'لم يستمع', 'أسئلتي', 'مصطلحات طبية', 'كلمات صعبة', 'غير واضح', 'واضح',
      ],
      fa: [
        'اطلاعات', 'اطلاع‌رسانی', 'توضیح', 'توضیح ندادند', 'توضیح داد', 'فهمیدن', 'نفهمیدم', 'متوجه نشدم', 'گوش دادن', 'گوش نداد', 'به حرفم گوش', 'سوال‌هایم',
        'سوالاتم', 'کسی به من نگفت', 'نگفتند', 'اصطلاحات پزشکی', 'واضح', 'روشن نبود',
      ],
      prs: [
        'معلومات', 'معلومات ندادند', 'توضیح', 'توضیح ندادند', 'نفهمیدم', 'فهمیدن', 'گپ‌هایم', 'گپ مرا', 'گوش نکرد', 'گوش ندادند', 'گوش دادن',
        'کسی برایم نگفت', 'نگفتند', 'سوال‌هایم', 'واضح نبود', 'خبر ندادند',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'macluumaad', "macluumaad la'aan", 'sharaxaad', 'sharax', 'ii sharxin', 'sharxay', 'fahmin', 'ma fahmin', 'fahmay', 'dhagaysi', 'dhagaysan',
        'ima dhagaysan', "su'aalahayga", 'lay sheegin', 'qofna ima sheegin', 'ereyo adag',
      ],
      ti: [
        'ሓበሬታ', 'ሓበሬታ ኣይሃቡንን', 'መብርሂ', 'ኣይገለጹለይን', 'ገሊጾምለይ', 'ምርዳእ', 'ኣይተረድኣንን', 'ኣይተረደኣኒን', 'ምስማዕ', 'ኣይሰምዑንን', 'ሰሚዖምኒ', 'ሕቶታተይ', 'ዝነገረኒ የለን', 'ኣይነገሩንን',
        'ንጹር', 'ንጹር ኣይነበረን',
      ],
      fi: [
        'tiedotus', 'informaatio', 'selittää', 'ei selitetty', 'selitys', 'ymmärtää', 'en ymmärtänyt', 'ymmärsin', 'kuunnella', 'kuunteli', 'ei kuunneltu',
        'kukaan ei kertonut', 'ei kerrottu', 'kerrottiin', 'kysymyksiini', 'lääketieteelliset termit', 'epäselvä', 'en saanut tietoa', 'ei tietoa',
        'tiedottaminen',
      ],
      uk: [
        'інформація', 'інформації', 'пояснення', 'пояснили', 'не пояснили', 'пояснити', 'зрозуміти', 'не зрозуміла', 'не зрозумів', 'зрозуміло',
        'незрозуміло', 'слухати', 'не слухали', 'вислухали', 'ніхто не сказав', 'не сказали', 'мої питання', 'запитання', 'медичні терміни',
      ],
    },
  },
  {
    key: 'involvement-in-decisions',
    parent: 'patient-experience',
    labels: { sv: 'Delaktighet i beslut', en: 'Involvement in decisions' },
    descriptions: {
      sv: 'Att få vara med och bestämma om sin egen vård och behandling.',
      en: 'Having a say in one’s own care and treatment.',
    },
    colour: '#7e7116',
    keywords: {
      sv: [
        'delaktig', 'bestämma', 'beslut', 'beslutet', 'välja', 'min åsikt', 'mina önskemål', 'tillsammans med mig', 'fick inte vara med',
        'vara med och bestämma', 'frågade mig', 'frågade aldrig', 'utan att fråga', 'över huvudet på mig', 'alternativ', 'behandlingsalternativ', 'samtycke',
        'vårdplan', 'min vilja', 'säga nej', 'påverka', 'bestämde utan mig',
      ],
      'sv-x-lattlast': [
        'bestämma', 'välja', 'fick välja', 'fick inte välja', 'fråga mig', 'frågade inte', 'vara med och bestämma', 'vad jag ville', 'min åsikt', 'säga nej',
        'tillsammans med mig', 'bestämde utan mig',
      ],
      en: [
        'decision', 'choice', 'choose', 'options', 'involved', 'my opinion', 'my wishes', 'have a say', 'no say', 'never asked me', "didn't ask me",
        'did not ask me', 'without asking', 'consent', 'shared decision', 'care plan', 'treatment options', 'over my head', 'what I wanted', 'said no',
        'decided without me', 'decided for me',
      ],
      ar: [
        'قرار', 'قرارات', 'اتخاذ القرار', 'قرروا', 'اختيار', 'خيار', 'خيارات', 'مشاركة', 'أشارك', 'لم يسألوني', 'دون أن يسألوني', 'بدون سؤالي', 'موافقتي',
        'رغبتي', 'ما أريد', 'خطة العلاج', 'لم يأخذوا رأيي', 'أخذ رأيي',
      ],
      fa: [
        'تصمیم', 'تصمیم گرفتند', 'تصمیم‌گیری', 'انتخاب', 'حق انتخاب', 'گزینه', 'نظر من', 'نظرم', 'نظر مرا', 'مشارکت', 'شریک', 'از من نپرسیدند', 'بدون پرسیدن',
        'بدون اجازه', 'رضایت', 'خواسته من', 'خواسته‌هایم', 'برنامه درمان',
      ],
      prs: [
        'تصمیم', 'تصمیم گرفتند', 'فیصله', 'انتخاب', 'نظر من', 'نظرم', 'سهم گرفتن', 'از من نپرسیدند', 'پرسان نکردند', 'بدون پرسان', 'رضایت', 'خواست من',
        'پلان تداوی',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        "go'aan", "go'aamiyeen", "go'aan qaadasho", 'doorasho', 'dooro', "ra'yigayga", 'ka qayb qaadasho', 'ka qayb qaato', 'i weydiin', 'ima weydiin',
        'iyaga oo aan i weydiin', 'oggolaansho', 'ogolaansho', 'rabitaankayga', 'waxa aan rabo',
      ],
      ti: ['ውሳነ', 'ወሲኖም', 'ምውሳን', 'ምርጫ', 'ምምራጽ', 'ርእይቶይ', 'ተሳትፎ', 'ኣይሓተቱንን', 'ከይሓተቱኒ', 'ፍቓደይ', 'ድሌተይ', 'ኣማራጺ', 'መደብ ሕክምና'],
      fi: [
        'päätös', 'päätöksen', 'päättää', 'päätettiin', 'päättivät', 'valinta', 'vaihtoehto', 'vaihtoehdot', 'valita', 'mielipide', 'osallistua',
        'osallisuus', 'minulta ei kysytty', 'kysymättä', 'suostumus', 'hoitosuunnitelma', 'saada vaikuttaa', 'toiveitani ei kuunneltu',
      ],
      uk: [
        'рішення', 'вирішили', 'вирішувати', 'вибір', 'вибрати', 'варіанти', 'моя думка', 'участь', 'брати участь', 'не запитали', 'не спитали',
        'без мого відома', 'без згоди', 'згода', 'мої побажання', 'план лікування',
      ],
    },
  },
  {
    key: 'continuity-and-coordination',
    parent: 'patient-experience',
    labels: { sv: 'Kontinuitet och samordning mellan enheter', en: 'Continuity and coordination between units' },
    descriptions: {
      sv: 'Att vården hänger ihop när flera enheter är inblandade, och att få träffa samma personal.',
      en: 'Care that holds together when several units are involved, and seeing the same staff.',
    },
    colour: '#197b8f',
    keywords: {
      sv: [
        'samordning', 'samordnade', 'kontinuitet', 'samma läkare', 'ny läkare', 'ny läkare varje gång', 'olika läkare', 'fast läkarkontakt', 'fast läkare',
        'överlämning', 'ingen visste', 'bollades runt', 'skickades runt', 'mellan avdelningarna', 'berätta allt igen', 'från början igen', 'upprepa',
        'pratade inte med varandra', 'hänger inte ihop', 'helhetssyn', 'olika besked', 'vårdplanering', 'ingen tog ansvar', 'ingen ansvarig',
      ],
      'sv-x-lattlast': [
        'samma läkare', 'ny läkare', 'olika läkare', 'flera ställen', 'ingen visste', 'berätta igen', 'berätta allt igen', 'från början',
        'pratar inte med varandra', 'skickades runt', 'ingen tog ansvar', 'olika svar',
      ],
      en: [
        'coordination', 'continuity', 'same doctor', 'different doctor', 'new doctor every time', 'handover', 'passed around', 'sent back and forth',
        'nobody knew', 'no one knew', 'repeat my story', 'start over', 'from the beginning', "didn't talk to each other", 'talk to each other',
        'between departments', 'between units', 'fell between the cracks', 'no one took responsibility', 'regular doctor',
      ],
      ar: [
        'تنسيق', 'نفس الطبيب', 'طبيب مختلف', 'طبيب جديد', 'أطباء مختلفين', 'بين الأقسام', 'من قسم إلى قسم', 'لم يعرف أحد', 'لا أحد يعرف', 'أعيد قصتي', 'أكرر',
        'من البداية', 'لا يتواصلون', 'التواصل بين', 'المسؤول', 'لم يتحمل أحد المسؤولية',
      ],
      fa: [
        'هماهنگی', 'هماهنگ نبودند', 'همان پزشک', 'پزشک ثابت', 'پزشک جدید', 'پزشکان مختلف', 'هر بار یک پزشک', 'بین بخش‌ها', 'از این بخش به آن بخش',
        'کسی نمی‌دانست', 'هیچ‌کس خبر نداشت', 'دوباره توضیح', 'از اول', 'با هم صحبت نمی‌کنند', 'پاس‌کاری', 'مسئولیت',
      ],
      prs: [
        'هماهنگی', 'همان داکتر', 'داکتر ثابت', 'داکتر نو', 'داکتران مختلف', 'هر بار داکتر دیگر', 'بین شعبه‌ها', 'از یک شعبه به شعبه دیگر', 'کسی نمی‌دانست',
        'هیچ کس خبر نداشت', 'از سر', 'دوباره قصه', 'باهم گپ نمی‌زنند', 'انتقال', 'مسئولیت',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'isku-duwid', 'isku xirnayn', 'isla dhakhtarka', 'dhakhtar cusub', 'dhakhtar kale', 'dhakhaatiir kala duwan', 'waaxyaha', 'qayb ilaa qayb',
        'qofna ma ogayn', 'cid ma ogeyn', 'mar kale u sheeg', 'ka bilow', 'bilowga', 'isma wargeliyaan', "mas'uuliyad",
      ],
      ti: [
        'ምውህሃድ', 'ተመሳሳሊ ሓኪም', 'ሓድሽ ሓኪም', 'ካልእ ሓኪም', 'ዝተፈላለዩ ሓካይም', 'ምስግጋር', 'ክፍልታት', 'ካብ ክፍሊ ናብ ክፍሊ', 'ዝፈልጥ የለን', 'ሓደ እኳ ኣይፈለጠን', 'ካብ መጀመርታ', 'ደጊመ ክነግር',
        'ኣይራኸቡን', 'ሓላፍነት',
      ],
      fi: [
        'koordinaatio', 'yhteistyö', 'jatkuvuus', 'sama lääkäri', 'eri lääkäri', 'uusi lääkäri', 'joka kerta eri lääkäri', 'omalääkäri', 'yksiköiden välillä',
        'osastojen välillä', 'pompoteltiin', 'pompottelu', 'kukaan ei tiennyt', 'kertoa uudestaan', 'alusta asti', 'eivät puhu keskenään', 'tieto ei kulje',
        'kukaan ei ottanut vastuuta',
      ],
      uk: [
        'координація', 'узгодженість', 'той самий лікар', 'того самого лікаря', 'різні лікарі', 'новий лікар', 'передача', 'між відділеннями',
        'з відділення у відділення', 'ніхто не знав', 'ніхто нічого не знав', 'знову розповідати', 'все заново', 'не спілкуються між собою', 'футболили',
        'відповідальність',
      ],
    },
  },
  {
    key: 'respect-and-dignity',
    parent: 'patient-experience',
    labels: { sv: 'Respekt och värdighet', en: 'Respect and dignity' },
    descriptions: {
      sv: 'Att bli bemött som en människa, med respekt och integritet.',
      en: 'Being treated as a person, with respect and privacy.',
    },
    colour: '#d02581',
    keywords: {
      sv: [
        'bemötande', 'respekt', 'respektlös', 'otrevlig', 'trevlig', 'kränkt', 'sedd', 'blev sedd', 'nonchalant', 'oförskämd', 'arrogant', 'nedlåtande',
        'snäll', 'empati', 'som en människa', 'som ett nummer', 'skrek', 'fördomar', 'rasism', 'integritet', 'med värdighet', 'ovärdigt', 'människovärde',
        'vänligt bemötande',
      ],
      'sv-x-lattlast': [
        'snäll', 'otrevlig', 'respekt', 'lyssnade inte på mig', 'arg', 'skrek', 'bra bemötande', 'dåligt bemötande', 'trevlig', 'som en människa', 'elak',
        'vänligt bemötande',
      ],
      en: [
        'respect', 'disrespectful', 'dignity', 'rude', 'were kind', 'was kind', 'so kind', 'very kind', 'friendly', 'polite', 'treated me like',
        'treated like a', 'treated with respect', 'ignored', 'dismissive', 'condescending', 'arrogant', 'humiliated', 'like a number', 'like a human',
        'compassion', 'empathy', 'racism',
      ],
      ar: [
        'احترام', 'باحترام', 'بدون احترام', 'قلة احترام', 'كرامة', 'كرامتي', 'معاملة', 'المعاملة', 'عاملوني', 'معاملة سيئة', 'وقح', 'لطيف', 'لطفاء', 'إهانة',
        'تجاهلوني', 'عنصرية', 'كإنسان', 'صرخ', 'الخصوصية',
      ],
      fa: [
        'احترام', 'بی‌احترامی', 'محترمانه', 'کرامت', 'برخورد', 'برخورد بد', 'برخورد خوب', 'رفتار', 'رفتار بد', 'بی‌ادب', 'مهربان', 'مهربانی', 'خوش‌برخورد',
        'توهین', 'تحقیر', 'نادیده گرفتند', 'نژادپرستی', 'مثل یک انسان', 'داد زد', 'حریم خصوصی',
      ],
      prs: [
        'احترام', 'بی‌احترامی', 'عزت', 'برخورد', 'برخورد بد', 'رویه', 'رویه بد', 'رویه خوب', 'مهربان', 'مهربانی', 'بی‌ادب', 'توهین', 'تحقیر',
        'پشت گوش انداختند', 'نژادپرستی', 'مثل یک انسان', 'چیغ زد', 'خوش‌اخلاق', 'بداخلاق',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'ixtiraam', "ixtiraam la'aan", 'sharaf', 'edeb darro', 'edeb daran', 'edeb leh', 'naxariis', 'naxariis leh', 'si xun ila dhaqmay',
        'si fiican ila dhaqmay', 'dhaqan xun', 'quursi', 'quursadeen', 'iga dhega adeegeen', 'takoor', 'cunsuriyad', 'qaylisay',
      ],
      ti: [
        'ክብሪ', 'ብክብሪ', 'ብዘይ ክብሪ', 'ኣተሓሕዛ', 'ሕማቕ ኣተሓሕዛ', 'ጽቡቕ ኣተሓሕዛ', 'ሕያውነት', 'ሕያዋይ', 'ሕያዎት', 'ትሕትና', 'ንዕቀት', 'ነዒቖምኒ', 'ኣፋልዩ', 'ኣይገደሶምን', 'ዓሌታዊ', 'ከም ሰብ',
        'ጨዲሩ',
      ],
      fi: [
        'kunnioitus', 'kunnioittavasti', 'epäkunnioittava', 'arvokkuus', 'ihmisarvo', 'kohtelu', 'kohteli', 'kohdeltiin', 'töykeä', 'töykeästi',
        'epäkohtelias', 'ystävällinen', 'ystävällisesti', 'kohtelias', 'ylimielinen', 'nöyryyttävä', 'välinpitämätön', 'ihmisenä', 'kuin numero', 'huusi',
        'rasismi', 'empatia',
      ],
      uk: [
        'повага', 'з повагою', 'неповага', 'гідність', 'гідно', 'ставлення', 'ставилися', 'грубо', 'грубість', 'ввічливо', 'доброзичливі', 'привітні',
        'принизливо', 'приниження', 'ігнорували', 'зверхньо', 'як до людини', 'кричала', 'расизм', 'байдужість',
      ],
    },
  },
  {
    key: 'safety',
    parent: 'patient-experience',
    labels: { sv: 'Patientsäkerhet', en: 'Safety' },
    descriptions: {
      sv: 'Fel, risker och vårdskador, eller oro för att något ska gå fel.',
      en: 'Errors, risks and harm in care, or worry that something will go wrong.',
    },
    colour: '#328217',
    keywords: {
      sv: [
        'misstag', 'vårdskada', 'fel medicin', 'fel dos', 'fel läkemedel', 'fel diagnos', 'fel patient', 'gick fel', 'felbehandling', 'felbehandlad',
        'lex maria', 'avvikelse', 'risk', 'livsfarligt', 'upptäcktes inte', 'patientsäkerhet', 'kunde ha dött', 'blev sämre', 'ivo', 'anmälan',
        'patientnämnden', 'förväxling', 'missade diagnosen', 'kunde ha gått illa',
      ],
      'sv-x-lattlast': [
        'misstag', 'fel medicin', 'gjorde fel', 'gick fel', 'blev sämre', 'skadad', 'kunde ha dött', 'rädd att något skulle gå fel', 'inte säkert',
        'kunde ha gått illa', 'fel diagnos', 'fel dos',
      ],
      en: [
        'mistake', 'error', 'safety', 'unsafe', 'harm', 'wrong medicine', 'wrong medication', 'wrong dose', 'wrong diagnosis', 'wrong patient',
        'misdiagnosed', 'missed', 'overlooked', 'dangerous', 'risk', 'could have died', 'got worse', 'negligence', 'went wrong', 'incident', 'complaint',
      ],
      ar: [
        'خطأ', 'أخطاء', 'خطأ طبي', 'أمان', 'سلامة', 'سلامة المرضى', 'ضرر', 'خطر', 'خطير', 'دواء خاطئ', 'جرعة خاطئة', 'تشخيص خاطئ', 'أخطأوا', 'إهمال',
        'تدهورت حالتي', 'ساءت حالتي', 'كدت أموت', 'شكوى',
      ],
      fa: [
        'اشتباه', 'خطا', 'خطای پزشکی', 'ایمنی', 'آسیب', 'صدمه', 'خطر', 'خطرناک', 'داروی اشتباه', 'دوز اشتباه', 'تشخیص اشتباه', 'غفلت', 'سهل‌انگاری',
        'بدتر شد', 'حالم بدتر شد', 'نزدیک بود بمیرم', 'شکایت',
      ],
      prs: [
        'اشتباه', 'غلطی', 'مصونیت', 'ضرر', 'خطر', 'خطرناک', 'دوای غلط', 'دوای اشتباه', 'تشخیص غلط', 'بی‌پروایی', 'بی‌توجهی', 'بدتر شد', 'حالم خراب شد',
        'نزدیک بود بمیرم', 'شکایت',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'khalad', 'qalad', 'gef', 'ammaan', 'badbaado', 'dhaawac', 'waxyeello', 'khatar', 'daawo khaldan', 'qiyaas khaldan', 'dayacaad', 'dayac',
        'ka sii daray', 'way ka sii dartay', 'waan dhiman lahaa', 'cabasho',
      ],
      ti: ['ጌጋ', 'ብጌጋ', 'ድሕንነት', 'ጉድኣት', 'ሓደጋ', 'ሓደገኛ', 'ጌጋ መድሃኒት', 'ጌጋ መጠን', 'ጌጋ ምርመራ', 'ሸለልትነት', 'ዕሽሽ', 'ሕማመይ ገደደ', 'ክመውት ቀሪበ', 'ቅሬታ'],
      fi: [
        'virhe', 'hoitovirhe', 'lääkevirhe', 'turvallisuus', 'potilasturvallisuus', 'vahinko', 'potilasvahinko', 'riski', 'vaara', 'vaarallinen',
        'väärä lääke', 'väärä annos', 'väärä diagnoosi', 'jäi huomaamatta', 'huolimattomuus', 'paheni', 'olisin voinut kuolla', 'valitus', 'muistutus',
      ],
      uk: [
        'помилка', 'помилилися', 'лікарська помилка', 'безпека', 'шкода', 'нашкодили', 'ризик', 'небезпека', 'небезпечно', 'не ті ліки', 'неправильні ліки',
        'неправильна доза', 'неправильний діагноз', 'недбалість', 'погіршилося', 'стало гірше', 'могла померти', 'скарга',
      ],
    },
  },
  {
    key: 'waiting',
    parent: 'patient-experience',
    labels: { sv: 'Väntan', en: 'Waiting' },
    descriptions: {
      sv: 'Att vänta – i telefonkö, i väntrummet, på besked eller på behandling.',
      en: 'Waiting – on the phone, in the waiting room, for news or for treatment.',
    },
    colour: '#433cdd',
    keywords: {
      sv: [
        'vänta', 'väntetid', 'väntan', 'väntelista', 'kö', 'telefonkö', 'väntrummet', 'i timmar', 'flera timmar', 'timmar', 'flera veckor', 'flera månader',
        'ett halvår', 'vårdgaranti', 'vårdgarantin', 'dröjde', 'försenad', 'lång tid', 'väntade länge', 'i veckor', 'i månader', 'veckor senare',
        'månader senare',
      ],
      'sv-x-lattlast': [
        'vänta', 'vänta länge', 'kö', 'många timmar', 'flera timmar', 'många veckor', 'många månader', 'tog lång tid', 'satt och väntade', 'ingen kom',
        'väntrummet', 'väntetid', 'väntelista',
      ],
      en: [
        'wait', 'waiting time', 'waiting list', 'waiting room', 'queue', 'hours', 'delay', 'took ages', 'took months', 'long time', 'still waiting',
        'care guarantee', 'hours later', 'in the queue', 'for hours', 'for weeks', 'for months', 'weeks later', 'months later', 'several hours',
      ],
      ar: [
        'انتظار', 'انتظرت', 'قائمة الانتظار', 'غرفة الانتظار', 'طابور', 'ساعات', 'لساعات', 'تأخير', 'تأخر', 'وقت طويل', 'مدة طويلة', 'طويلا', 'عدة ساعات',
        'عدة أسابيع', 'عدة أشهر', 'لأسابيع', 'لأشهر',
      ],
      fa: [
        'انتظار', 'منتظر', 'منتظر ماندم', 'صبر کردم', 'لیست انتظار', 'اتاق انتظار', 'صف', 'چند ساعت', 'چند هفته', 'چند ماه', 'تأخیر', 'خیلی طول کشید',
        'طول کشید', 'مدت طولانی', 'ساعت‌ها منتظر', 'هفته‌ها منتظر', 'ماه‌ها منتظر',
      ],
      prs: [
        'انتظار', 'منتظر', 'منتظر ماندم', 'انتظار کشیدم', 'صبر کردم', 'لست انتظار', 'اتاق انتظار', 'نوبت', 'چند ساعت', 'چند هفته', 'چند ماه', 'ناوقت',
        'دیر شد', 'طول کشید', 'ساعت‌ها منتظر', 'هفته‌ها منتظر', 'ماه‌ها منتظر',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'sugid', 'sug', 'sugay', 'sugnay', 'sugayay', 'sugitaan', 'liiska sugitaanka', 'qolka sugitaanka', 'saf', 'saacado', 'dib u dhac', 'daahay',
        'muddo dheer', 'waqti dheer', 'saacado badan', 'toddobaadyo badan', 'bilo badan', 'dhowr toddobaad', 'dhowr bilood',
      ],
      ti: ['ምጽባይ', 'ተጸቢየ', 'ተጸበኹ', 'ተጸቢና', 'ክጽበ', 'ነዊሕ ግዜ', 'መስርዕ', 'ሰዓታት', 'ንሰዓታት', 'ደንጉዩ', 'ምድንጓይ', 'ክፍሊ ምጽባይ', 'ብዙሕ ሰዓታት', 'ንሰሙናት', 'ንኣዋርሕ'],
      fi: [
        'odottaa', 'odotus', 'odotusaika', 'odotusajat', 'odotushuone', 'odotuslista', 'jono', 'jonotin', 'viive', 'viivästyi', 'kesti kauan', 'pitkä aika',
        'hoitotakuu', 'tunnin odotus', 'tuntikausia', 'viikkokausia', 'kuukausikaupalla', 'monta tuntia', 'monta viikkoa', 'monta kuukautta',
      ],
      uk: [
        'чекати', 'чекала', 'чекав', 'очікування', 'черга', 'черзі', 'в черзі', 'кілька годин', 'затримка', 'затримали', 'довго', 'дуже довго',
        'список очікування', 'годин', 'кілька тижнів', 'кілька місяців', 'тижнями', 'місяцями',
      ],
    },
  },

  // (b) The new care information environment
  {
    key: 'care-information-environment',
    labels: { sv: 'Ny vårdinformationsmiljö', en: 'New care information environment' },
    descriptions: {
      sv: 'Det som den nya vårdinformationsmiljön (Millennium) förändrar för patienter och närstående.',
      en: 'What the new care information environment (Millennium) changes for patients and relatives.',
    },
    colour: '#b65220',
  },
  {
    key: 'digital-services-1177',
    parent: 'care-information-environment',
    labels: { sv: '1177 och digitala tjänster', en: '1177 and digital services' },
    descriptions: {
      sv: 'Vårdens e-tjänster på 1177.se och i appen.',
      en: 'Online care services on 1177.se and in the app.',
    },
    colour: '#167e57',
    keywords: {
      sv: [
        '1177', '1177.se', 'e-tjänst', 'appen', '1177-appen', 'inloggad', 'på nätet', 'digitalt', 'hemsidan', 'webbplatsen', 'i mobilen', 'vårdguiden',
        'krånglig sida', 'svårt att hitta', 'videosamtal', 'videomöte', 'digitalt vårdbesök', 'chatten', 'formuläret',
      ],
      'sv-x-lattlast': [
        '1177', 'appen', 'på nätet', 'i mobilen', 'på datorn', 'hemsidan', 'svårt att hitta', 'internet', 'i appen', 'videosamtal', 'knappen', 'e-tjänst',
        'vårdguiden',
      ],
      en: [
        '1177', 'online', 'app', 'the app', 'e-service', 'website', 'web site', 'digital', 'video call', 'video appointment', 'chat', 'online form',
        'hard to navigate', 'user-friendly', 'the site', 'on my phone',
      ],
      ar: [
        '1177', 'تطبيق', 'خدمة إلكترونية', 'الخدمات الإلكترونية', 'عبر الإنترنت', 'الإنترنت', 'أونلاين', 'الموقع الإلكتروني', 'رقمي', 'الخدمات الرقمية',
        'مكالمة فيديو', 'الدردشة', 'appen', 'موقع 1177',
      ],
      fa: ['1177', 'اپلیکیشن', 'اپ', 'خدمات آنلاین', 'آنلاین', 'اینترنت', 'سایت', 'وب‌سایت', 'دیجیتال', 'خدمات الکترونیکی', 'تماس تصویری', 'چت', 'appen'],
      prs: ['1177', 'اپلیکیشن', 'اپ', 'خدمات آنلاین', 'آنلاین', 'انترنت', 'سایت', 'ویب‌سایت', 'دیجیتال', 'تماس ویدیویی', 'appen', 'خدمات انترنتی'],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        '1177', 'app', 'abka', 'adeeg online', 'online', 'onlayn', 'internetka', 'website', 'websaydka', 'dijitaal', 'appen', 'fiidiyoow', 'bogga internetka',
      ],
      ti: ['1177', 'ኣፕ', 'ኣፕሊኬሽን', 'ኦንላይን', 'ኢንተርነት', 'ብኢንተርነት', 'ዌብሳይት', 'መርበብ', 'ዲጂታል', 'appen', 'ቪድዮ', 'ኣብ ኢንተርነት ዘሎ ኣገልግሎት'],
      fi: [
        '1177', 'sovellus', 'sovelluksessa', 'appi', 'verkkopalvelu', 'netissä', 'verkossa', 'sähköinen', 'digitaalinen', 'nettisivu', 'videovastaanotto',
        'chat', 'kännykällä',
      ],
      uk: [
        '1177', 'застосунок', 'застосунку', 'додаток', 'додатку', 'онлайн', 'електронна послуга', 'сайт', 'інтернет', 'через інтернет', 'цифрові',
        'відеодзвінок', 'чат', 'appen',
      ],
    },
  },
  {
    key: 'journal-online',
    parent: 'digital-services-1177',
    labels: { sv: 'Journalen via nätet', en: 'Journal online' },
    descriptions: {
      sv: 'Att läsa sin journal på 1177: vad som syns och när.',
      en: 'Reading one’s medical record on 1177: what shows and when.',
    },
    colour: '#be24cc',
    keywords: {
      sv: [
        'journal', 'journalen via nätet', 'läsa journalen', 'läste journalen', 'min journal', 'journalanteckning', 'anteckningar', 'det läkaren skrev',
        'stod i journalen', 'syntes inte i journalen', 'dolda', 'spärrad', 'sekretess', 'fel i journalen', 'rätta journalen', 'epikris', 'journaluppgifter',
        'journalkopia',
      ],
      'sv-x-lattlast': [
        'journal', 'min journal', 'läsa journalen', 'anteckningar', 'det läkaren skrev', 'det doktorn skrev', 'står i journalen', 'stod i journalen',
        'kan inte läsa journalen', 'journalen på 1177', 'läsa min journal', 'se min journal',
      ],
      en: [
        'medical record', 'health record', 'my records', 'journal', 'notes', 'doctor’s notes', 'read my record', 'read my notes', 'patient record',
        'access my records', 'journalen', 'discharge summary', 'what the doctor wrote',
      ],
      ar: [
        'السجل الطبي', 'الملف الطبي', 'ملاحظات', 'ملاحظات الطبيب', 'ما كتبه الطبيب', 'قراءة السجل', 'قرأت في السجل', 'الجورنال', 'journalen', 'journal',
        'التقرير الطبي', 'مخفي',
      ],
      fa: [
        'پرونده پزشکی', 'پرونده', 'پرونده من', 'سوابق پزشکی', 'یادداشت‌ها', 'یادداشت پزشک', 'آنچه پزشک نوشته', 'نوشته پزشک', 'خواندن پرونده', 'ژورنال',
        'journalen', 'journal', 'گزارش پزشکی',
      ],
      prs: [
        'دوسیه صحی', 'دوسیه', 'پرونده', 'سوابق صحی', 'یادداشت‌ها', 'یادداشت داکتر', 'چیزی که داکتر نوشته', 'نوشته داکتر', 'ژورنال', 'journalen', 'journal',
        'راپور داکتر',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'diiwaanka caafimaadka', 'diiwaanka', 'faylka', 'faylka caafimaadka', 'qoraallada', 'qoraalka dhakhtarka', 'wixii dhakhtarku qoray', 'journalka',
        'journalen', 'qoraalka', 'akhriyay diiwaanka', 'wixii lagu qoray', 'ku qoran faylka',
      ],
      ti: ['ሕክምናዊ መዝገብ', 'መዝገብ', 'ፋይል', 'ሓኪም ዝጸሓፎ', 'ጽሑፋት', 'ማስታወሻ', 'ጆርናል', 'journalen', 'journal', 'ዝተጻሕፈ', 'ሕክምናዊ ፋይል', 'ሰነድ ሕክምና', 'ምንባብ መዝገብ'],
      fi: [
        'potilastiedot', 'potilastietoja', 'potilaskertomus', 'potilaskertomukseen', 'sairauskertomus', 'omakanta', 'merkinnät', 'kirjaukset', 'kirjaus',
        'lääkärin merkinnät', 'mitä lääkäri kirjoitti', 'epikriisi', 'journalen',
      ],
      uk: [
        'медична картка', 'медкарта', 'медичні записи', 'записи лікаря', 'історія хвороби', 'журнал', 'journalen', 'journal', 'що написав лікар', 'нотатки',
        'виписка', 'епікриз',
      ],
    },
  },
  {
    key: 'messages',
    parent: 'digital-services-1177',
    labels: { sv: 'Meddelanden', en: 'Messages' },
    descriptions: {
      sv: 'Att skriva till vården och få svar via 1177.',
      en: 'Writing to care providers and getting answers through 1177.',
    },
    colour: '#647915',
    keywords: {
      sv: [
        'meddelande', 'skickade ett meddelande', 'skrev ett meddelande', 'skriva till', 'skrev till', 'svarade inte', 'fick inget svar', 'inget svar',
        'svar på mitt meddelande', 'inkorgen', 'ärende', 'ärendet', 'stängt ärende', 'chatta', 'kontaktformulär', 'skriftligt', 'svarade efter',
      ],
      'sv-x-lattlast': [
        'meddelande', 'skriva till', 'skrev till', 'skrev ett meddelande', 'fick inget svar', 'ingen svarade', 'svarade inte', 'svarade snabbt',
        'fick ett svar', 'brev', 'skicka meddelande', 'svar på meddelandet',
      ],
      en: [
        'message', 'sent a message', 'wrote to', 'write to', 'reply', 'no reply', 'no answer', 'never answered', 'never replied', 'inbox', 'secure message',
        'contact form', 'got an answer', 'answered within',
      ],
      ar: [
        'رسالة', 'رسائل', 'الرسالة', 'أرسلت رسالة', 'كتبت رسالة', 'كتبت لهم', 'راسلت', 'رد', 'الرد', 'لم يردوا', 'لا رد', 'بدون رد', 'صندوق الوارد',
        'meddelande',
      ],
      fa: [
        'پیام', 'پیام دادم', 'پیام فرستادم', 'نامه', 'نوشتم', 'برایشان نوشتم', 'پاسخ', 'پاسخ ندادند', 'جواب ندادند', 'جوابی نگرفتم', 'بی‌جواب', 'صندوق پیام',
        'meddelande',
      ],
      prs: [
        'پیام', 'پیام روان کردم', 'پیام فرستادم', 'پیام دادم', 'نامه', 'نوشتم', 'جواب ندادند', 'جواب نگرفتم', 'بی‌جواب', 'صندوق پیام', 'مسیج', 'meddelande',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'fariin', 'fariimo', 'farriin', 'fariin u diray', 'fariin diray', 'waan u qoray', 'u qoray', 'jawaab', "jawaab la'aan", 'jawaab ma helin',
        'iima soo jawaabin', 'kama jawaabin', 'sanduuqa fariimaha', 'meddelande',
      ],
      ti: ['መልእኽቲ', 'መልእኽትታት', 'መልእኽቲ ሰዲደ', 'መልእኽቲ ጽሒፈ', 'ጽሒፈሎም', 'ምጽሓፍ', 'መልሲ', 'መልሲ የለን', 'መልሲ ኣይሃቡንን', 'መልሲ ኣይረኸብኩን', 'ኣይመለሱለይን', 'meddelande'],
      fi: [
        'viesti', 'viestejä', 'lähetin viestin', 'kirjoitin', 'ei vastausta', 'en saanut vastausta', 'eivät vastanneet', 'vastasivat', 'viestipalvelu',
        'meddelande', 'ei vastattu', 'vastaus tuli', 'yhteydenottolomake', 'kysyin viestillä',
      ],
      uk: [
        'повідомлення', 'написала повідомлення', 'написав повідомлення', 'надіслала', 'надіслав', 'написала лікарю', 'не відповіли', 'ніхто не відповів',
        'без відповіді', 'відповіли', 'листування', 'лист', 'вхідні', 'meddelande',
      ],
    },
  },
  {
    key: 'booking-online',
    parent: 'digital-services-1177',
    labels: { sv: 'Boka tid via nätet', en: 'Booking online' },
    descriptions: {
      sv: 'Att boka, avboka och boka om tider i e-tjänsterna.',
      en: 'Booking, cancelling and changing appointments online.',
    },
    colour: '#2272c3',
    keywords: {
      sv: [
        'avboka', 'avbokning', 'omboka', 'ombokning', 'boka om', 'boka via 1177', 'boka på 1177', 'boka i appen', 'boka på nätet', 'boka digitalt',
        'boka online', 'tidbok', 'webbtidbok', 'bokningen', 'bokningsbekräftelse', 'bokade via', 'gick inte att boka', 'inga tider att boka', 'välja tid',
        'bokningsbara tider',
      ],
      'sv-x-lattlast': [
        'avboka', 'boka om', 'byta tid', 'boka i appen', 'boka på nätet', 'boka på 1177', 'gick inte att boka', 'ändra tid', 'välja tid',
        'hitta en tid i appen', 'boka själv', 'tider på nätet',
      ],
      en: [
        'book online', 'online booking', 'booking system', 'cancel', 'reschedule', 'rebook', 'change the appointment', 'change my appointment',
        'book through 1177', 'book in the app', 'could not book', "couldn't book", 'booking confirmation',
      ],
      ar: [
        'حجز عبر الإنترنت', 'الحجز الإلكتروني', 'حجز إلكتروني', 'الحجز عبر التطبيق', 'حجزت عبر 1177', 'إلغاء', 'إلغاء الموعد', 'ألغيت الموعد', 'ألغوا الموعد',
        'تغيير الموعد', 'غيرت الموعد', 'تأجيل الموعد', 'لم أستطع الحجز', 'avboka', 'boka',
      ],
      fa: [
        'رزرو آنلاین', 'رزرو اینترنتی', 'نوبت آنلاین', 'نوبت اینترنتی', 'لغو نوبت', 'لغو کردم', 'کنسل', 'کنسل کردم', 'تغییر نوبت', 'تغییر وقت',
        'جابجایی نوبت', 'نتوانستم رزرو کنم', 'avboka', 'boka',
      ],
      prs: [
        'وقت گرفتن آنلاین', 'نوبت آنلاین', 'وقت آنلاین', 'از طریق انترنت', 'لغو نوبت', 'لغو کردم', 'کنسل', 'کنسل کردم', 'تغییر نوبت', 'تغییر وقت',
        'تبدیل وقت', 'avboka', 'boka',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'ballan online', 'ballan internetka', 'ballan app', 'baajin', 'baajiyay', 'ballanta baaji', 'beddel ballanta', 'beddelay ballanta',
        'dib u dhig ballanta', 'ballan cusub', 'avboka', 'boka',
      ],
      ti: ['ብኢንተርነት ቆጸራ', 'ቆጸራ ብኢንተርነት', 'ቆጸራ ብኣፕ', 'ቆጸራ ምስራዝ', 'ቆጸራ ሰሪዘ', 'ምስራዝ', 'ቆጸራ ምቕያር', 'ቆጸራ ቀይረ', 'avboka', 'boka', 'ቆጸራ ብ 1177', 'ሓድሽ ቆጸራ'],
      fi: [
        'ajanvaraus verkossa', 'sähköinen ajanvaraus', 'nettiajanvaraus', 'varasin netistä', 'varata netistä', 'varata sovelluksessa', 'peruuttaa',
        'peruutus', 'siirtää aikaa', 'siirsin ajan', 'vaihtaa aika', 'avboka', 'boka', 'aika peruttiin', 'peruin ajan',
      ],
      uk: [
        'запис онлайн', 'онлайн-запис', 'через застосунок', 'скасувати', 'скасувала', 'скасування', 'перенести', 'перенесла', 'перенести прийом',
        'змінити час', 'немає вільних місць', 'avboka', 'boka',
      ],
    },
  },
  {
    key: 'e-id-sign-in',
    parent: 'digital-services-1177',
    labels: { sv: 'Inloggning med e-legitimation (BankID)', en: 'E-ID sign-in (BankID)' },
    descriptions: {
      sv: 'Att logga in med BankID eller en annan e-legitimation – eller att inte ha någon.',
      en: 'Signing in with BankID or another e-ID – or not having one.',
    },
    colour: '#d9264b',
    keywords: {
      sv: [
        'bankid', 'mobilt bankid', 'bank-id', 'logga in', 'inloggning', 'kom inte in', 'kunde inte logga in', 'e-legitimation', 'e-leg', 'freja', 'freja eid',
        'saknar bankid', 'har inget bankid', 'utan bankid', 'legitimera', 'legitimation', 'samordningsnummer', 'qr-kod', 'utloggad',
      ],
      'sv-x-lattlast': [
        'logga in', 'bankid', 'kom inte in', 'kunde inte logga in', 'mobilt bankid', 'inget bankid', 'legitimation', 'skanna', 'qr-kod', 'koden', 'bank-id',
        'inloggning',
      ],
      en: [
        'bankid', 'bank id', 'mobile bankid', 'log in', 'login', 'sign in', 'could not log in', "couldn't log in", 'e-id', 'electronic id', 'freja',
        'identify myself', 'identification', 'personal identity number', 'qr code', 'logged out', 'no bankid',
      ],
      ar: [
        'بنك آي دي', 'bankid', 'تسجيل الدخول', 'سجلت الدخول', 'لم أستطع الدخول', 'لا أستطيع الدخول', 'هوية إلكترونية', 'الهوية الإلكترونية', 'رقم شخصي',
        'freja', 'رمز', 'logga in',
      ],
      fa: [
        'بانک آی‌دی', 'bankid', 'ورود', 'وارد شدن', 'وارد شوم', 'نتوانستم وارد شوم', 'لاگین', 'شناسه الکترونیکی', 'هویت الکترونیکی', 'احراز هویت',
        'شماره شخصی', 'پرسونامر', 'freja', 'logga in',
      ],
      prs: [
        'بانک آی‌دی', 'bankid', 'داخل شدن', 'نتوانستم داخل شوم', 'لاگین', 'ورود', 'هویت الکترونیکی', 'نمبر شخصی', 'پرسونامر', 'freja', 'logga in', 'کود',
        'داخل نشدم',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'bankid', 'bank id', 'soo gal', 'ma geli karin', 'ma gali karin', 'galitaanka', 'aqoonsi elektaroonig', 'aqoonsi', 'lambarka shakhsiga',
        'personnummer', 'freja', 'koodh', 'log in',
      ],
      ti: ['ባንክ ኣይዲ', 'bankid', 'ምእታው', 'ክኣቱ ኣይከኣልኩን', 'ኣይኣተኹን', 'ኤሌክትሮኒካዊ መንነት', 'መንነት', 'ፐርሶንኑመር', 'personnummer', 'logga in', 'ሎግ ኢን', 'freja'],
      fi: [
        'bankid', 'mobiili bankid', 'kirjautua', 'kirjauduin', 'kirjautuminen', 'sisäänkirjautuminen', 'en päässyt kirjautumaan', 'en päässyt sisään',
        'tunnistautuminen', 'tunnistautua', 'tunnistus', 'sähköinen tunnistus', 'henkilötunnus', 'personnummer', 'logga in', 'freja',
      ],
      uk: [
        'bankid', 'банк айді', 'банкайді', 'увійти', 'не могла увійти', 'не можу увійти', 'авторизація', 'електронний підпис', 'електронна ідентифікація',
        'персональний номер', 'personnummer', 'логін', 'freja', 'logga in',
      ],
    },
  },
  {
    key: 'medication-and-prescriptions',
    parent: 'care-information-environment',
    labels: { sv: 'Läkemedel och recept', en: 'Medication and prescriptions' },
    descriptions: {
      sv: 'Recept och förnyelser, läkemedelslistan och apoteket.',
      en: 'Prescriptions and renewals, the medication list and the pharmacy.',
    },
    colour: '#178220',
    keywords: {
      sv: [
        'recept', 'förnya receptet', 'receptförnyelse', 'e-recept', 'medicin', 'läkemedel', 'läkemedlet', 'läkemedelslistan', 'apoteket', 'förnya',
        'dosering', 'dosen', 'biverkningar', 'tabletter', 'dosett', 'dospåse', 'smärtstillande', 'antibiotika', 'penicillin', 'utskrivet recept', 'hämta ut',
      ],
      'sv-x-lattlast': [
        'medicin', 'tabletter', 'piller', 'recept', 'apoteket', 'nytt recept', 'förnya recept', 'hämta medicin', 'biverkningar', 'spruta', 'läkemedel',
        'dosett', 'förnya',
      ],
      en: [
        'prescription', 'prescribed', 'medicine', 'medication', 'pharmacy', 'chemist', 'renew', 'repeat prescription', 'dose', 'dosage', 'side effects',
        'tablets', 'pills', 'e-prescription', 'medication list', 'painkillers', 'antibiotics', 'apoteket',
      ],
      ar: [
        'وصفة طبية', 'وصفة', 'الوصفة', 'روشتة', 'دواء', 'أدوية', 'الأدوية', 'صيدلية', 'الصيدلية', 'تجديد', 'تجديد الوصفة', 'جرعة', 'الجرعة', 'آثار جانبية',
        'أعراض جانبية', 'حبوب', 'أقراص', 'مسكن', 'مضاد حيوي', 'apoteket', 'recept',
      ],
      fa: [
        'نسخه', 'نسخه دارو', 'دارو', 'داروخانه', 'تمدید', 'تمدید نسخه', 'دوز', 'مقدار دارو', 'عوارض', 'عوارض جانبی', 'قرص', 'مسکن', 'آنتی‌بیوتیک',
        'لیست داروها', 'apoteket', 'recept',
      ],
      prs: [
        'نسخه', 'دوا', 'دواخانه', 'دارو', 'داروخانه', 'تمدید', 'تمدید نسخه', 'مقدار دوا', 'عوارض', 'عوارض جانبی', 'تابلیت', 'گولی', 'درد کش', 'انتی بیوتیک',
        'apoteket', 'recept',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'warqadda daawada', 'daawo', 'daawooyinka', 'farmashiye', 'apoteket', 'recept', 'resebi', 'cusboonaysiin', 'dib u cusboonaysii', 'qiyaasta daawada',
        'saamayn xun', 'waxyeellada daawada', 'kiniin', 'kiniinno', 'antibiyootig',
      ],
      ti: ['መድሃኒት', 'መድሃኒታት', 'ከኒና', 'ከኒናታት', 'ፋርማሲ', 'ፋርማስያ', 'ምሕዳስ', 'ምሕዳስ መድሃኒት', 'መጠን መድሃኒት', 'ጎድናዊ ሳዕቤን', 'ሳዕቤን', 'ረቸታ', 'apoteket', 'recept'],
      fi: [
        'resepti', 'e-resepti', 'reseptin uusiminen', 'lääkitys', 'lääkelista', 'apteekki', 'annos', 'annostus', 'sivuvaikutukset', 'haittavaikutukset',
        'tabletit', 'kipulääke', 'antibiootti', 'apoteket', 'recept', 'lääkkeet loppuivat', 'uudet lääkkeet', 'lääkkeen annos', 'lääkkeitä apteekista',
        'uusia resepti',
      ],
      uk: [
        'рецепт', 'ліки', 'медикаменти', 'препарат', 'аптека', 'аптеці', 'поновити', 'поновити рецепт', 'доза', 'дозування', 'побічні ефекти', 'побічна дія',
        'таблетки', 'знеболювальне', 'антибіотик', 'apoteket', 'recept',
      ],
    },
  },
  {
    key: 'test-results',
    parent: 'care-information-environment',
    labels: { sv: 'Provsvar', en: 'Test results' },
    descriptions: {
      sv: 'Att få och förstå svar på prover och undersökningar.',
      en: 'Getting and understanding the results of tests and examinations.',
    },
    colour: '#783cdd',
    keywords: {
      sv: [
        'provsvar', 'provsvaret', 'provresultat', 'tog prover', 'ta prover', 'svar på proverna', 'blodprov', 'blodprovet', 'röntgen', 'röntgensvar',
        'röntgensvaret', 'labbsvar', 'labbet', 'väntade på svar', 'magnetkamera', 'datortomografi', 'ultraljud', 'biopsi', 'blodvärden', 'odling', 'ekg',
        'provtagning', 'provsvaren kom',
      ],
      'sv-x-lattlast': [
        'provsvar', 'provsvaret', 'blodprov', 'svar på blodprov', 'svar på provet', 'ta blodprov', 'tog blodprov', 'röntgen', 'röntgensvar', 'svaret kom',
        'blodvärden', 'labbet', 'ultraljud',
      ],
      en: [
        'test results', 'results', 'blood test', 'bloods', 'x-ray', 'scan', 'mri', 'ct scan', 'ultrasound', 'biopsy', 'lab results', 'lab', 'samples',
        'results came', 'waiting for results', 'ecg', 'my values',
      ],
      ar: [
        'نتائج التحاليل', 'نتيجة التحليل', 'نتائج الفحوصات', 'النتائج', 'تحليل دم', 'تحليل الدم', 'تحاليل', 'فحص الدم', 'أشعة', 'الأشعة', 'صورة أشعة',
        'الرنين المغناطيسي', 'أشعة مقطعية', 'سونار', 'خزعة', 'عينة', 'المختبر', 'provsvar',
      ],
      fa: [
        'جواب آزمایش', 'نتیجه آزمایش', 'نتایج آزمایش', 'آزمایش', 'آزمایش خون', 'عکس‌برداری', 'عکس', 'رادیولوژی', 'ام آر آی', 'سی تی اسکن', 'سونوگرافی',
        'نمونه‌برداری', 'آزمایشگاه', 'provsvar', 'نمونه خون',
      ],
      prs: [
        'نتیجه معاینات', 'نتیجه معاینه', 'جواب معاینات', 'معاینه خون', 'معاینات', 'آزمایش', 'آزمایش خون', 'لابراتوار', 'اکسری', 'اکسرای', 'ام آر آی',
        'سونوگرافی', 'التراساوند', 'provsvar', 'نمونه خون',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'natiijada baaritaanka', 'natiijada', 'natiijooyinka', 'baaritaanka dhiigga', 'baaritaan', 'baaritaanno', 'raajo', 'sawirka', 'mri', 'shaybaar',
        'tijaabo', 'jawaabta baaritaanka', 'provsvar',
      ],
      ti: ['ውጽኢት መርመራ', 'ውጽኢት', 'መርመራ', 'መርመራ ደም', 'ውጽኢት ደም', 'ራጂ', 'ኤክስሬይ', 'ኤም ኣር ኣይ', 'ላቦራቶሪ', 'ናሙና', 'provsvar', 'መርመራ ሽንቲ'],
      fi: [
        'koetulokset', 'koetulos', 'tulokset', 'verikoe', 'verikokeet', 'laboratorio', 'labra', 'laboratoriotulokset', 'röntgen', 'magneettikuvaus',
        'tietokonetomografia', 'ultraääni', 'koepala', 'provsvar', 'näytteenotto', 'verinäyte',
      ],
      uk: [
        'результати аналізів', 'результати', 'результат', 'аналізи', 'аналіз крові', 'здати аналізи', 'рентген', 'мрт', 'кт', 'узд', 'біопсія', 'лабораторія',
        'зразок', 'показники', 'provsvar',
      ],
    },
  },
  {
    key: 'referrals',
    parent: 'care-information-environment',
    labels: { sv: 'Remisser', en: 'Referrals' },
    descriptions: {
      sv: 'Att remisser skickas, kommer fram och går att följa.',
      en: 'Referrals being sent, arriving and being possible to follow.',
    },
    colour: '#936b1a',
    keywords: {
      sv: [
        'remiss', 'remitterad', 'skickade remiss', 'skrev remiss', 'remissvar', 'remissen kom aldrig fram', 'remissen försvann', 'borttappad', 'tappat bort',
        'egenremiss', 'specialist', 'specialistvården', 'specialistmottagning', 'fått remiss', 'ingen remiss', 'vidareremitterad', 'hänvisad',
        'fick kallelse', 'ingen kallelse',
      ],
      'sv-x-lattlast': [
        'remiss', 'skicka remiss', 'specialist', 'annan mottagning', 'remissen kom inte fram', 'ingen remiss', 'brev om tid', 'fick kallelse', 'fått remiss',
        'remiss till', 'ny remiss', 'hänvisad',
      ],
      en: [
        'referral', 'referred', 'referral letter', 'specialist', 'referral was lost', 'never arrived', 'never received', 'self-referral', 'remiss',
        'remissen', 'kallelse', 'appointment letter',
      ],
      ar: ['تحويل', 'إحالة', 'الإحالة', 'حولني', 'ورقة التحويل', 'أخصائي', 'طبيب مختص', 'اختصاصي', 'لم يصل التحويل', 'ضاع', 'remiss', 'remissen', 'استدعاء'],
      fa: ['ارجاع', 'ارجاع دادند', 'معرفی‌نامه', 'متخصص', 'پزشک متخصص', 'نامه ارجاع', 'ارجاع نرسید', 'گم شد', 'remiss', 'remissen', 'رمیس', 'دعوت‌نامه'],
      prs: [
        'ارجاع', 'راجع ساختن', 'معرفی‌نامه', 'داکتر متخصص', 'متخصص', 'نامه ارجاع', 'گم شد', 'remiss', 'remissen', 'رمیس', 'دعوت‌نامه', 'راجع کرد',
        'معرفی به متخصص',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'u gudbin', 'u gudbiyay', 'warqadda u gudbinta', 'gudbin', 'takhasuse', 'dhakhtar takhasus leh', 'remiss', 'remissen', 'rimis', 'lumay', 'ma iman',
        'warqadda ballanta',
      ],
      ti: ['ሪፈር', 'ሪፈራል', 'ናብ ስፔሻሊስት', 'ስፔሻሊስት', 'ፍሉይ ሓኪም', 'remiss', 'remissen', 'ረሚስ', 'ደብዳበ', 'ጠፊኡ', 'ኣይበጽሐን', 'ናብ ካልእ ሆስፒታል', 'ደብዳበ ሪፈር'],
      fi: [
        'lähete', 'lähetettiin', 'erikoislääkäri', 'erikoissairaanhoito', 'lähete katosi', 'ei saapunut', 'remiss', 'kutsukirje',
        'erikoislääkärin vastaanotto', 'toiseen sairaalaan', 'lähete hukkui', 'keskussairaala', 'poliklinikka',
      ],
      uk: [
        'направлення', 'направили', 'направлення до спеціаліста', 'спеціаліст', 'вузький спеціаліст', 'загубили', 'не дійшло', 'ремісс', 'remiss', 'remissen',
        'запрошення', 'направлення загубили', 'лист із запрошенням',
      ],
    },
  },
  {
    key: 'relatives-access-and-proxy',
    parent: 'care-information-environment',
    labels: { sv: 'Närståendes insyn och ombud', en: 'Relatives’ access and proxy' },
    descriptions: {
      sv: 'Att närstående kan följa vården, hjälpa till och vara ombud – för barn och för vuxna.',
      en: 'Relatives being able to follow care, help and act as a proxy – for children and for adults.',
    },
    colour: '#167e7a',
    keywords: {
      sv: [
        'ombud', 'ombudet', 'vara ombud', 'närstående', 'anhörig', 'fullmakt', 'vårdnadshavare', 'barnens journal', 'mitt barns journal',
        'min mammas journal', 'min pappas journal', 'se mitt barns', 'för min mammas räkning', 'åt min mamma', 'åt min pappa', 'hjälpa min mamma',
        'hjälper min pappa', 'fyllt 13', 'tonåring', 'företräda', 'samtycke från',
      ],
      'sv-x-lattlast': [
        'ombud', 'anhörig', 'hjälpa min mamma', 'hjälpa min pappa', 'mitt barns journal', 'se mitt barns', 'för mitt barn', 'fullmakt', 'vårdnadshavare',
        'läsa åt', 'hjälpa till med 1177', 'min mammas journal',
      ],
      en: [
        'proxy', 'relative', 'next of kin', 'family member', 'on behalf of', 'on her behalf', 'on his behalf', 'power of attorney', "my child's record",
        "my son's records", "my daughter's records", "my mother's records", "my father's records", 'guardian', 'legal guardian', 'carer', 'caregiver',
        'help my mother', 'help my father', 'turned 13', 'teenager',
      ],
      ar: [
        'وكيل', 'توكيل', 'وكالة', 'نيابة عن', 'بالنيابة عن', 'ولي الأمر', 'أولياء الأمور', 'الوصي', 'أقارب المريض', 'أحد الأقارب', 'سجل طفلي', 'ملف طفلي',
        'ملف ابني', 'ملف ابنتي', 'ملف أمي', 'ملف والدي', 'أساعد أمي', 'أساعد والدي', 'ombud', 'fullmakt', '13 سنة',
      ],
      fa: [
        'وکیل', 'وکالت', 'وکالت‌نامه', 'بستگان', 'خانواده بیمار', 'همراه بیمار', 'از طرف مادرم', 'از طرف فرزندم', 'به نمایندگی', 'نماینده', 'سرپرست',
        'پرونده فرزندم', 'پرونده بچه‌ام', 'پرونده مادرم', 'پرونده پدرم', 'به مادرم کمک', 'ombud', 'fullmakt', '13 سالگی', 'قیم',
      ],
      prs: [
        'وکیل', 'وکالت‌نامه', 'اقارب', 'فامیل مریض', 'همراه مریض', 'از طرف مادرم', 'از طرف طفلم', 'نماینده', 'سرپرست', 'دوسیه طفلم', 'دوسیه مادرم',
        'دوسیه پدرم', 'کمک به مادرم', 'ombud', 'fullmakt', '13 سالگی', 'قیم',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'wakiil', 'wakaalad', 'qaraabo', 'ehelka bukaanka', 'faylka ilmahayga', 'diiwaanka ilmahayga', 'faylka hooyaday', 'anigoo wakiil ah',
        'magaca hooyaday', 'waalidka', 'ombud', 'fullmakt', 'caawiyo hooyaday', '13 jir',
      ],
      ti: ['ወኪል', 'ውክልና', 'ኣዝማድ', 'ቤተሰብ ሕሙም', 'ወለዲ', 'ሓላፊ ቆልዓ', 'ፋይል ውላደይ', 'መዝገብ ውላደይ', 'ፋይል ኣደይ', 'መዝገብ ኣደይ', 'ንኣደይ ክሕግዝ', 'ኣብ ክንዲ', 'ombud', 'fullmakt'],
      fi: [
        'asiamies', 'asiamiehenä', 'omainen', 'omaiset', 'läheinen', 'valtakirja', 'huoltaja', 'lapseni tiedot', 'äitini tiedot', 'isäni tiedot',
        'äitini puolesta', 'autan äitiäni', 'ombud', 'fullmakt', '13-vuotias', 'asioida puolesta',
      ],
      uk: [
        'представник', 'родич', 'довіреність', 'за довіреністю', 'від імені', 'опікун', 'законний представник', 'картка дитини', 'медкарта дитини',
        'картку мами', 'записи мами', 'допомагаю мамі', 'допомагаю батькові', 'ombud', 'fullmakt', '13 років',
      ],
    },
  },
  {
    key: 'language-and-interpreting',
    parent: 'care-information-environment',
    labels: { sv: 'Språk och tolk', en: 'Language and interpreting' },
    descriptions: {
      sv: 'Att förstå och bli förstådd på sitt eget språk, med eller utan tolk.',
      en: 'Understanding and being understood in one’s own language, with or without an interpreter.',
    },
    colour: '#cc24a1',
    keywords: {
      sv: [
        'tolk', 'telefontolk', 'tolkning', 'beställa tolk', 'språk', 'språket', 'språkförbistring', 'översättning', 'översätta', 'på mitt språk', 'modersmål',
        'svenska', 'kan inte svenska', 'pratar inte svenska', 'dålig svenska', 'engelska', 'arabiska', 'persiska', 'somaliska', 'tigrinja', 'ukrainska',
        'google translate', 'barnen fick tolka', 'tolken kom inte',
      ],
      'sv-x-lattlast': [
        'tolk', 'språk', 'mitt språk', 'svenska', 'pratar inte svenska', 'kan inte svenska', 'översätta', 'mitt barn fick tolka', 'på svenska', 'andra språk',
        'tolken kom inte', 'google translate', 'telefontolk',
      ],
      en: [
        'interpreter', 'language', 'translation', 'no interpreter', 'phone interpreter', 'my language', 'mother tongue', 'swedish', 'speak swedish',
        'english', 'arabic', 'google translate', 'language barrier', 'had to translate',
      ],
      ar: [
        'مترجم', 'ترجمة', 'الترجمة', 'لغة', 'لغتي', 'العربية', 'اللغة العربية', 'السويدية', 'اللغة السويدية', 'لا أتكلم السويدية', 'لا أتحدث السويدية',
        'مترجم هاتفي', 'بدون مترجم', 'tolk',
      ],
      fa: [
        'مترجم', 'ترجمه', 'ترجمه کرد', 'زبان', 'زبان خودم', 'زبان مادری', 'فارسی', 'سوئدی', 'زبان سوئدی', 'سوئدی بلد نیستم', 'مترجم تلفنی', 'بدون مترجم',
        'دری', 'tolk',
      ],
      prs: [
        'ترجمان', 'ترجمانی', 'مترجم', 'ترجمه', 'زبان', 'زبان خودم', 'زبان مادری', 'دری', 'فارسی', 'سویدنی', 'زبان سویدنی', 'سویدنی نمی‌فهمم',
        'ترجمان تیلفونی', 'بدون ترجمان', 'پشتو', 'tolk',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'turjubaan', 'turjumaan', 'tarjumaad', 'turjumay', 'luqad', 'af soomaali', 'iswiidhish', 'af iswiidhish', 'ma aqaan iswiidhish', 'turjubaan taleefan',
        "turjubaan la'aan", 'tolk',
      ],
      ti: ['ተርጓሚ', 'ተርጓሚት', 'ትርጉም', 'ምትርጓም', 'ቋንቋ', 'ቋንቋ ኣደ', 'ትግርኛ', 'ቋንቋ ሽወደን', 'ሽወድኛ', 'ብዘይ ተርጓሚ', 'ተርጓሚ ኣይነበረን', 'ተርጓሚ ብስልኪ', 'ኣምሓርኛ', 'tolk'],
      fi: [
        'tulkki', 'tulkkaus', 'tulkkauksen', 'puhelintulkki', 'ei tulkkia', 'kieli', 'kielellä', 'kieltä', 'omalla kielellä', 'äidinkieli', 'käännös',
        'kääntää', 'suomeksi', 'suomen kieli', 'ruotsiksi', 'en puhu ruotsia', 'tolk',
      ],
      uk: [
        'перекладач', 'переклад', 'перекласти', 'мова', 'мовний бар’єр', 'українською', 'рідною мовою', 'шведська', 'не розмовляю шведською', 'англійською',
        'без перекладача', 'перекладач по телефону', 'tolk',
      ],
    },
  },
  {
    key: 'accessibility',
    parent: 'care-information-environment',
    labels: { sv: 'Tillgänglighet vid funktionsnedsättning', en: 'Accessibility' },
    descriptions: {
      sv: 'Att tjänster och lokaler fungerar för personer med funktionsnedsättning, nedsatt syn eller hörsel.',
      en: 'Services and premises working for people with disabilities or impaired sight or hearing.',
    },
    colour: '#457e16',
    keywords: {
      sv: [
        'tillgänglighet', 'otillgänglig', 'rullstol', 'rullator', 'funktionsnedsättning', 'funktionshinder', 'synskadad', 'synnedsättning', 'dålig syn',
        'nedsatt syn', 'hörsel', 'hörselskadad', 'hörapparat', 'döv', 'blind', 'skärmläsare', 'teckenspråk', 'ramp', 'hiss', 'trappor', 'dyslexi',
        'för liten text', 'svårt att läsa', 'ser dåligt', 'hör dåligt',
      ],
      'sv-x-lattlast': [
        'rullstol', 'rullator', 'ser dåligt', 'hör dåligt', 'svårt att läsa', 'blind', 'döv', 'teckenspråk', 'hörapparat', 'trappor', 'hiss', 'stor text',
        'läsa upp', 'funktionsnedsättning',
      ],
      en: [
        'accessibility', 'inaccessible', 'wheelchair', 'walker', 'disability', 'screen reader', 'hearing', 'hearing aid', 'deaf', 'blind',
        'visually impaired', 'sight', 'poor eyesight', 'sign language', 'ramp', 'lift', 'elevator', 'stairs', 'dyslexia', 'text too small',
      ],
      ar: [
        'إعاقة', 'الإعاقة', 'معاق', 'ذوي الاحتياجات الخاصة', 'كرسي متحرك', 'الكرسي المتحرك', 'مشاية', 'ضعف السمع', 'سماعة', 'أصم', 'بصر', 'ضعف البصر', 'أعمى',
        'كفيف', 'لغة الإشارة', 'مصعد', 'قارئ الشاشة', 'الخط صغير', 'السلالم', 'ضعيف السمع',
      ],
      fa: [
        'معلولیت', 'معلول', 'توان‌خواه', 'ویلچر', 'صندلی چرخدار', 'واکر', 'شنوایی', 'ناشنوا', 'سمعک', 'کم‌شنوا', 'بینایی', 'نابینا', 'کم‌بینا', 'زبان اشاره',
        'پله', 'آسانسور', 'صفحه‌خوان', 'نوشته‌ها ریز',
      ],
      prs: [
        'معلولیت', 'معیوب', 'معلول', 'چوکی چرخدار', 'ویلچر', 'واکر', 'شنوایی', 'ناشنوا', 'آله شنوایی', 'بینایی', 'نابینا', 'کور', 'زبان اشاره', 'زینه', 'لفت',
        'آسانسور', 'خط ریز',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'naafo', 'naafonimo', 'dadka naafada ah', 'kursiga curyaanka', 'curyaan', 'maqal', 'dhagoole', 'qalabka maqalka', 'aragti', 'aragga', 'indhoole',
        'luuqadda dhagoolayaasha', 'jaranjaro', 'wiishka', 'qoraal yar',
      ],
      ti: ['ስንክልና', 'ስንኩል', 'ዊልቸር', 'ዓረብያ ስንኩላን', 'ጸማም', 'መስምዒ', 'ምርኣይ', 'ዓይነስውር', 'ዕዉር', 'ቋንቋ ምልክት', 'ኣሳንሱር', 'መደያይቦ', 'ንኡስ ጽሑፍ'],
      fi: [
        'esteettömyys', 'esteetön', 'pyörätuoli', 'rollaattori', 'vamma', 'vammainen', 'liikuntarajoitteinen', 'näkö', 'näkövammainen', 'sokea',
        'heikkonäköinen', 'kuulo', 'kuulovammainen', 'kuuro', 'kuulokoje', 'viittomakieli', 'ruudunlukija', 'portaat', 'hissi', 'luiska', 'pieni teksti',
      ],
      uk: [
        'доступність', 'інвалідний візок', 'ходунки', 'інвалідність', 'з інвалідністю', 'зір', 'поганий зір', 'незрячий', 'сліпий', 'поганий слух', 'глухий',
        'слуховий апарат', 'мова жестів', 'ліфт', 'пандус', 'екранний диктор', 'дрібний шрифт', 'сліпота',
      ],
    },
  },
  {
    key: 'staff-attention-go-live',
    parent: 'care-information-environment',
    labels: { sv: 'Personalens uppmärksamhet under och efter införandet', en: 'Staff attention during and after go-live' },
    descriptions: {
      sv: 'När personalen har fokus på skärmen och det nya systemet i stället för på patienten.',
      en: 'When staff focus on the screen and the new system instead of on the patient.',
    },
    colour: '#3c56dd',
    keywords: {
      sv: [
        'skärmen', 'datorn', 'stressad', 'hann inte', 'tittade på datorn', 'tittade på skärmen', 'tittade inte på mig', 'satt vid datorn', 'skrev på datorn',
        'nya systemet', 'det nya systemet', 'ögonkontakt', 'fokus på datorn', 'klickade', 'hade ingen tid för mig', 'hade bråttom', 'kämpade med systemet',
        'lära sig systemet',
      ],
      'sv-x-lattlast': [
        'datorn', 'skärmen', 'stressad', 'tittade inte på mig', 'tittade på datorn', 'hade bråttom', 'hade inte tid', 'nya datorsystemet', 'nya systemet',
        'ingen tid för mig', 'skrev på datorn', 'stirrade på skärmen', 'satt vid datorn',
      ],
      en: [
        'screen', 'computer', 'stressed', 'too busy', 'rushed', 'in a hurry', 'new system', 'no time', 'eye contact', 'looked at the computer', 'typing',
        'kept typing', 'did not look at me', "didn't look at me", 'staring at the screen', 'clicking', 'struggled with the system', 'overworked',
        'understaffed',
      ],
      ar: [
        'شاشة', 'الشاشة', 'كمبيوتر', 'الحاسوب', 'مستعجل', 'متوتر', 'ضغط العمل', 'النظام الجديد', 'لم ينظر إلي', 'لم تنظر إلي', 'ينظر إلى الشاشة',
        'يكتب على الكمبيوتر', 'ليس لديهم وقت', 'مشغولين جدا',
      ],
      fa: [
        'صفحه کامپیوتر', 'مانیتور', 'کامپیوتر', 'رایانه', 'عجله', 'عجله داشت', 'سرش شلوغ', 'سیستم جدید', 'به من نگاه نکرد', 'به صفحه نگاه', 'فقط تایپ',
        'تایپ می‌کرد', 'وقت نداشت', 'تماس چشمی',
      ],
      prs: [
        'کمپیوتر', 'کامپیوتر', 'صفحه کمپیوتر', 'عجله', 'عجله داشت', 'بسیار مصروف', 'سیستم جدید', 'سیستم نو', 'طرفم نگاه نکرد', 'به من نگاه نکرد',
        'تایپ می‌کرد', 'وقت نداشت', 'فشار کار', 'داکتر مصروف',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'shaashad', 'kombiyuutar', 'mashquulsan', 'cadaadis shaqo', 'nidaamka cusub', 'sistemka cusub', 'ima eegin', 'iima eegin', 'kombiyuutarka eegayay',
        'waqti uma haysan', 'wakhti ma haysan', 'qorayay',
      ],
      ti: [
        'ስክሪን', 'ኮምፒተር', 'ኮምፒዩተር', 'ተጸሚዶም', 'ተሃዊኾም', 'ህውከት', 'ጸቕጢ ስራሕ', 'ሓድሽ ስርዓት', 'ሓድሽ ሲስተም', 'ናባይ ኣይጠመቱን', 'ኣይጠመተንን', 'ግዜ የብሎምን', 'ግዜ ኣይነበሮምን',
        'ይጽሕፉ ነይሮም',
      ],
      fi: [
        'ruutu', 'tietokone', 'kiire', 'kiireinen', 'stressaantunut', 'uusi järjestelmä', 'uuden järjestelmän', 'ei katsonut minuun', 'katsoi tietokonetta',
        'katsekontakti', 'naputteli', 'ei ollut aikaa', 'tuijotti näyttöä', 'katsoi näyttöä',
      ],
      uk: [
        'екран', 'комп’ютер', 'поспіх', 'поспішали', 'поспішав', 'нова система', 'не дивився на мене', 'не дивилася на мене', 'дивилася в комп’ютер',
        'не було часу', 'друкувала', 'зоровий контакт',
      ],
    },
  },
  {
    key: 'disruption-at-go-live',
    parent: 'care-information-environment',
    labels: { sv: 'Störningar vid införandet', en: 'Disruption at go-live' },
    descriptions: {
      sv: 'Driftstopp, förseningar och misstag när det nya systemet börjar användas.',
      en: 'Outages, delays and mistakes when the new system is switched on.',
    },
    colour: '#d03b25',
    keywords: {
      sv: [
        'driftstopp', 'systemet låg nere', 'låg nere', 'krångel', 'krånglade', 'fungerade inte', 'funkade inte', 'försening', 'nytt system',
        'nya journalsystemet', 'millennium', 'bytte system', 'systembyte', 'it-problem', 'tekniska problem', 'datorproblem', 'datorerna', 'kaos', 'strul',
        'ställdes in', 'efter införandet', 'när systemet infördes',
      ],
      'sv-x-lattlast': [
        'datorn fungerade inte', 'datorerna fungerade inte', 'krångel', 'nytt datorsystem', 'nya systemet', 'strul', 'fungerade inte', 'ställde in', 'kaos',
        'millennium', 'stopp i systemet', 'datorerna låg nere', 'tekniska problem',
      ],
      en: [
        'outage', 'system down', 'system was down', 'not working', "wasn't working", 'glitch', 'technical problems', 'it problems', 'new system',
        'new computer system', 'millennium', 'go-live', 'chaos', 'crashed', 'computers were down', 'teething problems', 'lost information',
      ],
      ar: [
        'عطل', 'عطل فني', 'أعطال', 'توقف النظام', 'النظام متوقف', 'لا يعمل', 'لم يعمل', 'مشكلة تقنية', 'مشاكل تقنية', 'النظام الجديد', 'تغيير النظام', 'فوضى',
        'تعطل', 'millennium', 'ميلينيوم',
      ],
      fa: [
        'قطعی', 'قطع سیستم', 'سیستم از کار افتاد', 'کار نمی‌کرد', 'کار نمی‌کند', 'خرابی', 'مشکل فنی', 'سیستم جدید', 'تغییر سیستم', 'هرج و مرج', 'بی‌نظمی',
        'millennium', 'میلنیوم',
      ],
      prs: [
        'خرابی', 'سیستم کار نمی‌کرد', 'کار نمی‌کرد', 'سیستم خراب', 'مشکل تخنیکی', 'سیستم نو', 'سیستم جدید', 'تبدیلی سیستم', 'بی‌نظمی', 'millennium',
        'میلنیوم', 'مشکل سیستم', 'هرج و مرج',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'cillad', 'cillad farsamo', 'nidaamku wuu xirnaa', 'nidaamka ayaa xirnaa', 'ma shaqaynayn', 'ma shaqeynin', 'ma shaqeyn', 'dhibaato farsamo',
        'nidaamka cusub', 'sistemka cusub', 'qas', 'millennium', 'kombiyuutarradu ma shaqaynayn',
      ],
      ti: ['ብልሽት', 'ተበላሽዩ', 'ስርዓት ኣይሰርሕን', 'ኣይሰርሕን ነይሩ', 'ኣይሰርሕን', 'ቴክኒካዊ ጸገም', 'ሓድሽ ስርዓት', 'ሓድሽ ሲስተም', 'ሲስተም', 'ኮምፒተር ኣይሰርሕን', 'ዕግርግር', 'millennium'],
      fi: [
        'katko', 'käyttökatko', 'järjestelmä alhaalla', 'järjestelmä kaatui', 'ei toiminut', 'ei toimi', 'tekninen vika', 'tekniset ongelmat', 'häiriö',
        'uusi järjestelmä', 'järjestelmän vaihto', 'potilastietojärjestelmä', 'kaaos', 'millennium',
      ],
      uk: [
        'збій', 'збої', 'система не працювала', 'не працює', 'не працювало', 'технічні проблеми', 'технічна помилка', 'нова система', 'зміна системи',
        'перехід на нову систему', 'хаос', 'система зависла', 'millennium', 'міленіум',
      ],
    },
  },

  // (c) The programme's patient scenarios (care journeys)
  {
    key: 'patient-scenarios',
    labels: { sv: 'Patientscenarier (vårdförlopp)', en: 'Patient scenarios (care journeys)' },
    descriptions: {
      sv: 'Programmets patientscenarier. Koppla en berättelse till det vårdförlopp som den handlar om.',
      en: 'The programme’s patient scenarios. Link a story to the care journey it is about.',
    },
    colour: '#178244',
  },
  {
    key: 'scenario-planned-surgery',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: planerad operation', en: 'Scenario: planned surgery' },
    descriptions: {
      sv: 'Från remiss och väntan till operation, vårdtid och uppföljning.',
      en: 'From referral and waiting to surgery, hospital stay and follow-up.',
    },
    colour: '#ac38dc',
    keywords: {
      sv: [
        'operation', 'opereras', 'narkos', 'sövd', 'bedövning', 'inskrivning', 'efterkontroll', 'planerad operation', 'höftoperation', 'knäoperation',
        'ny höft', 'protes', 'kirurg', 'återhämtning', 'vårdavdelning', 'utskriven', 'stygn', 'ingrepp', 'titthålsoperation', 'dagkirurgi',
      ],
      'sv-x-lattlast': [
        'operation', 'opereras', 'sövd', 'kirurg', 'ny höft', 'nytt knä', 'efter operationen', 'före operationen', 'sova på sjukhuset', 'bedövning', 'narkos',
        'stygn',
      ],
      en: [
        'surgery', 'operation', 'anaesthesia', 'anesthesia', 'anaesthetic', 'general anaesthetic', 'surgeon', 'hip replacement', 'knee replacement',
        'post-op', 'ward', 'stitches', 'wound', 'recovery', 'day surgery', 'keyhole', 'after the operation',
      ],
      ar: [
        'عملية جراحية', 'عملية', 'العملية', 'جراحة', 'الجراحة', 'تخدير', 'بنج', 'عمليتي', 'بعد العملية', 'قبل العملية', 'تبديل الورك', 'مفصل الركبة', 'الجرح',
        'غرز', 'قائمة انتظار العملية',
      ],
      fa: [
        'عمل جراحی', 'جراحی', 'عمل کردند', 'عملم کردند', 'بیهوشی', 'بی‌حسی', 'بعد از عمل', 'قبل از عمل', 'اتاق عمل', 'تعویض مفصل', 'بخیه', 'زخم', 'بستری',
        'مرخص شدم', 'لیست انتظار جراحی',
      ],
      prs: [
        'عملیات', 'عملیات جراحی', 'جراحی', 'بیهوشی', 'بعد از عملیات', 'قبل از عملیات', 'اتاق عملیات', 'بخیه', 'زخم', 'بستر', 'رخصت شدم', 'داکتر جراح',
        'تبدیل مفصل',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'qalliin', 'la qalay', 'qalitaan', 'dhakhtarka qalliinka', 'suuxdin', 'suuxinta', 'la suuxiyay', 'lafta misigta', 'jilibka', 'ka dib qalliinka',
        'nabarka', 'tolmo', 'la dhigay isbitaalka',
      ],
      ti: ['መጥባሕቲ', 'ተጠቢሐ', 'ምጥባሕ', 'ሓኪም መጥባሕቲ', 'መደንዘዚ', 'ኣደንዚዞም', 'ድሕሪ መጥባሕቲ', 'ቅድሚ መጥባሕቲ', 'ቁስሊ', 'ቊስሊ', 'ስፌት', 'ኣብ ሆስፒታል ደቂሰ'],
      fi: [
        'leikkaus', 'leikkauksen', 'leikattiin', 'nukutus', 'nukutettiin', 'puudutus', 'kirurgi', 'leikkausjono', 'tekonivel', 'lonkkaleikkaus',
        'polvileikkaus', 'jälkitarkastus', 'toipuminen', 'haava', 'tikit', 'päiväkirurgia', 'vuodeosasto',
      ],
      uk: [
        'операція', 'операції', 'прооперували', 'оперувати', 'хірург', 'хірургічне втручання', 'наркоз', 'анестезія', 'після операції', 'перед операцією',
        'заміна суглоба', 'шви', 'післяопераційний', 'черга на операцію',
      ],
    },
  },
  {
    key: 'scenario-emergency-visit',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: besök på akuten', en: 'Scenario: emergency visit' },
    descriptions: {
      sv: 'Ett besök på akuten, från ankomst och bedömning till hemgång eller inläggning.',
      en: 'A visit to the emergency department, from arrival and triage to going home or admission.',
    },
    colour: '#757515',
    keywords: {
      sv: [
        'akuten', 'akutmottagning', 'ambulans', 'ambulansen', 'triage', 'triagering', 'akutsjukvård', 'ringde 112', '112', 'inlagd', 'lades in',
        'blev inlagd', 'närakut', 'jourcentral', 'jouren', 'barnakuten', 'ambulanspersonal', 'mitt i natten', 'ont i bröstet', 'bröstsmärta',
      ],
      'sv-x-lattlast': [
        'akuten', 'ambulans', 'mycket ont', 'ringde 112', '112', 'åkte till akuten', 'fick ligga kvar', 'på natten', 'barnakuten', 'jouren',
        'ringde ambulans', 'ont i bröstet',
      ],
      en: [
        'emergency', 'emergency department', 'emergency room', 'a&e', 'ambulance', 'paramedics', 'triage', 'urgent care', 'called 112', '112', 'admitted',
        'kept overnight', 'in the middle of the night', 'chest pain', 'out-of-hours', 'akuten',
      ],
      ar: [
        'طوارئ', 'قسم الطوارئ', 'إسعاف', 'سيارة الإسعاف', 'المسعفين', 'فرز', 'اتصلت ب 112', '112', 'طوارئ الأطفال', 'أدخلوني', 'تم إدخالي', 'منتصف الليل',
        'ألم في الصدر', 'akuten',
      ],
      fa: ['اورژانس', 'بخش اورژانس', 'آمبولانس', 'تریاژ', '112', 'زنگ زدم 112', 'نیمه شب', 'درد قفسه سینه', 'بستری شدم', 'اورژانس کودکان', 'فوریت', 'akuten'],
      prs: ['عاجل', 'بخش عاجل', 'حالات عاجل', 'اورژانس', 'امبولانس', '112', 'نیمه شب', 'نصف شب', 'درد سینه', 'بستر شدم', 'ایمرجنسی', 'akuten'],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'gurmad', 'qaybta degdegga', 'degdeg', 'xaalad degdeg ah', 'ambalaas', 'gaadiidka gurmadka', '112', 'akuten', 'akutka', 'saqda dhexe', 'habeenkii',
        'xanuun xabadka ah', 'la dhigay',
      ],
      ti: ['ህጹጽ', 'ህጹጽ ክፍሊ', 'ህጹጽ ረድኤት', 'ኣምቡላንስ', 'ኣምቡላንስ ደዊለ', '112', 'akuten', 'ኣኩተን', 'ፍርቂ ለይቲ', 'ቃንዛ ኣፍልቢ', 'ህጹጽ ሕክምና', 'ኣምቡላንስ መጺኣ'],
      fi: [
        'päivystys', 'päivystykseen', 'yhteispäivystys', 'ensiapu', 'ensiavussa', 'ambulanssi', 'ensihoitajat', 'triage', 'hätänumero', '112', 'akuten',
        'keskellä yötä', 'rintakipu', 'lastenpäivystys',
      ],
      uk: [
        'невідкладна допомога', 'швидка', 'швидка допомога', 'приймальне відділення', 'екстрена допомога', 'відділення невідкладної допомоги', 'реанімація',
        '112', 'akuten', 'посеред ночі', 'біль у грудях', 'госпіталізували',
      ],
    },
  },
  {
    key: 'scenario-maternity-and-child-health',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: graviditet, förlossning och barnhälsovård', en: 'Scenario: maternity and child health' },
    descriptions: {
      sv: 'Graviditet, förlossning och barnets första år på barnavårdscentralen.',
      en: 'Pregnancy, giving birth and the child’s first years at the child health centre.',
    },
    colour: '#1c79a0',
    keywords: {
      sv: [
        'gravid', 'graviditet', 'förlossning', 'förlossningsavdelningen', 'barnmorska', 'barnmorskan', 'bvc', 'mvc', 'bebis', 'nyfödd', 'föda', 'födseln',
        'kejsarsnitt', 'rutinultraljud', 'amning', 'bb', 'barnavårdscentralen', 'mödravården', 'vaccination', 'prematur', 'värkarna började',
      ],
      'sv-x-lattlast': ['gravid', 'föda barn', 'bebis', 'barnmorska', 'bvc', 'mvc', 'nyfödd', 'amma', 'förlossning', 'kejsarsnitt', 'vaccin', 'födde barn'],
      en: [
        'pregnant', 'pregnancy', 'birth', 'gave birth', 'giving birth', 'labour', 'labor', 'delivery', 'midwife', 'midwives', 'baby', 'newborn',
        'child health', 'child health centre', 'maternity', 'maternity ward', 'caesarean', 'c-section', 'breastfeeding', 'contractions', 'antenatal',
        'vaccinations', 'bvc', 'mvc',
      ],
      ar: [
        'حامل', 'الحمل', 'ولادة', 'الولادة', 'ولدت', 'قابلة', 'القابلة', 'طفل رضيع', 'رضيع', 'المولود', 'مولود جديد', 'ولادة قيصرية', 'قيصرية', 'الرضاعة',
        'الطلق', 'رعاية الأمومة', 'مركز رعاية الطفل', 'تطعيم', 'bvc', 'mvc',
      ],
      fa: [
        'باردار', 'حاملگی', 'حامله', 'زایمان', 'زایمان طبیعی', 'سزارین', 'ماما', 'نوزاد', 'شیردهی', 'درد زایمان', 'بخش زایمان', 'مراقبت کودک', 'واکسن', 'bvc',
        'mvc',
      ],
      prs: [
        'حامله', 'حاملگی', 'بارداری', 'ولادت', 'زایمان', 'سزارین', 'قابله', 'نوزاد', 'طفل نوزاد', 'شیر دادن', 'درد ولادت', 'بخش ولادی', 'واکسین', 'bvc',
        'mvc',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'uur leh', 'dhalmo', 'dhalay', 'umulisada', 'ilmo yar', 'ilmaha yar', 'dhallaanka', 'ilmo dhashay', 'qalliin dhalmo', 'naas nuujin', 'foosha',
        'tallaal', 'bvc', 'mvc', 'uurayso', 'xaamilo',
      ],
      ti: ['ጥንሲ', 'ነፍሰ ጾር', 'ጥኒሰ', 'ሕርሲ', 'ወሊደ', 'መሕረሲት', 'ህጻን', 'ህጻናት', 'ሓራስ', 'ሓራስ ህጻን', 'ብመጥባሕቲ ምውላድ', 'ምጥባው', 'ቃንዛ ሕርሲ', 'ክታበት', 'bvc', 'mvc'],
      fi: [
        'raskaus', 'raskauden', 'synnytys', 'synnytyksen', 'synnytin', 'synnytysosasto', 'kätilö', 'vauva', 'vastasyntynyt', 'neuvola', 'äitiysneuvola',
        'lastenneuvola', 'keisarileikkaus', 'imetys', 'supistukset', 'rokotus', 'bvc', 'mvc', 'olin raskaana', 'raskaana oleva',
      ],
      uk: [
        'вагітність', 'вагітна', 'вагітності', 'пологи', 'народила', 'акушерка', 'немовля', 'новонароджений', 'малюк', 'кесарів розтин',
        'грудне вигодовування', 'перейми', 'пологовий', 'щеплення', 'дитяча поліклініка', 'bvc', 'mvc',
      ],
    },
  },
  {
    key: 'scenario-chronic-illness',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: uppföljning av långvarig sjukdom', en: 'Scenario: chronic illness follow-up' },
    descriptions: {
      sv: 'Återkommande kontroller vid till exempel diabetes, hjärtsvikt eller KOL.',
      en: 'Regular check-ups for conditions such as diabetes, heart failure or COPD.',
    },
    colour: '#d4256e',
    keywords: {
      sv: [
        'diabetes', 'diabetiker', 'kontroll', 'återbesök', 'kronisk', 'hjärtsvikt', 'kol', 'astma', 'reumatism', 'parkinson', 'njursjukdom', 'dialys',
        'högt blodtryck', 'blodtryck', 'insulin', 'blodsocker', 'diabetessköterska', 'uppföljning', 'årskontroll', 'långvarig sjukdom', 'epilepsi',
        'i många år', 'varje år', 'diabeteskontroll', 'diabetesmottagning',
      ],
      'sv-x-lattlast': [
        'sjuk länge', 'varit sjuk länge', 'diabetes', 'kontroll', 'återbesök', 'varje år', 'astma', 'blodtryck', 'sockret', 'insulin', 'kronisk',
        'diabetessköterska', 'hjärtsvikt',
      ],
      en: [
        'chronic', 'diabetes', 'check-up', 'heart failure', 'copd', 'asthma', 'rheumatism', 'arthritis', 'kidney', 'dialysis', 'blood pressure', 'insulin',
        'blood sugar', 'long-term', 'long-term condition', 'annual check', 'for years', 'epilepsy', 'parkinson',
      ],
      ar: [
        'مرض مزمن', 'مزمن', 'سكري', 'مرض السكر', 'مراجعة', 'فحص دوري', 'متابعة', 'قصور القلب', 'ضغط الدم', 'الربو', 'الروماتيزم', 'غسيل الكلى', 'الأنسولين',
        'منذ سنوات', 'انسداد رئوي',
      ],
      fa: [
        'بیماری مزمن', 'مزمن', 'دیابت', 'قند', 'قند خون', 'معاینه دوره‌ای', 'کنترل', 'چکاپ', 'نارسایی قلبی', 'فشار خون', 'آسم', 'روماتیسم', 'دیالیز',
        'انسولین', 'سال‌هاست', 'پیگیری منظم',
      ],
      prs: [
        'مریضی مزمن', 'مزمن', 'مرض شکر', 'شکر خون', 'دیابت', 'معاینه دوره‌ای', 'کنترول', 'چکاپ', 'ضعف قلب', 'فشار خون', 'فشار بلند', 'نفس تنگی', 'آسم',
        'روماتیزم', 'دیالیز', 'انسولین', 'سال‌ها', 'پیگیری منظم',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'cudur raaga', 'xanuun raagay', 'sonkorow', 'sonkorta', 'kaadi sonkorow', 'baaritaan joogto ah', 'dabagal', 'la socod', 'kontorool', 'wadne',
        'dhiig kar', 'dhiigkarka', 'neef', 'kelyaha', 'insuliin', 'sannado',
      ],
      ti: ['ነዊሕ ሕማም', 'ነባሪ ሕማም', 'ሽኮር', 'ሕማም ሽኮር', 'ክትትል', 'ቁጽጽር', 'ብቐጻሊ ምርመራ', 'ሕማም ልቢ', 'ጸቕጢ ደም', 'ኣዝማ', 'ሕማም ሳንቡእ', 'ኢንሱሊን', 'ንዓመታት'],
      fi: [
        'pitkäaikainen', 'pitkäaikaissairaus', 'krooninen', 'diabetes', 'diabeetikko', 'seuranta', 'seurantakäynti', 'kontrolli', 'kontrollikäynti',
        'vuosikontrolli', 'sydämen vajaatoiminta', 'keuhkoahtaumatauti', 'astma', 'reuma', 'verenpaine', 'insuliini', 'verensokeri', 'dialyysi', 'jo vuosia',
        'vuosia sairastanut',
      ],
      uk: [
        'хронічна хвороба', 'хронічне', 'діабет', 'цукровий діабет', 'цукор', 'регулярний огляд', 'планові огляди', 'контроль', 'спостереження',
        'серцева недостатність', 'тиск', 'артеріальний тиск', 'астма', 'хозл', 'ревматизм', 'діаліз', 'інсулін', 'роками',
      ],
    },
  },
  {
    key: 'scenario-mental-health',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: psykiatrisk vård', en: 'Scenario: mental health care' },
    descriptions: {
      sv: 'Vård vid psykisk ohälsa, i öppenvård, i heldygnsvård eller akut.',
      en: 'Care for mental ill-health, as an outpatient, as an inpatient or in an emergency.',
    },
    colour: '#248217',
    keywords: {
      sv: [
        'psykiatrin', 'psykiatrisk', 'ångest', 'depression', 'deprimerad', 'psykolog', 'kurator', 'kuratorn', 'samtalsterapi', 'terapi', 'kbt',
        'psykisk ohälsa', 'mår psykiskt dåligt', 'självmordstankar', 'självmord', 'panikångest', 'bipolär', 'adhd', 'autism', 'utmattningssyndrom',
        'utbrändhet', 'tvångsvård', 'bup', 'vuxenpsykiatrin',
      ],
      'sv-x-lattlast': [
        'mår dåligt', 'mådde dåligt', 'ångest', 'ledsen', 'deprimerad', 'prata med någon', 'psykolog', 'kurator', 'psykiatrin', 'kan inte sova', 'orkar inte',
        'ville inte leva',
      ],
      en: [
        'mental health', 'anxiety', 'anxious', 'depression', 'depressed', 'psychiatrist', 'psychiatry', 'psychiatric', 'psychologist', 'therapy', 'therapist',
        'counsellor', 'counselling', 'cbt', 'panic attacks', 'suicidal', 'self-harm', 'burnout', 'adhd', 'bipolar', 'eating disorder', 'ptsd',
      ],
      ar: [
        'صحة نفسية', 'الصحة النفسية', 'حالتي النفسية', 'قلق', 'اكتئاب', 'مكتئب', 'طبيب نفسي', 'الطب النفسي', 'الأمراض النفسية', 'أخصائي نفسي', 'معالج نفسي',
        'علاج نفسي', 'نوبات هلع', 'انتحار', 'أفكار انتحارية', 'صدمة نفسية', 'ضغط نفسي', 'أرق',
      ],
      fa: [
        'سلامت روان', 'روانی', 'اضطراب', 'افسردگی', 'افسرده', 'روانپزشک', 'روانشناس', 'مشاوره', 'مشاور', 'روان‌درمانی', 'حمله عصبی', 'حمله پانیک', 'خودکشی',
        'بی‌خوابی',
      ],
      prs: [
        'صحت روانی', 'روانی', 'تشویش', 'اضطراب', 'افسردگی', 'افسرده', 'داکتر روانی', 'روانپزشک', 'روانشناس', 'مشوره', 'مشاور', 'خودکشی', 'بی‌خوابی',
        'فشار روانی', 'حمله عصبی',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'caafimaadka maskaxda', 'caafimaad maskaxeed', 'walwal', 'walbahaar', 'niyad jab', 'niyadjab', 'murugo', 'dhakhtarka maskaxda', 'cilmi nafsi',
        'daaweyn maskaxeed', 'is dilid', 'isdil', "hurdo la'aan", 'cadaadis maskaxeed', 'psykiatrin', 'psykolog', 'kurator',
      ],
      ti: ['ጥዕና ኣእምሮ', 'ሕማም ኣእምሮ', 'ጭንቀት', 'ጓሂ', 'ጸቕጢ ኣእምሮ', 'ሓኪም ኣእምሮ', 'ሳይኮሎጂስት', 'ሳይካትሪ', 'ተስፋ ምቑራጽ', 'ርእሰ ቅትለት', 'ድቃስ ስኢነ', 'psykolog', 'psykiatrin'],
      fi: [
        'mielenterveys', 'mielenterveyspalvelut', 'mielenterveystoimisto', 'psykiatria', 'psykiatrinen', 'psykologi', 'terapia', 'terapeutti', 'ahdistus',
        'ahdistunut', 'masennus', 'masentunut', 'paniikkihäiriö', 'itsetuhoinen', 'itsemurha', 'uupumus', 'unettomuus', 'kuraattori',
      ],
      uk: [
        'психічне здоров’я', 'психічний стан', 'тривога', 'тривожність', 'депресія', 'депресії', 'психіатр', 'психолог', 'психотерапевт', 'терапія',
        'панічні атаки', 'суїцид', 'суїцидальні думки', 'безсоння', 'вигорання', 'птср', 'психіатричне відділення',
      ],
    },
  },
  {
    key: 'scenario-cancer-pathway',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: standardiserat vårdförlopp vid cancer', en: 'Scenario: cancer care pathway' },
    descriptions: {
      sv: 'Från misstanke om cancer till utredning, behandling och uppföljning.',
      en: 'From suspected cancer to investigation, treatment and follow-up.',
    },
    colour: '#573cdd',
    keywords: {
      sv: [
        'cancer', 'cancerbesked', 'utredning', 'cellgifter', 'cellgiftsbehandling', 'cytostatika', 'strålning', 'strålbehandling', 'kontaktsjuksköterska',
        'kontaktsjuksköterskan', 'tumör', 'onkolog', 'svf', 'standardiserat vårdförlopp', 'misstänkt cancer', 'metastaser', 'spridning', 'knöl', 'mammografi',
        'palliativ',
      ],
      'sv-x-lattlast': [
        'cancer', 'cellgifter', 'strålning', 'tumör', 'knöl', 'kontaktsjuksköterska', 'cancerbesked', 'misstänkt cancer', 'cancerbehandling', 'håret föll av',
        'strålbehandling', 'cellgiftsbehandling',
      ],
      en: [
        'cancer', 'chemotherapy', 'chemo', 'radiotherapy', 'radiation', 'tumour', 'tumor', 'contact nurse', 'oncologist', 'oncology', 'cancer pathway',
        'suspected cancer', 'metastases', 'lump', 'mammogram', 'palliative', 'cancer diagnosis', 'breast cancer', 'prostate cancer',
      ],
      ar: [
        'سرطان', 'السرطان', 'مرض السرطان', 'ورم', 'أورام', 'ورم خبيث', 'علاج كيميائي', 'الكيماوي', 'علاج إشعاعي', 'إشعاعي', 'طبيب الأورام', 'قسم الأورام',
        'ممرضة الاتصال', 'انتشار', 'كتلة', 'سرطان الثدي',
      ],
      fa: [
        'سرطان', 'سرطانی', 'تومور', 'توده', 'غده', 'شیمی‌درمانی', 'شیمی درمانی', 'پرتودرمانی', 'رادیوتراپی', 'انکولوژی', 'متخصص سرطان', 'پرستار رابط',
        'متاستاز', 'سرطان سینه', 'بدخیم', 'کیموتراپی',
      ],
      prs: [
        'سرطان', 'کانسر', 'غده', 'تومور', 'کیموتراپی', 'شیمی درمانی', 'شعاع درمانی', 'رادیوتراپی', 'داکتر سرطان', 'نرس تماس', 'بدخیم', 'سرطان سینه',
        'پخش شده',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'kansar', 'buro', 'burada', 'burooyin', 'kiimoterabi', 'kemo', 'kimoterabi', 'shucaac', 'daaweynta shucaaca', 'kalkaalisada xiriirka',
        'dhakhtarka kansarka', 'faafay', 'kontaktsjuksköterska',
      ],
      ti: ['ካንሰር', 'መንሽሮ', 'ሕበጥ', 'ኬሞቴራፒ', 'ኬሞ', 'ረድዮቴራፒ', 'ጨረር', 'ሕክምና ጨረር', 'ሓኪም ካንሰር', 'ነርስ ርክብ', 'ዝተላበዐ', 'ካንሰር ጡብ'],
      fi: [
        'syöpä', 'syövän', 'syöpähoito', 'syöpädiagnoosi', 'solunsalpaajat', 'solunsalpaajahoito', 'sytostaatit', 'sädehoito', 'kasvaimen', 'onkologi',
        'syöpäpoliklinikka', 'yhteyshoitaja', 'etäpesäkkeet', 'kyhmy', 'rintasyöpä', 'eturauhassyöpä', 'palliatiivinen', 'kasvain löytyi',
      ],
      uk: [
        'рак', 'онкологія', 'онкологічний', 'хіміотерапія', 'хімія', 'променева терапія', 'опромінення', 'пухлина', 'метастази', 'рак грудей',
        'контактна медсестра', 'паліативна',
      ],
    },
  },
  {
    key: 'scenario-older-people-home-care',
    parent: 'patient-scenarios',
    labels: { sv: 'Scenario: äldre med hemsjukvård', en: 'Scenario: older people with home care' },
    descriptions: {
      sv: 'Äldre som får vård i hemmet, där region, kommun och närstående behöver samarbeta.',
      en: 'Older people cared for at home, where region, municipality and relatives need to work together.',
    },
    colour: '#a95e1e',
    keywords: {
      sv: [
        'hemsjukvård', 'hemtjänst', 'äldre', 'äldreboende', 'särskilt boende', 'kommunen', 'distriktssköterska', 'distriktssköterskan', 'trygghetslarm',
        'korttidsboende', 'samordnad individuell plan', 'min gamla mamma', 'min gamle pappa', 'dement', 'demens', 'rehab i hemmet', 'hembesök',
        'kommunens sjuksköterska', 'hjälpmedel', 'fall i hemmet', 'ensam hemma',
      ],
      'sv-x-lattlast': [
        'hemtjänst', 'sjuksköterskan kommer hem', 'kommer hem till', 'hjälp hemma', 'äldreboende', 'dement', 'larm', 'min gamla mamma', 'bor själv',
        'hemsjukvård', 'gamla mamma', 'gammal pappa',
      ],
      en: [
        'home care', 'home nursing', 'home help', 'elderly', 'older people', 'district nurse', 'municipality', 'nursing home', 'care home', 'dementia',
        'safety alarm', 'home visit', 'care planning', 'short-term stay', 'my elderly mother', 'my elderly father', 'lives alone', 'old age',
      ],
      ar: [
        'رعاية منزلية', 'الرعاية المنزلية', 'الرعاية الصحية المنزلية', 'خدمة منزلية', 'المساعدة المنزلية', 'كبار السن', 'كبير في السن', 'مسن', 'ممرضة منزلية',
        'البلدية', 'الكومون', 'دار المسنين', 'دار رعاية', 'الخرف', 'زهايمر', 'جهاز الإنذار', 'زيارة منزلية', 'hemtjänst', 'hemsjukvård',
      ],
      fa: [
        'مراقبت در منزل', 'مراقبت خانگی', 'پرستاری در منزل', 'خدمات خانگی', 'سالمندان', 'سالمند', 'افراد مسن', 'مسن', 'پرستار منطقه', 'کمون', 'شهرداری',
        'خانه سالمندان', 'آلزایمر', 'زوال عقل', 'ویزیت در منزل', 'hemtjänst', 'hemsjukvård',
      ],
      prs: [
        'مراقبت در خانه', 'مراقبت خانگی', 'خدمات خانگی', 'نرس خانگی', 'سالمندان', 'سالمند', 'موسفید', 'کهن سال', 'پیر', 'کمون', 'شاروالی', 'خانه سالمندان',
        'آلزایمر', 'فراموشی', 'hemtjänst', 'hemsjukvård',
      ],
      // so, ti: best effort, not yet checked by a native speaker (see the note above STARTER_CODEBOOK).
      so: [
        'daryeel guri', 'waayeel', 'dadka waayeelka ah', 'oday', 'odey', 'kalkaaliso guriga timaada', 'kalkaalisada degmada', 'degmada', 'kommunka',
        'xarunta waayeelka', "xusuus la'aan", 'hemtjänst', 'hemsjukvård',
      ],
      ti: ['ክንክን ኣብ ገዛ', 'ሓገዝ ኣብ ገዛ', 'ኣረጋውያን', 'ኣረጋዊ', 'ኣረጋዊት', 'ዓቢ ሰብ', 'ነርስ ናብ ገዛ', 'ኮሙን', 'ምምሕዳር ከተማ', 'ገዛ ኣረጋውያን', 'ምርሳዕ', 'hemtjänst', 'hemsjukvård'],
      fi: [
        'kotisairaanhoito', 'kotihoito', 'kotihoidon', 'kotipalvelu', 'vanhus', 'vanhukset', 'vanhusten', 'iäkäs', 'ikääntynyt', 'kunta', 'hoivakoti',
        'palvelutalo', 'dementia', 'muistisairaus', 'turvahälytin', 'kotikäynti', 'hemtjänst', 'hemsjukvård',
      ],
      uk: [
        'догляд вдома', 'домашній догляд', 'патронаж', 'патронажна медсестра', 'літні люди', 'літня', 'похилого віку', 'пенсіонер', 'соціальна служба',
        'соціальний працівник', 'комуна', 'муніципалітет', 'будинок для літніх людей', 'деменція', 'тривожна кнопка', 'hemtjänst', 'hemsjukvård',
      ],
    },
  },
];
