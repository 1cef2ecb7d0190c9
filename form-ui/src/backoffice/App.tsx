import type { Role } from '@medskapa/api/contract';
import { SessionSchema } from '@medskapa/api/contract';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, noContent, onSignedOut, setCsrfToken } from './api.ts';
import { PageHeading } from './components/PageHeading.tsx';
import { rememberBackofficeLanguage, type BackofficeLanguage } from './i18n.ts';
import { InboxPage } from './inbox/InboxPage.tsx';
import { inboxHref } from './inbox/filters.ts';
import { Link, requestFocus, useLocation } from './router.tsx';
import { SessionProvider, type BackofficeSession } from './session.tsx';
import { ShortcutsProvider, useShortcutsState } from './shortcuts.tsx';
import { SignInPage, type Session, type SignedOutReason } from './SignInPage.tsx';
import { StoryPage } from './story/StoryPage.tsx';
import { ThemesProvider, useLanguage } from './themes.tsx';

// The admin screens load only when opened: most sessions are spent in the inbox and the story view.
const CodebookScreen = lazy(() => import('./screens/CodebookScreen.tsx').then((module) => ({ default: module.CodebookScreen })));
const CampaignsScreen = lazy(() => import('./screens/CampaignsScreen.tsx').then((module) => ({ default: module.CampaignsScreen })));
const AssistedEntryScreen = lazy(() => import('./screens/AssistedEntryScreen.tsx').then((module) => ({ default: module.AssistedEntryScreen })));
const UsersScreen = lazy(() => import('./screens/UsersScreen.tsx').then((module) => ({ default: module.UsersScreen })));
const ContactsScreen = lazy(() => import('./screens/ContactsScreen.tsx').then((module) => ({ default: module.ContactsScreen })));
const AuditScreen = lazy(() => import('./screens/AuditScreen.tsx').then((module) => ({ default: module.AuditScreen })));
const EmergingScreen = lazy(() => import('./screens/EmergingScreen.tsx').then((module) => ({ default: module.EmergingScreen })));
const DashboardScreen = lazy(() => import('./screens/DashboardScreen.tsx').then((module) => ({ default: module.DashboardScreen })));
const AgreementScreen = lazy(() => import('./screens/AgreementScreen.tsx').then((module) => ({ default: module.AgreementScreen })));
const ExportsScreen = lazy(() => import('./screens/ExportsScreen.tsx').then((module) => ({ default: module.ExportsScreen })));

/** Who may use which part: the same roles the API's route table allows. */
const WORKERS: Role[] = ['facilitator', 'admin'];
const EVERYONE: Role[] = ['facilitator', 'staff', 'admin'];
const ADMINS: Role[] = ['admin'];
/** The summaries API's readers. */
const READERS: Role[] = ['staff', 'facilitator'];

interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly roles: Role[];
}

const NAV: ReadonlyArray<NavItem> = [
  { path: '/backoffice/inbox', label: 'nav.inbox', roles: WORKERS },
  { path: '/backoffice/dashboard', label: 'reports:dashboard.nav', roles: READERS },
  { path: '/backoffice/exports', label: 'reports:exports.nav', roles: EVERYONE },
  { path: '/backoffice/codebook', label: 'nav.codebook', roles: WORKERS },
  { path: '/backoffice/campaigns', label: 'nav.campaigns', roles: WORKERS },
  { path: '/backoffice/emerging', label: 'analysis:emerging.nav', roles: WORKERS },
  { path: '/backoffice/agreement', label: 'analysis:agreement.nav', roles: WORKERS },
  { path: '/backoffice/assisted', label: 'nav.assisted', roles: EVERYONE },
  { path: '/backoffice/users', label: 'nav.users', roles: ADMINS },
  { path: '/backoffice/contacts', label: 'nav.contacts', roles: ADMINS },
  { path: '/backoffice/audit', label: 'nav.audit', roles: ADMINS },
];

