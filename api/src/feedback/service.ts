import { createHash, createHmac, randomUUID } from 'node:crypto';
import { MASK_VERSION } from '@medskapa/analysis';
import type { Redaction, Submission } from '../../contract/index.ts';
import { encryptJson, type Keyring } from '../contacts/contactCipher.ts';
import type { ContactRepository } from '../contacts/repository.ts';
import { ConflictError, ServiceUnavailableError } from '../http/errors.ts';
import { deriveReceiptCode, formatReceiptCode, hashReceiptCode } from '../receipts/receiptCode.ts';
import { maskSubmission } from './maskSubmission.ts';
import { DuplicateSubmissionError, type StoredSubmission, type SubmissionRepository } from './repository.ts';

export interface FeedbackServiceDeps {
  readonly submissions: SubmissionRepository;
  readonly contacts: ContactRepository;
  readonly contactKeyring: Keyring;
  readonly appSecret: Buffer;
  /** Today's date in Sweden, YYYY-MM-DD. */
  readonly today: () => string;
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

/** A stable serialisation (sorted keys) so that the same story always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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

  return {
    async acceptSubmission(submission, idempotencyKey) {
      const idempotencyKeyHash = hashIdempotencyKey(idempotencyKey);
      // Keyed, because the hashed body includes contact details.
      const requestHash = createHmac('sha256', deps.appSecret).update(canonicalJson(submission)).digest('hex');
      const code = deriveReceiptCode(deps.appSecret, idempotencyKey);
      const receiptCode = formatReceiptCode(code);

      const existing = await deps.submissions.findByIdempotencyKeyHash(idempotencyKeyHash);
      if (existing !== undefined) return replay(existing, requestHash, submission, receiptCode);

      const masked = maskSubmission(submission);
      const id = randomUUID();
      const receivedOn = deps.today();
      try {
        await deps.submissions.insert({
          id,
          idempotencyKeyHash,
          requestHash,
          receiptHash: hashReceiptCode(code),
          submission: masked.submission,
          redactions: masked.redactions,
          maskVersion: MASK_VERSION,
          receivedOn,
        });
      } catch (error) {
        if (!(error instanceof DuplicateSubmissionError)) throw error;
        // A concurrent request with the same key won the insert; answer as its replay.
        const winner = await deps.submissions.findByIdempotencyKeyHash(idempotencyKeyHash);
        if (winner === undefined) throw new ServiceUnavailableError(1, error);
        return replay(winner, requestHash, submission, receiptCode);
      }
      await storeContact(id, submission, receivedOn);
      return { id, receiptCode, redactions: masked.redactions, replayed: false };
    },
  };
}
