import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { IdempotencyKeySchema, SubmissionAcceptedSchema, SubmissionSchema } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { activeSession, isForeignOrigin } from '../auth/middleware.ts';
import { AppError, ValidationError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody, requestIdOf } from '../http/security.ts';
import { presentAcceptedSubmission } from './presenter.ts';
import type { FeedbackService } from './service.ts';

function readIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new AppError(400, 'idempotency_key_required', 'Send an Idempotency-Key header with a UUID.', {
      fields: { 'Idempotency-Key': 'idempotencyKey.required' },
    });
  }
  const parsed = IdempotencyKeySchema.safeParse(header.trim());
  if (!parsed.success) {
    throw new AppError(400, 'idempotency_key_required', 'The Idempotency-Key header must be a UUID.', {
      fields: { 'Idempotency-Key': 'idempotencyKey.invalid' },
    });
  }
  return parsed.data;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Assisted entry is for a signed-in user (any role) entering a story on someone's behalf; the public form
 * cannot claim it. The route is public, so the access guard checks no CSRF token: a session cookie here
 * carries authority, so this does. Returns the assisting user's id.
 */
async function assistingUser(req: Request, res: Response, audit: AuditLog): Promise<string> {
  const session = activeSession(res);
  if (session === undefined) throw new ValidationError({ channel: 'channel.notAllowed' });
  const token = req.get('X-CSRF-Token');
  const reason = isForeignOrigin(req) ? 'origin' : token === undefined || !sameToken(token, session.csrfToken) ? 'csrf' : undefined;
  if (reason !== undefined) {
    const requestId = requestIdOf(res);
    await audit.record({
      action: 'access.denied',
      outcome: 'denied',
      actorId: session.user.id,
      ...(requestId === undefined ? {} : { requestId }),
      detail: { route: 'POST /api/v1/submissions (assisted)', reason },
    });
    throw new AppError(403, 'forbidden', 'The request was refused. Reload the page and try again.');
  }
  return session.user.id;
}

export function feedbackRoutes(deps: { readonly service: FeedbackService; readonly rateLimit: RequestHandler; readonly audit: AuditLog }): RouteDefinition[] {
  const submit: RequestHandler = async (req, res) => {
    const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
    const submission = parseBody(SubmissionSchema, req.body);
    const assistedBy = submission.channel === 'assisted' ? await assistingUser(req, res, deps.audit) : undefined;
    const accepted = await deps.service.acceptSubmission(submission, idempotencyKey);
    if (assistedBy !== undefined && !accepted.replayed) {
      const requestId = requestIdOf(res);
      await deps.audit.record({
        action: 'story.assisted_entry',
        outcome: 'success',
        actorId: assistedBy,
        targetType: 'submission',
        targetId: accepted.id,
        ...(requestId === undefined ? {} : { requestId }),
      });
    }
    if (accepted.replayed) res.status(200).set('Idempotent-Replayed', 'true');
    else res.status(201);
    res.json(presentAcceptedSubmission(accepted));
  };

  return [
    {
      method: 'post',
      path: '/api/v1/submissions',
      access: 'public',
      handlers: [deps.rateLimit, jsonBody, submit],
      operation: {
        operationId: 'createSubmission',
        summary: 'Tell one experience of care',
        description:
          'Free text is masked (personal identity numbers, phone numbers, e-mail and street addresses) before it is stored. ' +
          'Contact details are encrypted and stored apart. The same Idempotency-Key with the same body replays the first answer. ' +
          'Channel `assisted` (a story entered on someone\'s behalf) needs a signed-in session and its `X-CSRF-Token` (403 `forbidden` otherwise); ' +
          'without a session it is refused with `channel.notAllowed`. Assisted entries are audited as `story.assisted_entry`.',
        requestParams: { header: z.object({ 'Idempotency-Key': IdempotencyKeySchema }) },
        requestBody: { required: true, content: { 'application/json': { schema: SubmissionSchema } } },
        responses: {
          '201': { description: 'Stored.', content: { 'application/json': { schema: SubmissionAcceptedSchema } } },
          '200': {
            description: 'A replay of an earlier identical request (`Idempotent-Replayed: true`).',
            content: { 'application/json': { schema: SubmissionAcceptedSchema } },
          },
          ...errorResponses(400, 403, 409, 413, 415, 429, 503),
        },
      },
    },
  ];
}
