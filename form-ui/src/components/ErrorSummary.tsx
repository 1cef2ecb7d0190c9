import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** `#id` of the field the message belongs to. */
  readonly href: string;
  readonly message: string;
}

/**
 * GOV.UK error summary: takes focus when it appears (and on every new attempt); each link moves focus to its field.
 * The public form and the back office share it; a page with several forms gives each its own `titleId`.
 */
export function ErrorSummary({ errors, attempt, titleId = 'error-summary-title', title }: { errors: ReadonlyArray<SummaryError>; attempt: number; titleId?: string; title?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [attempt, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 className="error-summary__title" id={titleId}>
          {title ?? t('errors.summaryTitle')}
        </h2>
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={error.href + error.message}>
              <a
                href={error.href}
                onClick={(event) => {
                  const target = document.getElementById(error.href.slice(1));
                  if (target === null) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
