import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../api/contract/lists.ts';
import {
  analyseText,
  detectLanguage,
  FORM_LOCALES,
  foldDiacritics,
  isStopWord,
  normaliseWord,
  segmentWords,
  stem,
  type FormLocale,
} from '../../analysis/src/index.ts';

describe('form locales', () => {
  it('are the contract’s locales, in the same order', () => {
    expect([...FORM_LOCALES]).toEqual([...LOCALES]);
  });
});

describe('normaliseWord', () => {
  const cases: ReadonlyArray<readonly [string, string, string, string]> = [
    ['sv', 'upper case becomes lower case, letters kept', 'VÅRDCENTRALEN', 'vårdcentralen'],
    ['sv-x-lattlast', 'full-width letters become ASCII', 'ｔｉｄ', 'tid'],
    ['en', 'the fi ligature becomes two letters', '\uFB01rst', 'first'],
    ['en', 'typographic apostrophe is removed', 'didn’t', 'didnt'],
    ['ar', 'harakat and tatweel are dropped', 'مَوْعِـــد', 'موعد'],
    ['ar', 'alef with hamza becomes bare alef, teh marbuta becomes heh', 'أسئلة', 'اسيله'],
    ['ar', 'presentation forms become ordinary letters', '\uFEE3\uFEEE\uFECB\uFEAA', 'موعد'],
    ['ar', 'Arabic-Indic digits become ASCII', '١١٧٧', '1177'],
    ['fa', 'Persian yeh and keheh meet Arabic yeh and kaf', 'کمک‌ی', 'كمكي'],
    ['fa', 'Persian digits become ASCII and ZWNJ is removed', 'ساعت‌ها ۱۱۷۷', 'ساعتها 1177'],
    ['prs', 'alef maqsura meets yeh', 'مستشفى', 'مستشفي'],
    ['so', 'the glottal-stop apostrophe is removed', "Go'aan", 'goaan'],
    ['ti', 'Ge’ez script is left as it is', 'ቆጸራ', 'ቆጸራ'],
    ['fi', 'Finnish letters are kept before stemming', 'Lääkäri', 'lääkäri'],
    ['uk', 'Cyrillic lower case, apostrophe removed, й kept', 'Комп’ютер й', 'компютер й'],
  ];
  it.each(cases)('%s: %s', (_locale, _why, input, expected) => {
    expect(normaliseWord(input)).toBe(expected);
  });

  it('folds Latin diacritics but leaves Cyrillic letters alone', () => {
    expect(foldDiacritics('väntetid')).toBe('vantetid');
    expect(foldDiacritics('päivystys')).toBe('paivystys');
    expect(foldDiacritics('прийом')).toBe('прийом');
    expect(foldDiacritics('їжа')).toBe('їжа');
  });
});

describe('segmentWords', () => {
  const cases: ReadonlyArray<readonly [FormLocale, string, readonly string[]]> = [
    ['sv', 'Jag ringde 1177, ingen svarade.', ['Jag', 'ringde', '1177', 'ingen', 'svarade']],
    ['sv-x-lattlast', 'Jag fick en tid.', ['Jag', 'fick', 'en', 'tid']],
    ['en', "I couldn't get through!", ['I', "couldn't", 'get', 'through']],
    ['ar', 'لم يردوا على رسالتي.', ['لم', 'يردوا', 'على', 'رسالتي']],
    ['fa', 'نمی‌توانستم نوبت بگیرم.', ['نمی‌توانستم', 'نوبت', 'بگیرم']],
    ['prs', 'داکتر جواب نداد', ['داکتر', 'جواب', 'نداد']],
    ['so', "Go'aan kama gaarin.", ["Go'aan", 'kama', 'gaarin']],
    ['ti', 'ሓኪም ኣይመጸን። ተጸቢየ፡', ['ሓኪም', 'ኣይመጸን', 'ተጸቢየ']],
    ['fi', 'Odotin, eikä kukaan soittanut.', ['Odotin', 'eikä', 'kukaan', 'soittanut']],
    ['uk', 'Лікар не прийшов.', ['Лікар', 'не', 'прийшов']],
  ];
  it.each(cases)('%s: finds the words of the text', (locale, text, words) => {
    expect(segmentWords(text, locale).map((word) => word.surface)).toEqual(words);
  });

  it('skips masking tokens and reports ranges in the original text', () => {
    const text = 'Ring [PHONE] nu';
    const words = segmentWords(text, 'sv');
    expect(words.map((word) => word.surface)).toEqual(['Ring', 'nu']);
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.surface);
  });
});

