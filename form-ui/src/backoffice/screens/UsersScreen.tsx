import { CreateUserSchema, PASSWORD_MIN_LENGTH, ROLES, UpdateUserSchema, UserSchema, type Role, type User } from '@medskapa/api/contract';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, api } from '../api.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSession } from '../session.tsx';
import {
  Dialog,
  ErrorSummary,
  Field,
  FieldError,
  Status,
  TableRegion,
  controlId,
  summaryItems,
  useErrorText,
  useFailureText,
  validate,
  type FieldErrors,
  focusSoon,
  useApiList,
} from './ui.tsx';

const UserListSchema = z.array(UserSchema);
const FORM = 'user';
const FIELD_ORDER = ['email', 'displayName', 'roles', 'password'];

function RoleChoices({
  idPrefix,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  selected: ReadonlyArray<Role>;
  onChange: (roles: Role[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('admin');
  const errorId = `${idPrefix}-error`;
  return (
    <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
      <fieldset className="fieldset" aria-describedby={error === undefined ? undefined : errorId}>
        <legend className="fieldset__legend">{t('users.field.roles')}</legend>
        <FieldError id={idPrefix} message={error} />
        <div className="checkboxes">
          {ROLES.map((role, index) => {
            const id = index === 0 ? idPrefix : `${idPrefix}-${role}`;
            return (
              <div className="choice" key={role}>
                <input
                  className="choice__input"
                  type="checkbox"
                  id={id}
                  value={role}
                  checked={selected.includes(role)}
                  aria-describedby={`${id}-hint`}
                  onChange={(event) => onChange(event.target.checked ? ROLES.filter((candidate) => candidate === role || selected.includes(candidate)) : selected.filter((candidate) => candidate !== role))}
                />
                <label className="choice__label" htmlFor={id}>
                  {t(`roles.${role}`)}
                </label>
                <p className="hint choice__hint" id={`${id}-hint`}>
                  {t(`roles.${role}Hint`)}
                </p>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Back-office users (admins only): list, create, change roles, disable and enable. */
export function UsersScreen() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const failure = useFailureText();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<User | undefined>(undefined);

  const { data: users, loadError, reload: load } = useApiList('/api/v1/users', UserListSchema.parse);


  const setDisabled = async (user: User, disabled: boolean) => {
    try {
      await api(`/api/v1/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { disabled }, parse: UserSchema.parse });
      setStatus(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.displayName }));
      await load();
      focusSoon(`user-toggle-${user.id}`);
    } catch (error) {
      setStatus(failure(error));
    }
  };

  return (
    <div className="admin-wide">
      <PageHeading title={t('users.title')} />
      <p className="lead">{t('users.lead')}</p>
      <Status message={status} />
      <div className="button-group">
        <button type="button" className="button" id="user-new" aria-expanded={creating} onClick={() => setCreating(true)}>
          {t('users.new')}
        </button>
      </div>
      {creating ? (
        <CreateUserForm
          onDone={async (created) => {
            setCreating(false);
            if (created !== undefined) {
              setStatus(t('users.created', { name: created.displayName, email: created.email }));
              await load();
            }
            focusSoon('user-new');
          }}
        />
      ) : null}

      <section className="section" aria-labelledby="users-list">
        <h2 className="heading-medium" id="users-list">
          {t('users.listHeading')}
        </h2>
        {loadError === undefined ? null : <Status message={loadError} tone="error" />}
        {users === undefined && loadError === undefined ? <p>{t('common.loading')}</p> : null}
        {users === undefined ? null : (
          <TableRegion label={t('users.listHeading')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('users.field.displayName')}</th>
                  <th scope="col">{t('users.field.email')}</th>
                  <th scope="col">{t('users.field.roles')}</th>
                  <th scope="col">{t('users.column.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const isSelf = user.id === session.user.id;
                  return (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.displayName}
                        {isSelf ? <span className="hint"> {t('users.you')}</span> : null}
                      </th>
                      <td>{user.email}</td>
                      <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                      <td>
                        <span className={user.disabled ? 'tag tag--disabled' : 'tag'}>{t(user.disabled ? 'users.disabled' : 'users.active')}</span>
                      </td>
                      <td>
                        <button type="button" className="link-button" id={`user-roles-${user.id}`} onClick={() => setChanging(user)}>
                          {t('users.changeRoles')}
                          <span className="visually-hidden"> {user.displayName}</span>
                        </button>
                        {isSelf ? null : (
                          <>
                            <br />
                            <button type="button" className="link-button" id={`user-toggle-${user.id}`} onClick={() => void setDisabled(user, !user.disabled)}>
                              {t(user.disabled ? 'users.enable' : 'users.disable')}
                              <span className="visually-hidden"> {user.displayName}</span>
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
        )}
      </section>

      <RolesDialog
        user={changing}
        isSelf={changing?.id === session.user.id}
        onClose={() => setChanging(undefined)}
        onSaved={async (user) => {
          setChanging(undefined);
          setStatus(t('users.rolesSaved', { name: user.displayName }));
          await load();
        }}
      />
    </div>
  );
}

function RolesDialog({ user, isSelf, onClose, onSaved }: { user: User | undefined; isSelf: boolean; onClose: () => void; onSaved: (user: User) => Promise<void> }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    setRoles(user?.roles ?? []);
    setError(undefined);
    setProblem(undefined);
  }, [user]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (user === undefined) return;
    const checked = validate(UpdateUserSchema, { roles });
    if (!checked.ok) {
      setError(errorText(checked.errors['roles'] ?? 'user.roles.required'));
      document.getElementById('roles-dialog-roles')?.focus();
      return;
    }
    try {
      await onSaved(await api(`/api/v1/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: checked.value, parse: UserSchema.parse }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields['roles'] !== undefined) setError(errorText(caught.fields['roles']));
      else setProblem(failure(caught));
    }
  };

  return (
    <Dialog open={user !== undefined} onClose={onClose} titleId="roles-dialog-title">
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <h2 className="heading-medium" id="roles-dialog-title">
          {t('users.rolesTitle', { name: user?.displayName ?? '' })}
        </h2>
        <p>{t(isSelf ? 'users.rolesSelfWarning' : 'users.rolesLead')}</p>
        <Status message={problem} tone="error" />
        <RoleChoices idPrefix="roles-dialog-roles" selected={roles} onChange={setRoles} error={error} />
        <div className="button-group">
          <button type="submit" className="button">
            {t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CreateUserForm({ onDone }: { onDone: (created: User | undefined) => Promise<void> }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const failure = useFailureText();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const fail = (fields: FieldErrors) => {
    setErrors(fields);
    setAttempt((value) => value + 1);
  };
  const error = (path: string) => (errors[path] === undefined ? undefined : errorText(errors[path]));
  const id = (path: string) => controlId(FORM, path);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const checked = validate(CreateUserSchema, { email, displayName, roles, password });
    const tooShort = [...password].length < PASSWORD_MIN_LENGTH ? { password: password === '' ? 'user.password.required' : 'user.password.tooShort' } : {};
    if (!checked.ok || Object.keys(tooShort).length > 0) return fail({ ...(checked.ok ? {} : checked.errors), ...tooShort });
    setSaving(true);
    try {
      const created = await api('/api/v1/users', { method: 'POST', body: checked.value, parse: UserSchema.parse });
      await onDone(created);
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) fail(caught.fields);
      else if (caught instanceof ApiError && caught.status === 409) fail({ email: 'user.email.taken' });
      else setProblem(failure(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby={headingId}>
      <h2 className="heading-medium" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('users.createHeading')}
      </h2>
      <ErrorSummary items={summaryItems(FORM, FIELD_ORDER, errors, errorText)} attempt={attempt} titleId={`${headingId}-errors`} />
      <Status message={problem} tone="error" />
      <Field id={id('email')} label={t('users.field.email')} hint={t('users.field.emailHint')} error={error('email')}>
        {(control) => <input className="input" type="email" autoComplete="off" spellCheck={false} {...control} value={email} onChange={(event) => setEmail(event.target.value)} />}
      </Field>
      <Field id={id('displayName')} label={t('users.field.displayName')} error={error('displayName')}>
        {(control) => <input className="input" autoComplete="off" {...control} value={displayName} onChange={(event) => setDisplayName(event.target.value)} />}
      </Field>
      <RoleChoices idPrefix={id('roles')} selected={roles} onChange={setRoles} error={error('roles')} />
      <Field id={id('password')} label={t('users.field.password')} hint={t('users.field.passwordHint', { min: PASSWORD_MIN_LENGTH })} error={error('password')}>
        {(control) => <input className="input" type="password" autoComplete="new-password" {...control} value={password} onChange={(event) => setPassword(event.target.value)} />}
      </Field>
      <div className="button-group">
        <button type="submit" className="button" disabled={saving}>
          {t('users.createSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void onDone(undefined)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
