/**
 * WAV format tags (mmreg.h) and the WAVE_FORMAT_EXTENSIBLE subformat GUID, mapped to the sample
 * encodings Hush redacts natively.
 */
import { HushError } from '../../errors.js';
import type { SampleEncoding } from '../encoding.js';

export const EXTENSIBLE_TAG = 0xfffe;

const PCM_TAG = 0x0001;
const FLOAT_TAG = 0x0003;
const ALAW_TAG = 0x0006;
const MULAW_TAG = 0x0007;

const PCM_BY_BITS: Record<number, SampleEncoding> = {
  8: 'pcm_u8',
  16: 'pcm_s16le',
  24: 'pcm_s24le',
  32: 'pcm_s32le',
};

/**
 * The KSDATAFORMAT_SUBTYPE GUIDs for the classic formats: the format tag as a 32-bit
 * little-endian number, then this fixed tail.
 */
const SUBFORMAT_GUID_TAIL = Buffer.from('000000001000800000aa00389b71', 'hex');

/** The sample encoding of a (sub)format tag and sample size, or null when Hush cannot redact it. */
export function encodingFor(tag: number, bitsPerSample: number): SampleEncoding | null {
  switch (tag) {
    case PCM_TAG:
      return PCM_BY_BITS[bitsPerSample] ?? null;
    case FLOAT_TAG:
      return bitsPerSample === 32 ? 'pcm_f32le' : null;
    case ALAW_TAG:
      return bitsPerSample === 8 ? 'alaw' : null;
    case MULAW_TAG:
      return bitsPerSample === 8 ? 'mulaw' : null;
    default:
      return null;
  }
}

/** The format tag an EXTENSIBLE fmt chunk body carries in its subformat GUID. */
export function extensibleSubformat(fmtBody: Buffer, file: string): number {
  if (fmtBody.length < 40 || fmtBody.readUInt16LE(16) < 22) {
    throw new HushError(
      'AUDIO_INVALID',
      `${file}: its WAVE_FORMAT_EXTENSIBLE fmt chunk is too short for a subformat`,
    );
  }
  const guid = fmtBody.subarray(24, 40);
  if (!guid.subarray(2).equals(SUBFORMAT_GUID_TAIL)) {
    throw new HushError(
      'AUDIO_UNSUPPORTED',
      `${file}: its WAVE_FORMAT_EXTENSIBLE subformat GUID ${guid.toString('hex')} is not a PCM, float or G.711 subformat`,
    );
  }
  return guid.readUInt16LE(0);
}
