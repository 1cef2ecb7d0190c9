import { AgreementRoundSummarySchema } from '@medskapa/api/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link, useLocation } from '../router.tsx';
import { CoderProgress } from './agreement/CoderProgress.tsx';
import { CreateRoundForm } from './agreement/CreateRoundForm.tsx';
import { RoundPage } from './agreement/RoundPage.tsx';
import { Status, TableRegion, focusSoon, useApiList, useFormatDate } from './ui.tsx';
import './agreement/agreement.css';

const RoundListSchema = z.array(AgreementRoundSummarySchema);

/** Agreement between coders: the rounds (/backoffice/agreement) and one round (/backoffice/agreement/:id). */
export function AgreementScreen() {
  const { pathname } = useLocation();
  const match = /^\/backoffice\/agreement\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] !== undefined) {
    const id = decodeURIComponent(match[1]);
    return <RoundPage key={id} id={id} />;
  }
  return <RoundList />;
}

function RoundList() {
  const { t } = useTranslation('analysis');
  const formatDate = useFormatDate();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);

  const { data: rounds, loadError, reload: load } = useApiList('/api/v1/agreement/rounds', RoundListSchema.parse);


  return (
    <div className="admin-wide">
      <PageHeading title={t('agreement.title')} />
      <p className="lead">{t('agreement.lead')}</p>
      <Status message={status} />
      <div className="button-group">
        <button type="button" className="button" id="agreement-new" aria-expanded={creating} onClick={() => setCreating(true)}>
          {t('agreement.new')}
        </button>
      </div>
      {creating ? (
        <CreateRoundForm
          onDone={async (created) => {
            setCreating(false);
            if (created === undefined) {
              focusSoon('agreement-new');
              return;
            }
            setStatus(t('agreement.form.created', { name: created.name, count: created.size }));
            await load();
            focusSoon(`agreement-round-${created.id}`);
          }}
        />
      ) : null}

      <section className="section" aria-labelledby="agreement-rounds">
        <h2 className="heading-medium" id="agreement-rounds">
          {t('agreement.list.heading')}
        </h2>
        {loadError === undefined ? null : <Status message={loadError} tone="error" />}
        {rounds === undefined && loadError === undefined ? <p>{t('common.loading', { ns: 'admin' })}</p> : null}
        {rounds !== undefined && rounds.length === 0 ? <p>{t('agreement.list.empty')}</p> : null}
        {rounds !== undefined && rounds.length > 0 ? (
          <TableRegion label={t('agreement.list.heading')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('agreement.list.column.name')}</th>
                  <th scope="col">{t('agreement.list.column.coders')}</th>
                  <th scope="col">{t('agreement.list.column.stories')}</th>
                  <th scope="col">{t('agreement.list.column.status')}</th>
                  <th scope="col">{t('agreement.list.column.created')}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id}>
                    <th scope="row">
                      <Link to={`/backoffice/agreement/${encodeURIComponent(round.id)}`} id={`agreement-round-${round.id}`}>
                        {round.name}
                      </Link>
                    </th>
                    <td>
                      <CoderProgress round={round} />
                    </td>
                    <td className="table__number">{round.size}</td>
                    <td>{t(`agreement.list.status.${round.status}`)}</td>
                    <td>{formatDate(round.createdAt, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : null}
      </section>
    </div>
  );
}
