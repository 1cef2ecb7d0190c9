import type { AgreementResults, Kappa } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router.tsx';
import { useThemes } from '../../themes.tsx';
import { TableRegion } from '../ui.tsx';
import { useKappaText, useNumberFormat } from './text.ts';

/** Kappa per theme and overall, and the stories the coders coded differently with both coders' choices. */
export function ResultsView({ results }: { results: AgreementResults }) {
  const { t } = useTranslation('analysis');
  const core = useTranslation('core').t;
  const themes = useThemes();
  const format = useNumberFormat();
  const kappaText = useKappaText();
  const [coderA, coderB] = results.coders;
  const nameA = coderA?.displayName ?? 'A';
  const nameB = coderB?.displayName ?? 'B';
  const label = (themeId: string) => themes.byId.get(themeId)?.path ?? core('themes.unknown');
  const reading = (kappa: Kappa) =>
    kappa.notComputable !== undefined ? t(`agreement.results.reason.${kappa.notComputable}`) : kappa.band === undefined ? '' : t(`agreement.results.band.${kappa.band}`);
  const themeList = (ids: ReadonlyArray<string>) => (ids.length === 0 ? t('agreement.results.none') : ids.map(label).join(', '));
  const { overall } = results;

  return (
    <section className="section" aria-labelledby="agreement-results-title">
      <h2 className="heading-medium" id="agreement-results-title">
        {t('agreement.results.title')}
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.results.stories')}</dt>
          <dd className="summary-list__value">{results.items}</dd>
        </div>
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.results.meanKappa')}</dt>
          <dd className="summary-list__value">
            {overall.meanKappa === null ? t('agreement.results.notComputable') : format.kappa(overall.meanKappa)}
            {overall.meanBand === undefined ? null : ` – ${t(`agreement.results.band.${overall.meanBand}`)}`}
            <br />
            <span className="hint">{t('agreement.results.meanHint', { count: overall.computableThemes })}</span>
          </dd>
        </div>
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.results.pooledKappa')}</dt>
          <dd className="summary-list__value">
            {kappaText(overall.pooled)}
            {overall.pooled.band === undefined ? null : ` – ${t(`agreement.results.band.${overall.pooled.band}`)}`}
          </dd>
        </div>
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.results.exactMatch')}</dt>
          <dd className="summary-list__value">{format.share(overall.exactMatch)}</dd>
        </div>
      </dl>

      <h3 className="heading-small" id="agreement-themes-title">
        {t('agreement.results.perTheme')}
      </h3>
      <p className="hint">{t('agreement.results.bandSource')}</p>
      <TableRegion label={t('agreement.results.perTheme')}>
        <table className="table" aria-labelledby="agreement-themes-title">
          <thead>
            <tr>
              <th scope="col">{t('agreement.results.column.theme')}</th>
              <th scope="col">{t('agreement.results.column.kappa')}</th>
              <th scope="col">{t('agreement.results.column.reading')}</th>
              <th scope="col">{t('agreement.results.column.observed')}</th>
              <th scope="col">{t('agreement.results.column.expected')}</th>
              <th scope="col">{t('agreement.results.column.both')}</th>
              <th scope="col">{t('agreement.results.column.only', { name: nameA })}</th>
              <th scope="col">{t('agreement.results.column.only', { name: nameB })}</th>
              <th scope="col">{t('agreement.results.column.neither')}</th>
            </tr>
          </thead>
          <tbody>
            {results.themes.map((theme) => (
              <tr key={theme.themeId}>
                <th scope="row">{label(theme.themeId)}</th>
                <td className="table__number">{kappaText(theme)}</td>
                <td>{reading(theme)}</td>
                <td className="table__number">{format.share(theme.observed)}</td>
                <td className="table__number">{format.share(theme.expected)}</td>
                <td className="table__number">{theme.table.both}</td>
                <td className="table__number">{theme.table.onlyA}</td>
                <td className="table__number">{theme.table.onlyB}</td>
                <td className="table__number">{theme.table.neither}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h3 className="heading-small" id="agreement-disagreements-title">
        {t('agreement.results.disagreements', { count: results.disagreements.length })}
      </h3>
      {results.disagreements.length === 0 ? (
        <p>{t('agreement.results.noDisagreements')}</p>
      ) : (
        <ol className="agreement-disagreements" aria-labelledby="agreement-disagreements-title">
          {results.disagreements.map((disagreement, index) => {
            const heading = `agreement-disagreement-${index + 1}`;
            return (
              <li key={disagreement.storyId} className="agreement-disagreement">
                <h4 className="agreement-story__field" id={heading}>
                  {t('agreement.results.disagreement', { number: index + 1, total: results.disagreements.length })}
                </h4>
                <blockquote className="agreement-disagreement__quote">{disagreement.preview}</blockquote>
                <dl className="summary-list">
                  <div className="summary-list__row summary-list__row--two">
                    <dt className="summary-list__key">{t('agreement.results.onlyChose', { name: nameA })}</dt>
                    <dd className="summary-list__value">{themeList(disagreement.onlyA)}</dd>
                  </div>
                  <div className="summary-list__row summary-list__row--two">
                    <dt className="summary-list__key">{t('agreement.results.onlyChose', { name: nameB })}</dt>
                    <dd className="summary-list__value">{themeList(disagreement.onlyB)}</dd>
                  </div>
                  <div className="summary-list__row summary-list__row--two">
                    <dt className="summary-list__key">{t('agreement.results.bothChose')}</dt>
                    <dd className="summary-list__value">{themeList(disagreement.both)}</dd>
                  </div>
                </dl>
                <p>
                  <Link to={`/backoffice/stories/${encodeURIComponent(disagreement.storyId)}`} aria-describedby={heading}>
                    {t('agreement.results.openStory')}
                  </Link>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
