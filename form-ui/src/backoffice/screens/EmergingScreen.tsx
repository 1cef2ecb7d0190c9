import {
  EmergingRunSchema,
  LOCALES,
  THEME_MAX_DEPTH,
  ThemeFromClusterResultSchema,
  ThemeFromClusterSchema,
  type EmergingCluster,
  type EmergingRun,
  type EmergingTerm,
  type ThemeFromClusterResult,
} from '@medskapa/api/contract';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router.tsx';
import { useLanguage, useThemes } from '../themes.tsx';
import { ErrorSummary, Field, Status, controlId, focusSoon, summaryItems, useErrorText, useFailureText, useFormatDate, validate, type FieldErrors } from './ui.tsx';

const FORM = 'emerging-theme';
const FIELD_ORDER = ['labels.sv', 'labels.en', 'parentId'];
/** Terms named in a pattern's heading. */
const HEADING_TERMS = 3;

interface Filters {
  from: string;
  to: string;
  locale: string;
  includeSuggested: boolean;
}

function queryOf(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.from !== '') params.set('from', filters.from);
  if (filters.to !== '') params.set('to', filters.to);
  if (filters.locale !== '') params.set('locale', filters.locale);
  if (filters.includeSuggested) params.set('includeSuggested', 'true');
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** A theme or concept in the UI language; a word as the stories wrote it, marked with its language. */
function TermChip({ term }: { term: EmergingTerm }) {
  const { t } = useTranslation('analysis');
  const language = useLanguage();
  return (
    <li className="tag">
      <span className="visually-hidden">{t(`emerging.kind.${term.kind}`)}: </span>
      {term.kind === 'word' ? (
        <span lang={term.lang} dir="auto">
          {term.label[language]}
        </span>
      ) : (
        term.label[language]
      )}
    </li>
  );
}

