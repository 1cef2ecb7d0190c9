import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../api/src/db/isDatabaseUnavailable.ts';

// The shapes below were seen by the fault tests (test/faults) and were answered 500 before; 503 lets clients retry.
const ferretdbInternal = (errmsg: string) => new MongoServerError({ ok: 0, errmsg, code: 1, codeName: 'InternalError' });
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises FerretDB reporting its PostgreSQL backend as gone, starting up or dropped', () => {
    expect(
      isDatabaseUnavailable(
        ferretdbInternal(
          '[msg_insert.go:168 handler.(*Handler).MsgInsert] failed to connect to `user=postgres database=x`:\n\t127.0.0.1:41981 (127.0.0.1): dial error: dial tcp 127.0.0.1:41981: connect: connection refused',
        ),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(ferretdbInternal('failed to connect to `user=postgres`: server error: FATAL: the database system is starting up (SQLSTATE 57P03)')),
    ).toBe(true);
    expect(isDatabaseUnavailable(ferretdbInternal('[msg_insert.go:168 handler.(*Handler).MsgInsert] unexpected EOF'))).toBe(true);
    expect(isDatabaseUnavailable(ferretdbInternal('FATAL: terminating connection due to administrator command (SQLSTATE 57P01)'))).toBe(true);
  });

  it('recognises a socket error the driver let through unwrapped, also as a cause', () => {
    expect(isDatabaseUnavailable(socketError('EPIPE', 'This socket has been ended by the other party'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('insert failed', { cause: socketError('ECONNRESET', 'read ECONNRESET') }))).toBe(true);
  });

  it('leaves other errors alone: they stay 500 or their own 4xx', () => {
    expect(isDatabaseUnavailable(ferretdbInternal('[msg_insert.go:168] invalid document: unsupported type'))).toBe(false);
    expect(isDatabaseUnavailable(new MongoServerError({ ok: 0, errmsg: 'E11000 duplicate key', code: 11000 }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(socketError('ENOENT', 'no such file'))).toBe(false);
    expect(isDatabaseUnavailable('connection refused')).toBe(false);
  });
});
