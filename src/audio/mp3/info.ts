/**
 * Recognising an MP3 file from its first bytes, and describing one (format, length, tags, the
 * encoder's gapless fields) from a scan of its frames.
 */
import {
  isCrcProtected,
  parseFrameHeader,
  sameStream,
  type ChannelMode,
  type MpegVersion,
} from './frame-header.js';
import { scanMp3, type Mp3Stream } from './scan.js';
import { id3v2Length } from './tags.js';
import { timeline, type Mp3Timeline } from './timeline.js';
import type { VbrHeaderKind } from './vbr-header.js';

export interface Mp3Info {
  version: MpegVersion;
  sampleRate: number;
  channels: 1 | 2;
  /** Of the first audio frame (encoders may switch between stereo and joint stereo). */
  channelMode: ChannelMode;
  /** Audio frames (the Xing/Info/VBRI header frame not counted). */
  frameCount: number;
  /** Samples per channel a decoder gives (after gapless trimming when the LAME tag asks for it). */
  samples: number;
  durationMs: number;
  /** The header frame before the audio (Xing for VBR, Info for CBR, or VBRI), if any. */
  vbrHeader: VbrHeaderKind | null;
  /** From the LAME tag; null without one. */
  encoder: string | null;
  encoderDelay: number | null;
  encoderPadding: number | null;
  /** Whether decoders trim encoder delay and padding (the LAME tag of LAME or ffmpeg). */
  gapless: boolean;
  /** Whether any audio frame carries a CRC. */
  crcProtected: boolean;
  /** Bytes of ID3v2 tags at the start. */
  id3v2Bytes: number;
  /** Bytes of ID3v1, APE, Lyrics3 (and appended ID3v2) tags at the end. */
  trailingTagBytes: number;
}

/** Whether `head` (the first bytes of a file) starts an MP3: an ID3v2 tag, or two Layer III frames in a row. */
export function looksLikeMp3(head: Buffer): boolean {
  const tag = id3v2Length(head);
  if (tag > 0 && tag + 4 > head.length) return true; // a tag longer than the head: MP3's own tag format
  for (let at = Math.max(0, tag); at + 4 <= head.length; at++) {
    const first = parseFrameHeader(head.readUInt32BE(at));
    if (!first) continue;
    const next = at + first.frameLength;
    if (next + 4 > head.length) return at === Math.max(0, tag); // the next frame lies beyond the head
    const second = parseFrameHeader(head.readUInt32BE(next));
    if (second && sameStream(first, second)) return true;
  }
  return false;
}

/** The timeline of a scanned stream: how decoded samples map to frames. */
export function streamTimeline(stream: Mp3Stream): Mp3Timeline {
  const lame = stream.vbrHeader?.lame;
  return timeline({
    sampleRate: stream.format.sampleRate,
    samplesPerFrame: stream.format.samplesPerFrame,
    frameCount: stream.frames.count,
    gapless: lame?.gapless ? lame : null,
  });
}

export function describeStream(stream: Mp3Stream): Mp3Info {
  const { format, frames, vbrHeader } = stream;
  const line = streamTimeline(stream);
  const lame = vbrHeader?.lame ?? null;
  let crcProtected = false;
  for (let i = 0; i < frames.count && !crcProtected; i++) crcProtected = isCrcProtected(frames.header[i]!);
  return {
    version: format.version,
    sampleRate: format.sampleRate,
    channels: format.channels,
    channelMode: parseFrameHeader(frames.header[0]!)!.channelMode, // the header frame's may differ
    frameCount: frames.count,
    samples: line.samples,
    durationMs: (line.samples * 1000) / line.sampleRate,
    vbrHeader: vbrHeader?.kind ?? null,
    encoder: lame?.encoder ?? null,
    encoderDelay: lame?.encoderDelay ?? null,
    encoderPadding: lame?.encoderPadding ?? null,
    gapless: lame?.gapless ?? false,
    crcProtected,
    id3v2Bytes: stream.id3v2Length,
    trailingTagBytes: stream.trailingTagsLength,
  };
}

/** Describes the MP3 file at `path` (one pass over its frames). */
export async function readMp3Info(path: string): Promise<Mp3Info> {
  return describeStream(await scanMp3(path));
}
