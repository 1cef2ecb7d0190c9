import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { searchTokens } from '@medskapa/analysis';
import { z } from 'zod';
import {
  RECEIPT_STATUSES,
  RedactionSchema,
  type CampaignPhase,
  type CareSetting,
  type ReceiptStatus,
  type StoryTextField,
  type Redaction,
  type Submission,
  type Topic,
} from '../../contract/index.ts';
import { driverCollection, ensureCollection } from '../db/collections.ts';
import { isDuplicateKeyError } from '../db/isDatabaseUnavailable.ts';
import { submissionModel } from './model.ts';

/** The stored shape; `model.ts` declares the same fields for Mongoose (indexes, reads). */
export interface SubmissionRecordDocument {
  _id: string;
  idempotencyKeyHash: string;
  requestHash: string;
  receiptHash: string;
  status: ReceiptStatus;
  locale: Submission['locale'];
  channel: Submission['channel'];
  campaign?: string;
  campaignContext?: CampaignContext;
  respondent: Submission['respondent'];
  care: Submission['care'];
  topics: Topic[];
  story: Submission['story'];
  rating?: number;
  hasFollowUp: boolean;
  consent: Submission['consent'];
  redactions: Redaction[];
  /** Spans facilitators replaced with [REDACTED] by hand (the field only; the original is not kept). */
  manualRedactions?: Array<{ field: string }>;
  maskVersion: number;
  receivedOn: string;
  month: string;
  schemaVersion: number;
  /** Folded words of the story text, for keyword search (no $text on FerretDB). */
  tokens: string[];
  /** Derived from the tags collection: the distinct theme ids on the story, and how many. */
  themes: string[];
  themeCount: number;
  /**
   * Derived from the tags collection: every tag of the story without its text (theme, kind, range, when), so
   * summaries and exports find quotes and excerpts in the pass over the stories they make anyway. Missing on stories
   * stored before it existed until the tag repository's start-up back-fill has run.
   */
  tagRefs?: StoryTagRef[];
  needsAttention: boolean;
}

export interface StoryTagRef {
  readonly themeId: string;
  readonly kind: 'story' | 'excerpt';
  readonly field?: StoryTextField;
  readonly start?: number;
  readonly end?: number;
  readonly at: Date;
}

/** The campaign's context as it was when the story arrived; later edits to the campaign do not rewrite it. */
export interface CampaignContext {
  readonly status: 'open' | 'closed' | 'unknown';
  readonly site?: string;
  readonly rolloutWave?: number;
  readonly phase?: CampaignPhase;
  readonly careSetting?: CareSetting;
}

export interface NewSubmissionRecord {
  readonly id: string;
  readonly idempotencyKeyHash: string;
  readonly requestHash: string;
  readonly receiptHash: string;
  readonly submission: Submission;
  readonly campaignContext?: CampaignContext | undefined;
  readonly redactions: ReadonlyArray<Redaction>;
  readonly maskVersion: number;
  readonly receivedOn: string;
}

const StoredSubmissionSchema = z.object({
  _id: z.string(),
  requestHash: z.string(),
  status: z.enum(RECEIPT_STATUSES),
  receivedOn: z.string(),
  hasFollowUp: z.boolean(),
  redactions: z.array(RedactionSchema),
});

/** What the service needs to answer replays and receipts; never the story text. */
export interface StoredSubmission {
  readonly id: string;
  readonly requestHash: string;
  readonly status: (typeof RECEIPT_STATUSES)[number];
  readonly receivedOn: string;
  readonly hasFollowUp: boolean;
  readonly redactions: ReadonlyArray<Redaction>;
}

export class DuplicateSubmissionError extends Error {
  constructor() {
    super('a submission with this idempotency key or receipt already exists');
    this.name = 'DuplicateSubmissionError';
  }
}

export interface SubmissionRepository {
  /** Inserts once; throws DuplicateSubmissionError when the idempotency key was used before. */
  insert(record: NewSubmissionRecord): Promise<void>;
  findByIdempotencyKeyHash(hash: string): Promise<StoredSubmission | undefined>;
  findByReceiptHash(hash: string): Promise<StoredSubmission | undefined>;
  deleteById(id: string): Promise<void>;
  ensureIndexes(): Promise<void>;
}

const SUMMARY_FIELDS = { _id: 1, requestHash: 1, status: 1, receivedOn: 1, hasFollowUp: 1, redactions: 1 } as const;

function toStoredSubmission(document: unknown): StoredSubmission | undefined {
  if (document === null || document === undefined) return undefined;
  const parsed = StoredSubmissionSchema.parse(document);
  return {
    id: parsed._id,
    requestHash: parsed.requestHash,
    status: parsed.status,
    receivedOn: parsed.receivedOn,
    hasFollowUp: parsed.hasFollowUp,
    redactions: parsed.redactions,
  };
}

export function createSubmissionRepository(connection: Connection): SubmissionRepository {
  const Submission = submissionModel(connection);
  let collection: Collection<SubmissionRecordDocument> | undefined;
  const rawCollection = () => (collection ??= driverCollection<SubmissionRecordDocument>(connection, 'submissions'));
  return {
    async insert(record) {
      const { submission } = record;
      const document: SubmissionRecordDocument = {
        _id: record.id,
        idempotencyKeyHash: record.idempotencyKeyHash,
        requestHash: record.requestHash,
        receiptHash: record.receiptHash,
        status: 'new',
        locale: submission.locale,
        channel: submission.channel,
        ...(submission.campaign === undefined ? {} : { campaign: submission.campaign }),
        ...(record.campaignContext === undefined ? {} : { campaignContext: record.campaignContext }),
        respondent: submission.respondent,
        care: submission.care,
        topics: submission.topics ?? [],
        story: submission.story,
        ...(submission.rating === undefined ? {} : { rating: submission.rating }),
        hasFollowUp: submission.followUp !== undefined,
        consent: submission.consent,
        redactions: [...record.redactions],
        maskVersion: record.maskVersion,
        receivedOn: record.receivedOn,
        month: record.receivedOn.slice(0, 7),
        schemaVersion: 1,
        tokens: searchTokens([submission.story.whatHappened, submission.story.whatWorkedWell, submission.story.whatCouldBeBetter, submission.story.idea, submission.care.unit], submission.locale),
        themes: [],
        themeCount: 0,
        tagRefs: [],
        needsAttention: false,
      };
      try {
        // The contract has validated every field, so the driver's insert skips Mongoose's per-document casting,
        // which was a quarter of the API's CPU time under load.
        await rawCollection().insertOne(document);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateSubmissionError();
        throw error;
      }
    },
    async findByIdempotencyKeyHash(hash) {
      return toStoredSubmission(await Submission.findOne({ idempotencyKeyHash: hash }, SUMMARY_FIELDS).lean());
    },
    async findByReceiptHash(hash) {
      return toStoredSubmission(await Submission.findOne({ receiptHash: hash }, SUMMARY_FIELDS).lean());
    },
    async deleteById(id) {
      await Submission.deleteOne({ _id: id });
      // What facilitators added goes with the story.
      await driverCollection(connection, 'tags').deleteMany({ storyId: id });
      await driverCollection(connection, 'storyNotes').deleteMany({ storyId: id });
      await driverCollection(connection, 'suggestionDecisions').deleteMany({ storyId: id });
    },
    async ensureIndexes() {
      await ensureCollection(connection, 'submissions');
      await Submission.createIndexes();
    },
  };
}
