import type { SubmissionAccepted } from '@medskapa/api/contract';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';

/** True when the story mentions self-harm or suicide in the respondent's language (or Swedish or English). */
export function mentionsCrisis(text: string, words: ReadonlyArray<string>): boolean {
  const normalised = text.toLocaleLowerCase();
  return words.some((word) => word.trim() !== '' && normalised.includes(word.toLocaleLowerCase()));
}

export function ConfirmationPage({ receipt, crisis, onAnother }: { receipt: SubmissionAccepted; crisis: boolean; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <div className="panel">
        <h1 className="panel__title">{t('done.title')}</h1>
        <p className="panel__body">
          {t('done.codeLabel')}
          <br />
          <strong className="receipt-code" dir="ltr" id="receipt-code">
            {receipt.receiptCode}
          </strong>
        </p>
      </div>
      {crisis ? (
        <div className="notice notice--important" role="note">
          <h2 className="heading-small">{t('done.crisisTitle')}</h2>
          <p>{t('done.crisis')}</p>
        </div>
      ) : null}
      <p>{t('done.codeHint')}</p>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(receipt.receiptCode).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {t('done.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('done.print')}
        </button>
      </div>
      <p aria-live="polite" className="status">
        {copied ? t('done.copied') : ''}
      </p>
      {receipt.redactions.length > 0 ? <p>{t('done.redacted')}</p> : null}
      <h2 className="heading-medium">{t('done.nextTitle')}</h2>
      <p>{t('done.next')}</p>
      <h2 className="heading-medium">{t('done.withdrawTitle')}</h2>
      <p>
        <Trans i18nKey="done.withdraw" components={[<a href="/receipt" key="receipt" />]} />
      </p>
      <p>
        <button type="button" className="button" onClick={onAnother}>
          {t('done.another')}
        </button>
      </p>
    </>
  );
}
