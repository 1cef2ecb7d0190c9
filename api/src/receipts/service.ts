import type { Receipt } from '../../contract/index.ts';
import type { AuditLog } from '../audit/repository.ts';
import type { ContactRepository } from '../contacts/repository.ts';
import type { SubmissionRepository } from '../feedback/repository.ts';
import { NotFoundError } from '../http/errors.ts';
import { hashReceiptCode, normaliseReceiptCode } from './receiptCode.ts';

export interface ReceiptService {
  checkReceipt(code: string): Promise<Receipt>;
  /** Deletes the story and its contact details; contact first, so a failure never leaves contact details behind. */
  withdrawReceipt(code: string): Promise<void>;
}

export function createReceiptService(deps: {
  readonly submissions: SubmissionRepository;
  readonly contacts: ContactRepository;
  readonly audit: AuditLog;
}): ReceiptService {
  const find = async (input: string) => {
    const code = normaliseReceiptCode(input);
    const stored = code === undefined ? undefined : await deps.submissions.findByReceiptHash(hashReceiptCode(code));
    if (stored === undefined) throw new NotFoundError('No story was found for this receipt code.');
    return stored;
  };
  return {
    async checkReceipt(code) {
      const stored = await find(code);
      return { status: stored.status, receivedOn: stored.receivedOn };
    },
    async withdrawReceipt(code) {
      const stored = await find(code);
      await deps.contacts.deleteForSubmission(stored.id);
      await deps.submissions.deleteById(stored.id);
      await deps.audit.record({ action: 'submission.withdrawn', outcome: 'success', targetType: 'submission', targetId: stored.id });
    },
  };
}
