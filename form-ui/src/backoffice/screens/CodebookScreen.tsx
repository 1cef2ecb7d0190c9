import {
  CodebookImportResultSchema,
  CreateThemeSchema,
  LOCALES,
  MergeThemeSchema,
  THEME_MAX_DEPTH,
  ThemeSchema,
  UpdateThemeSchema,
  type CodebookImportResult,
  type Locale,
  type Theme,
  type ThemeHistoryEntry,
  type ThemeKeywords,
  type UpdateTheme,
} from '@medskapa/api/contract';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useThemes } from '../themes.tsx';
import {
  Dialog,
  ErrorSummary,
  Field,
  FieldError,
  Status,
  controlId,
  summaryItems,
  useErrorText,
  useFailureText,
  useFormatDate,
  validate,
  type FieldErrors,
  focusSoon,
  useApiList,
} from './ui.tsx';

const ThemeListSchema = z.array(ThemeSchema);
const FORM = 'theme';
const FIELD_ORDER = ['parentId', 'labels.sv', 'labels.en', 'descriptions.sv', 'descriptions.en', ...LOCALES.map((locale) => `keywords.${locale}`), 'colour'];
const DEFAULT_COLOUR = '#005b7f';

interface Draft {
  parentId: string;
  labels: { sv: string; en: string };
  descriptions: { sv: string; en: string };
  keywords: Record<Locale, string>;
  colour: string;
}

type Editing = { mode: 'create'; parentId: string; returnFocus: string } | { mode: 'edit'; theme: Theme; returnFocus: string };

/** One keyword a line, or several on a line separated by commas. */
export function parseKeywords(text: string): string[] {
  return [...new Set(text.split(/[\n,;]/).map((word) => word.trim()).filter((word) => word !== ''))];
}

function keywordsText(keywords: ThemeKeywords, locale: Locale): string {
  return (keywords[locale] ?? []).join('\n');
}

function draftOf(theme: Theme | undefined, parentId = ''): Draft {
  const keywords = Object.fromEntries(LOCALES.map((locale) => [locale, theme === undefined ? '' : keywordsText(theme.keywords, locale)]));
  return {
    parentId: theme?.parentId ?? parentId,
    labels: { sv: theme?.labels.sv ?? '', en: theme?.labels.en ?? '' },
    descriptions: { sv: theme?.descriptions.sv ?? '', en: theme?.descriptions.en ?? '' },
    keywords: { ...Object.fromEntries(LOCALES.map((locale) => [locale, ''])), ...keywords } as Record<Locale, string>,
    colour: theme?.colour ?? DEFAULT_COLOUR,
  };
}

function keywordsOf(draft: Draft): ThemeKeywords {
  const keywords: ThemeKeywords = {};
  for (const locale of LOCALES) keywords[locale] = parseKeywords(draft.keywords[locale]);
  return keywords;
}

function sameKeywords(a: ThemeKeywords, b: ThemeKeywords): boolean {
  return LOCALES.every((locale) => (a[locale] ?? []).join('\n') === (b[locale] ?? []).join('\n'));
}

/** Only what changed, so the theme's history records a rename as a rename and a move as a move. */
function changesOf(theme: Theme, draft: Draft): UpdateTheme {
  const change: UpdateTheme = {};
  if ((theme.parentId ?? '') !== draft.parentId) change.parentId = draft.parentId === '' ? null : draft.parentId;
  if (theme.labels.sv !== draft.labels.sv.trim() || theme.labels.en !== draft.labels.en.trim()) change.labels = { sv: draft.labels.sv, en: draft.labels.en };
  if ((theme.descriptions.sv ?? '') !== draft.descriptions.sv.trim() || (theme.descriptions.en ?? '') !== draft.descriptions.en.trim()) {
    change.descriptions = { sv: draft.descriptions.sv, en: draft.descriptions.en };
  }
  const keywords = keywordsOf(draft);
  if (!sameKeywords(theme.keywords, keywords)) change.keywords = keywords;
  if (theme.colour.toLowerCase() !== draft.colour.toLowerCase()) change.colour = draft.colour;
  return change;
}

/** A theme and everything under it, so a theme cannot be moved under itself. */
function subtreeIds(themes: ReadonlyArray<Theme>, id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const theme of themes) {
      if (theme.parentId !== undefined && ids.has(theme.parentId) && !ids.has(theme.id)) {
        ids.add(theme.id);
        grew = true;
      }
    }
  }
  return ids;
}

