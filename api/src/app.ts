import { existsSync } from 'node:fs';
import path from 'node:path';
import { SUPPRESSION_K_DEFAULT } from '@medskapa/analysis';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { createAgreementRepository } from './agreement/repository.ts';
import { agreementRoutes } from './agreement/routes.ts';
import { createAgreementService } from './agreement/service.ts';
import { createAuditLog } from './audit/repository.ts';
import { auditRoutes } from './audit/routes.ts';
import { accessGuard, authenticate, sessionCookieName } from './auth/middleware.ts';
import { authRoutes } from './auth/routes.ts';
import { createOidcClient, oidcRoutes } from './auth/oidc.ts';
import { createOidcUsers } from './auth/oidcUsers.ts';
import type { OidcConfig } from './config.ts';
import { createSessionStore } from './auth/sessions.ts';
import { createSignInThrottle } from './auth/signInThrottle.ts';
import { createCampaignRepository } from './campaigns/repository.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { createContactRepository } from './contacts/repository.ts';
import { contactRoutes } from './contacts/routes.ts';
import { createContactService } from './contacts/service.ts';
import { createEmergingRepository } from './emerging/repository.ts';
import { emergingRoutes } from './emerging/routes.ts';
import { createEmergingService } from './emerging/service.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { createFeedbackService } from './feedback/service.ts';
import { createSubmissionRepository } from './feedback/repository.ts';
import { createStoryRepository } from './stories/repository.ts';
import { storyRoutes } from './stories/routes.ts';
import { createSummaryRepository } from './summaries/repository.ts';
import { summaryRoutes } from './summaries/routes.ts';
import { createSummaryService } from './summaries/service.ts';
import { createExportRepository } from './exports/repository.ts';
import { exportRoutes } from './exports/routes.ts';
import { createStoryService } from './stories/service.ts';
import { createTagRepository } from './tagging/repository.ts';
import { healthRoutes } from './health/routes.ts';
import { createErrorHandler, notFoundHandler } from './http/errorHandler.ts';
import { createRateLimiter, type RateLimitStoreKind } from './http/rateLimit.ts';
import type { RouteDefinition } from './http/route.ts';
import { noStore, requestId, requestLogger, securityHeaders } from './http/security.ts';
import type { Logger } from './logger.ts';
import { buildOpenApiDocument } from './openapi/document.ts';
import { receiptRoutes } from './receipts/routes.ts';
import { createReceiptService } from './receipts/service.ts';
import { retentionRoutes } from './retention/routes.ts';
import { createThemeRepository } from './themes/repository.ts';
import { themeRoutes } from './themes/routes.ts';
import { createThemeService } from './themes/service.ts';
import { createSuggestionRepository } from './suggestions/repository.ts';
import { suggestionRoutes } from './suggestions/routes.ts';
import { createSuggestionService } from './suggestions/service.ts';
import { pokeOnArrival, suggestionTriggers } from './suggestions/triggers.ts';
import { createSuggestionWorker, type SuggestionWorker } from './suggestions/worker.ts';
import type { Secrets } from './secrets.ts';
import { createUserRepository } from './users/repository.ts';
import { userRoutes } from './users/routes.ts';
import { createUserService } from './users/service.ts';
import { reportRoutes } from './exports/reportRoutes.ts';
import { createReportService } from './exports/reportService.ts';

export interface AppOptions {
  readonly submissionRateLimit: number;
  readonly receiptRateLimit: number;
  readonly rateLimitStore: RateLimitStoreKind;
  readonly trustProxy: boolean | number;
  /** The built form (Vite `dist`); served when it exists. */
  readonly formUiDist?: string | undefined;
  /** Production: `__Host-` session cookie with Secure. */
  readonly secureCookies?: boolean;
  /** Contact details are deleted this many days after the story (`CONTACT_RETENTION_DAYS`, default 180). */
  readonly contactRetentionDays?: number;
  /** Smallest group a summary shows (`SUPPRESSION_K`, default 5, never below 3: createApp throws). */
  readonly suppressionK?: number;
  /** Staff sign-in with OpenID Connect (`OIDC_*`); passwords only when absent. */
  readonly oidc?: OidcConfig | undefined;
}

export interface AppDeps {
  readonly connection: Connection;
  readonly logger: Logger;
  readonly secrets: Secrets;
  readonly options: AppOptions;
  readonly today?: () => string;
  /** The clock for sessions and the audit log (tests move it). */
  readonly now?: () => Date;
}

const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Sweden: the only time a story keeps. */
export function todayInSweden(now = new Date()): string {
  return swedishDate.format(now);
}

/** todayInSweden, formatted at most once a second (Intl formatting showed up in load profiles). */
function cachedTodayInSweden(): () => string {
  let second = -1;
  let today = '';
  return () => {
    const now = Date.now();
    const current = Math.floor(now / 1000);
    if (current !== second) {
      second = current;
      today = todayInSweden(new Date(now));
    }
    return today;
  };
}

function mountRoute(app: Express, route: RouteDefinition, guard: RequestHandler): void {
  app[route.method](route.path, guard, ...route.handlers);
}

function formUi(dist: string): RequestHandler[] {
  const index = path.join(dist, 'index.html');
  const backoffice = path.join(dist, 'backoffice.html');
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || !req.accepts('html')) {
      next();
      return;
    }
    // The back office is its own page (own bundle); the public form never loads its code.
    const isBackoffice = req.path === '/backoffice' || req.path.startsWith('/backoffice/');
    res.set('Cache-Control', 'no-cache').sendFile(isBackoffice ? backoffice : index);
  };
  return [
    // Only the form's files are compressed; API answers are not, so a receipt code can never leak through
    // compression side channels (BREACH).
    compression(),
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        // Vite fingerprints everything under assets/, so it may be cached for good.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
    fallback,
  ];
}

