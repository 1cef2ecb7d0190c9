import { LIMITS } from '@medskapa/api/contract/limits';
import { AGE_GROUPS, CARE_SETTINGS, CARE_WHEN, RELATIONSHIPS, RESPONDENT_ROLES, TOPICS } from '@medskapa/api/contract/lists';
import { useFormContext, useWatch } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { Choices } from '../components/Choices.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { fieldId } from '../components/fieldIds.ts';
import { TextArea } from '../components/TextArea.tsx';
import { TextField } from '../components/TextField.tsx';
import { LANGUAGES } from '../i18n/languages.ts';
import type { FormValues } from './formValues.ts';

export type FieldErrors = Readonly<Record<string, string | undefined>>;

export function StartPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-heading">{t('start.title')}</h1>
      <p className="lead">{t('start.lead')}</p>
      <p>{t('start.whoReads')}</p>
      <p>{t('start.anonymous')}</p>
      <p>{t('start.time')}</p>
      <div className="inset">
        <h2 className="heading-small">{t('start.notForTitle')}</h2>
        <ul className="list">
          <li>
            <Trans i18nKey="start.notForEmergency" components={[<a href="tel:112" key="112" />]} />
          </li>
          <li>
            <Trans
              i18nKey="start.notForAdvice"
              components={[<a href="tel:1177" key="tel" />, <a href="https://www.1177.se/" key="web" />]}
            />
          </li>
          <li>
            <Trans
              i18nKey="start.notForComplaint"
              components={[<a href="https://www.vgregion.se/patientnamnden" key="pn" />]}
            />
          </li>
        </ul>
      </div>
    </>
  );
}

export function YouPage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FormValues>();
  const role = useWatch({ control, name: 'respondent.role' });
  const optional = t('shell.optional');
  return (
    <>
      <h1 className="page-heading">{t('you.title')}</h1>
      <Choices
        type="radio"
        name="respondent.role"
        legend={t('you.roleLegend')}
        error={errors['respondent.role']}
        options={RESPONDENT_ROLES.map((value) => ({
          value,
          label: t(`you.role.${value}`),
          hint: value === 'relative' ? t('you.roleHint.relative') : undefined,
        }))}
      />
      {role === 'relative' || role === 'patient_and_relative' ? (
        <Choices
          type="radio"
          name="respondent.relationship"
          legend={role === 'relative' ? t('you.relationshipLegend') : <>{t('you.relationshipLegend')} <span className="optional">{optional}</span></>}
          error={errors['respondent.relationship']}
          options={RELATIONSHIPS.map((value) => ({ value, label: t(`you.relationship.${value}`) }))}
        />
      ) : null}
      <Choices
        type="radio"
        name="respondent.ageGroup"
        legend={<>{t('you.ageLegend')} <span className="optional">{optional}</span></>}
        error={errors['respondent.ageGroup']}
        options={AGE_GROUPS.map((value) => ({ value, label: t(`you.age.${value}`) }))}
      />
    </>
  );
}

export function CarePage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page-heading">{t('care.title')}</h1>
      <Choices
        type="checkbox"
        name="care.settings"
        legend={t('care.settingsLegend')}
        hint={t('care.settingsHint')}
        error={errors['care.settings']}
        options={CARE_SETTINGS.map((value) => ({ value, label: t(`care.setting.${value}`) }))}
      />
      <TextField name="care.unit" label={t('care.unitLabel')} hint={t('care.unitHint')} optionalText={t('shell.optional')} error={errors['care.unit']} />
      <Choices
        type="radio"
        name="care.when"
        legend={t('care.whenLegend')}
        error={errors['care.when']}
        options={CARE_WHEN.map((value) => ({ value, label: t(`care.when.${value}`) }))}
      />
    </>
  );
}

export function TopicsPage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <Choices
      type="checkbox"
      name="topics"
      legendIsHeading
      legend={<>{t('topics.title')} <span className="optional">{t('shell.optional')}</span></>}
      hint={t('topics.hint')}
      error={errors['topics']}
      options={TOPICS.map((value) => ({ value, label: t(`topics.topic.${value}`) }))}
    />
  );
}

