/**
 * The 4-byte header of an MPEG audio frame (ISO 11172-3 §2.4.2.3, ISO 13818-3 for the lower sample
 * rates, MPEG-2.5 as de-facto extended), restricted to Layer III, the only layer Hush rewrites.
 */

export type MpegVersion = 'MPEG-1' | 'MPEG-2' | 'MPEG-2.5';
export type ChannelMode = 'stereo' | 'joint-stereo' | 'dual-channel' | 'mono';

export interface FrameHeader {
  version: MpegVersion;
  /** Protection bit clear: a CRC-16 follows the header and covers header bytes 2–3 and the side info. */
  crcProtected: boolean;
  bitrateKbps: number;
  sampleRate: number;
  padding: boolean;
  channelMode: ChannelMode;
  channels: 1 | 2;
  /** Bytes of the whole frame, header included. */
  frameLength: number;
  /** Decoded samples per channel: 1152 (two granules) for MPEG-1, 576 (one granule) otherwise. */
  samplesPerFrame: 1152 | 576;
  /** Bytes of Layer III side info (after the header and the CRC). */
  sideInfoLength: 9 | 17 | 32;
}

/** Decoded samples per channel in one granule, whatever the version. */
export const GRANULE_SAMPLES = 576;

const VERSIONS: readonly (MpegVersion | null)[] = ['MPEG-2.5', null, 'MPEG-2', 'MPEG-1'];
const CHANNEL_MODES: readonly ChannelMode[] = ['stereo', 'joint-stereo', 'dual-channel', 'mono'];
// Index 0 is free format (unsupported: its frame size is not in the header), 15 is forbidden.
const MPEG1_BITRATES = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_BITRATES = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Readonly<Record<MpegVersion, readonly number[]>> = {
  'MPEG-1': [44100, 48000, 32000],
  'MPEG-2': [22050, 24000, 16000],
  'MPEG-2.5': [11025, 12000, 8000],
};
const LAYER_III = 0b01;

/** Headers parsed so far, by word: a stream uses a handful of distinct words, read once per frame. */
const parsed = new Map<number, Readonly<FrameHeader> | null>();
const PARSED_LIMIT = 4096; // bytes scanned for a sync may offer many words: keep the cache small

/** Reads a Layer III frame header from the big-endian word `word`; null when it is not one. */
export function parseFrameHeader(word: number): Readonly<FrameHeader> | null {
  if (word >>> 21 !== 0x7ff) return null; // 11-bit frame sync
  let header = parsed.get(word);
  if (header === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    header = decodeHeader(word);
    parsed.set(word, header);
  }
  return header;
}

function decodeHeader(word: number): FrameHeader | null {
  const version = VERSIONS[(word >>> 19) & 3];
  if (!version || ((word >>> 17) & 3) !== LAYER_III) return null;
  const bitrateIndex = (word >>> 12) & 15;
  const rateIndex = (word >>> 10) & 3;
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 'MPEG-1';
  const bitrateKbps = (mpeg1 ? MPEG1_BITRATES : MPEG2_BITRATES)[bitrateIndex]!;
  const sampleRate = SAMPLE_RATES[version][rateIndex]!;
  const padding = ((word >>> 9) & 1) === 1;
  const channelMode = CHANNEL_MODES[(word >>> 6) & 3]!;
  const channels = channelMode === 'mono' ? 1 : 2;
  const bytesPerSecondPerSample = mpeg1 ? 144000 : 72000; // samples per frame / 8 bits * 1000
  return {
    version,
    crcProtected: isCrcProtected(word),
    bitrateKbps,
    sampleRate,
    padding,
    channelMode,
    channels,
    frameLength: Math.floor((bytesPerSecondPerSample * bitrateKbps) / sampleRate) + (padding ? 1 : 0),
    samplesPerFrame: mpeg1 ? 1152 : 576,
    sideInfoLength: mpeg1 ? (channels === 1 ? 17 : 32) : channels === 1 ? 9 : 17,
  };
}

/** Whether the frame with header word `word` has a CRC (protection bit clear). */
export function isCrcProtected(word: number): boolean {
  return ((word >>> 16) & 1) === 0;
}

/** Bytes from the frame start to the side info: the header plus the CRC when there is one. */
export function sideInfoOffset(crcProtected: boolean): number {
  return crcProtected ? 6 : 4;
}

/**
 * Whether two headers belong to one stream: same version, sample rate and channel count. A header
 * that disagrees with the stream is a false sync (bytes that look like a header), not a frame.
 */
export function sameStream(a: FrameHeader, b: FrameHeader): boolean {
  return a.version === b.version && a.sampleRate === b.sampleRate && a.channels === b.channels;
}
