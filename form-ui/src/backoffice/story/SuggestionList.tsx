import { suggestionStrength, type StoryDetail, type StoryTextField } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';
import { ThemeChip } from '../components/ThemeChip.tsx';
import type { EvidenceHighlight } from './StoryText.tsx';

/** The evidence of the shown suggestions in one field, for highlighting in the text. */
export function evidenceIn(story: StoryDetail, field: StoryTextField): EvidenceHighlight[] {
  return story.suggestions.flatMap((suggestion) =>
    suggestion.evidence.filter((evidence) => evidence.field === field).map((evidence) => ({ start: evidence.start, end: evidence.end, themeId: suggestion.themeId })),
  );
}

/**
 * The workspace's suggestion slot: each suggested theme with its strength in words and the words that led to it
 * (also highlighted in the text); the facilitator adds the theme or rejects the suggestion.
 */
export function SuggestionList({
  story,
  lang,
  themeName,
  onAccept,
  onReject,
}: {
  story: StoryDetail;
  lang: string;
  themeName: (themeId: string) => string;
  onAccept: (themeId: string) => void;
  onReject: (themeId: string) => void;
}) {
  const { t } = useTranslation('analysis');
  const { t: tc } = useTranslation('core');
  const computed = story.language !== undefined;
  return (
    <section className="work-section" aria-labelledby="suggestions-title">
      <h2 className="heading-small" id="suggestions-title" tabIndex={-1}>
        {t('suggestions.title')}
      </h2>
      {story.language === undefined ? null : (
        <p className="suggestion__language">
          {story.language === story.locale
            ? t('suggestions.writtenIn', { language: tc(`lists.locale.${story.language}`) })
            : t('suggestions.writtenInOther', { language: tc(`lists.locale.${story.language}`), formLanguage: tc(`lists.locale.${story.locale}`) })}
        </p>
      )}
      {story.suggestions.length === 0 ? (
        <p className="hint">{computed ? t('suggestions.empty') : t('suggestions.pending')}</p>
      ) : (
        <>
          <p className="hint">{t('suggestions.intro')}</p>
          {story.suggestions.some((suggestion) => suggestion.evidence.length > 0) ? (
            <p className="hint">
              <span className="suggestion__sample" aria-hidden="true">
                {t('suggestions.sample')}
              </span>{' '}
              {t('suggestions.legend')}
            </p>
          ) : null}
          <ul className="suggestion-list">
            {story.suggestions.map((suggestion) => (
              <li key={suggestion.themeId} className="suggestion">
                <p className="suggestion__head">
                  <ThemeChip themeId={suggestion.themeId} />
                  <span className="suggestion__strength">{t('suggestions.strength', { strength: t(`suggestions.strengths.${suggestionStrength(suggestion.score)}`) })}</span>
                </p>
                {suggestion.evidence.length === 0 ? (
                  <p className="suggestion__evidence hint">{t('suggestions.noEvidence')}</p>
                ) : (
                  <p className="suggestion__evidence">
                    {t('suggestions.evidence')}{' '}
                    {[...new Set(suggestion.evidence.map((evidence) => evidence.text))].map((text, index) => (
                      <span key={text}>
                        {index > 0 ? ', ' : null}
                        <q lang={lang} dir="auto">
                          {text}
                        </q>
                      </span>
                    ))}
                  </p>
                )}
                <div className="button-group">
                  <button type="button" className="button button--secondary" onClick={() => onAccept(suggestion.themeId)}>
                    {t('suggestions.accept')}
                    <span className="visually-hidden"> {themeName(suggestion.themeId)}</span>
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => onReject(suggestion.themeId)}>
                    {t('suggestions.reject')}
                    <span className="visually-hidden"> {themeName(suggestion.themeId)}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
