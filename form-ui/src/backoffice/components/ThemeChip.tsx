import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useThemes } from '../themes.tsx';

/** A theme as a chip: its colour as a swatch next to its label, so the colour is never the only information. */
export function ThemeChip({ themeId, children }: { themeId: string; children?: ReactNode }) {
  const { t } = useTranslation('core');
  const option = useThemes().byId.get(themeId);
  const colour = option?.theme.colour ?? '#505a5f';
  return (
    <span className="theme-chip" title={option?.path}>
      <span className="theme-chip__swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
      <span className="theme-chip__label">{option?.label ?? t('themes.unknown')}</span>
      {option?.theme.status === 'archived' ? <span className="theme-chip__note"> ({t('themes.archived')})</span> : null}
      {children}
    </span>
  );
}
