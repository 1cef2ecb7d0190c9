/** Why a sign-in through the identity provider ended without a session; each has its own plain-language page. */
export type OidcProblem = 'expired' | 'cancelled' | 'failed' | 'noRole' | 'disabled' | 'emailTaken' | 'unavailable';

export const OIDC_PROBLEM_STATUS: Readonly<Record<OidcProblem, 400 | 403 | 409 | 503>> = {
  expired: 400,
  cancelled: 400,
  failed: 400,
  noRole: 403,
  disabled: 403,
  emailTaken: 409,
  unavailable: 503,
};

interface Text {
  readonly title: string;
  readonly body: string;
}

const SV: Readonly<Record<OidcProblem, Text>> = {
  expired: {
    title: 'Inloggningen gick inte att slutföra',
    body: 'Inloggningen tog för lång tid eller påbörjades i en annan flik eller webbläsare. Börja om från inloggningssidan.',
  },
  cancelled: { title: 'Inloggningen avbröts', body: 'Du loggades inte in. Börja om från inloggningssidan om du vill försöka igen.' },
  failed: {
    title: 'Inloggningen gick inte att slutföra',
    body: 'Svaret från inloggningstjänsten kunde inte godkännas. Börja om från inloggningssidan. Om felet finns kvar, kontakta IT-supporten.',
  },
  noRole: {
    title: 'Du har inte behörighet till Medskapa',
    body: 'Du är inloggad, men ditt konto har ingen roll i Medskapa. Be din chef eller IT-supporten om behörighet till Medskapa och logga sedan in igen.',
  },
  disabled: { title: 'Ditt konto är avstängt', body: 'Ditt konto i Medskapa är avstängt. Kontakta en administratör för Medskapa om du behöver komma åt arbetsytan.' },
  emailTaken: {
    title: 'Det finns redan ett konto med din e-postadress',
    body: 'Ett konto med lösenord använder redan din e-postadress. Be en administratör för Medskapa att ändra det kontot, och logga sedan in igen.',
  },
  unavailable: { title: 'Inloggningstjänsten går inte att nå just nu', body: 'Det kan vara ett tillfälligt fel. Försök igen om en stund.' },
};

const EN: Readonly<Record<OidcProblem, Text>> = {
  expired: {
    title: 'Signing in could not be completed',
    body: 'The sign-in took too long, or it was started in another tab or browser. Start again from the sign-in page.',
  },
  cancelled: { title: 'Signing in was cancelled', body: 'You were not signed in. Start again from the sign-in page if you want to try again.' },
  failed: {
    title: 'Signing in could not be completed',
    body: 'The answer from the sign-in service could not be accepted. Start again from the sign-in page. If it keeps happening, contact IT support.',
  },
  noRole: {
    title: 'You do not have access to Medskapa',
    body: 'You are signed in, but your account has no role in Medskapa. Ask your manager or IT support for access to Medskapa, then sign in again.',
  },
  disabled: { title: 'Your account is disabled', body: 'Your Medskapa account is disabled. Contact a Medskapa administrator if you need the workspace.' },
  emailTaken: {
    title: 'An account already uses your e-mail address',
    body: 'An account with a password already uses your e-mail address. Ask a Medskapa administrator to change that account, then sign in again.',
  },
  unavailable: { title: 'The sign-in service cannot be reached right now', body: 'This may be a temporary problem. Please try again in a few minutes.' },
};

/** A small self-contained page (no script, no inline style: the CSP holds), Swedish first, then English. */
export function oidcProblemPage(problem: OidcProblem, requestId: string | undefined): string {
  const sv = SV[problem];
  const en = EN[problem];
  const reference = requestId === undefined ? '' : `\n<p>Referens / Reference: <code>${requestId.replace(/[^A-Za-z0-9-]/g, '')}</code></p>`;
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${sv.title} – Medskapa</title>
</head>
<body>
<main>
<h1>${sv.title}</h1>
<p>${sv.body}</p>
<p><a href="/backoffice/">Till inloggningssidan</a></p>
<section lang="en" aria-labelledby="in-english">
<h2 id="in-english">${en.title}</h2>
<p>${en.body}</p>
<p><a href="/backoffice/">Go to the sign-in page</a></p>
</section>${reference}
</main>
</body>
</html>
`;
}
