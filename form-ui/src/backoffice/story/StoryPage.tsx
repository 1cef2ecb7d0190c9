import {
  AddNoteSchema,
  ExcerptSchema,
  NoteSchema,
  REDACTED,
  STORY_STATUSES,
  STORY_TEXT_FIELDS,
  StoryDetailSchema,
  StoryTagSchema,
  type Excerpt,
  type StoryDetail,
  type StoryStatus,
  type StoryTag,
  type StoryTextField,
} from '@medskapa/api/contract';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, noContent } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ThemeChip } from '../components/ThemeChip.tsx';
import { ThemePicker } from '../components/ThemePicker.tsx';
import { formatDay, formatMoment, storyLang } from '../format.ts';
import { inboxHref } from '../inbox/filters.ts';
import { Link } from '../router.tsx';
import { useShortcuts } from '../shortcuts.tsx';
import { useLanguage, useThemes } from '../themes.tsx';
import { readSelection, StoryText, type TextSelection } from './StoryText.tsx';
import { evidenceIn, SuggestionList } from './SuggestionList.tsx';

/** The last tag change, and how to take it back. */
type TagChange =
  | { readonly kind: 'tagAdded'; readonly tag: StoryTag }
  | { readonly kind: 'tagRemoved'; readonly themeId: string }
  | { readonly kind: 'excerptAdded'; readonly excerpt: Excerpt }
  | { readonly kind: 'excerptRemoved'; readonly excerpt: Excerpt };

interface Status {
  readonly text: string;
  readonly error?: boolean;
  readonly undo?: TagChange;
  readonly reload?: boolean;
}

const isStoryField = (value: string): value is StoryTextField => STORY_TEXT_FIELDS.some((field) => field === value);
const storyPath = (id: string) => `/api/v1/stories/${encodeURIComponent(id)}`;

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row summary-list__row--two">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

function Facts({ story }: { story: StoryDetail }) {
  const { t } = useTranslation('core');
  const language = useLanguage();
  const list = (values: ReadonlyArray<string>, prefix: string) => (values.length === 0 ? t('story.none') : values.map((value) => t(`${prefix}.${value}`)).join(', '));
  const context = story.campaignContext;
  return (
    <dl className="summary-list facts">
      <SummaryRow label={t('story.facts.received')}>{formatDay(story.receivedOn, language)}</SummaryRow>
      <SummaryRow label={t('story.facts.language')}>{t(`lists.locale.${story.locale}`)}</SummaryRow>
      <SummaryRow label={t('story.facts.channel')}>{t(`lists.channel.${story.channel}`)}</SummaryRow>
      <SummaryRow label={t('story.facts.role')}>{t(`lists.role.${story.respondent.role}`)}</SummaryRow>
      {story.respondent.relationship === undefined ? null : <SummaryRow label={t('story.facts.relationship')}>{t(`lists.relationship.${story.respondent.relationship}`)}</SummaryRow>}
      {story.respondent.ageGroup === undefined ? null : <SummaryRow label={t('story.facts.ageGroup')}>{t(`lists.ageGroup.${story.respondent.ageGroup}`)}</SummaryRow>}
      <SummaryRow label={t('story.facts.careSettings')}>{list(story.care.settings, 'lists.careSetting')}</SummaryRow>
      {story.care.unit === undefined ? null : (
        <SummaryRow label={t('story.facts.unit')}>
          <span dir="auto">{story.care.unit}</span>
        </SummaryRow>
      )}
      <SummaryRow label={t('story.facts.when')}>{t(`lists.when.${story.care.when}`)}</SummaryRow>
      <SummaryRow label={t('story.facts.topics')}>{list(story.topics, 'lists.topic')}</SummaryRow>
      <SummaryRow label={t('story.facts.rating')}>{story.rating === undefined ? t('story.noRating') : t('inbox.ratingValue', { rating: story.rating })}</SummaryRow>
      {story.campaign === undefined ? null : (
        <SummaryRow label={t('story.facts.campaign')}>
          {[
            story.campaign,
            context === undefined ? undefined : t(`story.campaignStatus.${context.status}`),
            context?.site,
            context?.rolloutWave === undefined ? undefined : t('story.wave', { wave: context.rolloutWave }),
            context?.phase === undefined ? undefined : t(`lists.phase.${context.phase}`),
          ]
            .filter((part) => part !== undefined)
            .join(' · ')}
        </SummaryRow>
      )}
      <SummaryRow label={t('story.facts.followUp')}>{story.hasFollowUp ? t('story.followUpYes') : t('story.followUpNo')}</SummaryRow>
      <SummaryRow label={t('story.facts.masked')}>
        {story.redactions.length === 0
          ? t('story.none')
          : story.redactions
              .map((redaction) =>
                t('story.redactionItem', {
                  kind: t(`lists.redaction.${redaction.kind}`),
                  count: redaction.count,
                  field: isStoryField(redaction.field) ? t(`story.fields.${redaction.field}`) : redaction.field,
                }),
              )
              .join('; ')}
      </SummaryRow>
    </dl>
  );
}

