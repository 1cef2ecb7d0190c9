import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { takeFocusRequest } from '../router.tsx';

/**
 * The page's one h1. Sets the document title (prefixed "Fel:" when the page shows errors) and, after a navigation,
 * takes focus so screen-reader and keyboard users start at the top of the new page.
 */
export function PageHeading({ title, children, hasErrors = false }: { title: string; children?: ReactNode; hasErrors?: boolean }) {
  const { t } = useTranslation('core');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);
  useEffect(() => {
    const base = `${title} – ${t('app.titleSuffix')}`;
    document.title = hasErrors ? `${t('app.errorPrefix')} ${base}` : base;
  }, [title, hasErrors, t]);
  return (
    <h1 className="page-heading" id="page-heading" tabIndex={-1} ref={ref}>
      {children ?? title}
    </h1>
  );
}