/** The Express app and its route table; no I/O, no listen. */
export function createApp(deps: AppDeps): { app: Express; routes: ReadonlyArray<RouteDefinition>; suggestions: SuggestionWorker } {
  const { connection, logger, secrets, options } = deps;
  const submissions = createSubmissionRepository(connection);
  const contacts = createContactRepository(connection);
  const campaigns = createCampaignRepository(connection);
  const themes = createThemeRepository(connection);
  const tags = createTagRepository(connection);
  const today = deps.today ?? cachedTodayInSweden();
  const contactRetentionDays = options.contactRetentionDays ?? 180;
  const feedbackService = createFeedbackService({
    submissions,
    contacts,
    contactKeyring: secrets.contactKeyring,
    appSecret: secrets.appSecret,
    today,
    findCampaign: (code) => campaigns.findByCode(code),
  });
  const now = deps.now ?? (() => new Date());
  const audit = createAuditLog(connection, now);
  const users = createUserRepository(connection);
  const sessions = createSessionStore(connection, users, now);
  const cookieName = sessionCookieName(options.secureCookies ?? false);
  const oidc = options.oidc === undefined ? undefined : createOidcClient(options.oidc);
  const receiptService = createReceiptService({ submissions, contacts, audit });
  // Theme suggestions are computed by this worker, never inside a request; server.ts starts its timer.
  const suggestions = createSuggestionWorker({ connection, logger });
  const limiter = (name: string, limit: number) =>
    createRateLimiter({ name, limit, store: options.rateLimitStore, connection, appSecret: secrets.appSecret });

  // One of each, shared by the routes that need it (the summary repository finds out once which database it is on).
  const themeService = createThemeService({ themes, tags, audit });
  const summaryRepository = createSummaryRepository(connection);
  const summaries = createSummaryService({ repository: summaryRepository, k: options.suppressionK ?? SUPPRESSION_K_DEFAULT });

  const routes: RouteDefinition[] = [
    ...healthRoutes({ connection }),
    ...feedbackRoutes({ service: pokeOnArrival(feedbackService, suggestions), rateLimit: limiter('submissions', options.submissionRateLimit), audit }),
    ...receiptRoutes({ service: receiptService, rateLimit: limiter('receipts', options.receiptRateLimit) }),
    ...authRoutes({
      users,
      sessions,
      throttle: createSignInThrottle(connection, now),
      audit,
      appSecret: secrets.appSecret,
      cookieName,
      secureCookies: options.secureCookies ?? false,
      oidc,
    }),
    ...oidcRoutes({
      oidc,
      users: createOidcUsers(connection, users),
      sessions,
      audit,
      logger,
      appSecret: secrets.appSecret,
      cookieName,
      secureCookies: options.secureCookies ?? false,
      now,
    }),
    ...userRoutes({ users, service: createUserService({ users, sessions, audit, now }) }),
    ...campaignRoutes({ campaigns, audit, now, today }),
    ...auditRoutes({ audit }),
    ...storyRoutes({
      service: createStoryService({
        stories: createStoryRepository(connection),
        tags,
        audit,
        now,
        themeStatus: async (themeId) => (await themes.findById(themeId))?.status,
      }),
    }),
    ...contactRoutes({
      service: createContactService({ connection, contacts, keyring: secrets.contactKeyring, audit, today, retentionDays: contactRetentionDays }),
      today,
    }),
    ...retentionRoutes({ connection, audit, today, contactRetentionDays }),
    ...themeRoutes({ service: themeService, now }),
    ...agreementRoutes({ service: createAgreementService({ repository: createAgreementRepository(connection), users, themes, audit, now }) }),
    ...suggestionRoutes({
      service: createSuggestionService({ repository: createSuggestionRepository(connection), worker: suggestions, tags, themes, audit, now }),
    }),
    ...summaryRoutes({ service: summaries }),
    ...exportRoutes({
      repository: createExportRepository(connection),
      summaries,
      audit,
      logger,
      today,
    }),
    ...emergingRoutes({
      service: createEmergingService({
        repository: createEmergingRepository(connection),
        themes,
        themeService,
        tags,
        audit,
        now,
        // A new theme changes the codebook: the suggestions are computed again.
        onThemeCreated: () => suggestions.poke(),
      }),
      now,
    }),
    ...reportRoutes({
      service: createReportService({
        summaries,
        repository: summaryRepository,
        campaigns,
        audit,
        now,
        today,
      }),
    }),
  ];
  let openApiJson: string | undefined;
  routes.push({
    method: 'get',
    path: '/api/v1/openapi.json',
    access: 'public',
    handlers: [
      (_req, res) => {
        openApiJson ??= JSON.stringify(buildOpenApiDocument(routes));
        res.type('application/json').send(openApiJson);
      },
    ],
    operation: {
      operationId: 'openapi',
      summary: 'This document',
      responses: { '200': { description: 'OpenAPI 3.1 description of every route and who may call it.' } },
    },
  });

  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached (no-store), so hashing each body for an ETag is wasted work.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestId, securityHeaders, requestLogger(logger));
  app.use('/api', noStore, authenticate(sessions, cookieName));
  app.use(suggestionTriggers(suggestions, (error) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'theme suggestions for a story not refreshed')));
  for (const route of routes) mountRoute(app, route, accessGuard(route, audit));
  if (options.formUiDist !== undefined && existsSync(path.join(options.formUiDist, 'index.html'))) {
    app.use(...formUi(options.formUiDist));
  }
  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return { app, routes, suggestions };
}
