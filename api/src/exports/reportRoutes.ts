import { once } from 'node:events';
import type { RequestHandler, Response } from 'express';
import { REPORT_PATHS, ReportQuerySchema } from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { requestIdOf } from '../http/security.ts';
import { REPORT_CSP } from './reportHtml.ts';
import type { ReportService } from './reportService.ts';

/** Who may take a report: the summaries' readers and administrators. */
const REPORT_READERS = ['staff', 'facilitator', 'admin'] as const;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Writes the chunks one by one, waiting whenever the socket's buffer is full; stops if the reader has gone. */
async function writeChunks(res: Response, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  if (!res.destroyed) res.end();
}

export function reportRoutes(deps: { service: ReportService }): RouteDefinition[] {
  const summaryHtml: RequestHandler = async (req, res) => {
    const query = parseBody(ReportQuerySchema, req.query);
    const file = await deps.service.summaryReport(query, { actorId: actorIdOf(res), requestId: requestIdOf(res) });
    res.status(200);
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      // The file's own policy, with a sandbox: should a browser show it rather than save it, nothing can run.
      'Content-Security-Policy': `${REPORT_CSP}; frame-ancestors 'none'; sandbox`,
      'X-Content-Type-Options': 'nosniff',
    });
    await writeChunks(res, file.body);
  };
  const quotesDocx: RequestHandler = async (req, res) => {
    const query = parseBody(ReportQuerySchema, req.query);
    const file = await deps.service.quoteBank(query, { actorId: actorIdOf(res), requestId: requestIdOf(res) });
    res.status(200).set({ 'Content-Type': DOCX_TYPE, 'Content-Disposition': `attachment; filename="${file.fileName}"` }).send(file.body);
  };
  return [
    {
      method: 'get',
      path: REPORT_PATHS.summaryHtml,
      access: REPORT_READERS,
      handlers: [summaryHtml],
      operation: {
        operationId: 'getSummaryReport',
        summary:
          'The summary for a filter as one self-contained HTML file (inline CSS and SVG charts, each with a data table; no script, nothing loaded): title page, contents, method and suppression note, one section per theme; audited as export.report',
        requestParams: { query: ReportQuerySchema },
        responses: {
          '200': {
            description: 'The report, as an attachment (`medskapa-rapport-<day>.html`). Every number respects small-number suppression.',
            content: { 'text/html': { schema: { type: 'string' } } },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    {
      method: 'get',
      path: REPORT_PATHS.quotesDocx,
      access: REPORT_READERS,
      handlers: [quotesDocx],
      operation: {
        operationId: 'getQuoteBank',
        summary:
          'A quote bank as a Word document: one heading per theme (largest first) with masked quotes from themes with at least k stories, each with its language and month; right-to-left paragraphs for Arabic, Persian and Dari; audited as export.quotes',
        requestParams: { query: ReportQuerySchema },
        responses: {
          '200': {
            description: 'The quote bank, as an attachment (`medskapa-citatbank-<day>.docx`).',
            content: { [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
  ];
}
