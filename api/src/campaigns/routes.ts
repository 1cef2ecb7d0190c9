import type { RequestHandler } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { CampaignFormInfoSchema, CampaignSchema, CreateCampaignSchema, UpdateCampaignSchema, type Campaign } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import { actorIdOf } from '../auth/middleware.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { parseBody } from '../http/parseBody.ts';
import { errorResponses, type RouteDefinition } from '../http/route.ts';
import { jsonBody } from '../http/security.ts';
import { DuplicateCampaignError, isCampaignOpen, type CampaignRepository, type StoredCampaign } from './repository.ts';

const CampaignParams = z.object({ code: z.string() });
const FACILITATORS = ['facilitator', 'admin'] as const;

export function presentCampaign(campaign: StoredCampaign): Campaign {
  return { ...campaign, link: `/?c=${encodeURIComponent(campaign.code)}` };
}

export function campaignRoutes(deps: { campaigns: CampaignRepository; audit: AuditLog; now: () => Date; today: () => string }): RouteDefinition[] {
  const list: RequestHandler = async (_req, res) => {
    res.json((await deps.campaigns.list()).map(presentCampaign));
  };
  const create: RequestHandler = async (req, res) => {
    const input = parseBody(CreateCampaignSchema, req.body);
    try {
      const campaign = await deps.campaigns.create(input, deps.now());
      await deps.audit.record({ action: 'campaign.created', outcome: 'success', actorId: actorIdOf(res), targetType: 'campaign', targetId: campaign.code });
      res.status(201).json(presentCampaign(campaign));
    } catch (error) {
      if (error instanceof DuplicateCampaignError) throw new ConflictError('validation_failed', 'A campaign with this code already exists.');
      throw error;
    }
  };
  const update: RequestHandler = async (req, res) => {
    const { code } = CampaignParams.parse(req.params);
    const change = parseBody(UpdateCampaignSchema, req.body);
    const updated = await deps.campaigns.update(code, change, deps.now());
    if (updated === undefined) throw new NotFoundError('No such campaign.');
    await deps.audit.record({
      action: 'campaign.updated',
      outcome: 'success',
      actorId: actorIdOf(res),
      targetType: 'campaign',
      targetId: code,
      detail: { fields: Object.keys(change).join(',') },
    });
    res.json(presentCampaign(updated));
  };
  const qr: RequestHandler = async (req, res) => {
    const { code } = CampaignParams.parse(req.params);
    const campaign = await deps.campaigns.findByCode(code);
    if (campaign === undefined) throw new NotFoundError('No such campaign.');
    const url = `${req.protocol}://${req.get('Host') ?? 'localhost'}${presentCampaign(campaign).link}`;
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    res.type('image/svg+xml').set('Content-Disposition', `inline; filename="medskapa-${campaign.code}.svg"`).send(svg);
  };
  const formInfo: RequestHandler = async (req, res) => {
    const { code } = CampaignParams.parse(req.params);
    const campaign = await deps.campaigns.findByCode(code);
    if (campaign === undefined) throw new NotFoundError('No such campaign.');
    res.json({ code: campaign.code, open: isCampaignOpen(campaign, deps.today()), ...(campaign.careSetting === undefined ? {} : { careSetting: campaign.careSetting }) });
  };
  const json = { 'application/json': { schema: CampaignSchema } };
  return [
    {
      method: 'get',
      path: '/api/v1/campaigns',
      access: FACILITATORS,
      handlers: [list],
      operation: { operationId: 'listCampaigns', summary: 'Campaigns, newest first', responses: { '200': { description: 'Campaigns.', content: { 'application/json': { schema: z.array(CampaignSchema) } } }, ...errorResponses(401, 403, 503) } },
    },
    {
      method: 'post',
      path: '/api/v1/campaigns',
      access: FACILITATORS,
      handlers: [jsonBody, create],
      operation: {
        operationId: 'createCampaign',
        summary: 'Create a campaign: a link whose stories carry its site, rollout wave and phase',
        requestBody: { required: true, content: { 'application/json': { schema: CreateCampaignSchema } } },
        responses: { '201': { description: 'Created.', content: json }, ...errorResponses(400, 401, 403, 409, 415, 503) },
      },
    },
    {
      method: 'patch',
      path: '/api/v1/campaigns/:code',
      access: FACILITATORS,
      handlers: [jsonBody, update],
      operation: {
        operationId: 'updateCampaign',
        summary: 'Edit or close a campaign (close by setting closesOn); stories already stored keep their context',
        requestParams: { path: CampaignParams },
        requestBody: { required: true, content: { 'application/json': { schema: UpdateCampaignSchema } } },
        responses: { '200': { description: 'Updated.', content: json }, ...errorResponses(400, 401, 403, 404, 415, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/campaigns/:code/form',
      access: 'public',
      handlers: [formInfo],
      operation: {
        operationId: 'campaignFormInfo',
        summary: "For the public form: whether a campaign is open and the care setting to preselect (nothing else of it)",
        requestParams: { path: CampaignParams },
        responses: { '200': { description: 'What the form may know.', content: { 'application/json': { schema: CampaignFormInfoSchema } } }, ...errorResponses(404, 503) },
      },
    },
    {
      method: 'get',
      path: '/api/v1/campaigns/:code/qr.svg',
      access: FACILITATORS,
      handlers: [qr],
      operation: {
        operationId: 'campaignQrCode',
        summary: 'A printable QR code (SVG) for the campaign link',
        requestParams: { path: CampaignParams },
        responses: { '200': { description: 'SVG.', content: { 'image/svg+xml': { schema: z.string() } } }, ...errorResponses(401, 403, 404, 503) },
      },
    },
  ];
}
