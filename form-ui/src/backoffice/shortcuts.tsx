import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './components/Dialog.tsx';
import { inboxHref } from './inbox/filters.ts';
import { navigate } from './router.tsx';

/** A page's single-key shortcuts: key (as KeyboardEvent.key) → action. */
export type ShortcutMap = Readonly<Record<string, () => void>>;

interface ShortcutsState {
  readonly enabled: boolean;
  setEnabled(enabled: boolean): void;
  openHelp(): void;
  register(map: ShortcutMap): () => void;
}

const STORAGE_KEY = 'medskapa.backoffice.shortcuts';
const ShortcutsContext = createContext<ShortcutsState | undefined>(undefined);

function rememberedEnabled(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Typing in a field, or working in a dialog, never triggers a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/**
 * Single-key shortcuts for the common actions. WCAG 2.1.4: they can be turned off (in the help dialog, remembered
 * on this device), they never fire while typing, and none uses a modifier-free key while a dialog is open.
 */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [enabled, setEnabledState] = useState(rememberedEnabled);
  const [helpOpen, setHelpOpen] = useState(false);
  const maps = useRef<ShortcutMap[]>([]);
  const pendingG = useRef(0);

  const setEnabled = useCallback((next: boolean) => {
    setEnabledState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
    } catch {
      // Not remembered, which is fine.
    }
  }, []);
  const register = useCallback((map: ShortcutMap) => {
    maps.current = [map, ...maps.current];
    return () => {
      maps.current = maps.current.filter((entry) => entry !== map);
    };
  }, []);
  const openHelp = useCallback(() => setHelpOpen(true), []);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
      const key = event.key;
      if (key === '?') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const now = Date.now();
      if (pendingG.current > 0 && now - pendingG.current < 1500) {
        pendingG.current = 0;
        if (key === 'i') {
          event.preventDefault();
          navigate(inboxHref());
        }
        return;
      }
      if (key === 'g') {
        pendingG.current = now;
        return;
      }
      const action = maps.current.map((map) => map[key]).find((candidate) => candidate !== undefined);
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);

  const value = useMemo(() => ({ enabled, setEnabled, openHelp, register }), [enabled, setEnabled, openHelp, register]);
  return (
    <ShortcutsContext value={value}>
      {children}
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} enabled={enabled} onEnabled={setEnabled} />
    </ShortcutsContext>
  );
}

export function useShortcutsState(): ShortcutsState {
  const state = useContext(ShortcutsContext);
  if (state === undefined) throw new Error('useShortcuts outside ShortcutsProvider');
  return state;
}

/** Registers a page's shortcuts while it is shown; the latest handlers are always used. */
export function useShortcuts(map: ShortcutMap): void {
  const { register } = useShortcutsState();
  const latest = useRef(map);
  latest.current = map;
  const keys = Object.keys(map).sort().join(' ');
  useEffect(() => {
    const stable: Record<string, () => void> = {};
    for (const key of keys.split(' ')) if (key !== '') stable[key] = () => latest.current[key]?.();
    return register(stable);
  }, [keys, register]);
}

const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['x'], action: 'select' },
  { keys: ['t'], action: 'tag' },
  { keys: ['e'], action: 'excerpt' },
  { keys: ['s'], action: 'status' },
  { keys: ['a'], action: 'attention' },
  { keys: ['u'], action: 'undo' },
  { keys: ['g', 'i'], action: 'inbox' },
  { keys: ['?'], action: 'help' },
];

function ShortcutsHelp({ open, onClose, enabled, onEnabled }: { open: boolean; onClose: () => void; enabled: boolean; onEnabled: (enabled: boolean) => void }) {
  const { t } = useTranslation('core');
  return (
    <Dialog open={open} onClose={onClose} title={t('shortcuts.title')} titleId="shortcuts-title" className="dialog--wide">
      <p>{t('shortcuts.intro')}</p>
      <div className="choice choice--small">
        <input className="choice__input" type="checkbox" id="shortcuts-enabled" checked={enabled} onChange={(event) => onEnabled(event.target.checked)} />
        <label className="choice__label" htmlFor="shortcuts-enabled">
          {t('shortcuts.enable')}
        </label>
      </div>
      <p className="hint">{t('shortcuts.enableHint')}</p>
      <table className="shortcut-table">
        <caption className="visually-hidden">{t('shortcuts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keyColumn')}</th>
            <th scope="col">{t('shortcuts.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ` ${t('shortcuts.then')} ` : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.actions.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button className="button" type="submit">
          {t('shortcuts.close')}
        </button>
      </form>
    </Dialog>
  );
}
