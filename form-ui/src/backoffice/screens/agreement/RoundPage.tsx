import { AgreementResultsSchema, AgreementRoundSchema, type AgreementResults, type AgreementRound } from '@medskapa/api/contract';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { Status, useFailureText } from '../ui.tsx';
import { CodingView } from './CodingView.tsx';
import { CoderProgress } from './CoderProgress.tsx';
import { ResultsView } from './ResultsView.tsx';

/**
 * One round. A coder who has not finished codes here; results appear for everyone once both coders have finished
 * (the API answers 409 before that, even to admins and to whoever started the round).
 */
export function RoundPage({ id }: { id: string }) {
  const { t } = useTranslation('analysis');
  const session = useSession();
  const failure = useFailureText();
  const [round, setRound] = useState<AgreementRound | undefined>(undefined);
  const [results, setResults] = useState<AgreementResults | undefined>(undefined);
  const [error, setError] = useState<{ notFound: boolean; message: string } | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const loaded = await api(`/api/v1/agreement/rounds/${encodeURIComponent(id)}`, { parse: AgreementRoundSchema.parse });
      setRound(loaded);
      setError(undefined);
      if (loaded.status === 'complete') setResults(await api(`/api/v1/agreement/rounds/${encodeURIComponent(id)}/results`, { parse: AgreementResultsSchema.parse }));
    } catch (caught) {
      setError({ notFound: caught instanceof ApiError && caught.status === 404, message: failure(caught) });
    }
    // `failure` changes only with the language.
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const back = (
    <p>
      <Link to="/backoffice/agreement">{t('agreement.round.back')}</Link>
    </p>
  );
  if (error !== undefined && round === undefined) {
    return (
      <>
        <PageHeading title={error.notFound ? t('agreement.round.notFound') : t('agreement.title')} />
        <Status message={error.message} tone="error" />
        {back}
      </>
    );
  }
  if (round === undefined) return <p className="loading">{t('agreement.round.loading')}</p>;

  const mine = round.coders.find((coder) => coder.id === session.user.id);
  const other = round.coders.find((coder) => coder.id !== session.user.id);
  let state: string | undefined;
  if (round.status === 'complete') state = undefined;
  else if (mine === undefined) state = t('agreement.round.observer');
  else if (mine.finished) state = t('agreement.round.waitingFor', { name: other?.displayName ?? '' });

  return (
    <div className="admin-wide">
      <PageHeading title={round.name} />
      {back}
      <dl className="summary-list">
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.round.stories')}</dt>
          <dd className="summary-list__value">{round.size}</dd>
        </div>
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.round.themes')}</dt>
          <dd className="summary-list__value">{round.themeCount}</dd>
        </div>
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.round.seed')}</dt>
          <dd className="summary-list__value">{round.seed}</dd>
        </div>
        <div className="summary-list__row summary-list__row--two">
          <dt className="summary-list__key">{t('agreement.round.coders')}</dt>
          <dd className="summary-list__value">
            <CoderProgress round={round} />
          </dd>
        </div>
      </dl>
      {error === undefined ? null : <Status message={error.message} tone="error" />}
      {state === undefined ? null : <p className="agreement-state">{state}</p>}
      {mine !== undefined && !mine.finished ? <CodingView round={round} onChanged={load} /> : null}
      {results === undefined ? null : <ResultsView results={results} />}
    </div>
  );
}
