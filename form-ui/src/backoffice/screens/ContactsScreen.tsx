import { ContactPageSchema, RetentionStatusSchema, type ContactEntry, type RetentionStatus } from '@medskapa/api/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { Status, TableRegion, useFailureText, useFormatDate } from './ui.tsx';

const RetentionRunResultSchema = z.object({ deleted: z.int(), oldestKept: z.string() });
const PAGE_SIZE = 100;

/**
 * The people who offered to take part (admins only). Opening the page shows no one: the details are fetched,
 * and the view audited, only when the admin asks for them.
 */
export function ContactsScreen() {
  const { t } = useTranslation('admin');
  const failure = useFailureText();
  const format = useFormatDate();
  const [entries, setEntries] = useState<ContactEntry[] | undefined>(undefined);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [retention, setRetention] = useState<RetentionStatus | undefined>(undefined);
  const [retentionStatus, setRetentionStatus] = useState<string | undefined>(undefined);
  const tableHeading = useRef<HTMLHeadingElement>(null);

  const loadRetention = useCallback(async () => {
    try {
      setRetention(await api('/api/v1/retention', { parse: RetentionStatusSchema.parse }));
    } catch (error) {
      setRetentionStatus(failure(error));
    }
    // `failure` changes only with the language.
  }, [t]);

  useEffect(() => {
    void loadRetention();
  }, [loadRetention]);

  const show = async (after: string | undefined) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(after === undefined ? {} : { after }) });
      const page = await api(`/api/v1/contacts?${query.toString()}`, { parse: ContactPageSchema.parse });
      setEntries((current) => (after === undefined ? page.items : [...(current ?? []), ...page.items]));
      setTotal(page.total);
      setNext(page.nextCursor);
      if (after === undefined) window.setTimeout(() => tableHeading.current?.focus(), 0);
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setBusy(false);
    }
  };

  const runNow = async () => {
    setRetentionStatus(undefined);
    try {
      const result = await api('/api/v1/retention/run', { method: 'POST', parse: RetentionRunResultSchema.parse });
      setRetentionStatus(t('contacts.retentionDone', { count: result.deleted, oldestKept: format(result.oldestKept) }));
      await loadRetention();
      // Details that were just deleted must not stay on the screen.
      if (entries !== undefined && result.deleted > 0) await show(undefined);
    } catch (error) {
      setRetentionStatus(failure(error));
    }
  };

  const language = (code: string | undefined) => (code === undefined ? '' : t(`languages.${code}`));
  return (
    <div className="admin-wide">
      <PageHeading title={t('contacts.title')} />
      <p className="lead">{t('contacts.lead')}</p>
      <div className="notice notice--important">
        <p>{t('contacts.logged')}</p>
        <p>{t('contacts.useOnly')}</p>
      </div>
      <div className="button-group">
        {entries === undefined ? (
          <button type="button" className="button" disabled={busy} onClick={() => void show(undefined)}>
            {t('contacts.show')}
          </button>
        ) : null}
        <a className="button button--secondary" href="/api/v1/contacts.csv" download>
          {t('contacts.exportCsv')}
        </a>
      </div>
      <p className="hint">{t('contacts.exportHint')}</p>
      <Status message={problem} tone="error" />

      {entries === undefined ? null : (
        <section className="section" aria-labelledby="contacts-table-heading">
          <h2 className="heading-medium" id="contacts-table-heading" tabIndex={-1} ref={tableHeading}>
            {t('contacts.tableHeading', { count: total })}
          </h2>
          {entries.length === 0 ? (
            <p>{t('contacts.empty')}</p>
          ) : (
            <TableRegion label={t('contacts.tableHeading', { count: total })}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('contacts.column.name')}</th>
                    <th scope="col">{t('contacts.column.email')}</th>
                    <th scope="col">{t('contacts.column.phone')}</th>
                    <th scope="col">{t('contacts.column.language')}</th>
                    <th scope="col">{t('contacts.column.accessNeeds')}</th>
                    <th scope="col">{t('contacts.column.context')}</th>
                    <th scope="col">{t('contacts.column.received')}</th>
                    <th scope="col">{t('contacts.column.deleteOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.storyId}>
                      <th scope="row" dir="auto">
                        {entry.readable ? (entry.name ?? '') : <span className="hint">{t('contacts.unreadable')}</span>}
                      </th>
                      <td>{entry.email}</td>
                      <td>{entry.phone}</td>
                      <td>{language(entry.preferredLanguage)}</td>
                      <td dir="auto">{entry.accessNeeds}</td>
                      <td>
                        {[entry.site, entry.campaign, entry.channel === undefined ? undefined : t(`channels.${entry.channel}`), language(entry.locale)]
                          .filter((part) => part !== undefined && part !== '')
                          .join(', ')}
                      </td>
                      <td>{format(entry.receivedOn)}</td>
                      <td>{format(entry.deleteOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {next === undefined ? null : (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void show(next)}>
              {t('common.loadMore')}
            </button>
          )}
        </section>
      )}

      <section className="section" aria-labelledby="contacts-retention">
        <h2 className="heading-medium" id="contacts-retention">
          {t('contacts.retentionHeading')}
        </h2>
        {retention === undefined ? null : (
          <>
            <p>{t('contacts.retentionDays', { count: retention.contactRetentionDays, oldestKept: format(retention.oldestKept) })}</p>
            <p>
              {retention.lastRun === undefined
                ? t('contacts.retentionNever')
                : t('contacts.retentionLast', { at: format(retention.lastRun.at, true), count: retention.lastRun.deleted })}
            </p>
          </>
        )}
        <button type="button" className="button button--secondary" onClick={() => void runNow()}>
          {t('contacts.retentionRun')}
        </button>
        <Status message={retentionStatus} />
      </section>
    </div>
  );
}
