/**
 * The other half of the outside-bytes proof for one-channel regions. A redactor reports the whole
 * frame span of such a region as changed (one range per frame would run to millions), so the
 * channels it did not replace inside that span are compared here, sample by sample, between the
 * input and the output.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { BYTES_PER_SAMPLE } from '../encoding.js';
import { frameBytes, type FrameRegion, type PcmLayout } from '../layout.js';
import { toSpans } from './segments.js';

const CHUNK_FRAMES = 65536;

/**
 * Whether every sample of the channels that `regions` leave alone, inside the spans of the
 * one-channel regions, is byte-identical in `input` and `output` (both laid out as `layout`).
 */
export async function untouchedChannelsEqual(
  input: string,
  output: string,
  layout: PcmLayout,
  regions: readonly FrameRegion[],
): Promise<boolean> {
  const partial = toSpans(regions, layout.channels).filter((span) => !span.complete);
  if (partial.length === 0) return true;
  const size = frameBytes(layout);
  const sampleBytes = BYTES_PER_SAMPLE[layout.encoding];
  const before = Buffer.allocUnsafe(CHUNK_FRAMES * size);
  const after = Buffer.allocUnsafe(CHUNK_FRAMES * size);
  const [a, b] = await Promise.all([open(input, 'r'), open(output, 'r')]);
  try {
    for (const span of partial) {
      const replaced = new Set(span.sources.flatMap((source) => source.channels));
      const kept = Array.from({ length: layout.channels }, (_, channel) => channel).filter(
        (c) => !replaced.has(c),
      );
      for (let frame = span.startFrame; frame < span.endFrame; frame += CHUNK_FRAMES) {
        const frames = Math.min(CHUNK_FRAMES, span.endFrame - frame);
        const position = layout.dataOffset + frame * size;
        const length = frames * size;
        if (
          !(await readExactly(a, before, length, position)) ||
          !(await readExactly(b, after, length, position))
        ) {
          return false;
        }
        for (let f = 0, base = 0; f < frames; f++, base += size) {
          for (const channel of kept) {
            const at = base + channel * sampleBytes;
            if (before.compare(after, at, at + sampleBytes, at, at + sampleBytes) !== 0) return false;
          }
        }
      }
    }
    return true;
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function readExactly(
  handle: FileHandle,
  buffer: Buffer,
  length: number,
  position: number,
): Promise<boolean> {
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length;
}
