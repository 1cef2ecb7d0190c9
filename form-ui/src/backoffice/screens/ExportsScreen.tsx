import { ErrorBodySchema, REPORT_PATHS, ThemeSchema, type Theme } from '@medskapa/api/contract';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { navigate, Link, useLocation } from '../router.tsx';
import { orderThemes, useLanguage } from '../themes.tsx';
import { PeriodFilterFields, SummaryFilterFields, filtersFromForm } from './dashboard/FilterFields.tsx';
import { dashboardFiltersFromSearch, searchFromDashboardFilters, type DashboardFilters } from './dashboard/filters.ts';
import { countRecordEnds, EXPORT_KINDS, EXPORT_ROWS_HEADER, fileNameOf, type ExportFileFormat, type ExportKind } from './exports/kinds.ts';
import { useFailureText } from './ui.tsx';
import './exports/exports.css';

const EXPORTS_PATH = '/backoffice/exports';
const ThemeListSchema = z.array(ThemeSchema);
type Profile = 'sv-excel' | 'rfc4180';

type Download =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly format: ExportFileFormat; readonly expected: number | undefined; readonly rows: number; readonly bytes: number }
  | { readonly state: 'done'; readonly file: string }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

/** The export's address: the kind's path, the dashboard's filters, and the file options. */
export function exportUrl(kind: ExportKind, filters: DashboardFilters, options: { format: ExportFileFormat; profile: Profile; lang: string }): string {
  const params = new URLSearchParams(searchFromDashboardFilters(filters));
  params.set('format', options.format);
  if (options.format === 'csv' && kind.csvProfiles) params.set('profile', options.profile);
  params.set('lang', options.lang);
  return `${kind.path}?${params.toString()}`;
}

