import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n, initialLocale } from './i18n/i18n.ts';
import './styles.css';

const locale = initialLocale();
const root = document.getElementById('root');
if (root !== null) {
  void initI18n(locale).then(() => {
    createRoot(root).render(
      <StrictMode>
        <Suspense fallback={null}>
          <App initialLocale={locale} />
        </Suspense>
      </StrictMode>,
    );
  });
}
