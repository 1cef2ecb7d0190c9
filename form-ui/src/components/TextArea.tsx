import { useEffect, useState } from 'react';
import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FormValues } from '../feedback/formValues.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { describedBy, fieldId, hintId } from './fieldIds.ts';

type PiiKind = 'id_number' | 'phone' | 'email' | 'address';
type Detect = (text: string) => PiiKind[];

// The masking code is loaded only when someone starts writing, to keep the first page small.
let detectorPromise: Promise<Detect> | undefined;
function loadDetector(): Promise<Detect> {
  detectorPromise ??= import('@medskapa/analysis/masking').then(({ maskPersonalData }) => (text: string) => {
    const counts = maskPersonalData(text).counts;
    return (['id_number', 'phone', 'email', 'address'] as const).filter((kind) => (counts[kind] ?? 0) > 0);
  });
  return detectorPromise;
}

// One formatter per language, not one per text area per keystroke.
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (format === undefined) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (format === undefined) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface TextAreaProps {
  readonly name: FieldPath<FormValues>;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error: string | undefined;
  readonly max: number;
  readonly optionalText?: string | undefined;
  readonly rows?: number;
}

/**
 * A story field: the limit is stated up front, a polite live count follows typing (debounced, so it is not
 * read on every key), nothing is cut, pasting is allowed, and identifiers get a gentle warning.
 */
export function TextArea({ name, label, hint, error, max, optionalText, rows = 5 }: TextAreaProps) {
  const { t, i18n } = useTranslation();
  const { register, control } = useFormContext<FormValues>();
  const value = useWatch({ control, name });
  const text = typeof value === 'string' ? value : '';
  const settled = useDebounced(text, 800);
  const [pii, setPii] = useState<PiiKind[]>([]);

  useEffect(() => {
    let current = true;
    if (settled.trim() === '') {
      setPii([]);
      return;
    }
    void loadDetector().then((detect) => {
      if (current) setPii(detect(settled));
    });
    return () => {
      current = false;
    };
  }, [settled]);

  const id = fieldId(name);
  const countId = `${id}-count`;
  const warningId = `${id}-pii`;
  const left = max - [...settled].length;
  const locale = i18n.resolvedLanguage ?? 'sv';
  const number = numberFormat(locale).format(Math.abs(left));
  const list = listFormat(locale);

  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <label className="label label--large" htmlFor={id}>
        {label} {optionalText === undefined ? null : <span className="optional">{optionalText}</span>}
      </label>
      {hint === undefined ? null : (
        <p className="hint" id={hintId(name)}>
          {hint} {t('story.maxHint', { max: numberFormat(locale).format(max) })}
        </p>
      )}
      <ErrorMessage path={name} message={error} />
      <textarea
        className="textarea"
        id={id}
        rows={rows}
        dir="auto"
        spellCheck
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(name, hint !== undefined, error !== undefined, pii.length > 0 ? [warningId] : [])}
        {...register(name)}
      />
      <p className={left < 0 ? 'character-count character-count--over' : 'character-count'} id={countId} aria-live="polite">
        {left < 0 ? t('story.over', { count: -left, formattedCount: number }) : t('story.remaining', { count: left, formattedCount: number })}
      </p>
      <div aria-live="polite">
        {pii.length === 0 ? null : (
          <p className="warning" id={warningId}>
            {t('story.piiWarning', { what: list.format(pii.map((kind) => t(`story.pii.${kind}`))) })}
          </p>
        )}
      </div>
    </div>
  );
}
