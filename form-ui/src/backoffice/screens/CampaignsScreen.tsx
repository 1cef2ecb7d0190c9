import {
  CAMPAIGN_PHASES,
  CARE_SETTINGS,
  CampaignSchema,
  CreateCampaignSchema,
  UpdateCampaignSchema,
  type Campaign,
  type CareSetting,
  type UpdateCampaign,
} from '@medskapa/api/contract';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import {
  ErrorSummary,
  Field,
  FieldError,
  Status,
  TableRegion,
  controlId,
  summaryItems,
  today,
  useErrorText,
  useFailureText,
  useFormatDate,
  validate,
  type FieldErrors,
  focusSoon,
  useApiList,
} from './ui.tsx';

const CampaignListSchema = z.array(CampaignSchema);
const FORM = 'campaign';
const FIELD_ORDER = ['name', 'code', 'site', 'rolloutWave', 'phase', 'careSetting', 'opensOn', 'closesOn'];

interface Draft {
  name: string;
  code: string;
  site: string;
  rolloutWave: string;
  phase: string;
  careSetting: string;
  opensOn: string;
  closesOn: string;
}

function draftOf(campaign: Campaign | undefined): Draft {
  return {
    name: campaign?.name ?? '',
    code: campaign?.code ?? '',
    site: campaign?.site ?? '',
    rolloutWave: campaign === undefined ? '' : String(campaign.rolloutWave),
    phase: campaign?.phase ?? '',
    careSetting: campaign?.careSetting ?? '',
    opensOn: campaign?.opensOn ?? today(),
    closesOn: campaign?.closesOn ?? '',
  };
}

/** "12" → 12; anything else stays as typed, so the contract's check names the field. */
function waveOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function isCareSetting(value: string): value is CareSetting {
  return CARE_SETTINGS.some((setting) => setting === value);
}

export type CampaignState = 'open' | 'closed' | 'upcoming';

export function campaignState(campaign: Campaign, on: string): CampaignState {
  if (campaign.opensOn > on) return 'upcoming';
  if (campaign.closesOn !== undefined && campaign.closesOn < on) return 'closed';
  return 'open';
}