/** Clusters of untagged stories across languages; a facilitator reads the quotes and may make a cluster a theme. */
export function EmergingScreen() {
  const { t } = useTranslation('analysis');
  const failure = useFailureText();
  const format = useFormatDate();
  const themes = useThemes();
  const language = useLanguage();
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', locale: '', includeSuggested: false });
  const [query, setQuery] = useState('');
  const [run, setRun] = useState<EmergingRun | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [making, setMaking] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api(`/api/v1/emerging-themes${query}`, { parse: EmergingRunSchema.parse })
      .then((result) => {
        if (cancelled) return;
        setRun(result);
        setLoadError(undefined);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(failure(error));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
    // `failure` changes only with the language.
  }, [query, generation]);


  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setStatus(undefined);
    setMaking(undefined);
    setQuery(queryOf(filters));
    setGeneration((value) => value + 1);
  };

  return (
    <div className="admin-wide">
      <PageHeading title={t('emerging.title')} />
      <p className="lead">{t('emerging.lead')}</p>
      <form className="form-panel" noValidate onSubmit={onSearch} aria-labelledby="emerging-filters">
        <h2 className="heading-medium" id="emerging-filters">
          {t('emerging.filters.heading')}
        </h2>
        <div className="form-row">
          <Field id="emerging-from" label={t('emerging.filters.from')} optional>
            {(control) => <input className="input" type="date" {...control} value={filters.from} onChange={(event) => setFilters((current) => ({ ...current, from: event.target.value }))} />}
          </Field>
          <Field id="emerging-to" label={t('emerging.filters.to')} optional>
            {(control) => <input className="input" type="date" {...control} value={filters.to} onChange={(event) => setFilters((current) => ({ ...current, to: event.target.value }))} />}
          </Field>
          <Field id="emerging-locale" label={t('emerging.filters.locale')} optional>
            {(control) => (
              <select className="select" {...control} value={filters.locale} onChange={(event) => setFilters((current) => ({ ...current, locale: event.target.value }))}>
                <option value="">{t('emerging.filters.anyLocale')}</option>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {t(`lists.locale.${locale}`, { ns: 'core' })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="choice">
          <input
            className="choice__input"
            type="checkbox"
            id="emerging-include-suggested"
            checked={filters.includeSuggested}
            onChange={(event) => setFilters((current) => ({ ...current, includeSuggested: event.target.checked }))}
          />
          <label className="choice__label" htmlFor="emerging-include-suggested">
            {t('emerging.filters.includeSuggested')}
          </label>
        </div>
        <div className="button-group">
          <button type="submit" className="button" disabled={loading}>
            {t('emerging.filters.submit')}
          </button>
        </div>
      </form>

      <Status message={status} />
      {loadError === undefined ? null : <Status message={loadError} tone="error" />}
      {loading ? <p role="status">{t('emerging.loading')}</p> : null}
      {run === undefined || loading ? null : (
        <section aria-labelledby="emerging-results" className="section">
          <h2 className="heading-medium" id="emerging-results" tabIndex={-1}>
            {t('emerging.resultsHeading')}
          </h2>
          <p>{t('emerging.summary', { stories: run.stories, clustered: run.clustered, time: format(run.generatedAt, true) })}</p>
          {run.clusters.length === 0 ? <p>{t('emerging.empty')}</p> : null}
          {run.clusters.map((cluster) => (
            <ClusterSection
              key={`${run.runId}-${cluster.id}`}
              runId={run.runId}
              cluster={cluster}
              making={making === cluster.id}
              onMake={() => setMaking(cluster.id)}
              onDone={(result) => {
                setMaking(undefined);
                if (result === undefined) {
                  focusSoon(`emerging-make-${cluster.id}`);
                  return;
                }
                themes.reload();
                setRun((current) =>
                  current === undefined ? current : { ...current, clusters: current.clusters.map((item) => (item.id === cluster.id ? { ...item, createdThemeId: result.theme.id } : item)) },
                );
                setStatus(t('emerging.form.done', { count: result.tagged, theme: result.theme.labels[language] }) + (result.missing > 0 ? ` ${t('emerging.form.missing', { count: result.missing })}` : ''));
                focusSoon(`emerging-cluster-${cluster.id}`);
              }}
              onGone={(message) => {
                setMaking(undefined);
                setStatus(message);
              }}
            />
          ))}
        </section>
      )}
    </div>
  );
}

function ClusterSection({
  runId,
  cluster,
  making,
  onMake,
  onDone,
  onGone,
}: {
  runId: string;
  cluster: EmergingCluster;
  making: boolean;
  onMake: () => void;
  onDone: (result: ThemeFromClusterResult | undefined) => void;
  onGone: (message: string) => void;
}) {
  const { t } = useTranslation('analysis');
  const language = useLanguage();
  const themes = useThemes();
  const headingId = `emerging-cluster-${cluster.id}`;
  const terms = cluster.topTerms.slice(0, HEADING_TERMS).map((term) => term.label[language]);
  const existing = cluster.themeIds.map((id) => themes.byId.get(id)?.path).filter((path): path is string => path !== undefined);
  const created = cluster.createdThemeId === undefined ? undefined : themes.byId.get(cluster.createdThemeId);
  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 className="heading-small" id={headingId} tabIndex={-1}>
        {t('emerging.cluster.heading', { number: cluster.id, terms: terms.join(', ') })}
      </h3>
      <p>
        <strong>{t('emerging.cluster.size', { count: cluster.size })}</strong>
      </p>
      <h4 className="heading-small" id={`${headingId}-terms`}>
        {t('emerging.cluster.terms')}
      </h4>
      <ul className="chip-list" aria-labelledby={`${headingId}-terms`}>
        {cluster.topTerms.map((term) => (
          <TermChip key={term.key} term={term} />
        ))}
      </ul>
      {existing.length === 0 ? null : <p className="hint">{t('emerging.cluster.existing', { themes: existing.join('; ') })}</p>}
      <h4 className="heading-small" id={`${headingId}-quotes`}>
        {t('emerging.cluster.quotes')}
      </h4>
      <ul className="emerging-quotes" aria-labelledby={`${headingId}-quotes`} style={{ listStyle: 'none', padding: 0 }}>
        {cluster.quotes.map((quote) => (
          <li key={quote.storyId} style={{ marginBlockEnd: '1rem' }}>
            <blockquote lang={quote.lang} dir="auto" style={{ margin: 0, paddingInlineStart: '1rem', borderInlineStart: '4px solid currentColor' }}>
              {quote.text}
            </blockquote>
            <p className="hint">
              {t('emerging.cluster.language', { language: t(`lists.locale.${quote.lang}`, { ns: 'core' }) })}{' '}
              <Link to={`/backoffice/stories/${encodeURIComponent(quote.storyId)}`}>
                {t('emerging.cluster.openStory')}
                <span className="visually-hidden"> ({t('emerging.cluster.heading', { number: cluster.id, terms: terms.join(', ') })})</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {created !== undefined || cluster.createdThemeId !== undefined ? (
        <p>
          {t('emerging.cluster.created', { theme: created?.label ?? '' })}{' '}
          <Link to={`/backoffice/inbox?theme=${encodeURIComponent(cluster.createdThemeId ?? '')}`}>{t('emerging.cluster.showStories')}</Link>
        </p>
      ) : making ? (
        <ThemeForm runId={runId} cluster={cluster} suggested={cluster.topTerms.find((term) => term.kind !== 'word')} onDone={onDone} onGone={onGone} />
      ) : (
        <div className="button-group">
          <button type="button" className="button button--secondary" id={`emerging-make-${cluster.id}`} onClick={onMake}>
            {t('emerging.cluster.makeTheme')}
            <span className="visually-hidden"> ({t('emerging.cluster.heading', { number: cluster.id, terms: terms.join(', ') })})</span>
          </button>
        </div>
      )}
    </section>
  );
}

function ThemeForm({
  runId,
  cluster,
  suggested,
  onDone,
  onGone,
}: {
  runId: string;
  cluster: EmergingCluster;
  suggested: EmergingTerm | undefined;
  onDone: (result: ThemeFromClusterResult | undefined) => void;
  onGone: (message: string) => void;
}) {
  const { t } = useTranslation('analysis');
  const errorText = useErrorText();
  const failure = useFailureText();
  const themes = useThemes();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const capitalised = (text: string) => (text === '' ? text : text.charAt(0).toLocaleUpperCase() + text.slice(1));
  const [sv, setSv] = useState(capitalised(suggested?.label.sv ?? ''));
  const [en, setEn] = useState(capitalised(suggested?.label.en ?? ''));
  const [parentId, setParentId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const id = (path: string) => controlId(FORM, path);
  const error = (path: string) => (errors[path] === undefined ? undefined : errorText(errors[path]));
  const fail = (fields: FieldErrors) => {
    setErrors(fields);
    setAttempt((value) => value + 1);
  };
  const parents = themes.ordered.filter((option) => option.theme.status === 'active' && option.theme.depth < THEME_MAX_DEPTH);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const checked = validate(ThemeFromClusterSchema, { labels: { sv: sv.trim(), en: en.trim() }, ...(parentId === '' ? {} : { parentId }) });
    if (!checked.ok) return fail(checked.errors);
    setSaving(true);
    try {
      const result = await api(`/api/v1/emerging-themes/${encodeURIComponent(runId)}/clusters/${encodeURIComponent(cluster.id)}/theme`, {
        method: 'POST',
        body: checked.value,
        parse: ThemeFromClusterResultSchema.parse,
      });
      onDone(result);
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) fail(caught.fields);
      else if (caught instanceof ApiError && caught.status === 409) onGone(t('emerging.errors.taken'));
      else if (caught instanceof ApiError && caught.status === 404) onGone(t('emerging.errors.gone'));
      else setProblem(failure(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={headingId}>
      <h4 className="heading-medium" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('emerging.form.heading', { number: cluster.id })}
      </h4>
      <p>{t('emerging.form.lead', { count: cluster.size })}</p>
      <ErrorSummary items={summaryItems(FORM, FIELD_ORDER, errors, errorText)} attempt={attempt} titleId={`${headingId}-errors`} />
      <Status message={problem} tone="error" />
      <Field id={id('labels.sv')} label={t('emerging.form.labelSv')} error={error('labels.sv')}>
        {(control) => <input className="input" lang="sv" {...control} value={sv} onChange={(event) => setSv(event.target.value)} />}
      </Field>
      <Field id={id('labels.en')} label={t('emerging.form.labelEn')} error={error('labels.en')}>
        {(control) => <input className="input" lang="en" {...control} value={en} onChange={(event) => setEn(event.target.value)} />}
      </Field>
      <Field id={id('parentId')} label={t('emerging.form.parent')} hint={t('emerging.form.parentHint')} optional error={error('parentId')}>
        {(control) => (
          <select className="select" {...control} value={parentId} onChange={(event) => setParentId(event.target.value)}>
            <option value="">{t('emerging.form.noParent')}</option>
            {parents.map((option) => (
              <option key={option.theme.id} value={option.theme.id}>
                {option.path}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>
          {t('emerging.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(undefined)}>
          {t('emerging.form.cancel')}
        </button>
      </div>
    </form>
  );
}
