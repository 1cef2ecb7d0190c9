import { AUDIT_OUTCOMES, AuditEventSchema, AuditQuerySchema, UserSchema, type AuditEvent, type AuditQuery, type User } from '@medskapa/api/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { request } from './http.ts';
import { ErrorSummary, Field, Status, TableRegion, controlId, summaryItems, useErrorText, useFailureText, useFormatDate, validate, type FieldErrors } from './ui.tsx';

const AuditPageSchema = z.array(AuditEventSchema);
const FORM = 'audit';
const FIELD_ORDER = ['action', 'actorId', 'targetType', 'targetId', 'outcome', 'from', 'to'];
const PAGE_SIZE = 100;
/** Suggestions for the action field; any action, or a prefix ending in a dot, may be typed. */
const KNOWN_ACTIONS = [
  'session.',
  'session.sign_in',
  'session.sign_out',
  'access.denied',
  'user.',
  'campaign.',
  'theme.',
  'codebook.',
  'tag.',
  'excerpt.added',
  'story.',
  'story.assisted_entry',
  'story.deidentified',
  'submission.withdrawn',
  'contact.viewed',
  'contact.exported',
  'audit.exported',
  'retention.run',
];
const TARGET_TYPES = ['user', 'campaign', 'theme', 'codebook', 'story', 'submission', 'contacts', 'auditEvents'];

type Draft = Record<(typeof FIELD_ORDER)[number], string>;

function queryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/** The audit log (admins only): filter, read, load more, export what the filter shows. */
export function AuditScreen() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const format = useFormatDate();
  const [draft, setDraft] = useState<Draft>({ action: '', actorId: '', targetType: '', targetId: '', outcome: '', from: '', to: '' });
  const [applied, setApplied] = useState<AuditQuery>({});
  const [events, setEvents] = useState<AuditEvent[] | undefined>(undefined);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [users, setUsers] = useState<User[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const fetchPage = async (path: string, append: boolean, focus: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const page = await request(path, { parse: AuditPageSchema.parse });
      setEvents((current) => (append ? [...(current ?? []), ...page.value] : page.value));
      setNext(page.next);
      if (focus) window.setTimeout(() => resultsHeading.current?.focus(), 0);
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void fetchPage(`/api/v1/audit?limit=${PAGE_SIZE}`, false, false);
    api('/api/v1/users', { parse: z.array(UserSchema).parse }).then(setUsers, () => setUsers([]));
    // Once, when the screen opens.
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''));
    const checked = validate(AuditQuerySchema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      setAttempt((value) => value + 1);
      return;
    }
    setErrors({});
    setApplied(checked.value);
    const query = queryString({ ...checked.value, limit: PAGE_SIZE });
    await fetchPage(`/api/v1/audit?${query}`, false, true);
  };

  const clear = async () => {
    setDraft({ action: '', actorId: '', targetType: '', targetId: '', outcome: '', from: '', to: '' });
    setErrors({});
    setApplied({});
    await fetchPage(`/api/v1/audit?limit=${PAGE_SIZE}`, false, true);
  };

  const error = (path: string) => (errors[path] === undefined ? undefined : errorText(errors[path]));
  const id = (path: string) => controlId(FORM, path);
  const text = (field: keyof Draft) => ({
    value: draft[field] ?? '',
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value })),
  });
  const userName = (userId: string | undefined) => {
    if (userId === undefined) return t('audit.nobody');
    const user = users.find((candidate) => candidate.id === userId);
    return user === undefined ? userId : `${user.displayName} (${user.email})`;
  };
  const exportQuery = queryString(applied);

  return (
    <div className="admin-wide">
      <PageHeading title={t('audit.title')} />
      <p className="lead">{t('audit.lead')}</p>
      <form className="form-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="audit-filter-heading">
        <h2 className="heading-medium" id="audit-filter-heading">
          {t('audit.filterHeading')}
        </h2>
        <ErrorSummary items={summaryItems(FORM, FIELD_ORDER, errors, errorText)} attempt={attempt} titleId="audit-errors" />
        <div className="form-row">
          <Field id={id('action')} label={t('audit.field.action')} hint={t('audit.field.actionHint')} optional error={error('action')}>
            {(control) => <input className="input" list="audit-actions" spellCheck={false} autoCapitalize="none" {...control} {...text('action')} />}
          </Field>
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
          <Field id={id('actorId')} label={t('audit.field.actor')} optional error={error('actorId')}>
            {(control) => (
              <select className="select" {...control} {...text('actorId')}>
                <option value="">{t('audit.field.anyone')}</option>
                {users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.displayName} ({user.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field id={id('targetType')} label={t('audit.field.targetType')} optional error={error('targetType')}>
            {(control) => (
              <select className="select" {...control} {...text('targetType')}>
                <option value="">{t('audit.field.anyType')}</option>
                {TARGET_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`audit.targetType.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('targetId')} label={t('audit.field.targetId')} hint={t('audit.field.targetIdHint')} optional error={error('targetId')}>
            {(control) => <input className="input" spellCheck={false} autoCapitalize="none" {...control} {...text('targetId')} />}
          </Field>
          <Field id={id('outcome')} label={t('audit.field.outcome')} optional error={error('outcome')}>
            {(control) => (
              <select className="select" {...control} {...text('outcome')}>
                <option value="">{t('audit.field.anyOutcome')}</option>
                {AUDIT_OUTCOMES.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {t(`audit.outcome.${outcome}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field id={id('from')} label={t('audit.field.from')} optional error={error('from')}>
            {(control) => <input className="input" type="date" {...control} {...text('from')} />}
          </Field>
          <Field id={id('to')} label={t('audit.field.to')} optional error={error('to')}>
            {(control) => <input className="input" type="date" {...control} {...text('to')} />}
          </Field>
        </div>
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('audit.filter')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void clear()}>
            {t('audit.clear')}
          </button>
        </div>
      </form>

      <section className="section" aria-labelledby="audit-results">
        <h2 className="heading-medium" id="audit-results" tabIndex={-1} ref={resultsHeading}>
          {events === undefined ? t('audit.resultsHeading') : t('audit.resultsCount', { count: events.length, more: next === undefined ? '' : '+' })}
        </h2>
        <p>
          <a href={`/api/v1/audit.csv${exportQuery === '' ? '' : `?${exportQuery}`}`} download>
            {t('audit.exportCsv')}
          </a>
        </p>
        <Status message={problem} tone="error" />
        {events === undefined && problem === undefined ? <p>{t('common.loading')}</p> : null}
        {events !== undefined && events.length === 0 ? <p>{t('audit.empty')}</p> : null}
        {events !== undefined && events.length > 0 ? (
          <TableRegion label={t('audit.resultsHeading')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.column.at')}</th>
                  <th scope="col">{t('audit.column.action')}</th>
                  <th scope="col">{t('audit.column.outcome')}</th>
                  <th scope="col">{t('audit.column.actor')}</th>
                  <th scope="col">{t('audit.column.target')}</th>
                  <th scope="col">{t('audit.column.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>
                      <time dateTime={event.at}>{format(event.at, true)}</time>
                    </td>
                    <th scope="row">
                      <code>{event.action}</code>
                    </th>
                    <td>{t(`audit.outcome.${event.outcome}`)}</td>
                    <td>{userName(event.actorId)}</td>
                    <td>{[event.targetType, event.targetId].filter((part) => part !== undefined).join(': ')}</td>
                    <td>
                      {event.detail === undefined ? null : (
                        <ul className="details-list">
                          {Object.entries(event.detail).map(([key, value]) => (
                            <li key={key}>
                              {key}: {String(value)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : null}
        {next === undefined ? null : (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void fetchPage(next, true, false)}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
