import { AgreementCodesSchema, AgreementRoundSummarySchema, STORY_TEXT_FIELDS, type AgreementRound } from '@medskapa/api/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useThemes } from '../../themes.tsx';
import { Status, useFailureText, useFormatDate } from '../ui.tsx';

/**
 * The coder's own work: each sampled story with a checkbox per theme in scope, saved story by story. Nothing here
 * shows the other coder's choices or the story's tags, so each codes on their own.
 */
export function CodingView({ round, onChanged }: { round: AgreementRound; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('analysis');
  const core = useTranslation('core').t;
  const themes = useThemes();
  const failure = useFailureText();
  const formatDate = useFormatDate();
  const saved = new Map(round.myCodes.map((codes) => [codes.storyId, codes.themeIds]));
  const [choices, setChoices] = useState<Record<string, string[]>>(() => Object.fromEntries(round.myCodes.map((codes) => [codes.storyId, codes.themeIds])));
  const [status, setStatus] = useState<{ message: string; tone: 'info' | 'error' } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // The themes in codebook order, so every story lists them alike.
  const scope = new Set(round.themeIds);
  const options = [...themes.ordered.filter((option) => scope.has(option.theme.id))];
  const known = new Set(options.map((option) => option.theme.id));
  const unknown = round.themeIds.filter((themeId) => !known.has(themeId));
  const total = round.stories.length;
  const coded = round.stories.filter((story) => saved.has(story.id)).length;

  const same = (a: ReadonlyArray<string> | undefined, b: ReadonlyArray<string> | undefined) =>
    a !== undefined && b !== undefined && a.length === b.length && a.every((themeId) => b.includes(themeId));

  const save = async (storyId: string, number: number) => {
    const themeIds = round.themeIds.filter((themeId) => (choices[storyId] ?? []).includes(themeId));
    setBusy(true);
    try {
      await api(`/api/v1/agreement/rounds/${encodeURIComponent(round.id)}/codes/${encodeURIComponent(storyId)}`, { method: 'PUT', body: { themeIds }, parse: AgreementCodesSchema.parse });
      await onChanged();
      // Announced once the progress shown matches what was saved.
      setStatus({ message: t(themeIds.length === 0 ? 'agreement.coding.savedNone' : 'agreement.coding.saved', { number }), tone: 'info' });
    } catch (error) {
      setStatus({ message: failure(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    const missing = total - coded;
    if (missing > 0) {
      setStatus({ message: t('agreement.coding.finishMissing', { count: missing }), tone: 'error' });
      return;
    }
    setBusy(true);
    try {
      await api(`/api/v1/agreement/rounds/${encodeURIComponent(round.id)}/finish`, { method: 'POST', parse: AgreementRoundSummarySchema.parse });
      setStatus({ message: t('agreement.coding.finished'), tone: 'info' });
      await onChanged();
    } catch (error) {
      setStatus({ message: failure(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const label = (themeId: string) => themes.byId.get(themeId)?.path ?? core('themes.unknown');
  return (
    <section className="section" aria-labelledby="agreement-coding-title">
      <h2 className="heading-medium" id="agreement-coding-title">
        {t('agreement.coding.title')}
      </h2>
      <p>{t('agreement.coding.independence')}</p>
      <p id="agreement-progress">
        <strong>{t('agreement.coding.progress', { coded, total })}</strong>
      </p>
      <Status message={status?.message} tone={status?.tone ?? 'info'} />
      <ol className="agreement-stories">
        {round.stories.map((story, index) => {
          const number = index + 1;
          const chosen = choices[story.id] ?? [];
          const isSaved = same(saved.get(story.id), chosen);
          const heading = `agreement-story-${number}`;
          return (
            <li key={story.id} className="agreement-story">
              <section aria-labelledby={heading}>
                <h3 className="heading-small" id={heading}>
                  {t('agreement.coding.storyHeading', { number, total })}
                </h3>
                <p className="hint">{t('agreement.coding.received', { day: formatDate(story.receivedOn), language: core(`lists.locale.${story.locale}`) })}</p>
                <div className="agreement-story__text" lang={story.locale}>
                  {STORY_TEXT_FIELDS.map((field) => {
                    const text = story.story[field];
                    if (text === undefined || text.trim() === '') return null;
                    return (
                      <div key={field}>
                        <h4 className="agreement-story__field">{core(`story.fields.${field}`)}</h4>
                        <p>{text}</p>
                      </div>
                    );
                  })}
                </div>
                <fieldset className="fieldset" aria-describedby={`${heading}-hint`}>
                  <legend className="fieldset__legend agreement-legend">{t('agreement.coding.question', { number })}</legend>
                  <p className="hint" id={`${heading}-hint`}>
                    {t('agreement.coding.questionHint')}
                  </p>
                  <div className="checkboxes">
                    {[...options.map((option) => option.theme.id), ...unknown].map((themeId) => {
                      const control = `${heading}-theme-${themeId}`;
                      return (
                        <div className="choice choice--small" key={themeId}>
                          <input
                            className="choice__input"
                            type="checkbox"
                            id={control}
                            checked={chosen.includes(themeId)}
                            onChange={(event) =>
                              setChoices((current) => ({
                                ...current,
                                [story.id]: event.target.checked ? [...(current[story.id] ?? []), themeId] : (current[story.id] ?? []).filter((value) => value !== themeId),
                              }))
                            }
                          />
                          <label className="choice__label" htmlFor={control}>
                            {label(themeId)}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
                <div className="button-group agreement-story__actions">
                  <button type="button" className="button button--secondary" disabled={busy} onClick={() => void save(story.id, number)}>
                    {t('agreement.coding.save', { number })}
                  </button>
                  <span className={isSaved ? 'tag' : 'tag tag--closed'}>{t(isSaved ? 'agreement.coding.isSaved' : 'agreement.coding.notSaved')}</span>
                </div>
              </section>
            </li>
          );
        })}
      </ol>
      <section className="section" aria-labelledby="agreement-finish-title">
        <h3 className="heading-small" id="agreement-finish-title">
          {t('agreement.coding.finishTitle')}
        </h3>
        <p className="hint" id="agreement-finish-hint">
          {t('agreement.coding.finishHint')}
        </p>
        <button type="button" className="button" disabled={busy} aria-describedby="agreement-finish-hint agreement-progress" onClick={() => void finish()}>
          {t('agreement.coding.finish')}
        </button>
      </section>
    </section>
  );
}
