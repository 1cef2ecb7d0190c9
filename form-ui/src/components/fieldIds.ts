/** `story.whatHappened` → `f-story-whatHappened`: the id a field's control (or first option) carries. */
export function fieldId(path: string, option?: string): string {
  const base = `f-${path.replaceAll('.', '-')}`;
  return option === undefined ? base : `${base}-${option}`;
}

export const errorId = (path: string): string => `${fieldId(path)}-error`;
export const hintId = (path: string): string => `${fieldId(path)}-hint`;

/** The aria-describedby value for a field: its hint and its error, when present. */
export function describedBy(path: string, hasHint: boolean, hasError: boolean, extra: string[] = []): string | undefined {
  const ids = [...(hasHint ? [hintId(path)] : []), ...extra, ...(hasError ? [errorId(path)] : [])];
  return ids.length > 0 ? ids.join(' ') : undefined;
}
