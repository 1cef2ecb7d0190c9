import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import {
  type CsvProfile,
  EXPORT_ROWS_HEADER,
  StoryExportQuerySchema,
  StoryExportRecordSchema,
  ThemeExportQuerySchema,
  type ExportFormat,
  type ExportLanguage,
  type SummaryQuery,
} from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import type { Logger } from '../logger.ts';
import type { SummaryService } from '../summaries/service.ts';
import { CSV_DIALECTS, type Cell } from './cells.ts';
import type { ExportRepository } from './repository.ts';
import { STORY_COLUMNS, storyRow } from './storyTable.ts';
import { THEME_COLUMNS, themeTableRows } from './themeTable.ts';
import { csvChunks, isClientGone, ndjsonChunks, sendText, sendXlsx } from './writers.ts';

/** Staff take exports to steering groups; facilitators and admins may too. */
const EXPORTERS = ['staff', 'facilitator', 'admin'] as const;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ndjson: 'application/x-ndjson; charset=utf-8',
};
const FILE_KINDS = { stories: { sv: 'berattelser', en: 'stories' }, themes: { sv: 'teman', en: 'themes' } } as const;
const SHEET_NAMES = { stories: { sv: 'Berättelser', en: 'Stories' }, themes: { sv: 'Teman', en: 'Themes' } } as const;

type Kind = keyof typeof FILE_KINDS;

/** The filter for the audit log: field names and the chosen values (ids and list values, never story text). */
function auditFilter(filter: SummaryQuery): string {
  return new URLSearchParams(Object.entries(filter).map(([key, value]): [string, string] => [key, String(value)])).toString();
}

async function* mapBatches<T>(batches: AsyncIterable<ReadonlyArray<T>>, map: (item: T) => Cell[]): AsyncGenerator<Cell[][]> {
  for await (const batch of batches) yield batch.map(map);
}

async function* counted<T>(batches: AsyncIterable<ReadonlyArray<T>>, count: { rows: number }): AsyncGenerator<ReadonlyArray<T>> {
  for await (const batch of batches) {
    count.rows += batch.length;
    yield batch;
  }
}

async function* once<T>(rows: ReadonlyArray<T>): AsyncGenerator<ReadonlyArray<T>> {
  yield rows;
}

const docs = (kind: Kind, formats: string) =>
  `Streams the file as it is read (\`${EXPORT_ROWS_HEADER}\` gives the number of data rows up front, for progress, when the database counts them within 2.5 s). ` +
  `Formats: ${formats}. CSV profiles: \`sv-excel\` (UTF-8 BOM, \`;\`, CRLF, decimal comma) and \`rfc4180\` (no BOM, \`,\`, CRLF). ` +
  'Text a spreadsheet would run as a formula gets a leading apostrophe in CSV and is a text cell in XLSX. ' +
  `Audited as \`export.${kind}\` with format, profile, filter, row count and whether the download completed or was cancelled.`;

