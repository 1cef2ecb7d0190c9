const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
  'MongoExpiredSessionError',
  'DisconnectedError',
]);

/**
 * FerretDB answers InternalError (code 1) when its own backend is gone — PostgreSQL stopped, crashed or still
 * recovering — with the backend driver's words in the message (found by the fault tests; test/faults).
 */
const FERRETDB_BACKEND_UNAVAILABLE =
  /failed to connect to|connection refused|unexpected EOF|conn closed|broken pipe|connection reset by peer|SQLSTATE (?:08|57P0[123])/;

/**
 * The driver can let a socket's own error through unwrapped, e.g. EPIPE "This socket has been ended by the
 * other party" when it writes to a connection the database just closed (found by the fault tests).
 */
const SOCKET_ERROR_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** True when an error means "the database cannot be reached right now", which clients may retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (UNAVAILABLE_ERROR_NAMES.has(current.name)) return true;
    if ('code' in current && current.code === 1 && FERRETDB_BACKEND_UNAVAILABLE.test(current.message)) return true;
    if ('code' in current && typeof current.code === 'string' && SOCKET_ERROR_CODES.has(current.code)) return true;
    if ('errorLabels' in current && Array.isArray(current.errorLabels) && current.errorLabels.includes('ResetPool')) return true;
    current = current.cause;
  }
  return false;
}

/** True for MongoDB's (and FerretDB's) duplicate-key error; keyValue is not read because FerretDB omits it. */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 11000;
}
