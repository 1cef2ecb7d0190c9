import { SessionSchema, SignInMethodsSchema, SignInSchema, type SignInMethods } from '@medskapa/api/contract';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, ApiError } from './api.ts';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { PageHeading } from './components/PageHeading.tsx';

export type Session = z.infer<typeof SessionSchema>;
export type SignedOutReason = 'expired' | 'signedOut' | undefined;

type FieldName = 'email' | 'password';
interface Problem {
  readonly field: FieldName;
  readonly message: string;
}

const fieldId = (field: FieldName) => `signin-${field}`;

/** Seconds from a Retry-After header value ("30" or an HTTP date); undefined when absent. */
function waitSeconds(retryAfter: string | undefined): number {
  if (retryAfter === undefined) return 60;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? 60 : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/** Sign-in with e-mail and password; errors in a GOV.UK error summary and next to their field. */
export function SignInPage({ reason, onSignedIn }: { reason: SignedOutReason; onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation('core');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [methods, setMethods] = useState<SignInMethods>({});

  // The region's identity provider, when configured; the password form stays for break-glass accounts.
  useEffect(() => {
    let cancelled = false;
    api('/api/v1/session/methods', { parse: (value) => SignInMethodsSchema.parse(value) })
      .then((found) => {
        if (!cancelled) setMethods(found);
      })
      .catch(() => {
        // Without the answer the password form is still there.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  const oidc = methods.oidc;

  const fail = (next: Problem[]) => {
    setProblems(next);
    setAttempt((value) => value + 1);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const local: Problem[] = [];
    const parsed = SignInSchema.safeParse({ email, password });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'password' ? 'password' : 'email';
        if (!local.some((problem) => problem.field === field)) local.push({ field, message: t(field === 'email' ? (email.trim() === '' ? 'signIn.errors.emailRequired' : 'signIn.errors.emailInvalid') : 'signIn.errors.passwordTooLong') });
      }
    }
    if (password === '' && !local.some((problem) => problem.field === 'password')) local.push({ field: 'password', message: t('signIn.errors.passwordRequired') });
    if (local.length > 0 || !parsed.success) {
      fail(local.sort((a, b) => (a.field === b.field ? 0 : a.field === 'email' ? -1 : 1)));
      return;
    }
    setBusy(true);
    try {
      const session = await api('/api/v1/session', {
        method: 'POST',
        body: parsed.data,
        parse: (value) => SessionSchema.parse(value),
      });
      setProblems([]);
      onSignedIn(session);
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.status === 429) {
        const seconds = waitSeconds(error.retryAfter);
        const wait = seconds < 90 ? t('signIn.waitSeconds', { count: seconds }) : t('signIn.waitMinutes', { count: Math.ceil(seconds / 60) });
        fail([{ field: 'email', message: t('signIn.errors.throttled', { wait }) }]);
      } else if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        fail([{ field: 'email', message: t('signIn.errors.wrongCredentials') }]);
      } else {
        fail([{ field: 'email', message: t('signIn.errors.unavailable') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: FieldName) => problems.find((problem) => problem.field === field)?.message;
  const summary: SummaryError[] = problems.map((problem) => ({ href: `#${fieldId(problem.field)}`, message: problem.message }));

  const field = (name: FieldName, type: 'email' | 'password', autoComplete: string) => {
    const error = errorFor(name);
    return (
      <div className={`form-group${error === undefined ? '' : ' form-group--error'}`}>
        <label className="label" htmlFor={fieldId(name)}>
          {t(`signIn.${name}`)}
        </label>
        {error === undefined ? null : (
          <p className="error-message" id={`${fieldId(name)}-error`}>
            <span className="visually-hidden">{t('errors.prefix')}</span> {error}
          </p>
        )}
        <input
          className="input input--medium"
          id={fieldId(name)}
          name={name}
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
          value={name === 'email' ? email : password}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${fieldId(name)}-error`}
          onChange={(event) => (name === 'email' ? setEmail(event.target.value) : setPassword(event.target.value))}
        />
      </div>
    );
  };

  return (
    <>
      <PageHeading title={t('signIn.title')} hasErrors={problems.length > 0} />
      {reason === undefined || problems.length > 0 ? null : (
        <div className="notice" role="status">
          <p>{t(reason === 'expired' ? 'signIn.expired' : 'signIn.signedOut')}</p>
        </div>
      )}
      <ErrorSummary errors={summary} attempt={attempt} />
      {oidc === undefined ? (
        <p>{t('signIn.intro')}</p>
      ) : (
        <>
          <p>{t('signIn.oidc.intro')}</p>
          <p>
            <a className="button" href={oidc.startUrl}>
              {oidc.providerName === undefined ? t('signIn.oidc.buttonGeneric') : t('signIn.oidc.button', { provider: oidc.providerName })}
            </a>
          </p>
          <h2>{t('signIn.oidc.passwordHeading')}</h2>
          <p>{t('signIn.oidc.passwordIntro')}</p>
        </>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
        {field('email', 'email', 'username')}
        {field('password', 'password', 'current-password')}
        <button className="button" type="submit">
          {t('signIn.submit')}
        </button>
      </form>
      <p className="hint">{t('signIn.help')}</p>
    </>
  );
}
