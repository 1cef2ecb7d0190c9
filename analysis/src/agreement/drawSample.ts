/**
 * A seeded sample drawn without I/O: every candidate gets a rank from a hash of (seed, id), and the lowest ranks
 * win. The same candidates and seed always give the same sample, whatever order the candidates come in; a new
 * candidate only changes the sample if it ranks among the chosen.
 */

/** cyrb53: a small, well-mixed 53-bit string hash; not for secrets, only for a reproducible order. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export const SAMPLE_SEED_MAX = 2_147_483_647;

/** Up to `size` distinct ids from `candidates`, in rank order; `seed` is an integer 0 … 2³¹−1. */
export function drawSample(candidates: Iterable<string>, size: number, seed: number): string[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('size must be a non-negative integer');
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > SAMPLE_SEED_MAX) throw new RangeError('seed must be an integer from 0 to 2^31-1');
  const ranked = [...new Set(candidates)].map((id) => ({ id, rank: hash53(id, seed) }));
  ranked.sort((x, y) => x.rank - y.rank || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return ranked.slice(0, size).map(({ id }) => id);
}
