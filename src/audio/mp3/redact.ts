/**
 * Silences regions of an MP3 without re-encoding: the frames whose decoded output touches a region
 * become silent frames of exactly the same size (see timeline.ts for which frames, plan.ts for the
 * bytes), and every other byte of the file stays as it was, except the bytes of silenced frames'
 * audio that sat inside kept frames (the bit reservoir) and the LAME tag's two CRCs, updated so
 * they still hold.
 *
 * All channels are silenced whatever a region's channel: a Layer III frame codes its channels
 * together (joint stereo sends mid/side, or intensity positions, not left and right), so one
 * channel cannot be cut out of it without re-encoding.
 *
 * Two passes, never holding the audio: a scan indexes the frames (20 bytes a frame), the output is a
 * copy of the input (`fs.copyFile`, a reflink where the file system has them), and the edits (a few
 * small records per silenced frame) are written over it in windows of at most 1 MiB.
 */
import { constants } from 'node:fs';
import { copyFile, open, type FileHandle } from 'node:fs/promises';
import type { ByteRange } from '../layout.js';
import { frameCrc, lameCrc, lameCrcDelta } from './crc16.js';
import { parseFrameHeader } from './frame-header.js';
import { streamTimeline } from './info.js';
import { planEdits, type Mp3Edit } from './plan.js';
import { scanMp3, type Mp3Stream } from './scan.js';
import { silenceSideInfo } from './side-info.js';
import {
  affectedSpan,
  framesShaping,
  mergeRuns,
  regionSamples,
  silentSpan,
  spanMs,
  type FrameRun,
} from './timeline.js';
import { LAME_MUSIC_CRC_AT, LAME_TAG_CRC_AT } from './vbr-header.js';

export interface Mp3Redaction {
  /** Output byte ranges rewritten (everything else is byte-identical to the input). */
  changed: ByteRange[];
  mutedFrames: number;
  /** Spans of the recording (ms, rounded inwards) that decode to exact silence; they cover the regions. */
  muted: { start: number; end: number }[];
  /** Spans (ms, rounded outwards) whose audio changed at all: `muted` and the fades on either side. */
  affected: { start: number; end: number }[];
}

const WINDOW = 1 << 20;
/** Edits closer than this share a window (one read and one write); the bytes between are rewritten as they were. */
const JOIN_GAP = 16 << 10;
/** ffmpeg's muxer computes the tag CRC over the frame's first 190 bytes, wherever its tag ends. */
const FFMPEG_TAG_CRC_SPAN = 190;

function silenceFrame(bytes: Buffer, edit: Extract<Mp3Edit, { kind: 'side-info' }>): void {
  const header = parseFrameHeader(edit.header)!;
  const sideInfo = bytes.subarray(header.crcProtected ? 2 : 0);
  silenceSideInfo(sideInfo, header);
  if (header.crcProtected) {
    const headerBytes = Uint8Array.of((edit.header >>> 8) & 0xff, edit.header & 0xff); // bytes 2–3
    bytes.writeUInt16BE(frameCrc(headerBytes, sideInfo), 0);
  }
}

/**
 * Writes `edits` (sorted) over the output, reading the bytes around them from the input; returns
 * what they do to the LAME MusicCRC of the frames that end at `musicEnd`.
 */
async function writeEdits(
  input: FileHandle,
  output: FileHandle,
  edits: readonly Mp3Edit[],
  musicEnd: number,
): Promise<number> {
  const before = Buffer.allocUnsafe(WINDOW);
  const after = Buffer.allocUnsafe(WINDOW);
  let musicCrcDelta = 0;
  for (let first = 0; first < edits.length;) {
    const start = edits[first]!.offset;
    let end = start + edits[first]!.length;
    let last = first;
    for (let next = edits[last + 1]; next; next = edits[last + 1]) {
      if (next.offset - end > JOIN_GAP || next.offset + next.length - start > WINDOW) break;
      end = Math.max(end, next.offset + next.length);
      last++;
    }
    const length = end - start;
    await input.read(before, 0, length, start);
    before.copy(after, 0, 0, length);
    for (const edit of edits.slice(first, last + 1)) {
      const bytes = after.subarray(edit.offset - start, edit.offset - start + edit.length);
      if (edit.kind === 'zero') bytes.fill(0);
      else silenceFrame(bytes, edit);
    }
    await output.write(after, 0, length, start);
    musicCrcDelta ^= lameCrcDelta(before.subarray(0, length), after.subarray(0, length), musicEnd - end);
    first = last + 1;
  }
  return musicCrcDelta;
}

