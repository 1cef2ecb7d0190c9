import { zodResolver } from '@hookform/resolvers/zod';
import {
  AGE_GROUPS,
  CARE_SETTINGS,
  CARE_WHEN,
  CampaignSchema,
  LIMITS,
  LOCALES,
  RELATIONSHIPS,
  RESPONDENT_ROLES,
  SubmissionAcceptedSchema,
  SubmissionSchema,
  TOPICS,
  genericIssueKey,
  type Campaign,
  type Locale,
  type SubmissionAccepted,
  type SubmissionInput,
} from '@medskapa/api/contract';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useFormContext, useWatch, type FieldErrors as HookFieldErrors, type FieldPath, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { emptyValues, hasRelative, normaliseValues, toSubmission, type FormValues } from '../../feedback/formValues.ts';
import enValidation from '../../i18n/locales/en/validation.json';
import svValidation from '../../i18n/locales/sv/validation.json';
import { ApiError, api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSession } from '../session.tsx';
import { request } from './http.ts';
import { ErrorSummary, FieldError, Status, controlId, useFailureText, type SummaryItem } from './ui.tsx';

const FORM = 'assisted';

/** The public form's answers, plus what the person would have chosen on the form's first page. */
export type AssistedValues = FormValues & { locale: '' | Locale; campaign: string };

/** Every answer's path in the order the page asks it; the error summary follows this order. */
const FIELD_ORDER = [
  'locale',
  'campaign',
  'respondent.role',
  'respondent.relationship',
  'respondent.ageGroup',
  'care.settings',
  'care.unit',
  'care.when',
  'topics',
  'story.whatHappened',
  'story.whatWorkedWell',
  'story.whatCouldBeBetter',
  'story.idea',
  'rating',
  'takePart',
  'followUp.name',
  'followUp.email',
  'followUp.phone',
  'followUp.preferredLanguage',
  'followUp.accessNeeds',
  'consent.contactProcessing',
  'consent.storyProcessing',
] as const;

function emptyAssisted(): AssistedValues {
  return { ...emptyValues(), takePart: 'no', locale: '', campaign: '' };
}

function isLocale(value: string): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

/** What the API receives: the public form's mapping, with the assisted channel and the chosen language. */
export function toAssistedSubmission(values: AssistedValues): SubmissionInput {
  const normalised = normaliseValues(values);
  const campaign = values.campaign.trim();
  const submission = toSubmission(normalised, { locale: isLocale(values.locale) ? values.locale : 'sv', channel: 'web', campaign: campaign === '' ? undefined : campaign });
  // No language chosen: left out, so the contract names the field.
  const rest: Partial<SubmissionInput> = { ...submission };
  delete rest.locale;
  return { ...rest, ...(isLocale(values.locale) ? { locale: values.locale } : {}), channel: 'assisted' } as SubmissionInput;
}

/** The contract's SubmissionSchema, through zodResolver, on what would be sent. */
const assistedResolver: Resolver<AssistedValues> = async (values) => {
  const resolve = zodResolver(SubmissionSchema, { error: genericIssueKey });
  const { errors } = await resolve(toAssistedSubmission(values), undefined, { fields: {}, shouldUseNativeValidation: false });
  if (Object.keys(errors).length === 0) return { values, errors: {} };
  return { values: {}, errors: errors as HookFieldErrors<AssistedValues> };
};

function flattenErrors(errors: HookFieldErrors<AssistedValues>, prefix = ''): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null || typeof value !== 'object') continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if ('message' in value && typeof value.message === 'string') found.push([path, value.message]);
    else found.push(...flattenErrors(value as HookFieldErrors<AssistedValues>, path));
  }
  return found;
}

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A message for the contract's key: the staff wording where the public form's speaks to the person, else the form's. */
function useValidationText(): (key: string) => string {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  return (key) => {
    if (i18n.exists(`assisted.errors.${key}`, { ns: 'admin' })) return t(`assisted.errors.${key}`);
    return lookup(language === 'en' ? enValidation : svValidation, key) ?? lookup(svValidation, key) ?? t('errors.general');
  };
}

/** The id of a field's control, or of a group's first option (where the error summary sends focus). */
const fieldControlId = (path: string) => controlId(FORM, path);

