import {
  AgreementCoderOptionSchema,
  AgreementRoundSummarySchema,
  CreateAgreementRoundSchema,
  LOCALES,
  STORY_STATUSES,
  type AgreementCoderOption,
  type AgreementRoundSummary,
} from '@medskapa/api/contract';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { useThemes } from '../../themes.tsx';
import { ErrorSummary, Field, FieldError, controlId, summaryItems, useFailureText, validate, type FieldErrors } from '../ui.tsx';
import { useAgreementErrorText } from './text.ts';

const FORM = 'agreement';
const FIELD_ORDER = ['name', 'coderA', 'coderB', 'size', 'seed', 'filter', 'filter.locale', 'filter.status', 'filter.campaign', 'filter.from', 'filter.to', 'themeIds'];
const CoderListSchema = z.array(AgreementCoderOptionSchema);

interface Draft {
  name: string;
  coderA: string;
  coderB: string;
  size: string;
  seed: string;
  locale: string;
  status: string;
  campaign: string;
  from: string;
  to: string;
  untagged: boolean;
  scope: 'all' | 'chosen';
  themeIds: string[];
}

/** "12" → 12; anything else stays as typed, so the contract's check names the field. */
function wholeNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function bodyOf(draft: Draft): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (draft.locale !== '') filter['locale'] = draft.locale;
  if (draft.status !== '') filter['status'] = draft.status;
  if (draft.campaign.trim() !== '') filter['campaign'] = draft.campaign.trim();
  if (draft.from !== '') filter['from'] = draft.from;
  if (draft.to !== '') filter['to'] = draft.to;
  if (draft.untagged) filter['untagged'] = true;
  const seed = wholeNumber(draft.seed);
  return {
    name: draft.name,
    coderA: draft.coderA,
    coderB: draft.coderB,
    size: wholeNumber(draft.size),
    ...(seed === undefined ? {} : { seed }),
    filter,
    ...(draft.scope === 'chosen' ? { themeIds: draft.themeIds } : {}),
  };
}

