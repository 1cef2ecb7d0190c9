import type { Locale, SubmissionAccepted } from '@medskapa/api/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormContext, type FieldErrors as HookFieldErrors, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { CheckAnswersPage } from './CheckAnswersPage.tsx';
import { ConfirmationPage, mentionsCrisis } from './ConfirmationPage.tsx';
import { FIELDS, stepOfField, summaryHref } from './fields.ts';
import { STEPS, emptyValues, isStep, normaliseValues, toSubmission, type FormValues, type Step } from './formValues.ts';
import { pendingEntries, saveToOutbox, sendFromOutbox } from './outbox.ts';
import { clearDraft, loadReceipt, saveReceipt } from './persistence.ts';
import { CarePage, ConsentPage, RatingPage, StartPage, StoryPage, TakePartPage, TopicsPage, YouPage, type FieldErrors } from './StepPages.tsx';

const QUESTION_STEPS: ReadonlyArray<Step> = STEPS.filter((step) => step !== 'start' && step !== 'check' && step !== 'done');

function stepFromUrl(): Step {
  const step = new URLSearchParams(window.location.search).get('step');
  return isStep(step) ? step : 'start';
}

function urlFor(step: Step, fromCheck: boolean): string {
  const url = new URL(window.location.href);
  url.pathname = '/';
  if (step === 'start') url.searchParams.delete('step');
  else url.searchParams.set('step', step);
  if (fromCheck) url.searchParams.set('from', 'check');
  else url.searchParams.delete('from');
  return `${url.pathname}${url.search}`;
}

function flattenErrors(errors: HookFieldErrors<FormValues>, prefix = ''): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null || typeof value !== 'object') continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if ('message' in value && typeof value.message === 'string') found.push([path, value.message]);
    else found.push(...flattenErrors(value as HookFieldErrors<FormValues>, path));
  }
  return found;
}

export interface FeedbackContext {
  readonly locale: Locale;
  readonly channel: 'web' | 'kiosk';
  readonly campaign: string | undefined;
}

