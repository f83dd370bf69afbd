/**
 * What a redacted region is filled with. Fades shape the replacement signal only (it rises from
 * and falls to silence at the region's edges, so there is no click); the original audio is never
 * faded, since a fading original would still be audible inside the region.
 */
export type ReplacementMode =
  | { kind: 'silence' }
  | { kind: 'beep'; frequencyHz: number; levelDbfs: number }
  | { kind: 'noise'; levelDbfs: number }
  /** A mono clip at the recording's sample rate, looped over the region. */
  | { kind: 'clip'; samples: Float32Array; levelDbfs: number };

export type ReplacementKind = ReplacementMode['kind'];

export const REPLACEMENT_KINDS: readonly ReplacementKind[] = ['silence', 'beep', 'noise', 'clip'];
