import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ContactPageSchema, ContactQuerySchema, type ContactEntry } from '../../contract/index.ts';
import { sendCsv, toCsv } from '../audit/csv.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { requestIdOf } from '../http/security.ts';
import { CONTACT_EXPORT_MAX, type ContactService } from './service.ts';

const CSV_COLUMNS = [
  'storyId',
  'receivedOn',
  'deleteOn',
  'locale',
  'channel',
  'campaign',
  'site',
  'readable',
  'name',
  'email',
  'phone',
  'preferredLanguage',
  'accessNeeds',
] as const satisfies ReadonlyArray<keyof ContactEntry>;

export function contactRoutes(deps: { readonly service: ContactService; readonly today: () => string }): RouteDefinition[] {
  const list: RequestHandler = async (req, res) => {
    const query = parseBody(ContactQuerySchema, req.query);
    res.json(await deps.service.listContacts({ actorId: actorIdOf(res), requestId: requestIdOf(res) }, query));
  };
  const exportCsv: RequestHandler = async (req, res) => {
    parseBody(z.strictObject({}), req.query);
    const { entries, truncated } = await deps.service.exportContacts({ actorId: actorIdOf(res), requestId: requestIdOf(res) });
    if (truncated) res.set('X-Export-Truncated', 'true');
    sendCsv(
      res,
      `medskapa-contacts-${deps.today()}.csv`,
      toCsv(
        CSV_COLUMNS,
        entries.map((entry) => CSV_COLUMNS.map((column) => entry[column])),
      ),
    );
  };
  return [
    {
      method: 'get',
      path: '/api/v1/contacts',
      access: ['admin'],
      handlers: [list],
      operation: {
        operationId: 'listContacts',
        summary: 'The people who offered to take part, with their contact details (audited)',
        description:
          'Newest story first, `limit` per page (default 100), `after` = the previous `nextCursor`. Expired contact details ' +
          '(older than `CONTACT_RETENTION_DAYS`) are never listed, even before the retention job deletes them. ' +
          'Every call is audited as `contact.viewed` with the story ids, never the details.',
        requestParams: { query: ContactQuerySchema },
        responses: { '200': { description: 'One page.', content: { 'application/json': { schema: ContactPageSchema } } }, ...errorResponses(400, 401, 403, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/contacts.csv',
      access: ['admin'],
      handlers: [exportCsv],
      operation: {
        operationId: 'exportContacts',
        summary: 'Export the people who offered to take part as CSV (audited)',
        description: `At most ${CONTACT_EXPORT_MAX} people (then \`X-Export-Truncated: true\`); audited as \`contact.exported\` with the count.`,
        responses: {
          '200': { description: `CSV with the columns ${CSV_COLUMNS.join(', ')}.`, content: { 'text/csv': { schema: z.string() } } },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
  ];
}
