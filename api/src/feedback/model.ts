import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import {
  AGE_GROUPS,
  CAMPAIGN_PHASES,
  CARE_SETTINGS,
  CARE_WHEN,
  CHANNELS,
  LOCALES,
  RECEIPT_STATUSES,
  REDACTION_KINDS,
  RELATIONSHIPS,
  RESPONDENT_ROLES,
  TOPICS,
} from '../../contract/index.ts';

// A stored story holds no IP, user agent or exact time: only the Swedish calendar date and month.
const submissionSchema = new Schema(
  {
    _id: { type: String, required: true },
    idempotencyKeyHash: { type: String, required: true },
    requestHash: { type: String, required: true },
    receiptHash: { type: String, required: true },
    status: { type: String, enum: RECEIPT_STATUSES, required: true },
    locale: { type: String, enum: LOCALES, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    campaign: { type: String },
    campaignContext: {
      status: { type: String, enum: ['open', 'closed', 'unknown'] },
      site: { type: String },
      rolloutWave: { type: Number },
      phase: { type: String, enum: CAMPAIGN_PHASES },
      careSetting: { type: String, enum: CARE_SETTINGS },
    },
    respondent: {
      role: { type: String, enum: RESPONDENT_ROLES, required: true },
      relationship: { type: String, enum: RELATIONSHIPS },
      ageGroup: { type: String, enum: AGE_GROUPS },
    },
    care: {
      settings: { type: [{ type: String, enum: CARE_SETTINGS }], required: true },
      unit: { type: String },
      when: { type: String, enum: CARE_WHEN, required: true },
    },
    topics: { type: [{ type: String, enum: TOPICS }], default: [] },
    story: {
      whatHappened: { type: String, required: true },
      whatWorkedWell: { type: String },
      whatCouldBeBetter: { type: String },
      idea: { type: String },
    },
    rating: { type: Number, min: 1, max: 5 },
    hasFollowUp: { type: Boolean, required: true },
    consent: {
      storyProcessing: { type: Boolean, required: true },
      contactProcessing: { type: Boolean },
      version: { type: String, required: true },
    },
    redactions: {
      type: [
        {
          _id: false,
          field: { type: String, required: true },
          kind: { type: String, enum: REDACTION_KINDS, required: true },
          count: { type: Number, required: true },
        },
      ],
      default: [],
    },
    manualRedactions: { type: [{ _id: false, field: { type: String, required: true } }], default: undefined },
    maskVersion: { type: Number, required: true },
    receivedOn: { type: String, required: true },
    month: { type: String, required: true },
    schemaVersion: { type: Number, required: true },
    tokens: { type: [String], default: [] },
    themes: { type: [String], default: [] },
    themeCount: { type: Number, default: 0 },
    tagRefs: {
      type: [
        {
          _id: false,
          themeId: { type: String, required: true },
          kind: { type: String, enum: ['story', 'excerpt'], required: true },
          field: { type: String },
          start: { type: Number },
          end: { type: Number },
          at: { type: Date, required: true },
        },
      ],
      default: undefined,
    },
    needsAttention: { type: Boolean, default: false },
  },
  { collection: 'submissions', versionKey: false, strict: 'throw', id: false },
);

// Unique keys are always set (FerretDB does not unique-check missing fields).
submissionSchema.index({ idempotencyKeyHash: 1 }, { unique: true });
submissionSchema.index({ receiptHash: 1 }, { unique: true });
submissionSchema.index({ month: 1 });
submissionSchema.index({ status: 1, month: 1 });

export type SubmissionDocument = InferSchemaType<typeof submissionSchema>;

export function submissionModel(connection: Connection): Model<SubmissionDocument> {
  return connection.model<SubmissionDocument>('Submission', submissionSchema);
}
