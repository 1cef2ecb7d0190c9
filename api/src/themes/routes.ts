import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { CodebookImportResultSchema, CreateThemeSchema, MergeThemeSchema, ThemeSchema, UpdateThemeSchema } from '../../contract/index.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { AppError, ValidationError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
import { codebookToCsv, csvToRecords } from './csv.ts';
import { presentTheme } from './presenter.ts';
import { codebookToQdc, qdcToRecords } from './qdc.ts';
import type { ThemeService } from './service.ts';

const ThemeParams = z.object({ id: z.string() });
const ThemeListQuery = z.strictObject({ status: z.enum(['active', 'archived', 'all'], { error: 'query.status.invalid' }).exactOptional() });
const READERS = ['facilitator', 'staff', 'admin'] as const;
const EDITORS = ['facilitator', 'admin'] as const;

/** A codebook file may be far larger than a JSON request, but not without bound. */
export const CODEBOOK_FILE_BYTES_MAX = 2 * 1024 * 1024;
const CSV_TYPES = ['text/csv'];
const XML_TYPES = ['application/xml', 'text/xml'];
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const parseText = express.text({ type: () => true, limit: CODEBOOK_FILE_BYTES_MAX, defaultCharset: 'utf-8' });

/** CSV or REFI-QDA XML as UTF-8 text, at most 2 MB; anything else gets 415 or 413 before the file is read. */
export const codebookBody: RequestHandler = (req, res, next) => {
  const charset = CHARSET.exec(req.get('Content-Type') ?? '')?.[1]?.toLowerCase();
  if (req.is([...CSV_TYPES, ...XML_TYPES]) === false || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    next(new AppError(415, 'unsupported_media_type', 'Send the codebook as UTF-8 text/csv or application/xml (a REFI-QDA .qdc file).'));
    return;
  }
  parseText(req, res, (error?: unknown) => {
    if (typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large') {
      next(new AppError(413, 'payload_too_large', 'The codebook file is larger than 2 MB.'));
      return;
    }
    next(error);
  });
};