type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'inbox' }
  | { readonly kind: 'story'; readonly id: string }
  | { readonly kind: 'screen'; readonly path: string }
  | { readonly kind: 'notFound' };

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/backoffice') return { kind: 'home' };
  if (path === '/backoffice/inbox') return { kind: 'inbox' };
  const story = /^\/backoffice\/stories\/([^/]+)$/.exec(path);
  if (story?.[1] !== undefined) return { kind: 'story', id: decodeURIComponent(story[1]) };
  // One agreement round is part of the agreement screen.
  if (/^\/backoffice\/agreement\/[^/]+$/.test(path)) return { kind: 'screen', path: '/backoffice/agreement' };
  if (NAV.some((item) => item.path === path)) return { kind: 'screen', path };
  return { kind: 'notFound' };
}

function LanguageToggle() {
  const { t, i18n } = useTranslation('core');
  const language = useLanguage();
  const other: BackofficeLanguage = language === 'sv' ? 'en' : 'sv';
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <button
        type="button"
        className="header-button"
        lang={other}
        onClick={() => {
          rememberBackofficeLanguage(other);
          void i18n.changeLanguage(other).then(() => setAnnouncement(i18n.t('app.languageChanged', { ns: 'core' })));
        }}
      >
        {t('app.otherLanguage')}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}

