import { CAMPAIGN_PHASES, CARE_SETTINGS, LOCALES, RESPONDENT_ROLES } from '@medskapa/api/contract';
import { useTranslation } from 'react-i18next';
import type { ThemeOption } from '../../themes.tsx';
import { isDashboardFilterKey, type DashboardFilterKey, type DashboardFilters } from './filters.ts';

/** The summary filters a submitted form holds (empty fields left out), as the dashboard and the exports read them. */
export function filtersFromForm(form: HTMLFormElement): Partial<Record<DashboardFilterKey, string>> {
  const next: Partial<Record<DashboardFilterKey, string>> = {};
  for (const [key, value] of new FormData(form).entries()) if (isDashboardFilterKey(key) && typeof value === 'string' && value.trim() !== '') next[key] = value.trim();
  return next;
}

interface FieldProps {
  /** Makes the ids unique per screen: `${idPrefix}-${name}`. */
  readonly idPrefix: string;
  readonly filters: DashboardFilters;
}

function TextFilter({ idPrefix, filters, name, label, type = 'text', placeholder }: FieldProps & { name: DashboardFilterKey; label: string; type?: 'text' | 'month' | 'number'; placeholder?: string | undefined }) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={`${idPrefix}-${name}`}>
        {label}
      </label>
      <input
        className="input input--medium"
        id={`${idPrefix}-${name}`}
        name={name}
        type={type}
        defaultValue={filters[name] ?? ''}
        {...(type === 'number' ? { min: 0, max: 99, inputMode: 'numeric' as const } : {})}
        {...(placeholder === undefined ? {} : { placeholder })}
      />
    </div>
  );
}

function SelectFilter({ idPrefix, filters, name, label, options }: FieldProps & { name: DashboardFilterKey; label: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  const { t } = useTranslation('reports');
  return (
    <div className="form-group">
      <label className="label" htmlFor={`${idPrefix}-${name}`}>
        {label}
      </label>
      <select className="select" id={`${idPrefix}-${name}`} name={name} defaultValue={filters[name] ?? ''}>
        <option value="">{t('dashboard.filters.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** From and to, by month; the dashboard shows the format as a placeholder. */
export function PeriodFilterFields({ idPrefix, filters, monthPlaceholder }: FieldProps & { monthPlaceholder?: string }) {
  const { t } = useTranslation('reports');
  return (
    <>
      <TextFilter idPrefix={idPrefix} filters={filters} name="from" label={t('dashboard.filters.from')} type="month" placeholder={monthPlaceholder} />
      <TextFilter idPrefix={idPrefix} filters={filters} name="to" label={t('dashboard.filters.to')} type="month" placeholder={monthPlaceholder} />
    </>
  );
}

/** Campaign, site, wave, phase, role, care setting, language and theme: the rest of the summaries' filters. */
export function SummaryFilterFields({ idPrefix, filters, themeOptions }: FieldProps & { themeOptions: ReadonlyArray<ThemeOption> }) {
  const { t } = useTranslation('reports');
  const { t: core } = useTranslation('core');
  const { t: admin } = useTranslation('admin');
  const common = { idPrefix, filters };
  return (
    <>
      <TextFilter {...common} name="campaign" label={t('dashboard.filters.campaign')} />
      <TextFilter {...common} name="site" label={t('dashboard.filters.site')} />
      <TextFilter {...common} name="wave" label={t('dashboard.filters.wave')} type="number" />
      <SelectFilter {...common} name="phase" label={t('dashboard.filters.phase')} options={CAMPAIGN_PHASES.map((value) => ({ value, label: admin(`campaigns.phase.${value}`) }))} />
      <SelectFilter {...common} name="role" label={t('dashboard.filters.role')} options={RESPONDENT_ROLES.map((value) => ({ value, label: core(`lists.role.${value}`) }))} />
      <SelectFilter {...common} name="careSetting" label={t('dashboard.filters.careSetting')} options={CARE_SETTINGS.map((value) => ({ value, label: core(`lists.careSetting.${value}`) }))} />
      <SelectFilter {...common} name="locale" label={t('dashboard.filters.locale')} options={LOCALES.map((value) => ({ value, label: core(`lists.locale.${value}`) }))} />
      <SelectFilter {...common} name="theme" label={t('dashboard.filters.theme')} options={themeOptions.map((option) => ({ value: option.theme.id, label: option.path }))} />
    </>
  );
}
