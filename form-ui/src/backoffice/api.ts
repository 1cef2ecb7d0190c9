import type { ErrorBody } from '@medskapa/api/contract';

/** The CSRF token of the current session (from POST/GET /api/v1/session); sent on every state-changing call. */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Readonly<Record<string, string>>;
  /** The Retry-After header of a 429 or 503 answer (seconds or an HTTP date), when the server sent one. */
  readonly retryAfter: string | undefined;
  constructor(status: number, body: ErrorBody | undefined, retryAfter?: string | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error.code ?? 'unavailable';
    this.fields = body?.error.fields ?? {};
    this.retryAfter = retryAfter ?? undefined;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'object' && value.error !== null && 'code' in value.error;
}

/** Listeners told when the server says the session is gone (401), so the shell can show the sign-in page. */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/**
 * Calls the API as the signed-in user. JSON in, JSON (or text for CSV/XML/SVG) out; a non-2xx answer throws ApiError.
 * `parse` narrows the unknown JSON to the expected type (a zod schema's `parse` from the contract).
 */
export async function api<T>(
  path: string,
  options: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; rawBody?: string; contentType?: string; parse: (value: unknown) => T },
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== undefined) headers['X-CSRF-Token'] = csrfToken;
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers['Content-Type'] = options.contentType ?? 'text/plain';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body }) });
  if (response.status === 204) return options.parse(undefined);
  const type = response.headers.get('Content-Type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json().catch(() => undefined) : await response.text();
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/session') for (const listener of signedOutListeners) listener();
    throw new ApiError(response.status, isErrorBody(payload) ? payload : undefined, response.headers.get('Retry-After'));
  }
  return options.parse(payload);
}

/** For answers with no body (204). */
export const noContent = (): void => undefined;
