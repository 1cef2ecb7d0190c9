import { createHmac, hash, randomUUID } from 'node:crypto';
import { MASK_VERSION } from '@medskapa/analysis';
import type { Redaction, Submission } from '../../contract/index.ts';
import { encryptJson, type Keyring } from '../contacts/contactCipher.ts';
import type { ContactRepository } from '../contacts/repository.ts';
import { withDeadline } from '../db/deadline.ts';
import { ConflictError, ServiceUnavailableError } from '../http/errors.ts';
import { deriveReceiptCode, formatReceiptCode, hashReceiptCode } from '../receipts/receiptCode.ts';
import { maskSubmission } from './maskSubmission.ts';
import { isCampaignOpen, type StoredCampaign } from '../campaigns/repository.ts';
import { DuplicateSubmissionError, type CampaignContext, type StoredSubmission, type SubmissionRepository } from './repository.ts';

export interface FeedbackServiceDeps {
  readonly submissions: SubmissionRepository;
  readonly contacts: ContactRepository;
  readonly contactKeyring: Keyring;
  readonly appSecret: Buffer;
  /** Today's date in Sweden, YYYY-MM-DD. */
  readonly today: () => string;
  readonly findCampaign: (code: string) => Promise<StoredCampaign | undefined>;
  /** Longest wait for the database per submission before answering 503 (default 2.5 s). */
  readonly writeDeadlineMs?: number;
}

/** About the driver's server-selection timeout (2 s) plus a margin: a story is stored or refused within ~3 s. */
export const SUBMISSION_DEADLINE_MS = 2500;

/** A story through an unknown or closed campaign is still stored, with the campaign flagged for a facilitator. */
async function campaignContextFor(deps: FeedbackServiceDeps, code: string | undefined, today: string): Promise<CampaignContext | undefined> {
  if (code === undefined) return undefined;
  const campaign = await deps.findCampaign(code);
  if (campaign === undefined) return { status: 'unknown' };
  return {
    status: isCampaignOpen(campaign, today) ? 'open' : 'closed',
    site: campaign.site,
    rolloutWave: campaign.rolloutWave,
    phase: campaign.phase,
    ...(campaign.careSetting === undefined ? {} : { careSetting: campaign.careSetting }),
  };
}

export interface AcceptedSubmission {
  readonly id: string;
  readonly receiptCode: string;
  readonly redactions: ReadonlyArray<Redaction>;
  readonly replayed: boolean;
}

export interface FeedbackService {
  acceptSubmission(submission: Submission, idempotencyKey: string): Promise<AcceptedSubmission>;
}

function sha256(text: string): string {
  return hash('sha256', text);
}

export function hashIdempotencyKey(key: string): string {
  return sha256(`idempotency:${key.toLowerCase()}`);
}

export function createFeedbackService(deps: FeedbackServiceDeps): FeedbackService {
  const storeContact = async (submissionId: string, submission: Submission, createdOn: string): Promise<void> => {
    if (submission.followUp === undefined) return;
    const envelope = encryptJson(deps.contactKeyring, submission.followUp, `contacts.followUp.${submissionId}`);
    await deps.contacts.insertIfAbsent({ submissionId, envelope, keyId: deps.contactKeyring.activeKeyId, createdOn });
  };

  const replay = async (
    stored: StoredSubmission,
    requestHash: string,
    submission: Submission,
    receiptCode: string,
  ): Promise<AcceptedSubmission> => {
    if (stored.requestHash !== requestHash) {
      throw new ConflictError('idempotency_conflict', 'This Idempotency-Key was already used for a different story.');
    }
    // The first attempt may have stored the story but not its contact details before failing.
    if (stored.hasFollowUp && !(await deps.contacts.existsForSubmission(stored.id))) {
      await storeContact(stored.id, submission, stored.receivedOn);
    }
    return { id: stored.id, receiptCode, redactions: stored.redactions, replayed: true };
  };

  const unbounded: FeedbackService = {
    async acceptSubmission(submission, idempotencyKey) {
      const idempotencyKeyHash = hashIdempotencyKey(idempotencyKey);
      // Zod builds its output in schema order, so the same story always serialises the same; the hash is
      // keyed because the body includes contact details.
      const requestHash = createHmac('sha256', deps.appSecret).update(JSON.stringify(submission)).digest('hex');
      const code = deriveReceiptCode(deps.appSecret, idempotencyKey);
      const receiptCode = formatReceiptCode(code);

      // Insert first and let the unique index catch repeats: a read before every write would scan the
      // collection on FerretDB, where queries do not use indexes.
      const masked = maskSubmission(submission);
      const id = randomUUID();
      const receivedOn = deps.today();
      const campaignContext = await campaignContextFor(deps, submission.campaign, receivedOn);
      try {
        await deps.submissions.insert({
          id,
          idempotencyKeyHash,
          requestHash,
          receiptHash: hashReceiptCode(code),
          submission: masked.submission,
          campaignContext,
          redactions: masked.redactions,
          maskVersion: MASK_VERSION,
          receivedOn,
        });
      } catch (error) {
        if (!(error instanceof DuplicateSubmissionError)) throw error;
        // An earlier or concurrent request with the same key stored it; answer as its replay.
        const winner = await deps.submissions.findByIdempotencyKeyHash(idempotencyKeyHash);
        if (winner === undefined) throw new ServiceUnavailableError(1, error);
        return replay(winner, requestHash, submission, receiptCode);
      }
      await storeContact(id, submission, receivedOn);
      return { id, receiptCode, redactions: masked.redactions, replayed: false };
    },
  };

  return {
    // Safe to cut short: the write is idempotent, so a story stored after its 503 is replayed on the retry.
    acceptSubmission: (submission, idempotencyKey) =>
      withDeadline(unbounded.acceptSubmission(submission, idempotencyKey), deps.writeDeadlineMs ?? SUBMISSION_DEADLINE_MS),
  };
}