function subtreeHeight(themes: ReadonlyArray<Theme>, id: string): number {
  const children = themes.filter((theme) => theme.parentId === id);
  return 1 + Math.max(0, ...children.map((child) => subtreeHeight(themes, child.id)));
}

/** "Parent › Child › Theme", so a flat list of choices still shows the tree. */
function themePath(themes: ReadonlyArray<Theme>, theme: Theme, language: 'sv' | 'en', seen = new Set<string>()): string {
  const parent = theme.parentId === undefined || seen.has(theme.id) ? undefined : themes.find((other) => other.id === theme.parentId);
  seen.add(theme.id);
  return parent === undefined ? theme.labels[language] : `${themePath(themes, parent, language, seen)} › ${theme.labels[language]}`;
}

/** The codebook: the theme tree, create, edit, move, archive, merge, history, import and export. */
export function CodebookScreen() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  const failure = useFailureText();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [merging, setMerging] = useState<Theme | undefined>(undefined);

  const { data: themes, loadError, reload: load } = useApiList('/api/v1/themes', ThemeListSchema.parse);

  // The workspace keeps its own copy of the codebook for the theme pickers; it hears of every change made here.
  const shared = useThemes();
  const refresh = async () => {
    await load();
    shared.reload();
  };

  /** Closes the theme form; after a change, reloads and puts focus back (again once the list is redrawn). */
  const finishEditing = (returnFocus: string) => async (message: string | undefined) => {
    setEditing(undefined);
    focusSoon(returnFocus);
    if (message === undefined) return;
    setStatus(message);
    await refresh();
    // Again: a moved theme's button is a new element in its new place.
    focusSoon(returnFocus);
  };

  const labelOf = (theme: Theme) => theme.labels[language];
  const byId = new Map((themes ?? []).map((theme) => [theme.id, theme]));
  const active = (themes ?? []).filter((theme) => theme.status === 'active');
  const archived = (themes ?? []).filter((theme) => theme.status === 'archived');


  const setArchived = async (theme: Theme, archive: boolean) => {
    try {
      await api(`/api/v1/themes/${encodeURIComponent(theme.id)}`, { method: 'PATCH', body: { status: archive ? 'archived' : 'active' }, parse: ThemeSchema.parse });
      setStatus(t(archive ? 'codebook.archived' : 'codebook.restored', { label: labelOf(theme) }));
      await refresh();
      focusSoon(archive ? 'codebook-status' : `theme-edit-${theme.id}`);
    } catch (error) {
      setStatus(error instanceof ApiError && error.fields['status'] !== undefined ? t(`errors.${error.fields['status']}`) : failure(error));
    }
  };

  const renderBranch = (parentId: string | undefined, depth: number) => {
    const children = active.filter((theme) => (parentId === undefined ? theme.parentId === undefined || !active.some((other) => other.id === theme.parentId) : theme.parentId === parentId));
    if (children.length === 0) return null;
    return (
      <ul className={depth === 1 ? 'theme-tree' : undefined}>
        {children.map((theme) => (
          <li key={theme.id} className="theme">
            <ThemeItem
              theme={theme}
              label={labelOf(theme)}
              headingLevel={Math.min(2 + theme.depth, 6)}
              byId={byId}
              language={language}
              onEdit={() => setEditing({ mode: 'edit', theme, returnFocus: `theme-edit-${theme.id}` })}
              onAddChild={theme.depth < THEME_MAX_DEPTH ? () => setEditing({ mode: 'create', parentId: theme.id, returnFocus: `theme-add-${theme.id}` }) : undefined}
              onMerge={() => setMerging(theme)}
              onArchive={() => void setArchived(theme, true)}
            />
            {(editing?.mode === 'edit' && editing.theme.id === theme.id) || (editing?.mode === 'create' && editing.parentId === theme.id) ? (
              <ThemeForm themes={active} editing={editing} language={language} onDone={finishEditing(editing.returnFocus)} />
            ) : null}
            {renderBranch(theme.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <div className="admin-wide">
      <PageHeading title={t('codebook.title')} />
      <p className="lead">{t('codebook.lead')}</p>
      <div id="codebook-status" tabIndex={-1}>
        <Status message={status} />
      </div>

      <div className="button-group">
        <button
          type="button"
          className="button"
          id="theme-new"
          aria-expanded={editing?.mode === 'create' && editing.parentId === ''}
          onClick={() => setEditing({ mode: 'create', parentId: '', returnFocus: 'theme-new' })}
        >
          {t('codebook.new')}
        </button>
      </div>
      {editing?.mode === 'create' && editing.parentId === '' ? (
        <ThemeForm themes={active} editing={editing} language={language} onDone={finishEditing(editing.returnFocus)} />
      ) : null}

      <section className="section" aria-labelledby="codebook-themes">
        <h2 className="heading-medium" id="codebook-themes">
          {t('codebook.themesHeading')}
        </h2>
        {loadError === undefined ? null : <Status message={loadError} tone="error" />}
        {themes === undefined && loadError === undefined ? <p>{t('common.loading')}</p> : null}
        {themes !== undefined && active.length === 0 ? <p>{t('codebook.empty')}</p> : null}
        {renderBranch(undefined, 1)}

        <div className="choice">
          <input className="choice__input" type="checkbox" id="codebook-show-archived" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          <label className="choice__label" htmlFor="codebook-show-archived">
            {t('codebook.showArchived', { count: archived.length })}
          </label>
        </div>
        {showArchived ? (
          <section aria-labelledby="codebook-archived">
            <h3 className="heading-small" id="codebook-archived">
              {t('codebook.archivedHeading')}
            </h3>
            {archived.length === 0 ? (
              <p>{t('codebook.noArchived')}</p>
            ) : (
              <ul className="theme-tree">
                {archived.map((theme) => (
                  <li key={theme.id} className="theme">
                    <ThemeItem
                      theme={theme}
                      label={labelOf(theme)}
                      headingLevel={4}
                      byId={byId}
                      language={language}
                      onRestore={theme.mergedInto === undefined ? () => void setArchived(theme, false) : undefined}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </section>

      <section className="section" aria-labelledby="codebook-exchange">
        <h2 className="heading-medium" id="codebook-exchange">
          {t('codebook.exchangeHeading')}
        </h2>
        <p>{t('codebook.exportLead')}</p>
        <ul className="list">
          <li>
            <a href="/api/v1/codebook.csv" download="medskapa-kodbok.csv">
              {t('codebook.exportCsv')}
            </a>
          </li>
          <li>
            <a href="/api/v1/codebook.qdc" download="medskapa-kodbok.qdc">
              {t('codebook.exportQdc')}
            </a>
          </li>
        </ul>
        <ImportForm
          onImported={async (message) => {
            setStatus(message);
            await refresh();
          }}
        />
      </section>

      <MergeDialog
        from={merging}
        themes={active}
        language={language}
        onClose={() => setMerging(undefined)}
        onMerged={async (message) => {
          setMerging(undefined);
          setStatus(message);
          await refresh();
          focusSoon('codebook-status');
        }}
      />
    </div>
  );
}

function ThemeItem({
  theme,
  label,
  headingLevel,
  byId,
  language,
  onEdit,
  onAddChild,
  onMerge,
  onArchive,
  onRestore,
}: {
  theme: Theme;
  label: string;
  headingLevel: number;
  byId: ReadonlyMap<string, Theme>;
  language: 'sv' | 'en';
  onEdit?: () => void;
  onAddChild?: (() => void) | undefined;
  onMerge?: () => void;
  onArchive?: () => void;
  onRestore?: (() => void) | undefined;
}) {
  const { t } = useTranslation('admin');
  const Heading = `h${headingLevel}` as 'h3';
  const description = theme.descriptions[language];
  const survivor = theme.mergedInto === undefined ? undefined : byId.get(theme.mergedInto);
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;
  return (
    <div>
      <div className="theme__head">
        <Heading className="theme__label">
          <span className="swatch" style={{ backgroundColor: theme.colour }} aria-hidden="true" />
          {label}
        </Heading>
        <p className="theme__usage">{t('codebook.usage', { stories: t('codebook.stories', { count: theme.usage.stories }), excerpts: t('codebook.excerpts', { count: theme.usage.excerpts }) })}</p>
      </div>
      {description === undefined || description === '' ? null : <p className="hint">{description}</p>}
      {theme.mergedInto === undefined ? null : <p>{t('codebook.mergedInto', { label: survivor?.labels[language] ?? theme.mergedInto })}</p>}
      <div className="theme__actions">
        {onEdit === undefined ? null : (
          <button type="button" className="link-button" id={`theme-edit-${theme.id}`} onClick={onEdit}>
            {t('codebook.edit')}
            {hidden(label)}
          </button>
        )}
        {onAddChild === undefined ? null : (
          <button type="button" className="link-button" id={`theme-add-${theme.id}`} onClick={onAddChild}>
            {t('codebook.addChild')}
            {hidden(t('codebook.under', { label }))}
          </button>
        )}
        {onMerge === undefined ? null : (
          <button type="button" className="link-button" id={`theme-merge-${theme.id}`} onClick={onMerge}>
            {t('codebook.merge')}
            {hidden(`(${label})`)}
          </button>
        )}
        {onArchive === undefined ? null : (
          <button type="button" className="link-button" onClick={onArchive}>
            {t('codebook.archive')}
            {hidden(label)}
          </button>
        )}
        {onRestore === undefined ? null : (
          <button type="button" className="link-button" onClick={onRestore}>
            {t('codebook.restore')}
            {hidden(label)}
          </button>
        )}
      </div>
      <details>
        <summary>
          {t('codebook.history', { count: theme.history.length })}
          {hidden(label)}
        </summary>
        <History entries={theme.history} byId={byId} language={language} />
      </details>
    </div>
  );
}

function History({ entries, byId, language }: { entries: ReadonlyArray<ThemeHistoryEntry>; byId: ReadonlyMap<string, Theme>; language: 'sv' | 'en' }) {
  const { t } = useTranslation('admin');
  const format = useFormatDate();
  const value = (text: string) => byId.get(text)?.labels[language] ?? text;
  return (
    <ol className="list">
      {[...entries].reverse().map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at}>{format(entry.at, true)}</time>: {t(`codebook.historyAction.${entry.action}`)}
          {entry.detail === undefined || Object.keys(entry.detail).length === 0
            ? null
            : ` (${Object.entries(entry.detail)
                .map(([key, text]) => `${key}: ${value(text)}`)
                .join(', ')})`}
        </li>
      ))}
    </ol>
  );
}

function ThemeForm({
  themes,
  editing,
  language,
  onDone,
}: {
  themes: ReadonlyArray<Theme>;
  editing: Editing;
  language: 'sv' | 'en';
  onDone: (message: string | undefined) => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const theme = editing.mode === 'edit' ? editing.theme : undefined;
  const [draft, setDraft] = useState<Draft>(() => draftOf(theme, editing.mode === 'create' ? editing.parentId : ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const excluded = theme === undefined ? new Set<string>() : subtreeIds(themes, theme.id);
  const height = theme === undefined ? 1 : subtreeHeight(themes, theme.id);
  const parents = themes.filter((candidate) => !excluded.has(candidate.id) && candidate.depth + height <= THEME_MAX_DEPTH);
  const pathLabel = (candidate: Theme) => themePath(themes, candidate, language);

  const error = (path: string) => (errors[path] === undefined ? undefined : errorText(errors[path]));
  const set = (update: (draft: Draft) => Draft) => setDraft((current) => update(current));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const label = draft.labels[language].trim() || draft.labels.sv.trim();
    if (theme === undefined) {
      const descriptions = { ...(draft.descriptions.sv.trim() === '' ? {} : { sv: draft.descriptions.sv }), ...(draft.descriptions.en.trim() === '' ? {} : { en: draft.descriptions.en }) };
      const keywords = Object.fromEntries(Object.entries(keywordsOf(draft)).filter(([, list]) => list.length > 0));
      const checked = validate(CreateThemeSchema, {
        ...(draft.parentId === '' ? {} : { parentId: draft.parentId }),
        labels: draft.labels,
        ...(Object.keys(descriptions).length === 0 ? {} : { descriptions }),
        ...(Object.keys(keywords).length === 0 ? {} : { keywords }),
        colour: draft.colour,
      });
      if (!checked.ok) {
        setErrors(checked.errors);
        setAttempt((value) => value + 1);
        return;
      }
      await save(() => api('/api/v1/themes', { method: 'POST', body: checked.value, parse: ThemeSchema.parse }), t('codebook.created', { label }));
      return;
    }
    const checked = validate(UpdateThemeSchema, changesOf(theme, draft));
    if (!checked.ok) {
      setErrors(checked.errors);
      setAttempt((value) => value + 1);
      return;
    }
    if (Object.keys(checked.value).length === 0) {
      await onDone(t('codebook.nothingChanged'));
      return;
    }
    await save(
      () => api(`/api/v1/themes/${encodeURIComponent(theme.id)}`, { method: 'PATCH', body: checked.value, parse: ThemeSchema.parse }),
      checked.value.parentId === undefined ? t('codebook.saved', { label }) : t('codebook.moved', { label }),
    );
  };

  const save = async (call: () => Promise<Theme>, message: string) => {
    setSaving(true);
    try {
      await call();
      setErrors({});
      await onDone(message);
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) {
        setErrors(caught.fields);
        setAttempt((value) => value + 1);
      } else {
        setProblem(failure(caught));
      }
    } finally {
      setSaving(false);
    }
  };

  const id = (path: string) => controlId(FORM, path);
  const items = summaryItems(FORM, FIELD_ORDER, errors, errorText);
  return (
    <form className="form-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={headingId}>
      <h2 className="heading-medium" id={headingId} ref={headingRef} tabIndex={-1}>
        {theme === undefined ? t('codebook.createHeading') : t('codebook.editHeading', { label: theme.labels[language] })}
      </h2>
      <ErrorSummary items={items} attempt={attempt} titleId={`${headingId}-errors`} />
      <Status message={problem} tone="error" />
      <Field id={id('parentId')} label={t('codebook.field.parent')} hint={t('codebook.field.parentHint')} error={error('parentId')}>
        {(control) => (
          <select className="select" {...control} value={draft.parentId} onChange={(event) => set((current) => ({ ...current, parentId: event.target.value }))}>
            <option value="">{t('codebook.field.topLevel')}</option>
            {parents.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {pathLabel(candidate)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-row">
        <Field id={id('labels.sv')} label={t('codebook.field.labelSv')} error={error('labels.sv')}>
          {(control) => (
            <input className="input" lang="sv" {...control} value={draft.labels.sv} onChange={(event) => set((current) => ({ ...current, labels: { ...current.labels, sv: event.target.value } }))} />
          )}
        </Field>
        <Field id={id('labels.en')} label={t('codebook.field.labelEn')} error={error('labels.en')}>
          {(control) => (
            <input className="input" lang="en" {...control} value={draft.labels.en} onChange={(event) => set((current) => ({ ...current, labels: { ...current.labels, en: event.target.value } }))} />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field id={id('descriptions.sv')} label={t('codebook.field.descriptionSv')} optional error={error('descriptions.sv')}>
          {(control) => (
            <textarea
              className="textarea"
              rows={3}
              lang="sv"
              {...control}
              value={draft.descriptions.sv}
              onChange={(event) => set((current) => ({ ...current, descriptions: { ...current.descriptions, sv: event.target.value } }))}
            />
          )}
        </Field>
        <Field id={id('descriptions.en')} label={t('codebook.field.descriptionEn')} optional error={error('descriptions.en')}>
          {(control) => (
            <textarea
              className="textarea"
              rows={3}
              lang="en"
              {...control}
              value={draft.descriptions.en}
              onChange={(event) => set((current) => ({ ...current, descriptions: { ...current.descriptions, en: event.target.value } }))}
            />
          )}
        </Field>
      </div>
      <fieldset className="fieldset form-group" aria-describedby={`${headingId}-keywords-hint`}>
        <legend className="fieldset__legend">{t('codebook.field.keywords')}</legend>
        <p className="hint" id={`${headingId}-keywords-hint`}>
          {t('codebook.field.keywordsHint')}
        </p>
        <div className="keyword-grid">
          {LOCALES.map((locale) => (
            <Field key={locale} id={id(`keywords.${locale}`)} label={t(`languages.${locale}`)} optional error={error(`keywords.${locale}`)}>
              {(control) => (
                <textarea
                  className="textarea"
                  rows={3}
                  lang={locale === 'sv-x-lattlast' ? 'sv' : locale}
                  dir="auto"
                  {...control}
                  value={draft.keywords[locale]}
                  onChange={(event) => set((current) => ({ ...current, keywords: { ...current.keywords, [locale]: event.target.value } }))}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <Field id={id('colour')} label={t('codebook.field.colour')} hint={t('codebook.field.colourHint')} error={error('colour')}>
        {(control) => <input className="input input--colour" type="color" {...control} value={draft.colour} onChange={(event) => set((current) => ({ ...current, colour: event.target.value }))} />}
      </Field>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>
          {theme === undefined ? t('codebook.createSubmit') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void onDone(undefined)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function MergeDialog({
  from,
  themes,
  language,
  onClose,
  onMerged,
}: {
  from: Theme | undefined;
  themes: ReadonlyArray<Theme>;
  language: 'sv' | 'en';
  onClose: () => void;
  onMerged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    setInto('');
    setError(undefined);
    setProblem(undefined);
  }, [from]);

  const fromLabel = from?.labels[language] ?? '';
  const candidates = themes.filter((theme) => theme.id !== from?.id && theme.mergedInto === undefined);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (from === undefined) return;
    const checked = validate(MergeThemeSchema, { into });
    if (!checked.ok) {
      setError(errorText(checked.errors['into'] ?? 'theme.into.required'));
      selectRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api(`/api/v1/themes/${encodeURIComponent(from.id)}/merge`, { method: 'POST', body: checked.value, parse: (value: unknown) => value });
      const survivor = themes.find((theme) => theme.id === into);
      await onMerged(t('codebook.mergeDone', { from: fromLabel, into: survivor?.labels[language] ?? '' }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields['into'] !== undefined) {
        setError(errorText(caught.fields['into']));
        selectRef.current?.focus();
      } else setProblem(failure(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={from !== undefined} onClose={onClose} titleId="merge-title">
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <h2 className="heading-medium" id="merge-title">
          {t('codebook.mergeTitle', { label: fromLabel })}
        </h2>
        <p>{t('codebook.mergeExplain', { label: fromLabel, count: (from?.usage.stories ?? 0) + (from?.usage.excerpts ?? 0) })}</p>
        <p>{t('codebook.mergeHistory', { label: fromLabel })}</p>
        <Status message={problem} tone="error" />
        <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
          <label className="label" htmlFor="merge-into">
            {t('codebook.mergeInto')}
          </label>
          <FieldError id="merge-into" message={error} />
          <select
            ref={selectRef}
            className="select"
            id="merge-into"
            value={into}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={error === undefined ? undefined : 'merge-into-error'}
            onChange={(event) => setInto(event.target.value)}
          >
            <option value="">{t('codebook.mergeChoose')}</option>
            {candidates.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {themePath(themes, theme, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={busy}>
            {t('codebook.mergeConfirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ImportForm({ onImported }: { onImported: (message: string) => Promise<void> }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const file = inputRef.current?.files?.[0];
    if (file === undefined) {
      setError(t('codebook.importChoose'));
      inputRef.current?.focus();
      return;
    }
    const isCsv = file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv';
    setBusy(true);
    try {
      const result: CodebookImportResult = await api('/api/v1/codebook/import', {
        method: 'POST',
        rawBody: await file.text(),
        contentType: isCsv ? 'text/csv' : 'application/xml',
        parse: CodebookImportResultSchema.parse,
      });
      if (inputRef.current !== null) inputRef.current.value = '';
      await onImported(t('codebook.importDone', result));
    } catch (caught) {
      const fields = caught instanceof ApiError ? Object.entries(caught.fields) : [];
      const details = fields.map(([path, key]) => (path === 'file' ? errorText(key) : `${path}: ${errorText(key)}`)).join('. ');
      setError(caught instanceof ApiError && (caught.status === 400 || caught.status === 415) ? `${t('codebook.importFailed')}${details === '' ? '' : ` ${details}`}` : failure(caught));
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="codebook-import">
      <h3 className="heading-small" id="codebook-import">
        {t('codebook.importHeading')}
      </h3>
      <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
        <label className="label" htmlFor="codebook-import-file">
          {t('codebook.importFile')}
        </label>
        <p className="hint" id="codebook-import-file-hint">
          {t('codebook.importHint')}
        </p>
        <FieldError id="codebook-import-file" message={error} />
        <input
          ref={inputRef}
          className="input"
          type="file"
          id="codebook-import-file"
          accept=".csv,.qdc,.xml,text/csv,application/xml"
          aria-describedby={error === undefined ? 'codebook-import-file-hint' : 'codebook-import-file-hint codebook-import-file-error'}
          aria-invalid={error === undefined ? undefined : true}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t('codebook.importSubmit')}
      </button>
    </form>
  );
}
