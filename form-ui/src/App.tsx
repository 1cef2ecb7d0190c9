import type { Locale } from '@medskapa/api/contract';
import { Suspense, useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { FeedbackFlow } from './feedback/FeedbackFlow.tsx';
import { isCampaignCode, isCareSetting, type FormValues } from './feedback/formValues.ts';
import { clearDraft, loadDraft, saveDraft } from './feedback/persistence.ts';
import { applyLocale, rememberLocale } from './i18n/i18n.ts';
import { KioskGuard } from './kiosk/KioskGuard.tsx';
import { resetDevice } from './kiosk/resetDevice.ts';
import { ReceiptPage } from './receipt/ReceiptPage.tsx';

const params = new URLSearchParams(window.location.search);
const campaignParam = params.get('c');
const KIOSK = params.get('kiosk') === '1';

function Shell({ locale, onLocale, children }: { locale: Locale; onLocale: (locale: Locale) => void; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <p className="header__service">
            <span className="header__region">{t('meta.region')}</span> <span className="header__name">{t('meta.serviceName')}</span>
          </p>
          <LanguageSwitcher current={locale} onChange={onLocale} />
        </div>
      </header>
      <div className="width-container">
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <p>
            <strong>{t('shell.helpTitle')}</strong> {t('shell.helpText')}
          </p>
          <p>{t('shell.footerAbout')}</p>
          <ul className="footer__links">
            <li>
              <a href={`/receipt?lang=${locale}`}>{t('shell.footerReceipt')}</a>
            </li>
            <li>
              <a href="https://www.vgregion.se/om-vgr/tillganglighetsredogorelse/">{t('shell.footerAccessibility')}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}

export function App({ initialLocale }: { initialLocale: Locale }) {
  const { i18n, t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [announcement, setAnnouncement] = useState('');
  // The form lives above the translated pages, so changing language never loses an answer.
  const form = useForm<FormValues>({ defaultValues: loadDraft(), mode: 'onSubmit', reValidateMode: 'onSubmit', shouldFocusError: false });

  useEffect(() => {
    const subscription = form.watch(() => saveDraft(form.getValues()));
    return () => subscription.unsubscribe();
  }, [form]);

  // A campaign may name the care it is about (a ward's QR code): tick it, unless the person already chose.
  useEffect(() => {
    if (!isCampaignCode(campaignParam)) return;
    const controller = new AbortController();
    void fetch(`/api/v1/campaigns/${encodeURIComponent(campaignParam)}/form`, { signal: controller.signal })
      .then((response): Promise<unknown> | undefined => (response.ok ? response.json() : undefined))
      .then((info) => {
        const careSetting = typeof info === 'object' && info !== null && 'careSetting' in info ? info.careSetting : undefined;
        if (isCareSetting(careSetting) && form.getValues('care.settings').length === 0) form.setValue('care.settings', [careSetting]);
      })
      .catch(() => {
        // Without it the person ticks the care themselves.
      });
    return () => controller.abort();
  }, [form]);

  const changeLocale = (next: Locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
    setLocale(next);
    rememberLocale(next);
    void i18n.changeLanguage(next).then(() => {
      applyLocale(next);
      setAnnouncement(i18n.t('shell.languageChanged'));
    });
  };

  const isReceipt = window.location.pathname.replace(/\/+$/, '') === '/receipt';
  const context = { locale, channel: KIOSK ? ('kiosk' as const) : ('web' as const), campaign: isCampaignCode(campaignParam) ? campaignParam : undefined };

  const content = (
    <Shell locale={locale} onLocale={changeLocale}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {isReceipt ? <ReceiptPage /> : <FeedbackFlow context={context} onFinished={KIOSK ? resetDevice : clearDraft} />}
    </Shell>
  );

  return (
    <FormProvider {...form}>
      <Suspense fallback={<p className="loading">{t('shell.loading')}</p>}>{KIOSK ? <KioskGuard onReset={() => form.reset()}>{content}</KioskGuard> : content}</Suspense>
    </FormProvider>
  );
}
