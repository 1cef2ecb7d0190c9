import type { Connection } from 'mongoose';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import type { CampaignPhase, CareSetting } from '../../contract/index.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';

export interface StoredCampaign {
  code: string;
  name: string;
  site: string;
  rolloutWave: number;
  phase: CampaignPhase;
  careSetting?: CareSetting;
  opensOn: string;
  closesOn?: string;
}

interface CampaignDocument extends StoredCampaign {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Open on its opening day and on its closing day. */
export function isCampaignOpen(campaign: Pick<StoredCampaign, 'opensOn' | 'closesOn'>, today: string): boolean {
  return today >= campaign.opensOn && (campaign.closesOn === undefined || today <= campaign.closesOn);
}

export class DuplicateCampaignError extends Error {
  constructor() {
    super('a campaign with this code exists');
    this.name = 'DuplicateCampaignError';
  }
}

export interface CampaignRepository {
  create(campaign: StoredCampaign, now: Date): Promise<StoredCampaign>;
  findByCode(code: string): Promise<StoredCampaign | undefined>;
  list(): Promise<StoredCampaign[]>;
  update(code: string, change: Partial<StoredCampaign>, now: Date): Promise<StoredCampaign | undefined>;
  ensureIndexes(): Promise<void>;
}

function toCampaign(document: CampaignDocument): StoredCampaign {
  return {
    code: document.code,
    name: document.name,
    site: document.site,
    rolloutWave: document.rolloutWave,
    phase: document.phase,
    opensOn: document.opensOn,
    ...(document.careSetting === undefined ? {} : { careSetting: document.careSetting }),
    ...(document.closesOn === undefined ? {} : { closesOn: document.closesOn }),
  };
}

export function createCampaignRepository(connection: Connection): CampaignRepository {
  // The code is the _id: unique on both databases, and the one look-up a story needs.
  const collection = () => driverCollection<CampaignDocument>(connection, 'campaigns');
  return {
    async create(campaign, now) {
      try {
        await collection().insertOne({ _id: campaign.code, ...campaign, createdAt: now, updatedAt: now });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateCampaignError();
        throw error;
      }
      return campaign;
    },
    async findByCode(code) {
      const document = await collection().findOne({ _id: code });
      return document === null ? undefined : toCampaign(document);
    },
    async list() {
      return (await collection().find({}).sort({ opensOn: -1, _id: 1 }).toArray()).map(toCampaign);
    },
    async update(code, change, now) {
      await collection().updateOne({ _id: code }, { $set: { ...change, updatedAt: now } });
      const document = await collection().findOne({ _id: code });
      return document === null ? undefined : toCampaign(document);
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'campaigns');
    },
  };
}