/** Starts a round: a name, two coders, the sample (size, seed, filter) and the themes in scope. */
export function CreateRoundForm({ onDone }: { onDone: (created: AgreementRoundSummary | undefined) => void }) {
  const { t } = useTranslation('analysis');
  const core = useTranslation('core').t;
  const session = useSession();
  const themes = useThemes();
  const errorText = useAgreementErrorText();
  const failure = useFailureText();
  const [coders, setCoders] = useState<AgreementCoderOption[] | undefined>(undefined);
  const [draft, setDraft] = useState<Draft>({
    name: '',
    coderA: '',
    coderB: '',
    size: '20',
    seed: '',
    locale: '',
    status: '',
    campaign: '',
    from: '',
    to: '',
    untagged: false,
    scope: 'all',
    themeIds: [],
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api('/api/v1/agreement/coders', { parse: CoderListSchema.parse })
      .then((list) => {
        if (cancelled) return;
        setCoders(list);
        // The person starting a round is often one of its coders.
        if (list.some((coder) => coder.id === session.user.id)) setDraft((current) => (current.coderA === '' ? { ...current, coderA: session.user.id } : current));
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailed(failure(error));
      });
    return () => {
      cancelled = true;
    };
    // Loaded once when the form opens.
  }, []);

  const activeThemes = useMemo(() => themes.ordered.filter((option) => option.theme.status === 'active'), [themes.ordered]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const id = (path: string) => controlId(FORM, path);
  const message = (path: string) => (errors[path] === undefined ? undefined : errorText(errors[path]));
  const summary = summaryItems(FORM, FIELD_ORDER, errors, errorText).map((item) =>
    // The theme list and the filter have no single control: the summary links to the first one.
    item.id === id('themeIds') ? { ...item, id: draft.scope === 'chosen' && activeThemes[0] !== undefined ? `${id('themeIds')}-${activeThemes[0].theme.id}` : id('scope-all') } : item.id === id('filter') ? { ...item, id: id('filter.locale') } : item,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const body = bodyOf(draft);
    const checked = validate(CreateAgreementRoundSchema, body);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const created = await api('/api/v1/agreement/rounds', { method: 'POST', body: checked.value, parse: AgreementRoundSummarySchema.parse });
      setErrors({});
      onDone(created);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setFailed(failure(error));
    } finally {
      setBusy(false);
    }
  };

  const coderSelect = (which: 'coderA' | 'coderB') => (
    <Field id={id(which)} label={t(`agreement.form.${which}`)} hint={which === 'coderA' ? t('agreement.form.coderHint') : undefined} error={message(which)}>
      {(control) => (
        <select className="select" {...control} value={draft[which]} onChange={(event) => set(which, event.target.value)}>
          <option value="">{t('agreement.form.chooseCoder')}</option>
          {(coders ?? []).map((coder) => (
            <option key={coder.id} value={coder.id}>
              {coder.displayName}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="form-panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="agreement-form-title">
      <h2 className="heading-medium" id="agreement-form-title">
        {t('agreement.form.title')}
      </h2>
      <ErrorSummary items={summary} attempt={attempt} titleId="agreement-form-errors" />
      {failed === undefined ? null : (
        <p className="error-message" role="alert">
          {failed}
        </p>
      )}
      <Field id={id('name')} label={t('agreement.form.name')} hint={t('agreement.form.nameHint')} error={message('name')}>
        {(control) => <input className="input" type="text" autoComplete="off" {...control} value={draft.name} onChange={(event) => set('name', event.target.value)} />}
      </Field>
      <div className="form-row">
        {coderSelect('coderA')}
        {coderSelect('coderB')}
      </div>
      <div className="form-row">
        <Field id={id('size')} label={t('agreement.form.size')} hint={t('agreement.form.sizeHint')} error={message('size')}>
          {(control) => <input className="input input--short" type="text" inputMode="numeric" {...control} value={draft.size} onChange={(event) => set('size', event.target.value)} />}
        </Field>
        <Field id={id('seed')} label={t('agreement.form.seed')} hint={t('agreement.form.seedHint')} error={message('seed')} optional>
          {(control) => <input className="input input--short" type="text" inputMode="numeric" {...control} value={draft.seed} onChange={(event) => set('seed', event.target.value)} />}
        </Field>
      </div>

      <fieldset className="fieldset agreement-fieldset" aria-describedby={`${id('filter')}-hint`}>
        <legend className="fieldset__legend">{t('agreement.form.filterLegend')}</legend>
        <p className="hint" id={`${id('filter')}-hint`}>
          {t('agreement.form.filterHint')}
        </p>
        <FieldError id={id('filter')} message={message('filter')} />
        <div className="form-row">
          <Field id={id('filter.locale')} label={core('inbox.filters.locale')} error={message('filter.locale')}>
            {(control) => (
              <select className="select" {...control} value={draft.locale} onChange={(event) => set('locale', event.target.value)}>
                <option value="">{core('inbox.filters.any')}</option>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {core(`lists.locale.${locale}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('filter.status')} label={core('inbox.filters.status')} error={message('filter.status')}>
            {(control) => (
              <select className="select" {...control} value={draft.status} onChange={(event) => set('status', event.target.value)}>
                <option value="">{core('inbox.filters.any')}</option>
                {STORY_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {core(`status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('filter.campaign')} label={t('agreement.form.campaign')} error={message('filter.campaign')}>
            {(control) => <input className="input" type="text" autoComplete="off" {...control} value={draft.campaign} onChange={(event) => set('campaign', event.target.value)} />}
          </Field>
        </div>
        <div className="form-row">
          <Field id={id('filter.from')} label={core('inbox.filters.from')} error={message('filter.from')}>
            {(control) => <input className="input" type="date" {...control} value={draft.from} onChange={(event) => set('from', event.target.value)} />}
          </Field>
          <Field id={id('filter.to')} label={core('inbox.filters.to')} error={message('filter.to')}>
            {(control) => <input className="input" type="date" {...control} value={draft.to} onChange={(event) => set('to', event.target.value)} />}
          </Field>
        </div>
        <div className="choice choice--small">
          <input className="choice__input" type="checkbox" id={id('filter.untagged')} checked={draft.untagged} onChange={(event) => set('untagged', event.target.checked)} />
          <label className="choice__label" htmlFor={id('filter.untagged')}>
            {core('inbox.filters.untagged')}
          </label>
        </div>
      </fieldset>

      <fieldset className="fieldset agreement-fieldset">
        <legend className="fieldset__legend">{t('agreement.form.themesLegend')}</legend>
        <FieldError id={id('themeIds')} message={message('themeIds')} />
        <div className="radios">
          {(['all', 'chosen'] as const).map((scope) => (
            <div className="choice" key={scope}>
              <input className="choice__input" type="radio" name="agreement-scope" id={id(`scope-${scope}`)} checked={draft.scope === scope} onChange={() => set('scope', scope)} />
              <label className="choice__label" htmlFor={id(`scope-${scope}`)}>
                {t(`agreement.form.themes.${scope}`)}
              </label>
            </div>
          ))}
        </div>
        {draft.scope === 'chosen' ? (
          <fieldset className="fieldset conditional">
            <legend className="visually-hidden">{t('agreement.form.themesListLegend')}</legend>
            <div className="checkboxes">
              {activeThemes.map((option) => {
                const themeControl = `${id('themeIds')}-${option.theme.id}`;
                return (
                  <div className="choice choice--small" key={option.theme.id}>
                    <input
                      className="choice__input"
                      type="checkbox"
                      id={themeControl}
                      checked={draft.themeIds.includes(option.theme.id)}
                      onChange={(event) =>
                        set('themeIds', event.target.checked ? [...draft.themeIds, option.theme.id] : draft.themeIds.filter((themeId) => themeId !== option.theme.id))
                      }
                    />
                    <label className="choice__label" htmlFor={themeControl}>
                      {option.path}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ) : null}
      </fieldset>

      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {t('agreement.form.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(undefined)}>
          {t('common.cancel', { ns: 'admin' })}
        </button>
      </div>
    </form>
  );
}
