import { useTranslation } from 'react-i18next';
import { errorId } from './fieldIds.ts';

export function ErrorMessage({ path, message }: { path: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (message === undefined) return null;
  return (
    <p className="error-message" id={errorId(path)}>
      <span className="visually-hidden">{t('meta.errorPrefix')} </span>
      {message}
    </p>
  );
}
