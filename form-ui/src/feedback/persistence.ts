import type { SubmissionAccepted } from '@medskapa/api/contract';
import { emptyValues, type FormValues } from './formValues.ts';

const DRAFT_KEY = 'medskapa.draft';
const RECEIPT_KEY = 'medskapa.receipt';

// Answers live in sessionStorage only: they survive reload, Back and a language switch, and go with the tab.
function read(key: string): unknown {
  try {
    const text = window.sessionStorage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the form still works, it just cannot restore after a reload.
  }
}

/** The saved draft, merged over empty answers so a draft from an older version cannot break the form. */
export function loadDraft(): FormValues {
  const empty = emptyValues();
  const draft = read(DRAFT_KEY);
  if (typeof draft !== 'object' || draft === null) return empty;
  const merged: Record<string, unknown> = { ...empty };
  for (const [key, value] of Object.entries(draft)) {
    const base: unknown = merged[key];
    if (!(key in empty)) continue;
    merged[key] = typeof base === 'object' && base !== null && !Array.isArray(base) && typeof value === 'object' ? { ...base, ...value } : value;
  }
  return merged as unknown as FormValues;
}

export const saveDraft = (values: FormValues): void => write(DRAFT_KEY, values);
export const clearDraft = (): void => write(DRAFT_KEY, undefined);

export function loadReceipt(): SubmissionAccepted | undefined {
  const value = read(RECEIPT_KEY);
  return typeof value === 'object' && value !== null && 'receiptCode' in value && 'id' in value && 'redactions' in value
    ? (value as SubmissionAccepted)
    : undefined;
}

export const saveReceipt = (receipt: SubmissionAccepted | undefined): void => write(RECEIPT_KEY, receipt);

export function clearEverything(): void {
  try {
    window.sessionStorage.clear();
  } catch {
    // Nothing to clear.
  }
}
