/** The form's languages (the same list as LOCALES in api/contract/lists.ts; a test keeps them equal). */
export const FORM_LOCALES = ['sv', 'sv-x-lattlast', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'fi', 'uk'] as const;
export type FormLocale = (typeof FORM_LOCALES)[number];

export function isFormLocale(value: string): value is FormLocale {
  return FORM_LOCALES.some((locale) => locale === value);
}

/**
 * The language whose grammar (stop words, stemmer) a locale uses: Easy-to-read Swedish is Swedish, and Dari is
 * written like Persian, so both pairs share one pipeline and their keywords match each other at full weight.
 */
export function grammarOf(locale: FormLocale): 'sv' | 'en' | 'ar' | 'fa' | 'so' | 'ti' | 'fi' | 'uk' {
  switch (locale) {
    case 'sv':
    case 'sv-x-lattlast':
      return 'sv';
    case 'fa':
    case 'prs':
      return 'fa';
    default:
      return locale;
  }
}
export type Grammar = ReturnType<typeof grammarOf>;