describe('stop words', () => {
  const cases: ReadonlyArray<readonly [FormLocale, string, string]> = [
    ['sv', 'och', 'vårdcentralen'],
    ['sv-x-lattlast', 'jag', 'tid'],
    ['en', 'the', 'appointment'],
    ['ar', 'في', 'موعد'],
    ['fa', 'از', 'نوبت'],
    ['prs', 'ها', 'داکتر'],
    ['so', 'oo', 'dhakhtar'],
    ['ti', 'ኣብ', 'ሓኪም'],
    ['fi', 'ja', 'lääkäri'],
    ['uk', 'на', 'лікар'],
  ];
  it.each(cases)('%s: "%s" is a stop word, "%s" is not', (locale, stopWord, word) => {
    const grammar = analyseText(stopWord, locale, { language: locale });
    expect(grammar.tokens[0]?.stop).toBe(true);
    expect(analyseText(word, locale, { language: locale }).tokens[0]?.stop).toBe(false);
  });

  it('matches stop words whatever Arabic-script variant the keyboard produced', () => {
    expect(isStopWord(normaliseWord('على'), 'ar')).toBe(true);
    expect(isStopWord(normaliseWord('علی'), 'ar')).toBe(true);
  });
});

describe('stemming', () => {
  // Inflected forms meet their base form in every language.
  const cases: ReadonlyArray<readonly [FormLocale, string, string]> = [
    ['sv', 'väntade', 'vänta'],
    ['sv-x-lattlast', 'telefonen', 'telefon'],
    ['en', 'appointments', 'appointment'],
    ['ar', 'والموعد', 'موعد'],
    ['fa', 'نوبت‌ها', 'نوبت'],
    ['prs', 'داکترها', 'داکتر'],
    ['so', 'dhakhtarka', 'dhakhtar'],
    ['ti', 'ሓኪመይ', 'ሓኪም'],
    ['fi', 'lääkärille', 'lääkäri'],
    ['uk', 'лікаря', 'лікар'],
  ];
  it.each(cases)('%s: "%s" and "%s" share a stem', (locale, inflected, base) => {
    const term = (word: string): string | undefined => analyseText(word, locale, { language: locale }).tokens[0]?.term;
    expect(term(inflected)).toBeDefined();
    expect(term(inflected)).toBe(term(base));
  });

  it('keeps numbers as they are', () => {
    expect(stem('1177', 'sv')).toBe('1177');
  });

  it('meets a misspelling without å, ä, ö when folding is on, and keeps them apart when it is off', () => {
    const term = (word: string, foldDiacritics: boolean): string | undefined => analyseText(word, 'sv', { language: 'sv', foldDiacritics }).tokens[0]?.term;
    expect(term('vantade', true)).toBe(term('väntade', true));
    expect(term('vantade', false)).not.toBe(term('väntade', false));
  });
});

