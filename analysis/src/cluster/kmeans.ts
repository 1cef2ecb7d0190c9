/** A unit-length sparse vector: feature indices ascending, with their weights. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** mulberry32: a small seeded PRNG, so the same data and seed always give the same clusters. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Centroids stored feature-major (`data[feature * k + cluster]`): scoring one sparse story against every centroid
 * then reads k neighbouring numbers per feature of the story.
 */
export interface Centroids {
  readonly k: number;
  readonly dimension: number;
  readonly data: Float64Array;
}

/** Best centroid per vector (-1 when it shares no feature with any) and the cosine to it; ties go to the lower index. */
export function assign(vectors: readonly SparseVector[], centroids: Centroids): { assignment: Int32Array; similarity: Float64Array } {
  const { k, data } = centroids;
  const assignment = new Int32Array(vectors.length).fill(-1);
  const similarity = new Float64Array(vectors.length);
  const scores = new Float64Array(k);
  vectors.forEach((vector, row) => {
    scores.fill(0);
    const { indices, values } = vector;
    for (let entry = 0; entry < indices.length; entry += 1) {
      const weight = values[entry] ?? 0;
      const base = (indices[entry] ?? 0) * k;
      for (let cluster = 0; cluster < k; cluster += 1) scores[cluster] = (scores[cluster] ?? 0) + weight * (data[base + cluster] ?? 0);
    }
    let best = -1;
    let bestScore = 0;
    for (let cluster = 0; cluster < k; cluster += 1) {
      const score = scores[cluster] ?? 0;
      if (score > bestScore + 1e-12) {
        best = cluster;
        bestScore = score;
      }
    }
    assignment[row] = best;
    similarity[row] = best === -1 ? 0 : bestScore;
  });
  return { assignment, similarity };
}

/** Unit-length means of the members of each of `k` groups (a group without members stays all zero). */
export function centroidsOf(vectors: readonly SparseVector[], assignment: Int32Array, k: number, dimension: number): Centroids {
  const data = new Float64Array(dimension * k);
  vectors.forEach((vector, row) => {
    const cluster = assignment[row] ?? -1;
    if (cluster < 0) return;
    for (let entry = 0; entry < vector.indices.length; entry += 1) {
      const position = (vector.indices[entry] ?? 0) * k + cluster;
      data[position] = (data[position] ?? 0) + (vector.values[entry] ?? 0);
    }
  });
  const norms = new Float64Array(k);
  for (let feature = 0; feature < dimension; feature += 1) {
    for (let cluster = 0; cluster < k; cluster += 1) {
      const value = data[feature * k + cluster] ?? 0;
      norms[cluster] = (norms[cluster] ?? 0) + value * value;
    }
  }
  for (let cluster = 0; cluster < k; cluster += 1) norms[cluster] = Math.sqrt(norms[cluster] ?? 0);
  for (let feature = 0; feature < dimension; feature += 1) {
    for (let cluster = 0; cluster < k; cluster += 1) {
      const norm = norms[cluster] ?? 0;
      const position = feature * k + cluster;
      data[position] = norm === 0 ? 0 : (data[position] ?? 0) / norm;
    }
  }
  return { k, dimension, data };
}

/**
 * k-means++ seeding: the first seed drawn at random, each next one with probability proportional to its distance
 * (1 − cosine) from the nearest seed so far. Stops early when every vector equals a seed.
 */
export function seedIndices(vectors: readonly SparseVector[], k: number, dimension: number, random: () => number): number[] {
  if (vectors.length === 0 || k <= 0) return [];
  const seeds = [Math.min(vectors.length - 1, Math.floor(random() * vectors.length))];
  const nearest = new Float64Array(vectors.length).fill(-1);
  const scratch = new Float64Array(dimension);
  while (true) {
    const seed = vectors[seeds[seeds.length - 1] ?? 0];
    if (seed === undefined) break;
    seed.indices.forEach((feature, entry) => (scratch[feature] = seed.values[entry] ?? 0));
    let total = 0;
    const distances = new Float64Array(vectors.length);
    vectors.forEach((vector, row) => {
      let dot = 0;
      for (let entry = 0; entry < vector.indices.length; entry += 1) dot += (vector.values[entry] ?? 0) * (scratch[vector.indices[entry] ?? 0] ?? 0);
      if (dot > (nearest[row] ?? -1)) nearest[row] = dot;
      const distance = Math.max(0, 1 - (nearest[row] ?? 0));
      distances[row] = distance < 1e-9 ? 0 : distance;
      total += distances[row] ?? 0;
    });
    seed.indices.forEach((feature) => (scratch[feature] = 0));
    if (seeds.length >= k || total <= 0) break;
    let target = random() * total;
    let chosen = -1;
    for (let row = 0; row < vectors.length; row += 1) {
      const distance = distances[row] ?? 0;
      if (distance === 0) continue;
      chosen = row;
      target -= distance;
      if (target < 0) break;
    }
    if (chosen === -1) break;
    seeds.push(chosen);
  }
  return seeds;
}

export interface KMeansResult {
  readonly k: number;
  readonly assignment: Int32Array;
  readonly iterations: number;
}

/** Spherical k-means (cosine): seeded k-means++ start, Lloyd steps until nothing moves or `maxIterations`. */
export function sphericalKMeans(vectors: readonly SparseVector[], dimension: number, options: { k: number; seed: number; maxIterations: number }): KMeansResult {
  const seeds = seedIndices(vectors, options.k, dimension, seededRandom(options.seed));
  const k = seeds.length;
  let assignment: Int32Array = new Int32Array(vectors.length).fill(-1);
  seeds.forEach((row, cluster) => (assignment[row] = cluster));
  let centroids = centroidsOf(vectors, assignment, k, dimension);
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations += 1;
    const next = assign(vectors, centroids).assignment;
    let moved = 0;
    for (let row = 0; row < next.length; row += 1) if (next[row] !== assignment[row]) moved += 1;
    assignment = next;
    if (moved === 0) break;
    centroids = centroidsOf(vectors, assignment, k, dimension);
  }
  return { k, assignment, iterations };
}

/**
 * Joins clusters whose centroids are at least `threshold` alike (cosine), so over-splitting by a generous k is
 * undone. Pairs are taken most alike first (ties by index); returns the group of each cluster, numbered by its
 * lowest cluster.
 */
export function mergeSimilar(centroids: Centroids, threshold: number): Int32Array {
  const { k, dimension, data } = centroids;
  const gram = new Float64Array(k * k);
  const nonZero: number[] = [];
  for (let feature = 0; feature < dimension; feature += 1) {
    nonZero.length = 0;
    for (let cluster = 0; cluster < k; cluster += 1) if ((data[feature * k + cluster] ?? 0) !== 0) nonZero.push(cluster);
    for (let left = 0; left < nonZero.length; left += 1) {
      const a = nonZero[left] ?? 0;
      const value = data[feature * k + a] ?? 0;
      for (let right = left + 1; right < nonZero.length; right += 1) {
        const b = nonZero[right] ?? 0;
        gram[a * k + b] = (gram[a * k + b] ?? 0) + value * (data[feature * k + b] ?? 0);
      }
    }
  }
  const pairs: Array<{ a: number; b: number; similarity: number }> = [];
  for (let a = 0; a < k; a += 1) {
    for (let b = a + 1; b < k; b += 1) {
      const similarity = gram[a * k + b] ?? 0;
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const parent = Int32Array.from({ length: k }, (_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while ((parent[current] ?? current) !== current) current = parent[current] ?? current;
    return current;
  };
  for (const { a, b } of pairs) {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return Int32Array.from({ length: k }, (_, index) => root(index));
}