/** Campaigns: list, create, edit, close; each one's link, QR code and a printable sheet. */
export function CampaignsScreen() {
  const { t } = useTranslation('admin');
  const failure = useFailureText();
  const format = useFormatDate();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<{ campaign: Campaign | undefined; returnFocus: string } | undefined>(undefined);
  const [shown, setShown] = useState<string | undefined>(undefined);

  const { data: campaigns, loadError, reload: load } = useApiList('/api/v1/campaigns', CampaignListSchema.parse);

  const on = today();

  const close = async (campaign: Campaign) => {
    try {
      // Closing today: the link still works today and stories after that are stored, flagged as closed.
      await api(`/api/v1/campaigns/${encodeURIComponent(campaign.code)}`, { method: 'PATCH', body: { closesOn: on < campaign.opensOn ? campaign.opensOn : on }, parse: CampaignSchema.parse });
      setStatus(t('campaigns.closed', { name: campaign.name }));
      await load();
    } catch (error) {
      setStatus(failure(error));
    }
  };

  const shownCampaign = campaigns?.find((campaign) => campaign.code === shown);
  return (
    <div className="admin-wide">
      <PageHeading title={t('campaigns.title')} />
      <p className="lead">{t('campaigns.lead')}</p>
      <Status message={status} />
      <div className="button-group">
        <button
          type="button"
          className="button"
          id="campaign-new"
          aria-expanded={editing !== undefined && editing.campaign === undefined}
          onClick={() => setEditing({ campaign: undefined, returnFocus: 'campaign-new' })}
        >
          {t('campaigns.new')}
        </button>
      </div>
      {editing === undefined ? null : (
        <CampaignForm
          key={editing.campaign?.code ?? 'new'}
          campaign={editing.campaign}
          onDone={async (saved) => {
            const returnFocus = editing.returnFocus;
            setEditing(undefined);
            if (saved !== undefined) {
              setStatus(t(editing.campaign === undefined ? 'campaigns.created' : 'campaigns.saved', { name: saved.name }));
              await load();
              if (editing.campaign === undefined) {
                setShown(saved.code);
                focusSoon('campaign-link-heading');
                return;
              }
            }
            focusSoon(returnFocus);
          }}
        />
      )}
      {shownCampaign === undefined ? null : <LinkPanel campaign={shownCampaign} onClose={() => {
        setShown(undefined);
        focusSoon(`campaign-show-${shownCampaign.code}`);
      }} />}

      <section className="section" aria-labelledby="campaigns-list">
        <h2 className="heading-medium" id="campaigns-list">
          {t('campaigns.listHeading')}
        </h2>
        {loadError === undefined ? null : <Status message={loadError} tone="error" />}
        {campaigns === undefined && loadError === undefined ? <p>{t('common.loading')}</p> : null}
        {campaigns !== undefined && campaigns.length === 0 ? <p>{t('campaigns.empty')}</p> : null}
        {campaigns !== undefined && campaigns.length > 0 ? (
          <TableRegion label={t('campaigns.listHeading')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.field.name')}</th>
                  <th scope="col">{t('campaigns.field.code')}</th>
                  <th scope="col">{t('campaigns.field.site')}</th>
                  <th scope="col">{t('campaigns.column.wave')}</th>
                  <th scope="col">{t('campaigns.column.phase')}</th>
                  <th scope="col">{t('campaigns.column.dates')}</th>
                  <th scope="col">{t('campaigns.column.state')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((campaign) => {
                  const state = campaignState(campaign, on);
                  return (
                    <tr key={campaign.code}>
                      <th scope="row">{campaign.name}</th>
                      <td>
                        <code>{campaign.code}</code>
                      </td>
                      <td>{campaign.site}</td>
                      <td className="table__number">{campaign.rolloutWave}</td>
                      <td>
                        {t(`campaigns.phase.${campaign.phase}`)}
                        {campaign.careSetting === undefined ? null : (
                          <>
                            <br />
                            <span className="hint">{t(`careSettings.${campaign.careSetting}`)}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {campaign.closesOn === undefined
                          ? t('campaigns.fromDate', { from: format(campaign.opensOn) })
                          : t('campaigns.dateRange', { from: format(campaign.opensOn), to: format(campaign.closesOn) })}
                      </td>
                      <td>
                        <span className={state === 'open' ? 'tag' : 'tag tag--closed'}>{t(`campaigns.state.${state}`)}</span>
                      </td>
                      <td>
                        <button type="button" className="link-button" id={`campaign-show-${campaign.code}`} onClick={() => {
                          setShown(campaign.code);
                          focusSoon('campaign-link-heading');
                        }}>
                          {t('campaigns.showLink')}
                          <span className="visually-hidden"> {campaign.name}</span>
                        </button>
                        <br />
                        <button type="button" className="link-button" id={`campaign-edit-${campaign.code}`} onClick={() => setEditing({ campaign, returnFocus: `campaign-edit-${campaign.code}` })}>
                          {t('campaigns.edit')}
                          <span className="visually-hidden"> {campaign.name}</span>
                        </button>
                        {state === 'closed' ? null : (
                          <>
                            <br />
                            <button type="button" className="link-button" onClick={() => void close(campaign)}>
                              {t('campaigns.close')}
                              <span className="visually-hidden"> {campaign.name}</span>
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        ) : null}
      </section>
    </div>
  );
}

function LinkPanel({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const url = new URL(campaign.link, window.location.origin).toString();

  const print = () => {
    document.body.classList.add('printing-qr');
    const done = () => {
      document.body.classList.remove('printing-qr');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <section className="qr-panel" aria-labelledby="campaign-link-heading">
      <h2 className="heading-medium" id="campaign-link-heading" tabIndex={-1}>
        {t('campaigns.linkHeading', { name: campaign.name })}
      </h2>
      <div className="form-group">
        <label className="label" htmlFor="campaign-link-url">
          {t('campaigns.link')}
        </label>
        <input className="input" id="campaign-link-url" readOnly value={url} onFocus={(event) => event.target.select()} />
      </div>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigator.clipboard.writeText(url).then(
              () => setCopied(t('campaigns.copied')),
              () => setCopied(t('campaigns.copyFailed')),
            );
          }}
        >
          {t('campaigns.copy')}
        </button>
        <a className="button button--secondary" href={campaign.link} target="_blank" rel="noopener">
          {t('campaigns.open')}
          <span className="visually-hidden"> {t('common.newTab')}</span>
        </a>
        <button type="button" className="button button--secondary" onClick={print}>
          {t('campaigns.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('campaigns.hideLink')}
        </button>
      </div>
      <Status message={copied} />
      <p className="no-print">{t('campaigns.qrLead')}</p>
      <img src={`/api/v1/campaigns/${encodeURIComponent(campaign.code)}/qr.svg`} alt={t('campaigns.qrAlt', { name: campaign.name, url })} width={224} height={224} />
      <p>
        <strong>{campaign.name}</strong>
        <br />
        {url}
      </p>
    </section>
  );
}

function CampaignForm({ campaign, onDone }: { campaign: Campaign | undefined; onDone: (saved: Campaign | undefined) => Promise<void> }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const error = (path: string) => (errors[path] === undefined ? undefined : errorText(errors[path]));
  const id = (path: string) => controlId(FORM, path);
  const text = (field: keyof Draft) => ({
    value: draft[field],
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value })),
  });

  const fail = (fields: FieldErrors) => {
    setErrors(fields);
    setAttempt((value) => value + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const wave = waveOf(draft.rolloutWave);
    const common = {
      name: draft.name,
      site: draft.site,
      ...(wave === undefined ? {} : { rolloutWave: wave }),
      ...(draft.phase === '' ? {} : { phase: draft.phase }),
      ...(isCareSetting(draft.careSetting) ? { careSetting: draft.careSetting } : {}),
      opensOn: draft.opensOn,
      ...(draft.closesOn === '' ? {} : { closesOn: draft.closesOn }),
    };
    let call: () => Promise<Campaign>;
    if (campaign === undefined) {
      const checked = validate(CreateCampaignSchema, { code: draft.code.trim(), ...common });
      if (!checked.ok) return fail({ ...checked.errors, ...(wave === undefined ? { rolloutWave: 'campaign.rolloutWave.required' } : {}) });
      call = () => api('/api/v1/campaigns', { method: 'POST', body: checked.value, parse: CampaignSchema.parse });
    } else {
      const checked = validate(UpdateCampaignSchema, common);
      if (!checked.ok) return fail(checked.errors);
      if (wave === undefined) return fail({ rolloutWave: 'campaign.rolloutWave.required' });
      if (checked.value.closesOn !== undefined && checked.value.opensOn !== undefined && checked.value.closesOn < checked.value.opensOn) return fail({ closesOn: 'campaign.closesOn.beforeOpens' });
      const change: UpdateCampaign = checked.value;
      call = () => api(`/api/v1/campaigns/${encodeURIComponent(campaign.code)}`, { method: 'PATCH', body: change, parse: CampaignSchema.parse });
    }
    setSaving(true);
    try {
      const saved = await call();
      setErrors({});
      await onDone(saved);
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) fail(caught.fields);
      else if (caught instanceof ApiError && caught.status === 409) fail({ code: 'campaign.code.taken' });
      else setProblem(failure(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={headingId}>
      <h2 className="heading-medium" id={headingId} ref={headingRef} tabIndex={-1}>
        {campaign === undefined ? t('campaigns.createHeading') : t('campaigns.editHeading', { name: campaign.name })}
      </h2>
      <ErrorSummary items={summaryItems(FORM, FIELD_ORDER, errors, errorText)} attempt={attempt} titleId={`${headingId}-errors`} />
      <Status message={problem} tone="error" />
      <Field id={id('name')} label={t('campaigns.field.name')} hint={t('campaigns.field.nameHint')} error={error('name')}>
        {(control) => <input className="input" {...control} {...text('name')} />}
      </Field>
      {campaign === undefined ? (
        <Field id={id('code')} label={t('campaigns.field.code')} hint={t('campaigns.field.codeHint')} error={error('code')}>
          {(control) => <input className="input input--code" spellCheck={false} autoCapitalize="none" {...control} {...text('code')} />}
        </Field>
      ) : (
        <p>
          {t('campaigns.field.code')}: <code>{campaign.code}</code> <span className="hint">{t('campaigns.field.codeFixed')}</span>
        </p>
      )}
      <div className="form-row">
        <Field id={id('site')} label={t('campaigns.field.site')} hint={t('campaigns.field.siteHint')} error={error('site')}>
          {(control) => <input className="input" {...control} {...text('site')} />}
        </Field>
        <Field id={id('rolloutWave')} label={t('campaigns.field.wave')} hint={t('campaigns.field.waveHint')} error={error('rolloutWave')}>
          {(control) => <input className="input input--short" inputMode="numeric" {...control} {...text('rolloutWave')} />}
        </Field>
      </div>
      <div className={`form-group${error('phase') === undefined ? '' : ' form-group--error'}`}>
        <fieldset className="fieldset" aria-describedby={error('phase') === undefined ? undefined : `${id('phase')}-error`}>
          <legend className="fieldset__legend">{t('campaigns.field.phase')}</legend>
          <FieldError id={id('phase')} message={error('phase')} />
          <div className="radios">
            {CAMPAIGN_PHASES.map((phase, index) => (
              <div className="choice" key={phase}>
                <input
                  className="choice__input"
                  type="radio"
                  name="campaign-phase"
                  id={index === 0 ? id('phase') : `${id('phase')}-${phase}`}
                  value={phase}
                  checked={draft.phase === phase}
                  onChange={() => setDraft((current) => ({ ...current, phase }))}
                />
                <label className="choice__label" htmlFor={index === 0 ? id('phase') : `${id('phase')}-${phase}`}>
                  {t(`campaigns.phase.${phase}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Field id={id('careSetting')} label={t('campaigns.field.careSetting')} hint={t('campaigns.field.careSettingHint')} optional error={error('careSetting')}>
        {(control) => (
          <select className="select" {...control} {...text('careSetting')}>
            <option value="">{t('campaigns.field.noCareSetting')}</option>
            {CARE_SETTINGS.map((setting) => (
              <option key={setting} value={setting}>
                {t(`careSettings.${setting}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-row">
        <Field id={id('opensOn')} label={t('campaigns.field.opensOn')} error={error('opensOn')}>
          {(control) => <input className="input" type="date" {...control} {...text('opensOn')} />}
        </Field>
        <Field id={id('closesOn')} label={t('campaigns.field.closesOn')} hint={t('campaigns.field.closesOnHint')} optional error={error('closesOn')}>
          {(control) => <input className="input" type="date" {...control} {...text('closesOn')} />}
        </Field>
      </div>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>
          {campaign === undefined ? t('campaigns.createSubmit') : t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void onDone(undefined)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
