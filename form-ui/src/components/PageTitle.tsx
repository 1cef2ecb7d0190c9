import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title: the page's question, prefixed with the localised "Error:" when it has errors. */
export function PageTitle({ title, hasErrors }: { title: string; hasErrors: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    const base = `${title} – ${t('meta.titleSuffix')}`;
    document.title = hasErrors ? `${t('meta.errorPrefix')} ${base}` : base;
  }, [title, hasErrors, t]);
  return null;
}
