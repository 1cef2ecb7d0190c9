import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** The back office's own tiny router: `location.pathname` + `history.pushState`, no library. */
const listeners = new Set<() => void>();

/** Set by a navigation that should move focus to the new page's heading; taken by the first PageHeading. */
let focusPending = false;

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onPop = () => {
    focusPending = true;
    listener();
  };
  window.addEventListener('popstate', onPop);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', onPop);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/** The current path and query string; re-renders on pushState (through navigate) and on back/forward. */
export function useLocation(): { pathname: string; search: string } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { pathname: url.pathname, search: url.search };
}

/**
 * Goes to `to` inside the back office. A new page moves focus to its heading; a new query on the same page
 * (the inbox's filters) keeps focus where it is.
 */
export function navigate(to: string, options: { replace?: boolean; focus?: boolean } = {}): void {
  const before = window.location.pathname;
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  focusPending = options.focus ?? window.location.pathname !== before;
  notify();
}

/** Whether the page about to render should take focus (and clears the flag). */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export function requestFocus(): void {
  focusPending = true;
}

function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A real link (opens in a new tab with a modifier key), navigating in place on a plain click. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
