/**
 * Reads an MP3's audio around its regions without decoding the rest of the file: the frames
 * covering each region (and a lead-in before it) are cut out by their byte offsets and decoded
 * by ffmpeg on their own. An hour-long file is checked in the time its regions take, where
 * decoding it whole (or letting ffmpeg seek, which indexes the file from the start for every
 * window) would take longer than the redaction itself.
 *
 * A slice's decoded sample j is decoder output sample first·samplesPerFrame + j: frames decode
 * independently but for the bit reservoir and the overlap with the frame before, which the
 * lead-in absorbs. The recording's sample t is decoder output t + offset (the encoder delay and
 * the decoder's 529 samples, trimmed by gapless decoders such as ffmpeg).
 */
import { decodeSlicesToWav } from '../ffmpeg/transcode.js';
import type { FrameRegion } from '../layout.js';
import type { Mp3Stream } from '../mp3/scan.js';
import type { Mp3Timeline } from '../mp3/timeline.js';
import { reusingPcmReader } from '../pcm/read.js';
import { readWavInfo } from '../wav/header.js';
import type { FrameReader } from './levels.js';

/**
 * Decoding starts this long before a region: the bit reservoir reaches up to 511 bytes back (half
 * a second at the lowest bit rates), and one granule overlaps the next.
 */
const LEAD_IN_MS = 1000;

/**
 * A reader of the recording's samples inside `spans` (each request within one span), from
 * slices of the MP3 `path` decoded into WAVs named `prefix`-… (a path in a scratch directory).
 */
export async function mp3SpanReader(
  path: string,
  stream: Mp3Stream,
  line: Mp3Timeline,
  spans: readonly FrameRegion[],
  prefix: string,
): Promise<FrameReader> {
  const { frames } = stream;
  const perFrame = line.samplesPerFrame;
  const leadIn = Math.ceil((LEAD_IN_MS * line.sampleRate) / 1000 / perFrame);
  const runs = spans.map((span) => ({
    first: Math.max(0, Math.floor((span.startFrame + line.offset) / perFrame) - leadIn),
    last: Math.min(frames.count - 1, Math.floor((span.endFrame + line.offset - 1) / perFrame) + 1),
  }));
  const slices = runs.map(({ first, last }) => ({
    offset: frames.offset[first]!,
    length: frames.offset[last]! + frames.length[last]! - frames.offset[first]!,
  }));
  const outputs = spans.map((_, i) => `${prefix}-${i}.wav`);
  await decodeSlicesToWav(path, 'mp3', slices, outputs, 'pcm_f32le');
  const layouts = await Promise.all(outputs.map(async (file) => (await readWavInfo(file)).layout));
  const read = reusingPcmReader();
  return (start, end) => {
    const i = spans.findIndex((span) => span.startFrame <= start && end <= span.endFrame);
    const shift = line.offset - runs[i]!.first * perFrame;
    return read(outputs[i]!, layouts[i]!, start + shift, end + shift);
  };
}