/** A staff member enters a story on someone's behalf: every question of the public form on one page. */
export function AssistedEntryScreen() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const failure = useFailureText();
  const validationText = useValidationText();
  const form = useForm<AssistedValues>({ defaultValues: emptyAssisted(), resolver: assistedResolver, shouldFocusError: false });
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [receipt, setReceipt] = useState<SubmissionAccepted | undefined>(undefined);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const attemptKey = useRef<{ key: string; body: string } | undefined>(undefined);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const canListCampaigns = session.hasRole('facilitator', 'admin');

  useEffect(() => {
    if (!canListCampaigns) return;
    api('/api/v1/campaigns', { parse: z.array(CampaignSchema).parse }).then(setCampaigns, () => setCampaigns([]));
  }, [canListCampaigns]);

  useEffect(() => {
    if (receipt !== undefined) receiptHeading.current?.focus();
  }, [receipt]);

  const send = async (values: AssistedValues) => {
    setProblem(undefined);
    const body = toAssistedSubmission(values);
    const serialised = JSON.stringify(body);
    // The same story sent again (a lost answer) keeps its key, so it is stored once; a changed story gets a new one.
    if (attemptKey.current?.body !== serialised) attemptKey.current = { key: crypto.randomUUID(), body: serialised };
    try {
      const { value } = await request('/api/v1/submissions', {
        method: 'POST',
        body,
        csrfToken: session.csrfToken,
        headers: { 'Idempotency-Key': attemptKey.current.key },
        parse: SubmissionAcceptedSchema.parse,
      });
      attemptKey.current = undefined;
      form.reset(emptyAssisted());
      setReceipt(value);
    } catch (error) {
      // Signed out meanwhile: the server refuses the assisted channel; say so plainly, the answers stay on the page.
      const channel = error instanceof ApiError ? error.fields['channel'] : undefined;
      if (channel !== undefined) {
        setProblem(validationText(channel));
        return;
      }
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        for (const [path, key] of Object.entries(error.fields)) {
          if (FIELD_ORDER.some((field) => field === path)) form.setError(path as FieldPath<AssistedValues>, { type: 'server', message: key });
        }
        setAttempt((value) => value + 1);
        if (!Object.keys(error.fields).some((path) => FIELD_ORDER.some((field) => field === path))) setProblem(failure(error));
        return;
      }
      setProblem(failure(error));
    }
  };

  const errors = flattenErrors(form.formState.errors);
  const messages = new Map(errors.map(([path, key]) => [path, validationText(key)]));
  const items: SummaryItem[] = [...FIELD_ORDER.filter((path) => messages.has(path)), ...[...messages.keys()].filter((path) => !FIELD_ORDER.some((field) => field === path))].map((path) => ({
    id: fieldControlId(path),
    message: messages.get(path) ?? '',
  }));
  const error = (path: string) => messages.get(path);

  if (receipt !== undefined) {
    return (
      <div>
        <PageHeading title={t('assisted.title')} />
        <div className="panel receipt-panel">
          <h2 className="panel__title" tabIndex={-1} ref={receiptHeading}>
            {t('assisted.doneTitle')}
          </h2>
          <p className="panel__body">
            {t('assisted.receiptLabel')}
            <br />
            <strong className="receipt-code">{receipt.receiptCode}</strong>
          </p>
        </div>
        <p>{t('assisted.receiptHandOver', { url: `${window.location.origin}/receipt` })}</p>
        {receipt.redactions.length === 0 ? null : <p className="inset">{t('assisted.redacted')}</p>}
        <button type="button" className="button" onClick={() => setReceipt(undefined)}>
          {t('assisted.another')}
        </button>
      </div>
    );
  }

  const takePart = form.watch('takePart');
  const role = form.watch('respondent.role');
  const storyLocale = form.watch('locale');
  const textLang = isLocale(storyLocale) ? (storyLocale === 'sv-x-lattlast' ? 'sv' : storyLocale) : undefined;
  return (
    <div>
      <PageHeading title={t('assisted.title')} hasErrors={items.length > 0} />
      <p className="lead">{t('assisted.lead')}</p>
      <p>{t('assisted.howTo')}</p>
      <FormProvider {...form}>
        <form
          noValidate
          onSubmit={(event) => {
            void form.handleSubmit(send, () => setAttempt((value) => value + 1))(event);
          }}
        >
          <ErrorSummary items={items} attempt={attempt} titleId="assisted-errors" />
          <Status message={problem} tone="error" />

          <h2 className="heading-medium">{t('assisted.section.about')}</h2>
          <SelectField path="locale" label={t('assisted.field.locale')} hint={t('assisted.field.localeHint')} error={error('locale')}>
            <option value="">{t('assisted.field.choose')}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`languages.${locale}`)}
              </option>
            ))}
          </SelectField>
          {campaigns.length === 0 ? null : (
            <SelectField path="campaign" label={t('assisted.field.campaign')} hint={t('assisted.field.campaignHint')} optional error={error('campaign')}>
              <option value="">{t('assisted.field.noCampaign')}</option>
              {campaigns.map((campaign) => (
                <option key={campaign.code} value={campaign.code}>
                  {campaign.name} ({campaign.code})
                </option>
              ))}
            </SelectField>
          )}

          <h2 className="heading-medium">{t('assisted.section.person')}</h2>
          <ChoiceGroup type="radio" path="respondent.role" legend={t('assisted.field.role')} options={RESPONDENT_ROLES.map((value) => ({ value, label: t(`assisted.role.${value}`) }))} error={error('respondent.role')} />
          {hasRelative(role) ? (
            <ChoiceGroup
              type="radio"
              path="respondent.relationship"
              legend={t('assisted.field.relationship')}
              optional
              options={RELATIONSHIPS.map((value) => ({ value, label: t(`assisted.relationship.${value}`) }))}
              error={error('respondent.relationship')}
            />
          ) : null}
          <SelectField path="respondent.ageGroup" label={t('assisted.field.ageGroup')} optional error={error('respondent.ageGroup')}>
            <option value="">{t('assisted.field.notAsked')}</option>
            {AGE_GROUPS.map((value) => (
              <option key={value} value={value}>
                {t(`assisted.age.${value}`)}
              </option>
            ))}
          </SelectField>

          <h2 className="heading-medium">{t('assisted.section.care')}</h2>
          <ChoiceGroup
            type="checkbox"
            path="care.settings"
            legend={t('assisted.field.careSettings')}
            hint={t('assisted.field.careSettingsHint', { max: LIMITS.careSettingsMax })}
            options={CARE_SETTINGS.map((value) => ({ value, label: t(`careSettings.${value}`) }))}
            error={error('care.settings')}
          />
          <TextField path="care.unit" label={t('assisted.field.unit')} hint={t('assisted.field.unitHint')} optional error={error('care.unit')} lang={textLang} />
          <ChoiceGroup type="radio" path="care.when" legend={t('assisted.field.when')} options={CARE_WHEN.map((value) => ({ value, label: t(`assisted.when.${value}`) }))} error={error('care.when')} />

          <h2 className="heading-medium">{t('assisted.section.story')}</h2>
          <ChoiceGroup
            type="checkbox"
            path="topics"
            legend={t('assisted.field.topics')}
            hint={t('assisted.field.topicsHint', { max: LIMITS.topicsMax })}
            optional
            options={TOPICS.map((value) => ({ value, label: t(`assisted.topic.${value}`) }))}
            error={error('topics')}
          />
          <TextAreaField path="story.whatHappened" label={t('assisted.field.whatHappened')} hint={t('assisted.field.whatHappenedHint', { min: LIMITS.whatHappenedMin, max: LIMITS.whatHappenedMax })} rows={8} error={error('story.whatHappened')} lang={textLang} />
          <TextAreaField path="story.whatWorkedWell" label={t('assisted.field.whatWorkedWell')} optional error={error('story.whatWorkedWell')} lang={textLang} />
          <TextAreaField path="story.whatCouldBeBetter" label={t('assisted.field.whatCouldBeBetter')} optional error={error('story.whatCouldBeBetter')} lang={textLang} />
          <TextAreaField path="story.idea" label={t('assisted.field.idea')} optional error={error('story.idea')} lang={textLang} />
          <ChoiceGroup
            type="radio"
            path="rating"
            legend={t('assisted.field.rating')}
            optional
            options={[...(['1', '2', '3', '4', '5'] as const).map((value) => ({ value, label: t(`assisted.rating.${value}`) })), { value: '', label: t('assisted.rating.none') }]}
            error={error('rating')}
          />

          <h2 className="heading-medium">{t('assisted.section.contact')}</h2>
          <ChoiceGroup
            type="radio"
            path="takePart"
            legend={t('assisted.field.takePart')}
            hint={t('assisted.field.takePartHint')}
            options={[
              { value: 'no', label: t('assisted.takePart.no') },
              { value: 'yes', label: t('assisted.takePart.yes') },
            ]}
            error={error('takePart')}
          />
          {takePart === 'yes' ? (
            <div className="conditional">
              <TextField path="followUp.name" label={t('assisted.field.name')} error={error('followUp.name')} autoComplete="off" />
              <TextField path="followUp.email" label={t('assisted.field.email')} hint={t('assisted.field.contactHint')} type="email" optional error={error('followUp.email')} autoComplete="off" />
              <TextField path="followUp.phone" label={t('assisted.field.phone')} type="tel" optional error={error('followUp.phone')} autoComplete="off" />
              <SelectField path="followUp.preferredLanguage" label={t('assisted.field.preferredLanguage')} optional error={error('followUp.preferredLanguage')}>
                <option value="">{t('assisted.field.notAsked')}</option>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {t(`languages.${locale}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField path="followUp.accessNeeds" label={t('assisted.field.accessNeeds')} hint={t('assisted.field.accessNeedsHint')} optional rows={3} error={error('followUp.accessNeeds')} lang={textLang} />
              <ConsentBox path="consent.contactProcessing" label={t('assisted.field.contactConsent')} error={error('consent.contactProcessing')} />
            </div>
          ) : null}

          <h2 className="heading-medium">{t('assisted.section.consent')}</h2>
          <div className="inset">
            <p>{t('assisted.consentRead')}</p>
            <ul className="list">
              <li>{t('assisted.consentStored')}</li>
              <li>{t('assisted.consentUse')}</li>
              <li>{t('assisted.consentWithdraw')}</li>
            </ul>
          </div>
          <ConsentBox path="consent.storyProcessing" label={t('assisted.field.storyConsent')} error={error('consent.storyProcessing')} />

          <button type="submit" className="button" disabled={form.formState.isSubmitting}>
            {t('assisted.submit')}
          </button>
        </form>
      </FormProvider>
    </div>
  );
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])];
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Label({ id, label, optional }: { id: string; label: string; optional: boolean | undefined }) {
  const { t } = useTranslation('admin');
  return (
    <label className="label" htmlFor={id}>
      {label} {optional === true ? <span className="optional">{t('common.optional')}</span> : null}
    </label>
  );
}

interface FieldProps {
  readonly path: FieldPath<AssistedValues>;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly optional?: boolean;
  readonly error: string | undefined;
}

function TextField({ path, label, hint, optional, error, type = 'text', autoComplete = 'off', lang }: FieldProps & { type?: 'text' | 'email' | 'tel'; autoComplete?: string; lang?: string | undefined }) {
  const { register } = useFormContext<AssistedValues>();
  const id = fieldControlId(path);
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <Label id={id} label={label} optional={optional} />
      {hint === undefined ? null : (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      <input
        className="input"
        id={id}
        type={type}
        dir="auto"
        lang={lang}
        autoComplete={autoComplete}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}
        {...register(path)}
      />
    </div>
  );
}

function TextAreaField({ path, label, hint, optional, error, rows = 4, lang }: FieldProps & { rows?: number; lang?: string | undefined }) {
  const { register, control } = useFormContext<AssistedValues>();
  const { t } = useTranslation('admin');
  const id = fieldControlId(path);
  const value = useWatch({ control, name: path });
  const max = path === 'story.whatHappened' ? LIMITS.whatHappenedMax : path === 'followUp.accessNeeds' ? LIMITS.accessNeedsMax : LIMITS.storyFieldMax;
  const length = typeof value === 'string' ? [...value].length : 0;
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <Label id={id} label={label} optional={optional} />
      {hint === undefined ? null : (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      <textarea
        className="textarea"
        id={id}
        rows={rows}
        dir="auto"
        lang={lang}
        spellCheck
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}
        {...register(path)}
      />
      <p className={length > max ? 'character-count character-count--over' : 'character-count'}>{t('assisted.count', { length, max })}</p>
    </div>
  );
}

function SelectField({ path, label, hint, optional, error, children }: FieldProps & { children: ReactNode }) {
  const { register } = useFormContext<AssistedValues>();
  const id = fieldControlId(path);
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <Label id={id} label={label} optional={optional} />
      {hint === undefined ? null : (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      <select className="select" id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy(id, hint !== undefined, error !== undefined)} {...register(path)}>
        {children}
      </select>
    </div>
  );
}

function ChoiceGroup({
  type,
  path,
  legend,
  hint,
  optional,
  options,
  error,
}: {
  type: 'radio' | 'checkbox';
  path: FieldPath<AssistedValues>;
  legend: string;
  hint?: string;
  optional?: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
  error: string | undefined;
}) {
  const { register } = useFormContext<AssistedValues>();
  const { t } = useTranslation('admin');
  const id = fieldControlId(path);
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}>
        <legend className="fieldset__legend">
          {legend} {optional === true ? <span className="optional">{t('common.optional')}</span> : null}
        </legend>
        {hint === undefined ? null : (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <FieldError id={id} message={error} />
        <div className={type === 'radio' ? 'radios' : 'checkboxes'}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value === '' ? 'none' : option.value}`;
            return (
              <div className="choice" key={option.value}>
                <input className="choice__input" type={type} id={optionId} value={option.value} aria-invalid={error === undefined ? undefined : true} {...register(path)} />
                <label className="choice__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function ConsentBox({ path, label, error }: { path: 'consent.storyProcessing' | 'consent.contactProcessing'; label: string; error: string | undefined }) {
  const { register } = useFormContext<AssistedValues>();
  const id = fieldControlId(path);
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <FieldError id={id} message={error} />
      <div className="choice">
        <input className="choice__input" type="checkbox" id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={error === undefined ? undefined : `${id}-error`} {...register(path)} />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
