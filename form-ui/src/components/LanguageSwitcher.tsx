import type { Locale } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages.ts';

/** Every language named in its own language and script, with its own `lang`; no flags, no auto-submitting select. */
export function LanguageSwitcher({ current, onChange }: { current: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="language-switcher" aria-labelledby="language-switcher-label">
      <h2 className="language-switcher__label" id="language-switcher-label">
        {t('shell.languageLabel')}
      </h2>
      <ul className="language-switcher__list">
        {LANGUAGES.map((language) => {
          const url = new URL(window.location.href);
          url.searchParams.set('lang', language.code);
          return (
            <li key={language.code}>
              <a
                className="language-switcher__link"
                href={`${url.pathname}${url.search}`}
                lang={language.htmlLang}
                hrefLang={language.htmlLang}
                dir={language.dir}
                aria-current={language.code === current ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onChange(language.code);
                }}
              >
                {language.autonym}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