export function exportRoutes(deps: { repository: ExportRepository; summaries: SummaryService; audit: AuditLog; logger: Logger; today: () => string }): RouteDefinition[] {
  const { repository, summaries, audit, logger, today } = deps;

  /** Headers, the body, then one audit entry saying how it ended. */
  async function deliver(
    res: Response,
    options: { kind: Kind; format: ExportFormat; profile: CsvProfile; lang: ExportLanguage; filter: SummaryQuery; expected: number | undefined },
    send: (signal: AbortSignal, count: { rows: number }) => Promise<boolean>,
  ): Promise<void> {
    const { kind, format, profile, lang, filter, expected } = options;
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    res
      .status(200)
      .type(CONTENT_TYPES[format])
      .set('Content-Disposition', `attachment; filename="medskapa-${FILE_KINDS[kind][lang]}-${today()}.${format}"`)
      .set('Cache-Control', 'no-store')
      .set('X-Content-Type-Options', 'nosniff');
    if (expected !== undefined) res.set(EXPORT_ROWS_HEADER, String(expected));
    const count = { rows: 0 };
    let end: 'completed' | 'cancelled' | 'failed' = 'failed';
    try {
      end = (await send(controller.signal, count)) ? 'completed' : 'cancelled';
    } catch (error) {
      end = isClientGone(error) ? 'cancelled' : 'failed';
      if (end === 'failed') {
        logger.error({ err: error, kind, format }, 'export failed while streaming');
        res.destroy();
      }
    } finally {
      await audit.record({
        action: `export.${kind}`,
        outcome: end === 'failed' ? 'failure' : 'success',
        actorId: actorIdOf(res),
        targetType: 'export',
        targetId: kind,
        detail: { format, ...(format === 'csv' ? { profile } : {}), lang, filter: auditFilter(filter), rows: count.rows, ...(expected === undefined ? {} : { expectedRows: expected }), end },
      });
    }
  }

  const storiesExport: RequestHandler = async (req, res) => {
    const { format, profile, lang, ...filter } = parseBody(StoryExportQuerySchema, req.query);
    const expected = await repository.countStories(filter);
    await deliver(res, { kind: 'stories', format, profile, lang, filter, expected }, (signal, count) => {
      const batches = counted(repository.storyBatches(filter, lang), count);
      if (format === 'ndjson') return sendText(res, ndjsonChunks(batches));
      if (format === 'csv') return sendText(res, csvChunks(STORY_COLUMNS, mapBatches(batches, storyRow), CSV_DIALECTS[profile]));
      return sendXlsx(res, SHEET_NAMES.stories[lang], STORY_COLUMNS, mapBatches(batches, storyRow), signal);
    });
  };

  const themesExport: RequestHandler = async (req, res) => {
    const { format, profile, lang, ...filter } = parseBody(ThemeExportQuerySchema, req.query);
    const rows = themeTableRows(await summaries.summarize(filter, { storyIds: false, quotes: false }), lang);
    await deliver(res, { kind: 'themes', format, profile, lang, filter, expected: rows.length }, (signal, count) => {
      const batches = counted(once(rows), count);
      if (format === 'csv') return sendText(res, csvChunks(THEME_COLUMNS, batches, CSV_DIALECTS[profile]));
      return sendXlsx(res, SHEET_NAMES.themes[lang], THEME_COLUMNS, batches, signal);
    });
  };

  const fileHeaders = z.object({
    [EXPORT_ROWS_HEADER]: z
      .string()
      .optional()
      .meta({ description: 'Number of data rows in the file (without the header row), for progress; left out of a stories export when the database cannot count the matching stories within 2.5 s.' }),
    'Content-Disposition': z.string().meta({ description: 'attachment; filename="medskapa-berattelser-2027-03-15.csv" (the date is today in Sweden).' }),
  });

  return [
    {
      method: 'get',
      path: '/api/v1/exports/stories',
      access: EXPORTERS,
      handlers: [storiesExport],
      operation: {
        operationId: 'exportStories',
        summary: 'The stories matching the dashboard filter, with tags and excerpts: masked text only, never contact details',
        description: `${docs('stories', 'csv, xlsx, ndjson (one StoryExportRecord per line)')} Columns (CSV, XLSX): ${STORY_COLUMNS.join(', ')}.`,
        requestParams: { query: StoryExportQuerySchema },
        responses: {
          '200': {
            description: 'The file.',
            headers: fileHeaders,
            content: {
              'text/csv': { schema: z.string() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
              'application/x-ndjson': { schema: StoryExportRecordSchema },
            },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    {
      method: 'get',
      path: '/api/v1/exports/themes',
      access: EXPORTERS,
      handlers: [themesExport],
      operation: {
        operationId: 'exportThemes',
        summary: 'The theme summary table for the dashboard filter; every hidden number is written as "visas inte" / "not shown"',
        description: `${docs('themes', 'csv, xlsx')} The first row is all matching stories, then one row per theme. Columns: ${THEME_COLUMNS.join(', ')}.`,
        requestParams: { query: ThemeExportQuerySchema },
        responses: {
          '200': {
            description: 'The file, with small-number suppression applied.',
            headers: fileHeaders,
            content: {
              'text/csv': { schema: z.string() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
            },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
  ];
}
