import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../api/src/http/errorHandler.ts';
import { requestId } from '../../api/src/http/security.ts';
import { createLogger } from '../../api/src/logger.ts';

function appThatThrows(error: unknown) {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const app = express();
  app.use(requestId);
  app.get('/boom', () => {
    throw error;
  });
  app.use(createErrorHandler(createLogger('info', sink)));
  return { app, logs };
}

describe('the one error handler', () => {
  it('turns an unexpected error into a bare 500 internal_error with a request id, logged but never leaked', async () => {
    const { app, logs } = appThatThrows(new Error('secret detail: connection string mongodb://user:pw@db'));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal_error', message: expect.any(String), requestId: res.headers['x-request-id'] } });
    expect(JSON.stringify(res.body)).not.toContain('secret detail');
    expect(logs.join('')).toContain(String(res.headers['x-request-id']));
    expect(logs.join('')).toContain('unhandled error');
  });

  it('turns a database that cannot be reached into 503 service_unavailable with Retry-After', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    const res = await request(appThatThrows(unreachable).app).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } });
  });

  it('sees an unreachable database behind a wrapped cause', async () => {
    const cause = Object.assign(new Error('socket closed'), { name: 'MongoNetworkError' });
    const res = await request(appThatThrows(new Error('insert failed', { cause })).app).get('/boom');
    expect(res.status).toBe(503);
  });
});