describe('detectLanguage', () => {
  const cases: ReadonlyArray<readonly [string, FormLocale, string, FormLocale, string]> = [
    ['sv', 'sv', 'Jag fick vänta i tre timmar på akuten innan någon kom.', 'sv', 'trigrams'],
    ['sv-x-lattlast', 'sv-x-lattlast', 'Jag fick vänta länge. Ingen hjälpte mig med tiden.', 'sv-x-lattlast', 'trigrams'],
    ['en', 'en', 'I waited three hours in the emergency room before anyone came.', 'en', 'trigrams'],
    ['ar', 'ar', 'انتظرت ثلاث ساعات في قسم الطوارئ قبل أن يأتي أحد.', 'ar', 'trigrams'],
    ['fa', 'fa', 'سه ساعت در اورژانس منتظر ماندم تا کسی آمد.', 'fa', 'trigrams'],
    ['prs', 'prs', 'من سه ساعت در بخش عاجل انتظار کشیدم تا داکتر آمد.', 'prs', 'trigrams'],
    ['so', 'so', 'Waxaan sugay saddex saacadood qaybta degdegga ka hor intaan qof iman.', 'so', 'trigrams'],
    ['ti', 'ti', 'ኣብ ህጹጽ ክፍሊ ሰለስተ ሰዓታት ተጸቢየ።', 'ti', 'script'],
    ['fi', 'fi', 'Odotin päivystyksessä kolme tuntia ennen kuin kukaan tuli.', 'fi', 'trigrams'],
    ['uk', 'uk', 'Я чекала три години у приймальному відділенні.', 'uk', 'script'],
    ['en written in the Swedish form', 'sv', 'I waited three hours in the emergency room before anyone came.', 'en', 'trigrams'],
    ['Arabic written in the Persian form', 'fa', 'انتظرت ثلاث ساعات في قسم الطوارئ قبل أن يأتي أحد.', 'ar', 'trigrams'],
    ['Tigrinya written in the Swedish form', 'sv', 'ኣብ ህጹጽ ክፍሊ ሰለስተ ሰዓታት ተጸቢየ', 'ti', 'script'],
    ['Ukrainian written in the English form', 'en', 'Лікар не прийшов', 'uk', 'script'],
    ['a short Finnish text keeps the UI language', 'fi', 'Hyvä hoito', 'fi', 'fallback'],
    ['a short text in the Swedish form stays Swedish', 'sv', 'boka tid', 'sv', 'fallback'],
    ['a short Arabic-script text in the Swedish form goes to Arabic', 'sv', 'موعد', 'ar', 'fallback'],
    ['digits only keep the UI language', 'so', '1177', 'so', 'fallback'],
    ['mixed: mostly Swedish with an English phrase', 'sv', 'Jag ringde vårdcentralen flera gånger men fick bara höra "please call back later".', 'sv', 'trigrams'],
    ['mixed: Persian story with a Swedish word', 'fa', 'من چند بار به vårdcentralen زنگ زدم ولی هیچ کس جواب نداد و خیلی ناراحت شدم', 'fa', 'trigrams'],
  ];
  it.each(cases)('%s', (_why, ui, text, language, method) => {
    expect(detectLanguage(text, ui)).toEqual({ language, method });
  });
});

describe('analyseText', () => {
  const text = 'Jag väntade på vårdcentralen.';
  it('returns the detected language and stems with ranges in the original text', () => {
    const result = analyseText(text, 'sv');
    expect(result.language).toBe('sv');
    expect(result.tokens.map((token) => token.term)).toEqual(['jag', 'vant', 'pa', 'vardcentral']);
    for (const token of result.tokens) expect(text.slice(token.start, token.end)).toBe(token.surface);
  });

  const rangeCases: ReadonlyArray<readonly [FormLocale, string, string, string]> = [
    ['en', 'The ﬁrst appointment was cancelled.', 'appointment', 'appoint'],
    ['en', 'ﬁle a complaint', 'ﬁle', 'file'],
    ['ar', 'انتظرت \uFEE3\uFEEE\uFECB\uFEAA الطبيب', '\uFEE3\uFEEE\uFECB\uFEAA', 'موعد'],
    ['ar', 'ﷲ يعلم أني انتظرت موعدا', 'ﷲ', 'الله'],
    ['fa', 'من ساعت‌ها در صف ماندم', 'ساعت‌ها', 'ساعت'],
    ['sv', 'Ｖａｒｄ och väntetid', 'väntetid', 'vantetid'],
    ['uk', 'Я не міг зрозуміти лікаря', 'лікаря', 'лікар'],
    ['ti', 'ሓኪመይ ኣይመጸን', 'ሓኪመይ', 'ሓኪም'],
  ];
  it.each(rangeCases)('%s: the range of a word points at it in the original text (%s)', (locale, input, word, term) => {
    const token = analyseText(input, locale).tokens.find((candidate) => candidate.term === term);
    expect(token).toBeDefined();
    expect(input.slice(token!.start, token!.end)).toBe(word);
    expect(token!.start).toBe(input.indexOf(word));
  });

  it('gives the same result for the same input', () => {
    const input = 'Jag ringde 1177 tre gånger men ingen svarade, och tiden på vårdcentralen ställdes in.';
    expect(JSON.stringify(analyseText(input, 'sv'))).toBe(JSON.stringify(analyseText(input, 'sv')));
  });

  it('every range slices out the word it names, whatever the text (property)', () => {
    const alphabet = fc.constantFrom(...'aåäöbz AÄ.,ﬁﬂ\uFEE3\uFEEE\uFECB\uFEAAمعيیكک١۲ ሓኪመይ Лікар’\'-1177ﷲ\u200C\u064E'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 60 }), fc.constantFrom(...FORM_LOCALES), (input, locale) => {
        const result = analyseText(input, locale);
        for (const token of result.tokens) {
          expect(input.slice(token.start, token.end)).toBe(token.surface);
          expect(token.term.length).toBeGreaterThan(0);
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
