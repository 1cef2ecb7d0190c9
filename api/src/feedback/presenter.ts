import type { SubmissionAccepted } from '../../contract/index.ts';
import type { AcceptedSubmission } from './service.ts';

export function presentAcceptedSubmission(accepted: AcceptedSubmission): SubmissionAccepted {
  return {
    id: accepted.id,
    receiptCode: accepted.receiptCode,
    redactions: accepted.redactions.map(({ field, kind, count }) => ({ field, kind, count })),
  };
}
