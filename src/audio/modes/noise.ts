/**
 * Seeded white noise that any stretch of can be rendered on its own: sample i is a hash of
 * (seed, i), not the next output of a running generator, so a region rendered in chunks, or
 * rendered again to finish an interrupted run, gives the same samples.
 */

/** Uniform in [-1, 1), from a 32-bit integer hash (Wellons' lowbias32) of the seed and index. */
export function noiseSample(seed: number, index: number): number {
  let x = (index + Math.imul(seed, 0x9e3779b1)) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 0x80000000 - 1;
}

/** RMS of noiseSample's uniform distribution over [-1, 1). */
export const NOISE_RMS = 1 / Math.sqrt(3);
