import {
  BulkTagResultSchema,
  CampaignSchema,
  CAMPAIGN_PHASES,
  CARE_SETTINGS,
  LOCALES,
  RESPONDENT_ROLES,
  STORY_STATUSES,
  StoryPageSchema,
  type Campaign,
  type StorySummary,
} from '@medskapa/api/contract';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiError } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ThemeChip } from '../components/ThemeChip.tsx';
import { ThemeSelect } from '../components/ThemeSelect.tsx';
import { formatDay, storyLang } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useShortcuts } from '../shortcuts.tsx';
import { useLanguage, useThemes } from '../themes.tsx';
import { FILTER_KEYS, filtersFromSearch, hasFilters, rememberInboxSearch, searchFromFilters, type FilterKey, type Filters } from './filters.ts';

const PAGE_SIZE = 25;
const CampaignListSchema = z.array(CampaignSchema);

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly invalidFilter: boolean }
  | { readonly status: 'ready'; readonly items: ReadonlyArray<StorySummary>; readonly total: number; readonly nextCursor: string | undefined };

function useCampaigns(): ReadonlyArray<Campaign> {
  const [campaigns, setCampaigns] = useState<ReadonlyArray<Campaign>>([]);
  useEffect(() => {
    let cancelled = false;
    api('/api/v1/campaigns', { parse: (value) => CampaignListSchema.parse(value) })
      .then((list) => {
        if (!cancelled) setCampaigns(list);
      })
      .catch(() => {
        // The campaign filter then offers no campaigns; every other filter still works.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return campaigns;
}

function SelectField({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <div className="form-group form-group--compact">
      <label className="label label--small" htmlFor={id}>
        {label}
      </label>
      <select className="select" id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

function FilterForm({ applied, onApply }: { applied: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation('core');
  const campaigns = useCampaigns();
  const [draft, setDraft] = useState<Filters>(applied);
  // Back and forward change the URL: the form shows what the list shows.
  const appliedKey = searchFromFilters(applied);
  useEffect(() => setDraft(filtersFromSearch(appliedKey)), [appliedKey]);
  const value = (key: FilterKey) => draft[key] ?? '';
  const set = (key: FilterKey) => (next: string) => setDraft((current) => ({ ...current, [key]: next }));
  const flag = (key: FilterKey) => (checked: boolean) => setDraft((current) => ({ ...current, [key]: checked ? 'true' : '' }));
  const any = t('inbox.filters.any');
  const detailsOpen = FILTER_KEYS.some((key) => key !== 'q' && applied[key] !== undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };

  const checkbox = (key: FilterKey, label: string) => (
    <div className="choice choice--small">
      <input className="choice__input" type="checkbox" id={`filter-${key}`} checked={value(key) === 'true'} onChange={(event) => flag(key)(event.target.checked)} />
      <label className="choice__label" htmlFor={`filter-${key}`}>
        {label}
      </label>
    </div>
  );

  return (
    <form className="filters" role="search" aria-label={t('inbox.filters.label')} onSubmit={submit} noValidate>
      <div className="form-group form-group--compact">
        <label className="label" htmlFor="filter-q">
          {t('inbox.filters.q')}
        </label>
        <p className="hint" id="filter-q-hint">
          {t('inbox.filters.qHint')}
        </p>
        <input className="input" type="search" id="filter-q" dir="auto" aria-describedby="filter-q-hint" value={value('q')} onChange={(event) => set('q')(event.target.value)} />
      </div>
      <details className="filters__more" open={detailsOpen ? true : undefined}>
        <summary className="filters__summary" id="filters-toggle">{t('inbox.filters.more')}</summary>
        <div className="filters__grid">
          <SelectField id="filter-status" label={t('inbox.filters.status')} value={value('status')} onChange={set('status')}>
            <option value="">{any}</option>
            {STORY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </SelectField>
          <div className="form-group form-group--compact">
            <label className="label label--small" htmlFor="filter-theme">
              {t('inbox.filters.theme')}
            </label>
            <ThemeSelect id="filter-theme" value={value('theme')} onChange={set('theme')} emptyLabel={any} includeArchived />
          </div>
          <SelectField id="filter-campaign" label={t('inbox.filters.campaign')} value={value('campaign')} onChange={set('campaign')}>
            <option value="">{any}</option>
            {campaigns.map((campaign) => (
              <option key={campaign.code} value={campaign.code}>
                {campaign.name}
              </option>
            ))}
          </SelectField>
          <div className="form-group form-group--compact">
            <label className="label label--small" htmlFor="filter-site">
              {t('inbox.filters.site')}
            </label>
            <input className="input" id="filter-site" type="text" value={value('site')} onChange={(event) => set('site')(event.target.value)} />
          </div>
          <div className="form-group form-group--compact">
            <label className="label label--small" htmlFor="filter-wave">
              {t('inbox.filters.wave')}
            </label>
            <input className="input input--short" id="filter-wave" type="text" inputMode="numeric" value={value('wave')} onChange={(event) => set('wave')(event.target.value)} />
          </div>
          <SelectField id="filter-phase" label={t('inbox.filters.phase')} value={value('phase')} onChange={set('phase')}>
            <option value="">{any}</option>
            {CAMPAIGN_PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {t(`lists.phase.${phase}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-careSetting" label={t('inbox.filters.careSetting')} value={value('careSetting')} onChange={set('careSetting')}>
            <option value="">{any}</option>
            {CARE_SETTINGS.map((setting) => (
              <option key={setting} value={setting}>
                {t(`lists.careSetting.${setting}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-role" label={t('inbox.filters.role')} value={value('role')} onChange={set('role')}>
            <option value="">{any}</option>
            {RESPONDENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`lists.role.${role}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-locale" label={t('inbox.filters.locale')} value={value('locale')} onChange={set('locale')}>
            <option value="">{any}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`lists.locale.${locale}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-rating" label={t('inbox.filters.rating')} value={value('rating')} onChange={set('rating')}>
            <option value="">{any}</option>
            {[1, 2, 3, 4, 5].map((rating) => (
              <option key={rating} value={String(rating)}>
                {t('inbox.ratingValue', { rating })}
              </option>
            ))}
          </SelectField>
          <div className="form-group form-group--compact">
            <label className="label label--small" htmlFor="filter-from">
              {t('inbox.filters.from')}
            </label>
            <input className="input" id="filter-from" type="date" value={value('from')} onChange={(event) => set('from')(event.target.value)} />
          </div>
          <div className="form-group form-group--compact">
            <label className="label label--small" htmlFor="filter-to">
              {t('inbox.filters.to')}
            </label>
            <input className="input" id="filter-to" type="date" value={value('to')} onChange={(event) => set('to')(event.target.value)} />
          </div>
          <fieldset className="fieldset filters__flags">
            <legend className="label label--small">{t('inbox.filters.flags')}</legend>
            {checkbox('untagged', t('inbox.filters.untagged'))}
            {checkbox('attention', t('inbox.filters.attention'))}
          </fieldset>
        </div>
      </details>
      <div className="button-group">
        <button className="button" type="submit" id="filters-apply">
          {t('inbox.filters.apply')}
        </button>
        {hasFilters(applied) ? (
          <Link className="button-link" to="/backoffice/inbox">
            {t('inbox.filters.clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function StoryItem({ story, selected, onSelect }: { story: StorySummary; selected: boolean; onSelect: (selected: boolean) => void }) {
  const { t } = useTranslation('core');
  const language = useLanguage();
  const day = formatDay(story.receivedOn, language);
  return (
    <li className={`story-item${selected ? ' story-item--selected' : ''}`} data-story-id={story.id}>
      <div className="story-item__select">
        <input className="choice__input" type="checkbox" id={`select-${story.id}`} checked={selected} onChange={(event) => onSelect(event.target.checked)} />
        <label className="visually-hidden" htmlFor={`select-${story.id}`}>
          {t('inbox.selectStory', { day })}
        </label>
      </div>
      <div className="story-item__body">
        <h3 className="story-item__title">
          <Link className="story-item__link" to={`/backoffice/stories/${encodeURIComponent(story.id)}`}>
            {t('inbox.storyTitle', { day })}
          </Link>
        </h3>
        <ul className="meta-list">
          <li>
            <span className={`status-tag status-tag--${story.status}`}>{t(`status.${story.status}`)}</span>
          </li>
          {story.needsAttention ? (
            <li>
              <span className="attention-flag">
                <span aria-hidden="true">⚑ </span>
                {t('story.needsAttention')}
              </span>
            </li>
          ) : null}
          <li>{t(`lists.locale.${story.locale}`)}</li>
          {story.rating === undefined ? null : <li>{t('inbox.ratingValue', { rating: story.rating })}</li>}
          {story.campaignContext?.site === undefined ? null : <li>{story.campaignContext.site}</li>}
        </ul>
        <p className="story-item__preview" lang={storyLang(story.locale)} dir="auto">
          {story.preview}
        </p>
        {story.themes.length === 0 ? (
          <p className="story-item__untagged">{t('inbox.noThemes')}</p>
        ) : (
          <ul className="chip-list" aria-label={t('inbox.themesLabel')}>
            {story.themes.map((themeId) => (
              <li key={themeId}>
                <ThemeChip themeId={themeId} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

function BulkTagForm({ selected, onDone }: { selected: ReadonlyArray<string>; onDone: () => void }) {
  const { t } = useTranslation('core');
  const { byId, reload } = useThemes();
  const [themeId, setThemeId] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (selected.length === 0) {
      setMessage({ text: t('inbox.bulk.noneSelected'), error: true });
      return;
    }
    if (themeId === '') {
      setMessage({ text: t('inbox.bulk.noTheme'), error: true });
      return;
    }
    setBusy(true);
    try {
      const result = await api('/api/v1/stories/bulk-tags', { method: 'POST', body: { themeId, storyIds: selected }, parse: (value) => BulkTagResultSchema.parse(value) });
      const theme = byId.get(themeId)?.label ?? '';
      const parts = [t('inbox.bulk.tagged', { count: result.tagged, theme })];
      if (result.alreadyTagged > 0) parts.push(t('inbox.bulk.alreadyTagged', { count: result.alreadyTagged }));
      setMessage({ text: parts.join(' '), error: false });
      reload();
      onDone();
    } catch {
      setMessage({ text: t('inbox.bulk.failed'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bulk-tag" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="bulk-title">
      <h2 className="heading-small" id="bulk-title">
        {t('inbox.bulk.title')}
      </h2>
      <div className="bulk-tag__row">
        <div className="form-group form-group--compact">
          <label className="label label--small" htmlFor="bulk-theme">
            {t('inbox.bulk.theme')}
          </label>
          <ThemeSelect id="bulk-theme" value={themeId} onChange={setThemeId} emptyLabel={t('inbox.bulk.chooseTheme')} />
        </div>
        <button className="button button--secondary" type="submit">
          {t('inbox.bulk.apply', { count: selected.length })}
        </button>
      </div>
      <p className={`bulk-tag__message${message?.error === true ? ' bulk-tag__message--error' : ''}`} role="status">
        {message?.text ?? ''}
      </p>
    </form>
  );
}

/** The facilitator's inbox: filters in the URL, a list with keyset pagination, selection and bulk tagging. */
export function InboxPage() {
  const { t } = useTranslation('core');
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const query = searchFromFilters(filters);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [generation, setGeneration] = useState(0);
  const [moreBusy, setMoreBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndexAfterLoad = useRef<number | undefined>(undefined);
  const loadedQuery = useRef<string | undefined>(undefined);

  useEffect(() => rememberInboxSearch(query), [query]);

  useEffect(() => {
    let cancelled = false;
    // New filters clear the list; a refresh (after bulk tagging) keeps it on screen, and keeps focus where it is.
    if (loadedQuery.current !== query) setLoad({ status: 'loading' });
    loadedQuery.current = query;
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE_SIZE));
    api(`/api/v1/stories?${params.toString()}`, { parse: (value) => StoryPageSchema.parse(value) })
      .then((page) => {
        if (cancelled) return;
        setLoad({ status: 'ready', items: page.items, total: page.total, nextCursor: page.nextCursor });
        setSelected((current) => new Set([...current].filter((id) => page.items.some((item) => item.id === id))));
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoad({ status: 'failed', invalidFilter: error instanceof ApiError && error.status === 400 });
      });
    return () => {
      cancelled = true;
    };
  }, [query, generation]);

  useEffect(() => {
    const index = focusIndexAfterLoad.current;
    if (index === undefined || load.status !== 'ready') return;
    focusIndexAfterLoad.current = undefined;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('.story-item__link')[index]?.focus();
  }, [load]);

  const loadMore = async () => {
    if (load.status !== 'ready' || load.nextCursor === undefined || moreBusy) return;
    setMoreBusy(true);
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE_SIZE));
    params.set('after', load.nextCursor);
    try {
      const page = await api(`/api/v1/stories?${params.toString()}`, { parse: (value) => StoryPageSchema.parse(value) });
      focusIndexAfterLoad.current = load.items.length;
      setLoad({ status: 'ready', items: [...load.items, ...page.items], total: page.total, nextCursor: page.nextCursor });
    } catch {
      setLoad({ status: 'failed', invalidFilter: false });
    } finally {
      setMoreBusy(false);
    }
  };

  const links = () => [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('.story-item__link') ?? [])];
  const move = (step: number) => {
    const list = links();
    if (list.length === 0) return;
    const index = list.findIndex((link) => link === document.activeElement || link.closest('li')?.contains(document.activeElement) === true);
    const next = list[index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step))];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  };
  const toggleCurrent = () => {
    const item = document.activeElement?.closest<HTMLElement>('.story-item');
    const id = item?.dataset['storyId'];
    if (id !== undefined) toggle(id, !selected.has(id));
  };
  useShortcuts({ j: () => move(1), k: () => move(-1), x: toggleCurrent });

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const items = load.status === 'ready' ? load.items : [];
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));

  return (
    <>
      <PageHeading title={t('inbox.title')} />
      <FilterForm applied={filters} onApply={(next) => navigate(`/backoffice/inbox${searchFromFilters(next)}`, { focus: false })} />
      <section className="results" aria-labelledby="results-title">
        <h2 className="heading-medium" id="results-title">
          {t('inbox.results')}
        </h2>
        <p className="results__count" role="status">
          {load.status === 'loading' ? t('inbox.loading') : load.status === 'failed' ? '' : t('inbox.count', { count: load.total })}
        </p>
        {load.status === 'failed' ? (
          <div className="notice notice--important" role="alert">
            <p>{load.invalidFilter ? t('inbox.invalidFilter') : t('inbox.failed')}</p>
            <button type="button" className="button button--secondary" onClick={() => setGeneration((value) => value + 1)}>
              {t('inbox.retry')}
            </button>
          </div>
        ) : null}
        {load.status === 'ready' && load.items.length === 0 ? (
          <div className="empty-state">
            <p>{hasFilters(filters) ? t('inbox.emptyFiltered') : t('inbox.empty')}</p>
            {hasFilters(filters) ? <Link to="/backoffice/inbox">{t('inbox.filters.clear')}</Link> : null}
          </div>
        ) : null}
        {items.length > 0 ? (
          <>
            <BulkTagForm selected={[...selected]} onDone={() => setGeneration((value) => value + 1)} />
            <div className="choice choice--small select-all">
              <input
                className="choice__input"
                type="checkbox"
                id="select-all"
                checked={allSelected}
                onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())}
              />
              <label className="choice__label" htmlFor="select-all">
                {t('inbox.selectAll', { count: items.length })}
              </label>
            </div>
            <ul className="story-list" ref={listRef}>
              {items.map((story) => (
                <StoryItem key={story.id} story={story} selected={selected.has(story.id)} onSelect={(on) => toggle(story.id, on)} />
              ))}
            </ul>
            {load.status === 'ready' && load.nextCursor !== undefined ? (
              <button type="button" className="button button--secondary" aria-disabled={moreBusy ? true : undefined} onClick={() => void loadMore()}>
                {t('inbox.loadMore')}
              </button>
            ) : (
              <p className="hint">{t('inbox.allShown')}</p>
            )}
          </>
        ) : null}
      </section>
    </>
  );
}
