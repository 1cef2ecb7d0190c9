import type { DetectedSpan, RedactionKind } from './types.ts';

// E-mail beats id numbers beats phones beats addresses: "0701234569" is both a personnummer and a mobile.
const PRIORITY: readonly RedactionKind[] = ['email', 'id_number', 'phone', 'address'];

// A street and its postcode on one line ("Storgatan 15B, 413 45 Göteborg") read as one address.
const ADDRESS_JOIN = /^(?:, ?| )$/;

/**
 * Turns overlapping detections into disjoint spans sorted by start. Where spans overlap, the
 * higher-priority kind wins and the span grows to cover both, so no digits of either are left behind.
 */
export function resolveSpans(spans: readonly DetectedSpan[], text: string): DetectedSpan[] {
  const ordered = [...spans].sort((left, right) => rank(left.kind) - rank(right.kind) || left.start - right.start);
  let kept: DetectedSpan[] = [];
  for (const span of ordered) {
    const overlapping = kept.filter((other) => other.start < span.end && span.start < other.end);
    if (overlapping.length === 0) {
      kept.push({ ...span });
      continue;
    }
    // Spans arrive in priority order, so every kept span outranks or equals the newcomer.
    const kind = overlapping.reduce((best, other) => (rank(other.kind) < rank(best) ? other.kind : best), span.kind);
    const merged: DetectedSpan = {
      start: Math.min(span.start, ...overlapping.map((other) => other.start)),
      end: Math.max(span.end, ...overlapping.map((other) => other.end)),
      kind,
    };
    kept = [...kept.filter((other) => !overlapping.includes(other)), merged];
  }
  kept.sort((left, right) => left.start - right.start);
  return joinAdjacentAddresses(kept, text);
}

function rank(kind: RedactionKind): number {
  return PRIORITY.indexOf(kind);
}

function joinAdjacentAddresses(spans: readonly DetectedSpan[], text: string): DetectedSpan[] {
  const joined: DetectedSpan[] = [];
  for (const span of spans) {
    const previous = joined.at(-1);
    if (
      previous !== undefined &&
      previous.kind === 'address' &&
      span.kind === 'address' &&
      ADDRESS_JOIN.test(text.slice(previous.end, span.start))
    ) {
      previous.end = span.end;
    } else {
      joined.push({ ...span });
    }
  }
  return joined;
}
