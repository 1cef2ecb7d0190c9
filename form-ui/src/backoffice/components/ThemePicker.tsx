import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useThemes, type ThemeOption } from '../themes.tsx';

/**
 * A searchable theme list: a search box and, below it, one button per matching theme (indented as in the codebook).
 * Keyboard: type to filter, Enter picks the first match, Down/Up move through the list, which is one Tab stop (a
 * roving tabindex), so Tab leaves it at once. Archived and merged themes are left out; themes already applied are
 * shown as such and cannot be picked again.
 */
export function ThemePicker({
  label,
  hint,
  onPick,
  applied = [],
  inputRef,
  disabled = false,
  autoFocus = false,
}: {
  label: string;
  hint?: string;
  onPick: (option: ThemeOption) => void;
  applied?: ReadonlyArray<string>;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** In a dialog: the search box takes focus when the dialog opens. */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('core');
  const { ordered, status } = useThemes();
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const options = useMemo(() => ordered.filter((option) => option.theme.status === 'active' && option.theme.mergedInto === undefined), [ordered]);
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  const matches = words.length === 0 ? options : options.filter((option) => words.every((word) => option.path.toLocaleLowerCase().includes(word)));
  const pickable = matches.filter((option) => !applied.includes(option.theme.id));
  // The one button in the Tab order: the last one focused, else the first that can be picked.
  const tabStop = pickable.some((option) => option.theme.id === activeId) ? activeId : pickable[0]?.theme.id;

  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = pickable[0];
      if (first !== undefined) {
        onPick(first);
        setQuery('');
      }
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = buttons();
    const index = list.findIndex((button) => button === document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? list[index + 1] : list[index - 1];
    if (next !== undefined) next.focus();
    else if (event.key === 'ArrowUp') document.getElementById(`${id}-input`)?.focus();
  };

  return (
    <div className="theme-picker">
      <label className="label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint ?? t('themePicker.hint')}
      </p>
      <input
        className="input"
        id={`${id}-input`}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        ref={inputRef}
        disabled={disabled}
        data-autofocus={autoFocus ? '' : undefined}
        aria-describedby={`${id}-hint ${id}-count`}
        aria-controls={`${id}-list`}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onInputKey}
      />
      <p className="theme-picker__count" id={`${id}-count`} role="status">
        {status === 'loading' ? t('themePicker.loading') : status === 'failed' ? t('themePicker.failed') : t('themePicker.count', { count: matches.length })}
      </p>
      <ul className="theme-picker__list" id={`${id}-list`} ref={listRef} onKeyDown={onListKey} aria-label={t('themePicker.listLabel')}>
        {matches.map((option) => {
          const isApplied = applied.includes(option.theme.id);
          return (
            <li key={option.theme.id} className={`theme-picker__item theme-picker__item--depth-${option.theme.depth}`}>
              <button
                type="button"
                className="theme-picker__option"
                disabled={disabled || isApplied}
                tabIndex={option.theme.id === tabStop ? 0 : -1}
                onFocus={() => setActiveId(option.theme.id)}
                aria-label={isApplied ? t('themePicker.appliedName', { path: option.path }) : t('themePicker.optionName', { path: option.path })}
                onClick={() => {
                  onPick(option);
                  setQuery('');
                  // The picked button is now "already added" (disabled): focus goes back to the search box.
                  document.getElementById(`${id}-input`)?.focus();
                }}
              >
                <span className="theme-chip__swatch" style={{ backgroundColor: option.theme.colour }} aria-hidden="true" />
                <span>{option.label}</span>
                {isApplied ? <span className="theme-picker__applied"> {t('themePicker.applied')}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
