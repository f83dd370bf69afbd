/**
 * The bytes that replace a recording's regions, produced as a stream of positional writes of at
 * most 64 Ki frames each, in file order: memory stays bounded whatever the region's length. Both
 * the copy-then-overwrite redactor and the journaled in-place redactor write exactly these.
 */
import type { FileHandle } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { BYTES_PER_SAMPLE, encodeSamples, silenceBytes } from '../encoding.js';
import { frameBytes, frameRegionBytes, type ByteRange, type FrameRegion, type PcmLayout } from '../layout.js';
import { replacementRenderer, type RenderReplacement } from '../modes/render.js';
import type { ReplacementMode } from '../replacement.js';
import { toSpans } from './segments.js';

const CHUNK_FRAMES = 65536;

export interface PcmWrite {
  position: number;
  /** Valid until the next write is requested. */
  bytes: Buffer;
}

/**
 * The byte ranges `regions` rewrite, sorted and merged: what a redactor reports as `changed`, and
 * what the verifier skips when it hashes the bytes outside.
 */
export function changedRanges(regions: readonly FrameRegion[], layout: PcmLayout): ByteRange[] {
  const ranges = regions
    .flatMap((region) => frameRegionBytes(region, layout))
    .sort((a, b) => a.offset - b.offset);
  const merged: ByteRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.offset <= last.offset + last.length) {
      last.length = Math.max(last.length, range.offset + range.length - last.offset);
    } else merged.push({ ...range });
  }
  return merged;
}

/**
 * Yields the writes that put `mode` over `regions`. Spans where only some channels are replaced
 * read the current bytes from `source` first and keep the other channels' samples as they are.
 */
export async function* regionWrites(
  source: { handle: FileHandle; path: string },
  layout: PcmLayout,
  regions: readonly FrameRegion[],
  mode: ReplacementMode,
): AsyncGenerator<PcmWrite> {
  const { channels, encoding } = layout;
  const sampleBytes = BYTES_PER_SAMPLE[encoding];
  const size = frameBytes(layout);
  const frameBuffer = Buffer.allocUnsafe(CHUNK_FRAMES * size);
  const encodeChunk = chunkEncoder(mode, layout);
  const silence = mode.kind === 'silence' ? silenceBytes(encoding) : null;

  for (const span of toSpans(regions, channels)) {
    for (let frame = span.startFrame; frame < span.endFrame; frame += CHUNK_FRAMES) {
      const frames = Math.min(CHUNK_FRAMES, span.endFrame - frame);
      const position = layout.dataOffset + frame * size;
      const bytes = frameBuffer.subarray(0, frames * size);
      if (!span.complete) {
        const { bytesRead } = await source.handle.read(bytes, 0, bytes.length, position);
        if (bytesRead < bytes.length) {
          throw new HushError(
            'AUDIO_INVALID',
            `${source.path}: the file ends at byte ${position + bytesRead}, inside its audio data`,
          );
        }
      }
      // Silence over every channel is one sample's bytes repeated: filled at once.
      if (span.complete && silence) bytes.fill(silence);
      else {
        for (const { region, channels: targets } of span.sources) {
          const encoded = encodeChunk(region, frame - region.startFrame, frames);
          for (const channel of targets)
            scatter(encoded, bytes, frames, sampleBytes, channel * sampleBytes, size);
        }
      }
      yield { position, bytes };
    }
  }
}

/** Encodes frames `from`… of a region's replacement (mono); the buffer is reused by the next call. */
type ChunkEncoder = (region: FrameRegion, from: number, frames: number) => Buffer;

function chunkEncoder(mode: ReplacementMode, layout: PcmLayout): ChunkEncoder {
  const { encoding, sampleRate } = layout;
  const encoded = Buffer.allocUnsafe(CHUNK_FRAMES * BYTES_PER_SAMPLE[encoding]);
  // Silence is the same bytes everywhere: encoded once, no rendering.
  if (mode.kind === 'silence') {
    encoded.fill(silenceBytes(encoding));
    return () => encoded;
  }
  const signal = new Float32Array(CHUNK_FRAMES);
  const renderers = new Map<FrameRegion, RenderReplacement>();
  return (region, from, frames) => {
    let render = renderers.get(region);
    if (!render) {
      const length = region.endFrame - region.startFrame;
      render = replacementRenderer(mode, { length, sampleRate, seed: region.startFrame });
      renderers.set(region, render);
    }
    const samples = signal.subarray(0, frames);
    render(from, samples);
    encodeSamples(samples, encoding, encoded);
    return encoded;
  };
}

type SampleView = (
  buffer: ArrayBufferLike,
  byteOffset: number,
  length: number,
) => Uint8Array | Uint16Array | Uint32Array;

/** Whole samples as one typed-array element, where the sample size has one. */
const SAMPLE_VIEWS: Partial<Record<number, SampleView>> = {
  1: (buffer, byteOffset, length) => new Uint8Array(buffer, byteOffset, length),
  2: (buffer, byteOffset, length) => new Uint16Array(buffer, byteOffset, length),
  4: (buffer, byteOffset, length) => new Uint32Array(buffer, byteOffset, length),
};

/** Copies one channel's encoded samples into interleaved frames. */
function scatter(
  samples: Buffer,
  frames: Buffer,
  count: number,
  sampleBytes: number,
  offset: number,
  stride: number,
): void {
  if (stride === sampleBytes) {
    samples.copy(frames, 0, 0, count * sampleBytes);
    return;
  }
  const view = SAMPLE_VIEWS[sampleBytes];
  const aligned = (buffer: Buffer, at: number): boolean => (buffer.byteOffset + at) % sampleBytes === 0;
  if (view && aligned(samples, 0) && aligned(frames, offset)) {
    // Moving samples as 8/16/32-bit elements copies their bytes as they are, whatever the byte order.
    const from = view(samples.buffer, samples.byteOffset, count);
    const to = view(frames.buffer, frames.byteOffset + offset, ((count - 1) * stride) / sampleBytes + 1);
    const step = stride / sampleBytes;
    for (let i = 0, j = 0; i < count; i++, j += step) to[j] = from[i]!;
    return;
  }
  for (let i = 0, from = 0, to = offset; i < count; i++, to += stride) {
    for (let b = 0; b < sampleBytes; b++) frames[to + b] = samples[from++]!;
  }
}
