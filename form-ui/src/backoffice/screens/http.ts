import type { ErrorBody } from '@medskapa/api/contract';
import { ApiError } from '../api.ts';

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'object' && value.error !== null && 'code' in value.error;
}

/** The URL of `Link: <…>; rel="next"`, when the answer has a next page. */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

/**
 * Like `api()`, for the two calls that need more than it offers: reading the `Link` header of a page (audit log)
 * and sending an `Idempotency-Key` (assisted entry). The answer is parsed with the contract's schema all the same.
 */
export async function request<T>(
  path: string,
  options: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; csrfToken?: string; parse: (value: unknown) => T },
): Promise<{ value: T; next: string | undefined }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET' && options.csrfToken !== undefined) headers['X-CSRF-Token'] = options.csrfToken;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const payload: unknown = (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) throw new ApiError(response.status, isErrorBody(payload) ? payload : undefined);
  return { value: options.parse(payload), next: nextLink(response.headers.get('Link')) };
}
