/**
 * Fades of the replacement signal at a region's edges: it rises from 0 over the first ~5 ms and
 * falls back to 0 over the last, so there is no click where the original stops. Only the
 * replacement is shaped; the original inside the region is gone entirely.
 */
export const FADE_MS = 5;

/** Fade length in frames for a region of `length` frames: 5 ms, at most half the region. */
export function fadeFrames(length: number, sampleRate: number): number {
  return Math.min(Math.round((FADE_MS * sampleRate) / 1000), Math.floor(length / 2));
}

/**
 * Multiplies `out` (frames `from`… of a region of `length` frames) by a raised-cosine fade in and
 * out; the region's first and last frames get gain 0.
 */
export function applyFades(out: Float32Array, from: number, length: number, fade: number): void {
  if (fade === 0) return;
  const untilFadeIn = Math.min(out.length, fade - from);
  for (let i = 0; i < untilFadeIn; i++) out[i]! *= rise(from + i, fade);
  for (let i = Math.max(0, length - fade - from); i < out.length; i++)
    out[i]! *= rise(length - 1 - from - i, fade);
}

function rise(position: number, fade: number): number {
  return 0.5 - 0.5 * Math.cos((Math.PI * position) / fade);
}
