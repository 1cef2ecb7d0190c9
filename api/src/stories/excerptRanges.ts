/** A half-open range of UTF-16 code units in one story field. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** An edit of a field: [start, end) was replaced by text of `replacementLength` code units. */
export interface TextEdit extends TextRange {
  readonly replacementLength: number;
}

/**
 * Where an excerpt's range lies after an edit elsewhere (or inside it), so the excerpt keeps pointing at the same words.
 * Before the edit: unchanged. After it: shifted. Around it: grows or shrinks with it. Overlapping one side: stretched
 * to cover the whole replacement, so it never ends inside "[REDACTED]". Wholly inside: the replacement itself.
 */
export function adjustRange(range: TextRange, edit: TextEdit): TextRange {
  const delta = edit.replacementLength - (edit.end - edit.start);
  const replacementEnd = edit.start + edit.replacementLength;
  if (range.end <= edit.start) return range;
  if (range.start >= edit.end) return { start: range.start + delta, end: range.end + delta };
  const start = Math.min(range.start, edit.start);
  const end = range.end >= edit.end ? range.end + delta : replacementEnd;
  return { start, end: Math.max(end, replacementEnd) };
}
