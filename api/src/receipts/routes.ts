import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ReceiptSchema } from '../../contract/index.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import type { ReceiptService } from './service.ts';

const ReceiptParams = z.object({
  code: z.string().meta({ description: 'The receipt code, e.g. `7K2M-9QX4-ABCD-1234` (case and dashes do not matter).' }),
});

export function receiptRoutes(deps: { readonly service: ReceiptService; readonly rateLimit: RequestHandler }): RouteDefinition[] {
  const codeOf = (params: unknown): string => ReceiptParams.parse(params).code;
  const check: RequestHandler = async (req, res) => {
    res.json(await deps.service.checkReceipt(codeOf(req.params)));
  };
  const withdraw: RequestHandler = async (req, res) => {
    await deps.service.withdrawReceipt(codeOf(req.params));
    res.status(204).end();
  };
  return [
    {
      method: 'get',
      path: '/api/v1/receipts/:code',
      access: 'public',
      handlers: [deps.rateLimit, check],
      operation: {
        operationId: 'checkReceipt',
        summary: 'See that a story was received, and how far it has come',
        requestParams: { path: ReceiptParams },
        responses: {
          '200': { description: 'The story is stored.', content: { 'application/json': { schema: ReceiptSchema } } },
          ...errorResponses(404, 429, 503),
        },
      },
    },
    {
      method: 'delete',
      path: '/api/v1/receipts/:code',
      access: 'public',
      handlers: [deps.rateLimit, withdraw],
      operation: {
        operationId: 'withdrawReceipt',
        summary: 'Withdraw a story: the story and its contact details are deleted',
        requestParams: { path: ReceiptParams },
        responses: { '204': { description: 'Deleted.' }, ...errorResponses(404, 429, 503) },
      },
    },
  ];
}