function Notes({ story, onAdded }: { story: StoryDetail; onAdded: (story: StoryDetail) => void }) {
  const { t } = useTranslation('core');
  const language = useLanguage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const parsed = AddNoteSchema.safeParse({ text });
    if (!parsed.success) {
      setError(t(parsed.error.issues[0]?.message === 'note.text.tooLong' ? 'story.notes.tooLong' : 'story.notes.required'));
      document.getElementById('note-text')?.focus();
      return;
    }
    setBusy(true);
    try {
      const note = await api(`${storyPath(story.id)}/notes`, { method: 'POST', body: parsed.data, parse: (value) => NoteSchema.parse(value) });
      onAdded({ ...story, notes: [...story.notes, note] });
      setText('');
      setError(undefined);
    } catch {
      setError(t('story.notes.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="work-section" aria-labelledby="notes-title">
      <h2 className="heading-small" id="notes-title">
        {t('story.notes.title')}
      </h2>
      {story.notes.length === 0 ? (
        <p className="hint">{t('story.notes.empty')}</p>
      ) : (
        <ul className="note-list">
          {story.notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note__text" dir="auto">
                {note.text}
              </p>
              <p className="note__meta">
                {note.authorName ?? t('story.notes.unknownAuthor')} · {formatMoment(note.createdAt, language)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className={`form-group form-group--compact${error === undefined ? '' : ' form-group--error'}`}>
          <label className="label label--small" htmlFor="note-text">
            {t('story.notes.label')}
          </label>
          <p className="hint" id="note-text-hint">
            {t('story.notes.hint')}
          </p>
          {error === undefined ? null : (
            <p className="error-message" id="note-text-error">
              <span className="visually-hidden">{t('errors.prefix')}</span> {error}
            </p>
          )}
          <textarea
            className="textarea"
            id="note-text"
            rows={3}
            dir="auto"
            value={text}
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={error === undefined ? 'note-text-hint' : 'note-text-hint note-text-error'}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button className="button button--secondary" type="submit">
          {t('story.notes.add')}
        </button>
      </form>
    </section>
  );
}

/** One story: every field, its text in its own language, tags, excerpts, de-identification, notes, status. */
export function StoryPage({ id }: { id: string }) {
  const { t } = useTranslation('core');
  const { t: tAnalysis } = useTranslation('analysis');
  const language = useLanguage();
  const { byId, status: themesStatus, reload: reloadThemes } = useThemes();
  const [story, setStory] = useState<StoryDetail | undefined>(undefined);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'notFound' | 'failed'>('loading');
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [selection, setSelection] = useState<TextSelection | null | undefined>(undefined);
  const [dialog, setDialog] = useState<'excerpt' | 'redact' | undefined>(undefined);
  const [pendingSelection, setPendingSelection] = useState<TextSelection | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  const tagInput = useRef<HTMLInputElement>(null);
  const undoing = useRef(false);

  useEffect(() => {
    let cancelled = false;
    api(storyPath(id), { parse: (value) => StoryDetailSchema.parse(value) })
      .then((detail) => {
        if (cancelled) return;
        setStory(detail);
        setLoadState('ready');
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadState(error instanceof ApiError && error.status === 404 ? 'notFound' : 'failed');
      });
    return () => {
      cancelled = true;
    };
  }, [id, generation]);

  useEffect(() => {
    const onChange = () => {
      const next = readSelection(isStoryField);
      // A selection outside the story (say, focus on a button) keeps the last one, so the buttons can act on it.
      if (next !== undefined) setSelection(next);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  // While the codebook is still on its way a theme is not unknown, only not named yet.
  const themeName = useCallback((themeId: string) => byId.get(themeId)?.label ?? (themesStatus === 'loading' ? t('themes.loading') : t('themes.unknown')), [byId, themesStatus, t]);
  const failure = (error: unknown): Status => {
    if (error instanceof ApiError && error.status === 409) return { text: t('story.errors.conflict'), error: true, reload: true };
    if (error instanceof ApiError && error.status === 404) return { text: t('story.errors.gone'), error: true, reload: true };
    return { text: t('story.errors.failed'), error: true };
  };

  const addTag = async (themeId: string): Promise<StoryTag | undefined> => {
    if (story === undefined) return undefined;
    try {
      const tag = await api(`${storyPath(story.id)}/tags`, { method: 'POST', body: { themeId }, parse: (value) => StoryTagSchema.parse(value) });
      setStory((current) => (current === undefined ? current : { ...current, tags: [...current.tags, tag], suggestions: current.suggestions.filter((suggestion) => suggestion.themeId !== themeId) }));
      setStatus({ text: t('story.tags.added', { theme: themeName(themeId) }), undo: { kind: 'tagAdded', tag } });
      reloadThemes();
      return tag;
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 409 ? { text: t('story.tags.already', { theme: themeName(themeId) }), error: true, reload: true } : failure(error));
      return undefined;
    }
  };

  const removeTag = async (tag: StoryTag) => {
    if (story === undefined) return;
    try {
      await api(`${storyPath(story.id)}/tags/${encodeURIComponent(tag.id)}`, { method: 'DELETE', parse: noContent });
      setStory((current) => (current === undefined ? current : { ...current, tags: current.tags.filter((entry) => entry.id !== tag.id) }));
      setStatus({ text: t('story.tags.removed', { theme: themeName(tag.themeId) }), undo: { kind: 'tagRemoved', themeId: tag.themeId } });
      tagInput.current?.focus();
      reloadThemes();
    } catch (error) {
      setStatus(failure(error));
    }
  };

  const addExcerpt = async ({ field, start, end }: { field: StoryTextField; start: number; end: number }, themeId: string) => {
    if (story === undefined) return;
    try {
      const excerpt = await api(`${storyPath(story.id)}/excerpts`, { method: 'POST', body: { themeId, field, start, end }, parse: (value) => ExcerptSchema.parse(value) });
      setStory((current) => (current === undefined ? current : { ...current, excerpts: [...current.excerpts, excerpt] }));
      setStatus({ text: t('story.excerpts.added', { theme: themeName(themeId) }), undo: { kind: 'excerptAdded', excerpt } });
      reloadThemes();
    } catch (error) {
      setStatus(failure(error));
    }
  };

  const removeExcerpt = async (excerpt: Excerpt) => {
    if (story === undefined) return;
    try {
      await api(`${storyPath(story.id)}/excerpts/${encodeURIComponent(excerpt.id)}`, { method: 'DELETE', parse: noContent });
      setStory((current) => (current === undefined ? current : { ...current, excerpts: current.excerpts.filter((entry) => entry.id !== excerpt.id) }));
      setStatus({ text: t('story.excerpts.removed', { theme: themeName(excerpt.themeId) }), undo: { kind: 'excerptRemoved', excerpt } });
      document.getElementById('excerpts-title')?.focus();
      reloadThemes();
    } catch (error) {
      setStatus(failure(error));
    }
  };

  const undo = async () => {
    const change = status?.undo;
    if (change === undefined || story === undefined || undoing.current) return;
    undoing.current = true;
    try {
      if (change.kind === 'tagAdded') {
        await api(`${storyPath(story.id)}/tags/${encodeURIComponent(change.tag.id)}`, { method: 'DELETE', parse: noContent });
        setStory((current) => (current === undefined ? current : { ...current, tags: current.tags.filter((entry) => entry.id !== change.tag.id) }));
        setStatus({ text: t('story.undo.tagAdded', { theme: themeName(change.tag.themeId) }) });
      } else if (change.kind === 'tagRemoved') {
        const tag = await api(`${storyPath(story.id)}/tags`, { method: 'POST', body: { themeId: change.themeId }, parse: (value) => StoryTagSchema.parse(value) });
        setStory((current) => (current === undefined ? current : { ...current, tags: [...current.tags, tag] }));
        setStatus({ text: t('story.undo.tagRemoved', { theme: themeName(change.themeId) }) });
      } else if (change.kind === 'excerptAdded') {
        await api(`${storyPath(story.id)}/excerpts/${encodeURIComponent(change.excerpt.id)}`, { method: 'DELETE', parse: noContent });
        setStory((current) => (current === undefined ? current : { ...current, excerpts: current.excerpts.filter((entry) => entry.id !== change.excerpt.id) }));
        setStatus({ text: t('story.undo.excerptAdded', { theme: themeName(change.excerpt.themeId) }) });
      } else {
        const { themeId, field, start, end } = change.excerpt;
        const excerpt = await api(`${storyPath(story.id)}/excerpts`, { method: 'POST', body: { themeId, field, start, end }, parse: (value) => ExcerptSchema.parse(value) });
        setStory((current) => (current === undefined ? current : { ...current, excerpts: [...current.excerpts, excerpt] }));
        setStatus({ text: t('story.undo.excerptRemoved', { theme: themeName(themeId) }) });
      }
      reloadThemes();
    } catch (error) {
      setStatus(failure(error));
    } finally {
      undoing.current = false;
    }
  };

  /** Status and attention change on screen at once (a control never waits for the server); a failure puts them back. */
  const update = async (change: { status?: StoryStatus; needsAttention?: boolean }) => {
    if (story === undefined) return;
    const before = { status: story.status, needsAttention: story.needsAttention };
    setStory((current) => (current === undefined ? current : { ...current, ...change }));
    try {
      const next = await api(storyPath(story.id), { method: 'PATCH', body: change, parse: (value) => StoryDetailSchema.parse(value) });
      setStory((current) => (current === undefined ? current : { ...current, status: next.status, needsAttention: next.needsAttention }));
      setStatus({
        text: change.status === undefined ? t(next.needsAttention ? 'story.attention.on' : 'story.attention.off') : t('story.statusChanged', { status: t(`status.${next.status}`) }),
      });
    } catch (error) {
      setStory((current) => (current === undefined ? current : { ...current, ...before }));
      setStatus(failure(error));
    }
  };

  const acceptSuggestion = async (themeId: string) => {
    if (story === undefined) return;
    try {
      const tag = await api(`${storyPath(story.id)}/suggestions/${encodeURIComponent(themeId)}/accept`, { method: 'POST', parse: (value) => StoryTagSchema.parse(value) });
      setStory((current) => (current === undefined ? current : { ...current, tags: [...current.tags, tag], suggestions: current.suggestions.filter((suggestion) => suggestion.themeId !== themeId) }));
      setStatus({ text: tAnalysis('suggestions.accepted', { theme: themeName(themeId) }), undo: { kind: 'tagAdded', tag } });
      document.getElementById('suggestions-title')?.focus();
      reloadThemes();
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 409 ? { text: t('story.tags.already', { theme: themeName(themeId) }), error: true, reload: true } : failure(error));
    }
  };

  const rejectSuggestion = async (themeId: string) => {
    if (story === undefined) return;
    try {
      await api(`${storyPath(story.id)}/suggestions/${encodeURIComponent(themeId)}/reject`, { method: 'POST', parse: noContent });
      setStory((current) => (current === undefined ? current : { ...current, suggestions: current.suggestions.filter((suggestion) => suggestion.themeId !== themeId) }));
      setStatus({ text: tAnalysis('suggestions.rejected', { theme: themeName(themeId) }) });
      document.getElementById('suggestions-title')?.focus();
    } catch (error) {
      setStatus(failure(error));
    }
  };

  const redact = async (range: TextSelection) => {
    if (story === undefined) return;
    setBusy(true);
    try {
      const next = await api(`${storyPath(story.id)}/redactions`, { method: 'POST', body: range, parse: (value) => StoryDetailSchema.parse(value) });
      setStory(next);
      setSelection(undefined);
      document.getSelection()?.removeAllRanges();
      setStatus({ text: t('story.redact.done') });
      document.getElementById('story-text-title')?.focus();
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 409 ? { text: t('story.redact.changed'), error: true, reload: true } : failure(error));
    } finally {
      setBusy(false);
    }
  };

  const openSelectionDialog = (kind: 'excerpt' | 'redact') => {
    if (selection === null || selection === undefined) {
      setStatus({ text: t('story.selection.none'), error: true });
      return;
    }
    setPendingSelection(selection);
    setDialog(kind);
  };

  const cycleStatus = () => {
    if (story === undefined) return;
    const next = STORY_STATUSES[(STORY_STATUSES.indexOf(story.status) + 1) % STORY_STATUSES.length] ?? 'new';
    void update({ status: next });
  };

  useShortcuts({
    t: () => tagInput.current?.focus(),
    e: () => openSelectionDialog('excerpt'),
    s: cycleStatus,
    a: () => {
      if (story !== undefined) void update({ needsAttention: !story.needsAttention });
    },
    u: () => void undo(),
  });

  const back = (
    <Link className="back-link" to={inboxHref()}>
      {t('story.back')}
    </Link>
  );

  if (loadState !== 'ready' || story === undefined) {
    const title = loadState === 'notFound' ? t('story.notFound') : loadState === 'failed' ? t('story.failed') : t('story.loading');
    return (
      <>
        {back}
        <PageHeading title={title} />
        {loadState === 'failed' ? (
          <button type="button" className="button button--secondary" onClick={() => setGeneration((value) => value + 1)}>
            {t('inbox.retry')}
          </button>
        ) : null}
      </>
    );
  }

  const lang = storyLang(story.locale);
  const day = formatDay(story.receivedOn, language);
  const appliedThemes = story.tags.map((tag) => tag.themeId);
  const hasSelection = selection !== null && selection !== undefined;
  const excerptTitle = (excerpt: Excerpt) => t('story.excerpts.item', { theme: themeName(excerpt.themeId), field: t(`story.fields.${excerpt.field}`) });

  return (
    <>
      {back}
      <PageHeading title={t('story.title', { day })} />
      <div className="story-layout">
        <div className="story-layout__text">
          <section aria-labelledby="story-text-title">
            <h2 className="heading-medium" id="story-text-title" tabIndex={-1}>
              {t('story.textTitle')}
            </h2>
            <p className="hint">{t('story.textHint', { language: t(`lists.locale.${story.locale}`) })}</p>
            <div className="selection-tools" aria-labelledby="selection-title" role="group">
              <h3 className="visually-hidden" id="selection-title">
                {t('story.selection.title')}
              </h3>
              <p className="selection-tools__current" id="selection-current">
                {hasSelection ? (
                  <>
                    {t('story.selection.current', { field: t(`story.fields.${selection.field}`) })}{' '}
                    <q lang={lang} dir="auto">
                      {selection.text}
                    </q>
                  </>
                ) : (
                  t('story.selection.hint')
                )}
              </p>
              <div className="button-group">
                <button type="button" className="button button--secondary" disabled={!hasSelection} aria-describedby="selection-current" onClick={() => openSelectionDialog('excerpt')}>
                  {t('story.selection.tag')}
                </button>
                <button type="button" className="button button--secondary" disabled={!hasSelection || busy} aria-describedby="selection-current" onClick={() => openSelectionDialog('redact')}>
                  {t('story.selection.redact')}
                </button>
              </div>
            </div>
            {STORY_TEXT_FIELDS.map((field) => {
              const text = story.story[field];
              if (text === undefined || text === '') return null;
              return (
                <div className="story-field" key={field}>
                  <h3 className="heading-small">{t(`story.fields.${field}`)}</h3>
                  <StoryText field={field} text={text} lang={lang} excerpts={story.excerpts.filter((excerpt) => excerpt.field === field)} evidence={evidenceIn(story, field)} />
                </div>
              );
            })}
          </section>
          <section aria-labelledby="facts-title">
            <h2 className="heading-medium" id="facts-title">
              {t('story.factsTitle')}
            </h2>
            <Facts story={story} />
          </section>
        </div>

        <div className="story-layout__work">
          <section className="work-section" aria-labelledby="state-title">
            <h2 className="heading-small" id="state-title">
              {t('story.stateTitle')}
            </h2>
            <div className="form-group form-group--compact">
              <label className="label label--small" htmlFor="story-status">
                {t('story.status')}
              </label>
              <select className="select" id="story-status" value={story.status} onChange={(event) => void update({ status: STORY_STATUSES.find((value) => value === event.target.value) ?? story.status })}>
                {STORY_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {t(`status.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="choice choice--small">
              <input className="choice__input" type="checkbox" id="story-attention" checked={story.needsAttention} onChange={(event) => void update({ needsAttention: event.target.checked })} />
              <label className="choice__label" htmlFor="story-attention">
                {t('story.needsAttention')}
              </label>
            </div>
          </section>

          <section className="work-section" aria-labelledby="tags-title">
            <h2 className="heading-small" id="tags-title">
              {t('story.tags.title')}
            </h2>
            {story.tags.length === 0 ? (
              <p className="hint">{t('story.tags.empty')}</p>
            ) : (
              <ul className="chip-list chip-list--removable">
                {story.tags.map((tag) => (
                  <li key={tag.id}>
                    <ThemeChip themeId={tag.themeId}>
                      <button type="button" className="chip-remove" aria-label={t('story.tags.remove', { theme: themeName(tag.themeId) })} onClick={() => void removeTag(tag)}>
                        <span aria-hidden="true">×</span>
                      </button>
                    </ThemeChip>
                  </li>
                ))}
              </ul>
            )}
            <ThemePicker label={t('story.tags.add')} applied={appliedThemes} inputRef={tagInput} onPick={(option) => void addTag(option.theme.id)} />
          </section>

          <section className="work-section" aria-labelledby="excerpts-title">
            <h2 className="heading-small" id="excerpts-title" tabIndex={-1}>
              {t('story.excerpts.title')}
            </h2>
            {story.excerpts.length === 0 ? (
              <p className="hint">{t('story.excerpts.empty')}</p>
            ) : (
              <ul className="excerpt-list">
                {story.excerpts.map((excerpt) => (
                  <li key={excerpt.id} className="excerpt">
                    <p className="excerpt__theme">
                      <ThemeChip themeId={excerpt.themeId} /> <span className="excerpt__field">{t(`story.fields.${excerpt.field}`)}</span>
                    </p>
                    <blockquote className="excerpt__quote" lang={lang} dir="auto">
                      {excerpt.text}
                    </blockquote>
                    <button type="button" className="button-link" aria-label={t('story.excerpts.remove', { excerpt: excerptTitle(excerpt) })} onClick={() => void removeExcerpt(excerpt)}>
                      {t('story.excerpts.removeShort')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <SuggestionList story={story} lang={lang} themeName={themeName} onAccept={(themeId) => void acceptSuggestion(themeId)} onReject={(themeId) => void rejectSuggestion(themeId)} />

          <Notes story={story} onAdded={setStory} />
        </div>
      </div>

      <div className={`action-status${status?.error === true ? ' action-status--error' : ''}`} role="status">
        {status === undefined ? null : (
          <div className="action-status__inner">
            <p className="action-status__text">{status.text}</p>
            {status.undo === undefined ? null : (
              <button type="button" className="button button--secondary action-status__button" onClick={() => void undo()}>
                {t('story.undo.button')}
              </button>
            )}
            {status.reload === true ? (
              <button type="button" className="button button--secondary action-status__button" onClick={() => setGeneration((value) => value + 1)}>
                {t('story.reload')}
              </button>
            ) : null}
          </div>
        )}
      </div>

      <Dialog open={dialog === 'excerpt'} onClose={() => setDialog(undefined)} title={t('story.excerptDialog.title')} titleId="excerpt-dialog-title">
        {pendingSelection === undefined ? null : (
          <>
            <p>
              {t('story.excerptDialog.text', { field: t(`story.fields.${pendingSelection.field}`) })}{' '}
              <q lang={lang} dir="auto">
                {pendingSelection.text}
              </q>
            </p>
            <ThemePicker
              label={t('story.excerptDialog.theme')}
              autoFocus
              onPick={(option) => {
                setDialog(undefined);
                void addExcerpt(pendingSelection, option.theme.id);
              }}
            />
          </>
        )}
        <form method="dialog">
          <button className="button button--secondary" type="submit">
            {t('dialog.cancel')}
          </button>
        </form>
      </Dialog>

      <Dialog open={dialog === 'redact'} onClose={() => setDialog(undefined)} title={t('story.redact.title')} titleId="redact-dialog-title">
        {pendingSelection === undefined ? null : (
          <>
            <p>
              {t('story.redact.text', { field: t(`story.fields.${pendingSelection.field}`), redacted: REDACTED })}{' '}
              <q lang={lang} dir="auto">
                {pendingSelection.text}
              </q>
            </p>
            <div className="notice notice--important">
              <p>
                <strong>{t('story.redact.warning')}</strong>
              </p>
            </div>
            <div className="button-group">
              <button
                type="button"
                className="button button--warning"
                onClick={() => {
                  setDialog(undefined);
                  void redact(pendingSelection);
                }}
              >
                {t('story.redact.confirm')}
              </button>
              <form method="dialog">
                <button className="button button--secondary" type="submit" data-autofocus>
                  {t('dialog.cancel')}
                </button>
              </form>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
