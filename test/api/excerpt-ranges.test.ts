import { describe, expect, it } from 'vitest';
import { adjustRange } from '../../api/src/stories/excerptRanges.ts';

// "0123456789" with [4, 6) replaced by 10 characters (delta +8) — the length of "[REDACTED]".
const edit = { start: 4, end: 6, replacementLength: 10 };

describe('an excerpt range after a de-identification edit', () => {
  it.each([
    ['ends before the edit', { start: 0, end: 3 }, { start: 0, end: 3 }],
    ['ends exactly where the edit starts', { start: 1, end: 4 }, { start: 1, end: 4 }],
    ['starts after the edit', { start: 7, end: 9 }, { start: 15, end: 17 }],
    ['starts exactly where the edit ends', { start: 6, end: 8 }, { start: 14, end: 16 }],
    ['contains the edit', { start: 2, end: 8 }, { start: 2, end: 16 }],
    ['is the edited span', { start: 4, end: 6 }, { start: 4, end: 14 }],
    ['lies inside the edit', { start: 5, end: 6 }, { start: 4, end: 14 }],
    ['overlaps its start', { start: 2, end: 5 }, { start: 2, end: 14 }],
    ['overlaps its end', { start: 5, end: 9 }, { start: 4, end: 17 }],
  ])('%s', (_name, range, expected) => {
    expect(adjustRange(range, edit)).toEqual(expected);
  });

  it('keeps pointing at the same words when the replacement is shorter than the span', () => {
    const text = 'Jag träffade doktor Karl-Johan Wennerström i går och det gick bra';
    const name = 'Karl-Johan Wennerström';
    const start = text.indexOf(name);
    const next = `${text.slice(0, start)}[REDACTED]${text.slice(start + name.length)}`;
    const words = { start: text.indexOf('det gick bra'), end: text.length };
    const moved = adjustRange(words, { start, end: start + name.length, replacementLength: 10 });
    expect(next.slice(moved.start, moved.end)).toBe('det gick bra');
  });
});
