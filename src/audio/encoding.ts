/**
 * Sample encodings of uncompressed audio as call recorders write it (WAV or headerless raw), and
 * the conversion of one sample to and from a float in [-1, 1]. Redaction writes each encoding's own
 * silence: 0 for signed PCM and float, 128 for unsigned 8-bit, 0xFF for G.711 μ-law and 0xD5 for
 * A-law (byte 0 in μ-law is full scale, not silence).
 */
export type SampleEncoding =
  'pcm_u8' | 'pcm_s16le' | 'pcm_s24le' | 'pcm_s32le' | 'pcm_f32le' | 'mulaw' | 'alaw';

export const SAMPLE_ENCODINGS: readonly SampleEncoding[] = [
  'pcm_u8',
  'pcm_s16le',
  'pcm_s24le',
  'pcm_s32le',
  'pcm_f32le',
  'mulaw',
  'alaw',
];

/** Bytes one sample of the encoding takes. */
export const BYTES_PER_SAMPLE: Readonly<Record<SampleEncoding, number>> = {
  pcm_u8: 1,
  pcm_s16le: 2,
  pcm_s24le: 3,
  pcm_s32le: 4,
  pcm_f32le: 4,
  mulaw: 1,
  alaw: 1,
};
