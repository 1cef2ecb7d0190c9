import { z } from 'zod';
import { CARE_SETTINGS } from './lists.ts';

export const CAMPAIGN_PHASES = ['before', 'around', 'after'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

const day = z.iso.date({ error: 'campaign.date.invalid' });
const text = (key: string, max: number) =>
  z.string({ error: `${key}.required` }).trim().min(1, { error: `${key}.required` }).max(max, { error: `${key}.tooLong` });

const CampaignFields = {
  name: text('campaign.name', 120),
  site: text('campaign.site', 120),
  rolloutWave: z.int({ error: 'campaign.rolloutWave.invalid' }).min(0, { error: 'campaign.rolloutWave.invalid' }).max(99, { error: 'campaign.rolloutWave.invalid' }),
  phase: z.enum(CAMPAIGN_PHASES, { error: 'campaign.phase.invalid' }),
  careSetting: z.enum(CARE_SETTINGS, { error: 'campaign.careSetting.invalid' }).exactOptional(),
  opensOn: day,
  closesOn: day.exactOptional(),
};

export const CreateCampaignSchema = z
  .strictObject({
    code: z
      .string({ error: 'campaign.code.required' })
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'campaign.code.invalid' })
      .max(64, { error: 'campaign.code.invalid' }),
    ...CampaignFields,
  })
  .refine((campaign) => campaign.closesOn === undefined || campaign.closesOn >= campaign.opensOn, { error: 'campaign.closesOn.beforeOpens', path: ['closesOn'] })
  .meta({ id: 'CreateCampaign' });
export type CreateCampaign = z.infer<typeof CreateCampaignSchema>;

export const UpdateCampaignSchema = z
  .strictObject({
    name: CampaignFields.name.exactOptional(),
    site: CampaignFields.site.exactOptional(),
    rolloutWave: CampaignFields.rolloutWave.exactOptional(),
    phase: CampaignFields.phase.exactOptional(),
    careSetting: CampaignFields.careSetting,
    opensOn: day.exactOptional(),
    closesOn: day.exactOptional(),
  })
  .meta({ id: 'UpdateCampaign' });
export type UpdateCampaign = z.infer<typeof UpdateCampaignSchema>;

export const CampaignSchema = z
  .strictObject({
    code: z.string(),
    name: z.string(),
    site: z.string(),
    rolloutWave: z.int(),
    phase: z.enum(CAMPAIGN_PHASES),
    careSetting: z.enum(CARE_SETTINGS).optional(),
    opensOn: z.string(),
    closesOn: z.string().optional(),
    link: z.string(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof CampaignSchema>;

/** What the public form may know of a campaign from its link: whether it is open and the care setting to preselect. */
export const CampaignFormInfoSchema = z
  .strictObject({ code: z.string(), open: z.boolean(), careSetting: z.enum(CARE_SETTINGS).optional() })
  .meta({ id: 'CampaignFormInfo' });
export type CampaignFormInfo = z.infer<typeof CampaignFormInfoSchema>;