/** The guided form: one question group per page, validated on Continue, sent through the device outbox. */
export function FeedbackFlow({ context, onFinished }: { context: FeedbackContext; onFinished?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const form = useFormContext<FormValues>();
  const [step, setStep] = useState<Step>(stepFromUrl);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState<'idle' | 'sending' | 'waiting'>('idle');
  const [receipt, setReceipt] = useState<SubmissionAccepted | undefined>(loadReceipt);
  const [crisis, setCrisis] = useState(false);
  const [sendError, setSendError] = useState(false);
  const mainHeadingFocus = useRef(false);

  useEffect(() => {
    const onPop = () => {
      mainHeadingFocus.current = true;
      form.clearErrors();
      setStep(stepFromUrl());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [form]);

  // After moving between pages, focus goes to the new page's heading so screen readers start there.
  useEffect(() => {
    if (!mainHeadingFocus.current) return;
    mainHeadingFocus.current = false;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading !== null) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [step]);

  const go = useCallback(
    (next: Step, fromCheck = false) => {
      mainHeadingFocus.current = true;
      window.history.pushState(null, '', urlFor(next, fromCheck));
      setStep(next);
      window.scrollTo(0, 0);
    },
    [],
  );

  const send = useCallback(async () => {
    const key = crypto.randomUUID();
    const body = toSubmission(normaliseValues(form.getValues()), context);
    setSending('sending');
    await saveToOutbox({ key, body, createdAt: Date.now() });
    const result = await sendFromOutbox({ key, body, createdAt: Date.now() }, (waiting) => setSending(waiting ? 'waiting' : 'sending'));
    setSending('idle');
    if (result.kind === 'accepted') {
      const words: unknown = t('crisis.words', { returnObjects: true });
      const fallbackWords: unknown = t('crisis.words', { returnObjects: true, lng: 'sv' });
      const list = [...(Array.isArray(words) ? words : []), ...(Array.isArray(fallbackWords) ? fallbackWords : [])].filter((word): word is string => typeof word === 'string');
      setCrisis(mentionsCrisis(Object.values(body.story).join('\n'), list));
      setReceipt(result.receipt);
      saveReceipt(result.receipt);
      form.reset(emptyValues());
      // After the reset, which the draft watcher also sees: nothing of the story stays on the device.
      clearDraft();
      go('done');
      return;
    }
    // The server's rejection lands on the same fields, with the same messages, as the form's own checks.
    const entries = Object.entries(result.fields);
    for (const [path, key] of entries) {
      if (FIELDS.some((field) => field.path === path)) form.setError(path as FieldPath<FormValues>, { type: 'server', message: key });
    }
    const first = entries.map(([path]) => stepOfField(path)).find((candidate) => candidate !== undefined);
    setAttempt((value) => value + 1);
    if (first !== undefined) go(first, true);
    else setSendError(true);
  }, [context, form, go, t]);

  // A story left in the outbox by an earlier visit (closed tab, lost network) is sent now.
  useEffect(() => {
    void pendingEntries().then((entries) => {
      for (const entry of entries) void sendFromOutbox(entry, () => {});
    });
  }, []);

  const fromCheck = new URLSearchParams(window.location.search).get('from') === 'check';

  const onContinue = async () => {
    form.clearErrors();
    setSendError(false);
    if (step !== 'start' && step !== 'check') {
      const { validateStep } = await import('./stepValidation.ts');
      const invalid = flattenErrors(await validateStep(step, normaliseValues(form.getValues())));
      if (invalid.length > 0) {
        for (const [path, key] of invalid) form.setError(path as FieldPath<FormValues>, { type: 'validate', message: key });
        setAttempt((value) => value + 1);
        return;
      }
    }
    if (step === 'check') {
      await send();
      return;
    }
    const index = STEPS.indexOf(step);
    const next = fromCheck ? 'check' : (STEPS[index + 1] ?? 'check');
    go(next);
  };

  const errors = flattenErrors(form.formState.errors);
  const translated: Record<string, string> = {};
  for (const [path, key] of errors) translated[path] = t(key, { ns: 'validation' });
  const ordered: SummaryError[] = FIELDS.filter((field) => translated[field.path] !== undefined).map((field) => ({
    href: summaryHref(field.path),
    message: translated[field.path] ?? '',
  }));
  // A rejection that names no field of the form (it should not happen) still gets a plain explanation.
  if (sendError && step === 'check') ordered.push({ href: '#main', message: t('errors.unknown') });
  const pageErrors: FieldErrors = translated;

  if (step === 'done' && receipt !== undefined) {
    return (
      <>
        <PageTitle title={t('done.title')} hasErrors={false} />
        <ConfirmationPage
          receipt={receipt}
          crisis={crisis}
          onAnother={() => {
            setReceipt(undefined);
            saveReceipt(undefined);
            onFinished?.();
            go('start');
          }}
        />
      </>
    );
  }

  const current: Step = step === 'done' ? 'start' : step;
  const questionIndex = QUESTION_STEPS.indexOf(current);
  const titles: Record<Step, string> = {
    start: t('start.title'),
    you: t('you.title'),
    care: t('care.title'),
    topics: t('topics.title'),
    story: t('story.title'),
    rating: t('rating.title'),
    takePart: t('takePart.title'),
    consent: t('consent.title'),
    check: t('check.title'),
    done: t('done.title'),
  };

  return (
    <>
      <PageTitle title={titles[current]} hasErrors={ordered.length > 0} />
      {current === 'start' ? null : (
        <a
          className="back-link"
          href={urlFor(STEPS[Math.max(0, STEPS.indexOf(current) - 1)] ?? 'start', false)}
          onClick={(event) => {
            event.preventDefault();
            window.history.back();
          }}
        >
          {t('shell.back')}
        </a>
      )}
      <ErrorSummary errors={ordered} attempt={attempt} />
      {questionIndex >= 0 ? (
        <p className="step-count">{t('shell.stepOf', { current: questionIndex + 1, total: QUESTION_STEPS.length })}</p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onContinue();
        }}
      >
        {current === 'start' ? <StartPage /> : null}
        {current === 'you' ? <YouPage errors={pageErrors} /> : null}
        {current === 'care' ? <CarePage errors={pageErrors} /> : null}
        {current === 'topics' ? <TopicsPage errors={pageErrors} /> : null}
        {current === 'story' ? <StoryPage errors={pageErrors} /> : null}
        {current === 'rating' ? <RatingPage errors={pageErrors} /> : null}
        {current === 'takePart' ? <TakePartPage errors={pageErrors} /> : null}
        {current === 'consent' ? <ConsentPage errors={pageErrors} /> : null}
        {current === 'check' ? <CheckAnswersPage changeHref={(target) => urlFor(target, true)} onChange={(target) => go(target, true)} /> : null}
        <div aria-live="polite" className="status">
          {sending === 'sending' ? t('check.sending') : sending === 'waiting' ? t('check.waiting') : ''}
        </div>
        <button type="submit" className={current === 'start' ? 'button button--start' : 'button'} disabled={sending !== 'idle'}>
          {current === 'start' ? t('start.begin') : current === 'check' ? t('check.submit') : t('shell.continue')}
        </button>
      </form>
    </>
  );
}