/** Staff choose what to take with them: the theme table or the stories, with the dashboard's filters. */
export function ExportsScreen() {
  const { t } = useTranslation('reports');
  const { search } = useLocation();
  const filters = useMemo(() => dashboardFiltersFromSearch(search), [search]);
  const language = useLanguage();
  const failureText = useFailureText();
  const [themes, setThemes] = useState<ReadonlyArray<Theme>>([]);
  const [kindId, setKindId] = useState(EXPORT_KINDS[0]?.id ?? '');
  const kind = EXPORT_KINDS.find((entry) => entry.id === kindId) ?? EXPORT_KINDS[0];
  const [format, setFormat] = useState<ExportFileFormat>(kind?.formats[0] ?? 'csv');
  const [profile, setProfile] = useState<Profile>('sv-excel');
  const [download, setDownload] = useState<Download>({ state: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const downloadButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = download.state === 'running';

  // The Download button is disabled while an export runs, and the Cancel button goes away when it ends: keep the
  // keyboard focus on the button that can be used (never lost on the page), but do not take it from elsewhere.
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    if (running && (lost || active === downloadButton.current)) cancelButton.current?.focus();
    else if (!running && lost) downloadButton.current?.focus();
  }, [running]);

  /** The report and quote bank links take the filters as they stand in the form when clicked. */
  const reportLink = (path: string) => (event: { currentTarget: HTMLAnchorElement }) => {
    const next = formRef.current === null ? {} : filtersFromForm(formRef.current);
    const params = new URLSearchParams(searchFromDashboardFilters(next));
    params.set('lang', language);
    event.currentTarget.href = `${path}?${params.toString()}`;
  };
  const reportHref = (path: string) => {
    const params = new URLSearchParams(searchFromDashboardFilters(filters));
    params.set('lang', language);
    return `${path}?${params.toString()}`;
  };

  useEffect(() => {
    let cancelled = false;
    api('/api/v1/themes', { parse: (value) => ThemeListSchema.parse(value) })
      .then((list) => {
        if (!cancelled) setThemes(list);
      })
      .catch(() => {
        // Without the codebook the theme filter offers "all" only.
      });
    return () => {
      cancelled = true;
      controller.current?.abort();
    };
  }, []);
  const themeOptions = useMemo(() => orderThemes(themes, language), [themes, language]);
  const chosenFormat = kind?.formats.includes(format) === true ? format : (kind?.formats[0] ?? 'csv');

  async function start(next: DashboardFilters) {
    if (kind === undefined) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const url = exportUrl(kind, next, { format: chosenFormat, profile, lang: language });
    // Running from the click on: a slow server (the theme table is computed before the first byte) can be cancelled too.
    setDownload({ state: 'running', format: chosenFormat, expected: undefined, rows: 0, bytes: 0 });
    try {
      const response = await fetch(url, { credentials: 'same-origin', signal: abort.signal });
      if (!response.ok || response.body === null) {
        const body: unknown = await response.json().catch(() => undefined);
        throw new ApiError(response.status, ErrorBodySchema.safeParse(body).data);
      }
      const header = response.headers.get(EXPORT_ROWS_HEADER);
      const expected = header === null ? undefined : Number(header);
      setDownload({ state: 'running', format: chosenFormat, expected, rows: 0, bytes: 0 });
      setAnnouncement(expected === undefined ? t('exports.startedUncounted') : t('exports.started', { count: expected }));
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let ends = 0;
      let bytes = 0;
      let rowsRead = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        ends += countRecordEnds(value, chosenFormat);
        // The CSV header row ends in CR LF too.
        rowsRead = Math.max(0, chosenFormat === 'csv' ? ends - 1 : ends);
        setDownload({ state: 'running', format: chosenFormat, expected, rows: expected === undefined ? rowsRead : Math.min(rowsRead, expected), bytes });
      }
      const file = fileNameOf(response.headers.get('Content-Disposition'), `medskapa-${kind.id}.${chosenFormat}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      // Without a count from the server, the rows read are the count, except in XLSX (zipped: no rows to see).
      const rows = expected ?? (chosenFormat === 'xlsx' ? undefined : rowsRead);
      setDownload({ state: 'done', file });
      setAnnouncement(rows === undefined ? t('exports.doneUncounted', { file }) : t('exports.done', { file, count: rows }));
    } catch (error) {
      if (abort.signal.aborted) {
        setDownload({ state: 'cancelled' });
        setAnnouncement(t('exports.cancelled'));
        return;
      }
      const message = failureText(error);
      setDownload({ state: 'failed', message });
      setAnnouncement('');
    } finally {
      if (controller.current === abort) controller.current = undefined;
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = filtersFromForm(event.currentTarget);
    navigate(`${EXPORTS_PATH}${searchFromDashboardFilters(next)}`, { focus: false });
    void start(next);
  };

  const numbers = new Intl.NumberFormat(language);

  return (
    <div className="exports">
      <PageHeading title={t('exports.title')} />
      <p className="lead">{t('exports.lead')}</p>
      <form ref={formRef} key={searchFromDashboardFilters(filters)} className="exports-form" onSubmit={onSubmit} aria-describedby="exports-privacy">
        <fieldset className="fieldset">
          <legend className="label">{t('exports.kindLegend')}</legend>
          <div className="radios">
            {EXPORT_KINDS.map((entry) => (
              <div className="choice" key={entry.id}>
                <input className="choice__input" type="radio" id={`exports-kind-${entry.id}`} name="kind" value={entry.id} checked={kindId === entry.id} onChange={() => setKindId(entry.id)} aria-describedby={`exports-kind-${entry.id}-hint`} />
                <label className="choice__label" htmlFor={`exports-kind-${entry.id}`}>
                  {t(`exports.kinds.${entry.id}.label`)}
                </label>
                <p className="hint choice__hint" id={`exports-kind-${entry.id}-hint`}>
                  {t(`exports.kinds.${entry.id}.description`)}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="label">{t('exports.formatLegend')}</legend>
          <div className="radios">
            {(kind?.formats ?? []).map((entry) => (
              <div className="choice" key={entry}>
                <input className="choice__input" type="radio" id={`exports-format-${entry}`} name="format" value={entry} checked={chosenFormat === entry} onChange={() => setFormat(entry)} />
                <label className="choice__label" htmlFor={`exports-format-${entry}`}>
                  {t(`exports.formats.${entry}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {chosenFormat === 'csv' && kind?.csvProfiles === true ? (
          <fieldset className="fieldset">
            <legend className="label">{t('exports.profileLegend')}</legend>
            <div className="radios">
              {(['sv-excel', 'rfc4180'] as const).map((entry) => (
                <div className="choice" key={entry}>
                  <input className="choice__input" type="radio" id={`exports-profile-${entry}`} name="profile" value={entry} checked={profile === entry} onChange={() => setProfile(entry)} />
                  <label className="choice__label" htmlFor={`exports-profile-${entry}`}>
                    {t(`exports.profiles.${entry}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <fieldset className="fieldset exports-filters">
          <legend className="label">{t('exports.filtersLegend')}</legend>
          <p className="hint">{t('exports.filtersHint')}</p>
          <div className="dashboard-filters__grid exports-filters__grid">
            <PeriodFilterFields idPrefix="exports" filters={filters} />
            <SummaryFilterFields idPrefix="exports" filters={filters} themeOptions={themeOptions} />
          </div>
          <p>
            <Link className="button-link" to={EXPORTS_PATH}>
              {t('dashboard.filters.clear')}
            </Link>
          </p>
        </fieldset>
        <p className="hint" id="exports-privacy">
          {t('exports.privacy')}
        </p>
        <div className="button-group">
          <button ref={downloadButton} type="submit" className="button" disabled={running}>
            {t('exports.download')}
          </button>
          {running ? (
            <button ref={cancelButton} type="button" className="button button--secondary" onClick={() => controller.current?.abort()}>
              {t('exports.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <section className="exports-report" aria-labelledby="exports-report-title">
        <h2 id="exports-report-title">{t('report.title')}</h2>
        <p>{t('report.lead')}</p>
        <ul className="exports-report__list">
          <li>
            <a href={reportHref(REPORT_PATHS.summaryHtml)} download onClick={reportLink(REPORT_PATHS.summaryHtml)} aria-describedby="exports-report-html-hint">
              {t('report.html')}
            </a>
            <p className="hint" id="exports-report-html-hint">
              {t('report.htmlHint')}
            </p>
          </li>
          <li>
            <a href={reportHref(REPORT_PATHS.quotesDocx)} download onClick={reportLink(REPORT_PATHS.quotesDocx)} aria-describedby="exports-report-docx-hint">
              {t('report.docx')}
            </a>
            <p className="hint" id="exports-report-docx-hint">
              {t('report.docxHint')}
            </p>
          </li>
        </ul>
      </section>
      {download.state === 'running' ? (
        <div className="exports-progress">
          <label className="label" htmlFor="exports-progress">
            {t('exports.progressLabel')}
          </label>
          {download.expected !== undefined && download.format !== 'xlsx' ? (
            <progress id="exports-progress" max={Math.max(download.expected, 1)} value={download.rows} />
          ) : (
            <progress id="exports-progress" />
          )}
          <p className="exports-progress__text">
            {download.format === 'xlsx'
              ? t('exports.progressBytes', { size: numbers.format(Math.round(download.bytes / 1024)) })
              : download.expected === undefined
                ? t('exports.progressRowsSoFar', { done: numbers.format(download.rows) })
                : t('exports.progressRows', { done: numbers.format(download.rows), total: numbers.format(download.expected) })}
          </p>
        </div>
      ) : null}
      {download.state === 'failed' ? (
        <div role="alert" className="status-line status-line--error">
          {download.message}
        </div>
      ) : null}
      <div role="status" className="status-line exports-status">
        {announcement}
      </div>
    </div>
  );
}
