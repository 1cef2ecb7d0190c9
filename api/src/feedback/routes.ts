import type { RequestHandler } from 'express';
import { z } from 'zod';
import { IdempotencyKeySchema, SubmissionAcceptedSchema, SubmissionSchema } from '../../contract/index.ts';
import { AppError, ValidationError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
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

export function feedbackRoutes(deps: { readonly service: FeedbackService; readonly rateLimit: RequestHandler }): RouteDefinition[] {
  const submit: RequestHandler = async (req, res) => {
    const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
    const submission = parseBody(SubmissionSchema, req.body);
    // Assisted entry is for signed-in staff; the public form cannot claim it.
    if (submission.channel === 'assisted') throw new ValidationError({ channel: 'channel.notAllowed' });
    const accepted = await deps.service.acceptSubmission(submission, idempotencyKey);
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
          'Contact details are encrypted and stored apart. The same Idempotency-Key with the same body replays the first answer.',
        requestParams: { header: z.object({ 'Idempotency-Key': IdempotencyKeySchema }) },
        requestBody: { required: true, content: { 'application/json': { schema: SubmissionSchema } } },
        responses: {
          '201': { description: 'Stored.', content: { 'application/json': { schema: SubmissionAcceptedSchema } } },
          '200': {
            description: 'A replay of an earlier identical request (`Idempotent-Replayed: true`).',
            content: { 'application/json': { schema: SubmissionAcceptedSchema } },
          },
          ...errorResponses(400, 409, 413, 415, 429, 503),
        },
      },
    },
  ];
}