/**
 * Updates the LAME tag's MusicCRC (CRC of every frame after the tag frame) by what the edits did to
 * it, and its tag CRC to match when that was valid. The rest of the tag frame (Xing seek table,
 * sizes, delays) stays valid as it is: no frame moved or changed size. Returns the range rewritten.
 */
async function updateLameTag(
  output: FileHandle,
  stream: Mp3Stream,
  musicCrcDelta: number,
): Promise<ByteRange | null> {
  const header = stream.vbrHeader;
  if (!header?.lame || musicCrcDelta === 0) return null;
  const tagCrcAt = header.lame.offset + LAME_TAG_CRC_AT;
  const musicCrcAt = header.lame.offset + LAME_MUSIC_CRC_AT;
  const frame = Buffer.alloc(Math.min(header.length, Math.max(FFMPEG_TAG_CRC_SPAN, tagCrcAt + 2)));
  await output.read(frame, 0, frame.length, header.offset);
  // LAME covers the frame up to the tag CRC; ffmpeg covers 190 bytes, its own CRC field still zero.
  const ffmpegSpan = frame.length >= FFMPEG_TAG_CRC_SPAN && tagCrcAt + 2 <= FFMPEG_TAG_CRC_SPAN;
  const tagCrc = (style: 'lame' | 'ffmpeg'): number => {
    if (style === 'lame') return lameCrc(frame.subarray(0, tagCrcAt));
    const span = Buffer.from(frame.subarray(0, FFMPEG_TAG_CRC_SPAN));
    span.fill(0, tagCrcAt, tagCrcAt + 2);
    return lameCrc(span);
  };
  const stored = frame.readUInt16BE(tagCrcAt);
  const style =
    tagCrc('lame') === stored ? 'lame' : ffmpegSpan && tagCrc('ffmpeg') === stored ? 'ffmpeg' : null;
  // An unknown encoder whose tag CRC does not check out may use these bytes for something else.
  if (!style && !header.lame.gapless) return null;
  frame.writeUInt16BE(frame.readUInt16BE(musicCrcAt) ^ musicCrcDelta, musicCrcAt);
  if (style) frame.writeUInt16BE(tagCrc(style), tagCrcAt);
  await output.write(frame, musicCrcAt, 4, header.offset + musicCrcAt);
  return { offset: header.offset + musicCrcAt, length: 4 };
}

/** Edits' ranges, sorted, with touching ranges joined. */
function changedRanges(edits: readonly Mp3Edit[], tag: ByteRange | null): ByteRange[] {
  const ranges: ByteRange[] = [];
  for (const { offset, length } of tag ? [tag, ...edits] : edits) {
    const last = ranges.at(-1);
    if (last && offset === last.offset + last.length) last.length += length;
    else ranges.push({ offset, length });
  }
  return ranges;
}

/**
 * Writes to `output` (a staged path: the caller renames it when done) the MP3 `input` with every
 * region (ms; `channel` ignored, see above) silenced.
 */
export async function redactMp3(options: {
  input: string;
  output: string;
  regions: readonly { start: number; end: number; channel: number | null }[];
  /** The scan of `input`, when the caller has one (validation made it): the file is not scanned again. */
  stream?: Mp3Stream;
}): Promise<Mp3Redaction> {
  const stream = options.stream ?? (await scanMp3(options.input));
  const line = streamTimeline(stream);
  const runs = mergeRuns(
    options.regions.flatMap((region): FrameRun[] => {
      const span = regionSamples(region, line);
      const run = span && framesShaping(span, line);
      return run ? [run] : [];
    }),
  );
  const edits = planEdits(stream.frames, stream.format, runs);
  await copyFile(options.input, options.output, constants.COPYFILE_FICLONE);
  const input = await open(options.input, 'r');
  let tag: ByteRange | null;
  try {
    const output = await open(options.output, 'r+');
    try {
      const musicCrcDelta = await writeEdits(input, output, edits, stream.audioEnd);
      tag = await updateLameTag(output, stream, musicCrcDelta);
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
  const { sampleRate } = line;
  return {
    changed: changedRanges(edits, tag),
    mutedFrames: runs.reduce((sum, run) => sum + run.last - run.first + 1, 0),
    muted: runs.map((run) => spanMs(silentSpan(run, line), sampleRate, 'inwards')),
    affected: runs.map((run) => spanMs(affectedSpan(run, line), sampleRate, 'outwards')),
  };
}
