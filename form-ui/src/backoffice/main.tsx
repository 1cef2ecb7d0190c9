import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../styles.css';
import './backoffice.css';
import { App } from './App.tsx';
import { initBackofficeI18n, initialBackofficeLanguage } from './i18n.ts';

const root = document.getElementById('root');
if (root !== null) {
  void initBackofficeI18n(initialBackofficeLanguage()).then((i18n) => {
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n} defaultNS="core">
          <App />
        </I18nextProvider>
      </StrictMode>,
    );
  });
}