export function StoryPage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const optional = t('shell.optional');
  return (
    <>
      <h1 className="page-heading">{t('story.title')}</h1>
      <p>{t('story.lead')}</p>
      <TextArea name="story.whatHappened" label={t('story.whatHappenedLabel')} hint={t('story.whatHappenedHint')} max={LIMITS.whatHappenedMax} error={errors['story.whatHappened']} rows={8} />
      <TextArea name="story.whatWorkedWell" label={t('story.whatWorkedWellLabel')} optionalText={optional} hint="" max={LIMITS.storyFieldMax} error={errors['story.whatWorkedWell']} />
      <TextArea name="story.whatCouldBeBetter" label={t('story.whatCouldBeBetterLabel')} optionalText={optional} hint="" max={LIMITS.storyFieldMax} error={errors['story.whatCouldBeBetter']} />
      <TextArea name="story.idea" label={t('story.ideaLabel')} optionalText={optional} hint="" max={LIMITS.storyFieldMax} error={errors['story.idea']} />
    </>
  );
}

export function RatingPage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <Choices
      type="radio"
      name="rating"
      legendIsHeading
      legend={<>{t('rating.title')} <span className="optional">{t('shell.optional')}</span></>}
      hint={t('rating.hint')}
      error={errors['rating']}
      options={(['5', '4', '3', '2', '1'] as const).map((value) => ({ value, label: t(`rating.value.${value}`) }))}
    />
  );
}

export function TakePartPage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<FormValues>();
  const takePart = useWatch({ control, name: 'takePart' });
  const optional = t('shell.optional');
  const languageError = errors['followUp.preferredLanguage'];
  return (
    <>
      <h1 className="page-heading">{t('takePart.title')}</h1>
      <p>{t('takePart.lead')}</p>
      <Choices
        type="radio"
        name="takePart"
        legend={t('takePart.legend')}
        error={errors['takePart']}
        options={[
          { value: 'yes', label: t('takePart.yes') },
          { value: 'no', label: t('takePart.no') },
        ]}
      />
      {takePart === 'yes' ? (
        <div className="conditional">
          <p>{t('takePart.why')}</p>
          <TextField name="followUp.name" label={t('takePart.nameLabel')} autoComplete="name" error={errors['followUp.name']} />
          <p className="hint">{t('takePart.contactHint')}</p>
          <TextField name="followUp.email" label={t('takePart.emailLabel')} type="email" inputMode="email" autoComplete="email" error={errors['followUp.email']} />
          <TextField name="followUp.phone" label={t('takePart.phoneLabel')} type="tel" inputMode="tel" autoComplete="tel" error={errors['followUp.phone']} />
          <div className={`form-group${languageError === undefined ? '' : ' form-group--error'}`}>
            <label className="label" htmlFor={fieldId('followUp.preferredLanguage')}>
              {t('takePart.languageLabel')} <span className="optional">{optional}</span>
            </label>
            <ErrorMessage path="followUp.preferredLanguage" message={languageError} />
            <select className="select" id={fieldId('followUp.preferredLanguage')} {...register('followUp.preferredLanguage')}>
              <option value="">–</option>
              {LANGUAGES.map((language) => (
                <option key={language.code} value={language.code} lang={language.htmlLang}>
                  {language.autonym}
                </option>
              ))}
            </select>
          </div>
          <TextArea
            name="followUp.accessNeeds"
            label={t('takePart.accessNeedsLabel')}
            hint={t('takePart.accessNeedsHint')}
            optionalText={optional}
            max={LIMITS.accessNeedsMax}
            error={errors['followUp.accessNeeds']}
            rows={3}
          />
        </div>
      ) : null}
    </>
  );
}

function Checkbox({ path, label, error }: { path: 'consent.storyProcessing' | 'consent.contactProcessing'; label: string; error: string | undefined }) {
  const { register } = useFormContext<FormValues>();
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <ErrorMessage path={path} message={error} />
      <div className="choice">
        <input
          className="choice__input"
          type="checkbox"
          id={fieldId(path)}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${fieldId(path)}-error`}
          {...register(path)}
        />
        <label className="choice__label" htmlFor={fieldId(path)}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function ConsentPage({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FormValues>();
  const takePart = useWatch({ control, name: 'takePart' });
  return (
    <>
      <h1 className="page-heading">{t('consent.title')}</h1>
      <p>{t('consent.whatStored')}</p>
      <p>{t('consent.why')}</p>
      <p>{t('consent.howLong')}</p>
      <p>{t('consent.withdraw')}</p>
      <Checkbox path="consent.storyProcessing" label={t('consent.storyLabel')} error={errors['consent.storyProcessing']} />
      {takePart === 'yes' ? (
        <Checkbox path="consent.contactProcessing" label={t('consent.contactLabel')} error={errors['consent.contactProcessing']} />
      ) : null}
    </>
  );
}
