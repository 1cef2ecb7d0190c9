import type { Receipt } from '@medskapa/api/contract';
import { RECEIPT_STATUSES } from '@medskapa/api/contract/lists';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { toWesternDigits } from '../feedback/formValues.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { PageTitle } from '../components/PageTitle.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'found'; code: string; receipt: Receipt }
  | { kind: 'confirming'; code: string; receipt: Receipt }
  | { kind: 'withdrawn' }
  | { kind: 'error'; message: string };

const FIELD = 'receipt.code';

function isReceipt(value: unknown): value is Receipt {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    RECEIPT_STATUSES.some((status) => status === value.status) &&
    'receivedOn' in value &&
    typeof value.receivedOn === 'string'
  );
}

/** Check or withdraw a story with its receipt code; no account needed. */
export function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const failure = (status: number): string =>
    status === 404 ? t('receipt.notFound') : status === 429 ? t('receipt.tooMany') : t('receipt.unavailable');

  const check = async () => {
    const code = toWesternDigits(input.current?.value.trim() ?? '');
    const response = await fetch(`/api/v1/receipts/${encodeURIComponent(code || '-')}`).catch(() => undefined);
    const body: unknown = response?.ok ? await response.json().catch(() => undefined) : undefined;
    if (response?.ok && isReceipt(body)) setState({ kind: 'found', code, receipt: body });
    else {
      setState({ kind: 'error', message: failure(response?.status ?? 503) });
      setAttempt((value) => value + 1);
    }
  };

  const withdraw = async (code: string) => {
    const response = await fetch(`/api/v1/receipts/${encodeURIComponent(code)}`, { method: 'DELETE' }).catch(() => undefined);
    if (response?.status === 204) setState({ kind: 'withdrawn' });
    else {
      setState({ kind: 'error', message: failure(response?.status ?? 503) });
      setAttempt((value) => value + 1);
    }
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'sv-x-lattlast' ? 'sv' : (i18n.resolvedLanguage ?? 'sv'), {
    dateStyle: 'long',
    calendar: 'gregory',
    timeZone: 'UTC',
  });
  const error = state.kind === 'error' ? state.message : undefined;

  return (
    <>
      <PageTitle title={t('receipt.title')} hasErrors={error !== undefined} />
      <ErrorSummary errors={error === undefined ? [] : [{ href: '#f-receipt-code', message: error }]} attempt={attempt} />
      <h1 className="page-heading">{t('receipt.title')}</h1>
      {state.kind === 'withdrawn' ? (
        <p className="notice" role="status">
          {t('receipt.withdrawn')}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
            <label className="label" htmlFor="f-receipt-code">
              {t('receipt.codeLabel')}
            </label>
            <p className="hint" id="f-receipt-code-hint">
              {t('receipt.codeHint')}
            </p>
            <ErrorMessage path={FIELD} message={error} />
            <input
              ref={input}
              className="input input--code"
              id="f-receipt-code"
              name="code"
              dir="ltr"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={error === undefined ? undefined : true}
              aria-describedby={error === undefined ? 'f-receipt-code-hint' : 'f-receipt-code-hint f-receipt-code-error'}
            />
          </div>
          <button type="submit" className="button">
            {t('receipt.check')}
          </button>
        </form>
      )}
      {state.kind === 'found' || state.kind === 'confirming' ? (
        <div className="notice" role="status">
          <p>{t(`receipt.status.${state.receipt.status}`, { date: dateFormat.format(new Date(`${state.receipt.receivedOn}T00:00:00Z`)) })}</p>
          {state.kind === 'found' ? (
            <button type="button" className="button button--warning" onClick={() => setState({ ...state, kind: 'confirming' })}>
              {t('receipt.withdraw')}
            </button>
          ) : (
            <>
              <p>{t('receipt.withdrawWarning')}</p>
              <button type="button" className="button button--warning" onClick={() => void withdraw(state.code)}>
                {t('receipt.withdrawConfirm')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </>
  );
}
