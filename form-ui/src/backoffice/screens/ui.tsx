import { fieldErrorsFromIssues, genericIssueKey } from '@medskapa/api/contract';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, api } from '../api.ts';
import './screens.css';
import { ErrorSummary as SharedErrorSummary } from '../../components/ErrorSummary.tsx';

/** Field errors of one form: the contract's path (`labels.sv`) → its i18n key (`theme.label.required`). */
export type FieldErrors = Readonly<Record<string, string>>;

/** The same message keys the server sends: a client check and a server rejection read the same. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(input, { error: genericIssueKey });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** The control id of a form's field: `theme` + `labels.sv` → `theme-labels-sv`. */
export function controlId(form: string, path: string): string {
  return `${form}-${path.replaceAll('.', '-')}`;
}

/** The message for an error key, in the admin namespace; an unknown key gets a plain general message. */
export function useErrorText(): (key: string) => string {
  const { t, i18n } = useTranslation('admin');
  return (key) => (i18n.exists(`errors.${key}`, { ns: 'admin' }) ? t(`errors.${key}`) : t('errors.general'));
}

/** A failed call as one sentence for a status line (field errors go next to their fields instead). */
export function useFailureText(): (error: unknown) => string {
  const { t } = useTranslation('admin');
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 409) return t('errors.conflict');
      if (error.status === 503) return t('errors.unavailable');
      if (error.status === 0 || error.status >= 500) return t('errors.server');
      return t('errors.general');
    }
    return t('errors.network');
  };
}

export interface FieldProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly optional?: boolean;
  /** Renders the control with the id and the aria attributes that tie it to the label, hint and error. */
  readonly children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** Label, hint, error message and control, GOV.UK style; the error is read with the field. */
export function Field({ id, label, hint, error, optional = false, children }: FieldProps) {
  const { t } = useTranslation('admin');
  const described = [...(hint === undefined ? [] : [`${id}-hint`]), ...(error === undefined ? [] : [`${id}-error`])].join(' ');
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <label className="label" htmlFor={id}>
        {label} {optional ? <span className="optional">{t('common.optional')}</span> : null}
      </label>
      {hint === undefined ? null : (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      {children({ id, ...(described === '' ? {} : { 'aria-describedby': described }), ...(error === undefined ? {} : { 'aria-invalid': true }) })}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation('admin');
  if (message === undefined) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

export interface SummaryItem {
  readonly id: string;
  readonly message: string;
}

/** The shared GOV.UK error summary (form-ui/src/components), fed with this screen's items and its title. */
export function ErrorSummary({ items, attempt, titleId }: { items: ReadonlyArray<SummaryItem>; attempt: number; titleId: string }) {
  const { t } = useTranslation('admin');
  return <SharedErrorSummary errors={items.map((item) => ({ href: `#${item.id}`, message: item.message }))} attempt={attempt} titleId={titleId} title={t('common.errorSummaryTitle')} />;
}

/** Summary items for a form's errors, in the order of its fields. */
export function summaryItems(form: string, order: ReadonlyArray<string>, errors: FieldErrors, text: (key: string) => string): SummaryItem[] {
  const known = order.filter((path) => errors[path] !== undefined);
  const rest = Object.keys(errors).filter((path) => !order.includes(path));
  return [...known, ...rest].map((path) => ({ id: controlId(form, path), message: text(errors[path] ?? '') }));
}

/**
 * A native modal <dialog>: the browser traps focus, Escape closes it, and the page behind is inert.
 * Focus goes back to whatever opened it.
 */
export function Dialog({ open, onClose, titleId, children }: { open: boolean; onClose: () => void; titleId: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}

/** A polite live region; always in the page so that what is put in it is announced. */
export function Status({ message, tone = 'info' }: { message: string | undefined; tone?: 'info' | 'error' }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={message === undefined ? 'status-line status-line--empty' : `status-line status-line--${tone}`}>
      {message}
    </div>
  );
}

/** A wide table in a region that scrolls sideways on a phone and can be scrolled with the keyboard. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('admin');
  return (
    <div className="table-region" role="region" aria-label={t('common.table', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date or instant for people: 3 mars 2027 / 3 March 2027, with the time when it has one. */
export function useFormatDate(): (value: string, withTime?: boolean) => string {
  const { i18n } = useTranslation('admin');
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'sv-SE';
  return (value, withTime = false) => {
    const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
  };
}

/** Moves focus to an element once React has rendered it (after a dialog closes or a form opens). */
export function focusSoon(id: string): void {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * What a screen lists (campaigns, users, themes, rounds): fetched when the screen opens and again on `reload()`
 * after a change; a failure is already worded for the reader, in the interface language.
 */
export function useApiList<T>(path: string, parse: (value: unknown) => T): { data: T | undefined; loadError: string | undefined; reload: () => Promise<void> } {
  const { i18n } = useTranslation();
  const failure = useFailureText();
  const [data, setData] = useState<T | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const reload = useCallback(async () => {
    try {
      setData(await api(path, { parse }));
      setLoadError(undefined);
    } catch (error) {
      setLoadError(failure(error));
    }
    // `failure` and `parse` change only with the language and never, respectively.
  }, [path, i18n.resolvedLanguage]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loadError, reload };
}
