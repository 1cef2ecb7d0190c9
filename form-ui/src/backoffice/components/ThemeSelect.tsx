import { useTranslation } from 'react-i18next';
import { useThemes } from '../themes.tsx';

/** A native select of themes, indented as in the codebook (the option text starts with the indentation only). */
export function ThemeSelect({
  id,
  value,
  onChange,
  emptyLabel,
  includeArchived = false,
  describedBy,
  invalid = false,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  emptyLabel: string;
  includeArchived?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
}) {
  const { t } = useTranslation('core');
  const { ordered } = useThemes();
  const options = ordered.filter((option) => option.theme.mergedInto === undefined && (includeArchived || option.theme.status === 'active'));
  return (
    <select
      className="select"
      id={id}
      value={value}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{emptyLabel}</option>
      {options.map((option) => (
        <option key={option.theme.id} value={option.theme.id}>
          {`${'\u2003'.repeat(option.theme.depth - 1)}${option.label}${option.theme.status === 'archived' ? ` (${t('themes.archived')})` : ''}`}
        </option>
      ))}
    </select>
  );
}
