import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSample, SAMPLE_SEED_MAX } from '../../analysis/src/index.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `story-${String(i).padStart(4, '0')}`);

describe('drawSample', () => {
  it('draws the same sample for the same candidates and seed, in whatever order the candidates come', () => {
    const candidates = ids(200);
    const first = drawSample(candidates, 12, 42);
    expect(first).toHaveLength(12);
    expect(drawSample([...candidates].reverse(), 12, 42)).toEqual(first);
    expect(drawSample(candidates, 12, 43)).not.toEqual(first);
  });

  it('takes every candidate when there are fewer than the size, each once', () => {
    expect(drawSample(['b', 'a', 'b', 'c'], 10, 7).sort()).toEqual(['a', 'b', 'c']);
    expect(drawSample([], 5, 7)).toEqual([]);
    expect(drawSample(['a'], 0, 7)).toEqual([]);
  });

  it('refuses a size or a seed that is not a whole number in range', () => {
    expect(() => drawSample(['a'], -1, 1)).toThrow(RangeError);
    expect(() => drawSample(['a'], 1.5, 1)).toThrow(RangeError);
    expect(() => drawSample(['a'], 1, -1)).toThrow(RangeError);
    expect(() => drawSample(['a'], 1, SAMPLE_SEED_MAX + 1)).toThrow(RangeError);
  });

  it('a new candidate changes the sample by at most one story', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 60 }), fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: SAMPLE_SEED_MAX }), fc.integer({ min: 1, max: 20 }), (candidates, extra, seed, size) => {
        const before = drawSample(candidates, size, seed);
        const after = drawSample([...candidates, extra], size, seed);
        expect(after.filter((id) => !before.includes(id)).length).toBeLessThanOrEqual(1);
        expect(new Set(after).size).toBe(after.length);
        for (const id of after) expect([...candidates, extra]).toContain(id);
      }),
    );
  });

  it('gives every candidate about the same chance over many seeds', () => {
    const candidates = ids(20);
    const chosen = new Map<string, number>(candidates.map((id) => [id, 0]));
    for (let seed = 0; seed < 4000; seed += 1) for (const id of drawSample(candidates, 5, seed)) chosen.set(id, (chosen.get(id) ?? 0) + 1);
    // Expected 1000 each (4000 × 5 ÷ 20); the binomial standard deviation is about 27.
    for (const count of chosen.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
