import type { Kappa } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';

/** A message for an error key: this screen's own words first, then the admin screens' shared ones. */
export function useAgreementErrorText(): (key: string) => string {
  const { t, i18n } = useTranslation('analysis');
  return (key) => {
    if (i18n.exists(`agreement.errors.${key}`, { ns: 'analysis' })) return t(`agreement.errors.${key}`);
    if (i18n.exists(`errors.${key}`, { ns: 'admin' })) return t(`errors.${key}`, { ns: 'admin' });
    return t('errors.general', { ns: 'admin' });
  };
}

/** Numbers as this screen shows them: kappa with two decimals (−0,20 / -0.20), shares as whole percentages. */
export function useNumberFormat() {
  const { i18n } = useTranslation('analysis');
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'sv-SE';
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    kappa: (value: number) => decimal.format(value),
    share: (value: number | null) => (value === null ? '–' : percent.format(value)),
  };
}

/** Kappa in words: the value, or why there is none. */
export function useKappaText(): (kappa: Kappa) => string {
  const { t } = useTranslation('analysis');
  const format = useNumberFormat();
  return (kappa) => (kappa.kappa === null ? t('agreement.results.notComputable') : format.kappa(kappa.kappa));
}
