import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { languageInfo } from '../i18n/languages.ts';
import { normaliseValues, type FormValues, type Step } from './formValues.ts';

interface Row {
  readonly question: string;
  readonly answer: string;
  readonly step: Step;
  readonly freeText?: boolean;
}

/** GOV.UK "check your answers": every answer with a Change link that returns here. */
export function CheckAnswersPage({ changeHref, onChange }: { changeHref: (step: Step) => string; onChange: (step: Step) => void }) {
  const { t } = useTranslation();
  const values = normaliseValues(useFormContext<FormValues>().getValues());
  const none = t('check.notAnswered');
  const rows: Row[] = [
    { question: t('you.roleLegend'), answer: values.respondent.role === '' ? none : t(`you.role.${values.respondent.role}`), step: 'you' },
    ...(values.respondent.role === 'relative' || values.respondent.role === 'patient_and_relative'
      ? [{ question: t('you.relationshipLegend'), answer: values.respondent.relationship === '' ? none : t(`you.relationship.${values.respondent.relationship}`), step: 'you' as const }]
      : []),
    { question: t('you.ageLegend'), answer: values.respondent.ageGroup === '' ? none : t(`you.age.${values.respondent.ageGroup}`), step: 'you' },
    { question: t('care.settingsLegend'), answer: values.care.settings.map((value) => t(`care.setting.${value}`)).join(', ') || none, step: 'care' },
    { question: t('care.unitLabel'), answer: values.care.unit || none, step: 'care', freeText: true },
    { question: t('care.whenLegend'), answer: values.care.when === '' ? none : t(`care.when.${values.care.when}`), step: 'care' },
    { question: t('topics.title'), answer: values.topics.map((value) => t(`topics.topic.${value}`)).join(', ') || none, step: 'topics' },
    { question: t('story.whatHappenedLabel'), answer: values.story.whatHappened || none, step: 'story', freeText: true },
    { question: t('story.whatWorkedWellLabel'), answer: values.story.whatWorkedWell || none, step: 'story', freeText: true },
    { question: t('story.whatCouldBeBetterLabel'), answer: values.story.whatCouldBeBetter || none, step: 'story', freeText: true },
    { question: t('story.ideaLabel'), answer: values.story.idea || none, step: 'story', freeText: true },
    { question: t('rating.title'), answer: values.rating === '' ? none : t(`rating.value.${values.rating}`), step: 'rating' },
    { question: t('takePart.legend'), answer: values.takePart === '' ? none : t(`takePart.${values.takePart}`), step: 'takePart' },
    ...(values.takePart === 'yes'
      ? [
          {
            question: t('check.contactSummary'),
            answer: [
              values.followUp.name,
              values.followUp.email,
              values.followUp.phone,
              values.followUp.preferredLanguage === '' ? '' : languageInfo(values.followUp.preferredLanguage).autonym,
              values.followUp.accessNeeds,
            ]
              .filter((part) => part !== '')
              .join('\n'),
            step: 'takePart' as const,
            freeText: true,
          },
        ]
      : []),
  ];
  return (
    <>
      <h1 className="page-heading">{t('check.title')}</h1>
      <dl className="summary-list">
        {rows.map((row) => (
          <div className="summary-list__row" key={row.question}>
            <dt className="summary-list__key">{row.question}</dt>
            <dd className="summary-list__value" dir={row.freeText ? 'auto' : undefined}>
              {row.answer}
            </dd>
            <dd className="summary-list__actions">
              <a
                href={changeHref(row.step)}
                onClick={(event) => {
                  event.preventDefault();
                  onChange(row.step);
                }}
              >
                {t('check.change')}
                <span className="visually-hidden"> {t('check.changeHidden', { question: row.question })}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
