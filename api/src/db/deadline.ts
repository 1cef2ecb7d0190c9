import { ServiceUnavailableError } from '../http/errors.ts';

/**
 * Gives up waiting on database work after `ms` with 503 + Retry-After, so a hung database (frozen, or a
 * backend still recovering) never holds a request for long. The driver has no client-side operation timeout,
 * and `maxTimeMS` cannot stop a server that does not answer. Use only for work a client may safely repeat
 * (an idempotent write): it may still complete after the 503, and the client's retry then gets its replay.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, retryAfterSeconds = 5): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // The late outcome of abandoned work is dropped, never an unhandled rejection.
  work.catch(() => {});
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailableError(retryAfterSeconds)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
