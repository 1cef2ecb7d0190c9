import { StrictMode, Suspense, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n, initialLocale } from './i18n/i18n.ts';
import './styles.css';

const locale = initialLocale();
const root = document.getElementById('root');
if (root !== null) {
  void initI18n(locale).then(() => {
    // A transition lets React render the first page in small slices, so a slow phone stays responsive;
    // the server-sent start page stays on screen until then.
    startTransition(() => {
      createRoot(root).render(
        <StrictMode>
          <Suspense fallback={null}>
            <App initialLocale={locale} />
          </Suspense>
        </StrictMode>,
      );
    });
  });
}