function Header({ session }: { session: BackofficeSession | undefined }) {
  const { t } = useTranslation('core');
  const { pathname } = useLocation();
  const shortcuts = useShortcutsState();
  const current = pathname.replace(/\/+$/, '');
  const items = session === undefined ? [] : NAV.filter((item) => session.hasRole(...item.roles));
  return (
    <header className="header bo-header">
      <div className="bo-container bo-header__bar">
        <p className="header__service bo-header__service">
          <span className="header__region">{t('app.region')}</span> <span className="header__name">{t('app.name')}</span>
        </p>
        <div className="bo-header__tools">
          {session === undefined ? null : (
            <p className="bo-header__user">
              <span className="visually-hidden">{t('app.signedInAs')} </span>
              <strong>{session.user.displayName}</strong>{' '}
              <span className="bo-header__roles">({session.user.roles.map((role) => t(`roles.${role}`)).join(', ')})</span>
            </p>
          )}
          <LanguageToggle />
          {session === undefined ? null : (
            <>
              <button type="button" className="header-button" onClick={shortcuts.openHelp}>
                {t('shortcuts.open')}
              </button>
              <button type="button" className="header-button" onClick={() => void session.signOut()}>
                {t('app.signOut')}
              </button>
            </>
          )}
        </div>
      </div>
      {items.length === 0 ? null : (
        <nav className="bo-nav" aria-label={t('nav.label')}>
          <ul className="bo-container bo-nav__list">
            {items.map((item) => {
              const active = current === item.path || (item.path === '/backoffice/agreement' && current.startsWith('/backoffice/agreement/')) || (item.path === '/backoffice/inbox' && (current === '/backoffice' || current.startsWith('/backoffice/stories/'))) || (item.path === '/backoffice/dashboard' && current === '/backoffice' && !session?.hasRole(...WORKERS));
              return (
                <li key={item.path}>
                  <Link className="bo-nav__link" to={item.path === '/backoffice/inbox' ? inboxHref() : item.path} aria-current={active ? 'page' : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </header>
  );
}

function Frame({ session, children }: { session: BackofficeSession | undefined; children: ReactNode }) {
  const { t } = useTranslation('core');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Header session={session} />
      <main id="main" tabIndex={-1} className="bo-container bo-main">
        {children}
      </main>
    </>
  );
}

function MessagePage({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <>
      <PageHeading title={title} />
      <p>{text}</p>
      {children}
    </>
  );
}

/** For staff without facilitator work (summaries come with a later issue): what they can do here today. */
function StartPage() {
  const { t } = useTranslation('core');
  return (
    <MessagePage title={t('start.title')} text={t('start.text')}>
      <p>
        <Link to="/backoffice/assisted">{t('nav.assisted')}</Link>
      </p>
    </MessagePage>
  );
}

function Routes({ session }: { session: BackofficeSession }) {
  const { t } = useTranslation('core');
  const { pathname } = useLocation();
  const route = routeOf(pathname);
  const canWork = session.hasRole(...WORKERS);
  const forbidden = <MessagePage title={t('forbidden.title')} text={t('forbidden.text')} />;
  const loading = <p className="loading">{t('app.loading')}</p>;
  switch (route.kind) {
    case 'home':
      // Staff start at the overview: the summaries are what they come for.
      if (canWork) return <InboxPage />;
      return session.hasRole('staff') ? <Suspense fallback={loading}><DashboardScreen /></Suspense> : <StartPage />;
    case 'inbox':
      return canWork ? <InboxPage /> : forbidden;
    case 'story':
      return canWork ? <StoryPage key={route.id} id={route.id} /> : forbidden;
    case 'notFound':
      return <MessagePage title={t('notFound.title')} text={t('notFound.text')} />;
    case 'screen': {
      const item = NAV.find((entry) => entry.path === route.path);
      if (item === undefined || !session.hasRole(...item.roles)) return forbidden;
      const screens: Record<string, ReactNode> = {
        '/backoffice/codebook': <CodebookScreen />,
        '/backoffice/campaigns': <CampaignsScreen />,
        '/backoffice/assisted': <AssistedEntryScreen />,
        '/backoffice/users': <UsersScreen />,
        '/backoffice/contacts': <ContactsScreen />,
        '/backoffice/audit': <AuditScreen />,
        '/backoffice/emerging': <EmergingScreen />,
        '/backoffice/agreement': <AgreementScreen />,
        '/backoffice/dashboard': <DashboardScreen />,
        '/backoffice/exports': <ExportsScreen />,
      };
      return <Suspense fallback={loading}>{screens[route.path]}</Suspense>;
    }
  }
}

type AppState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signedOut'; readonly reason: SignedOutReason }
  | { readonly kind: 'signedIn'; readonly session: Session }
  | { readonly kind: 'unavailable' };

/** Asks the server who is signed in; shows the sign-in page or the workspace. A later 401 means the session ended. */
export function App() {
  const { t } = useTranslation('core');
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api('/api/v1/session', { parse: (value) => SessionSchema.parse(value) })
      .then((session) => {
        if (cancelled) return;
        setCsrfToken(session.csrfToken);
        setState({ kind: 'signedIn', session });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setState(error instanceof ApiError && error.status === 401 ? { kind: 'signedOut', reason: undefined } : { kind: 'unavailable' });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(
    () =>
      onSignedOut(() => {
        setCsrfToken(undefined);
        requestFocus();
        setState((current) => (current.kind === 'signedIn' ? { kind: 'signedOut', reason: 'expired' } : current));
      }),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await api('/api/v1/session', { method: 'DELETE', parse: noContent });
    } catch {
      // Already gone on the server: signed out either way.
    }
    setCsrfToken(undefined);
    requestFocus();
    setState({ kind: 'signedOut', reason: 'signedOut' });
  }, []);

  const session = useMemo<BackofficeSession | undefined>(() => {
    if (state.kind !== 'signedIn') return undefined;
    const { user, csrfToken, signOutUrl } = state.session;
    // Users of the identity provider sign out there too: a page load through the API's sign-out address.
    const signOutEverywhere = () => {
      if (signOutUrl !== undefined) window.location.assign(signOutUrl);
      return Promise.resolve();
    };
    return { user, csrfToken, hasRole: (...roles: Role[]) => roles.some((role) => user.roles.includes(role)), signOut: signOutUrl === undefined ? signOut : signOutEverywhere };
  }, [state, signOut]);

  if (state.kind === 'loading') return <p className="loading">{t('app.loading')}</p>;
  if (state.kind === 'unavailable') {
    return (
      <Frame session={undefined}>
        <MessagePage title={t('unavailable.title')} text={t('unavailable.text')}>
          <button type="button" className="button" onClick={() => setAttempt((value) => value + 1)}>
            {t('unavailable.retry')}
          </button>
        </MessagePage>
      </Frame>
    );
  }
  if (session === undefined) {
    return (
      <ShortcutsProvider>
        <Frame session={undefined}>
          <SignInPage
            reason={state.kind === 'signedOut' ? state.reason : undefined}
            onSignedIn={(signedIn) => {
              setCsrfToken(signedIn.csrfToken);
              requestFocus();
              setState({ kind: 'signedIn', session: signedIn });
            }}
          />
        </Frame>
      </ShortcutsProvider>
    );
  }
  return (
    <SessionProvider session={session}>
      <ThemesProvider enabled={session.hasRole(...WORKERS)}>
        <ShortcutsProvider>
          <Frame session={session}>
            <Routes session={session} />
          </Frame>
        </ShortcutsProvider>
      </ThemesProvider>
    </SessionProvider>
  );
}