export function themeRoutes(deps: { service: ThemeService; now: () => Date }): RouteDefinition[] {
  const { service } = deps;
  const list: RequestHandler = async (req, res) => {
    const query = parseBody(ThemeListQuery, { ...req.query });
    const { themes, usage } = await service.list(query.status ?? 'all');
    res.json(themes.map((theme) => presentTheme(theme, usage)));
  };
  const create: RequestHandler = async (req, res) => {
    const input = parseBody(CreateThemeSchema, req.body);
    const { theme, usage } = await service.create(input, actorIdOf(res), deps.now());
    res.status(201).json(presentTheme(theme, usage));
  };
  const update: RequestHandler = async (req, res) => {
    const { id } = ThemeParams.parse(req.params);
    const change = parseBody(UpdateThemeSchema, req.body);
    const { theme, usage } = await service.update(id, change, actorIdOf(res), deps.now());
    res.json(presentTheme(theme, usage));
  };
  const merge: RequestHandler = async (req, res) => {
    const { id } = ThemeParams.parse(req.params);
    const { into } = parseBody(MergeThemeSchema, req.body);
    const { theme, usage } = await service.merge(id, into, actorIdOf(res), deps.now());
    res.json(presentTheme(theme, usage));
  };
  const exportCsv: RequestHandler = async (_req, res) => {
    const themes = await service.exportThemes('csv', actorIdOf(res));
    res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="medskapa-codebook.csv"').send(codebookToCsv(themes));
  };
  const exportQdc: RequestHandler = async (_req, res) => {
    const themes = await service.exportThemes('qdc', actorIdOf(res));
    res.type('application/xml; charset=utf-8').set('Content-Disposition', 'attachment; filename="medskapa-codebook.qdc"').send(codebookToQdc(themes));
  };
  const importCodebook: RequestHandler = async (req, res) => {
    const text: unknown = req.body;
    if (typeof text !== 'string' || text.trim() === '') throw new ValidationError({ file: 'codebook.file.empty' }, 'The codebook file is empty.');
    const format = req.is(CSV_TYPES) === false ? 'qdc' : 'csv';
    const records = format === 'csv' ? csvToRecords(text) : qdcToRecords(text);
    res.json(await service.importRecords(format, records, actorIdOf(res), deps.now()));
  };

  const themeJson = { 'application/json': { schema: ThemeSchema } };
  return [
    {
      method: 'get',
      path: '/api/v1/themes',
      access: READERS,
      handlers: [list],
      operation: {
        operationId: 'listThemes',
        summary: 'The codebook: every theme in tree order (parents first, siblings alphabetical), with usage counts and history',
        requestParams: { query: ThemeListQuery },
        responses: { '200': { description: 'Themes; `status` filters (default all).', content: { 'application/json': { schema: z.array(ThemeSchema) } } }, ...errorResponses(400, 401, 403, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/themes',
      access: EDITORS,
      handlers: [jsonBody, create],
      operation: {
        operationId: 'createTheme',
        summary: 'Add a theme, at most three levels deep; an active sibling may not have the same Swedish label',
        requestBody: { required: true, content: { 'application/json': { schema: CreateThemeSchema } } },
        responses: { '201': { description: 'Created.', content: themeJson }, ...errorResponses(400, 401, 403, 409, 413, 415, 503) },
      },
    },
    {
      method: 'patch',
      path: '/api/v1/themes/:id',
      access: EDITORS,
      handlers: [jsonBody, update],
      operation: {
        operationId: 'updateTheme',
        summary: 'Rename, describe, re-key, recolour, move (parentId; null = top level), archive or restore a theme; each change is kept in its history',
        requestParams: { path: ThemeParams },
        requestBody: { required: true, content: { 'application/json': { schema: UpdateThemeSchema } } },
        responses: { '200': { description: 'Updated.', content: themeJson }, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/themes/:id/merge',
      access: EDITORS,
      handlers: [jsonBody, merge],
      operation: {
        operationId: 'mergeTheme',
        summary: 'Merge a theme into another: every tag and sub-theme moves to the survivor, the merged theme is archived with `mergedInto`',
        requestParams: { path: ThemeParams },
        requestBody: { required: true, content: { 'application/json': { schema: MergeThemeSchema } } },
        responses: { '200': { description: 'The surviving theme.', content: themeJson }, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/codebook.csv',
      access: READERS,
      handlers: [exportCsv],
      operation: {
        operationId: 'exportCodebookCsv',
        summary: 'The codebook as CSV (one theme per row, keywords per form language joined with "; ")',
        responses: { '200': { description: 'CSV with a header row.', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 403, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/codebook.qdc',
      access: READERS,
      handlers: [exportQdc],
      operation: {
        operationId: 'exportCodebookQdc',
        summary: 'The active themes as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette',
        responses: { '200': { description: 'REFI-QDA Codebook XML.', content: { 'application/xml': { schema: z.string() } } }, ...errorResponses(401, 403, 503) },
      },
    },
    {
      method: 'post',
      path: '/api/v1/codebook/import',
      access: EDITORS,
      handlers: [codebookBody, importCodebook],
      operation: {
        operationId: 'importCodebook',
        summary: 'Import a codebook (CSV or REFI-QDA .qdc, at most 2 MB): themes are matched by id/guid and updated, new ones created; nothing is deleted',
        requestBody: { required: true, content: { 'text/csv': { schema: z.string() }, 'application/xml': { schema: z.string() } } },
        responses: {
          '200': { description: 'How many themes were created, updated and left unchanged.', content: { 'application/json': { schema: CodebookImportResultSchema } } },
          ...errorResponses(400, 401, 403, 413, 415, 503),
        },
      },
    },
  ];
}
