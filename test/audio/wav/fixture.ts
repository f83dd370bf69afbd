/**
 * Builds WAV files byte by byte for the audio tests: every encoding, WAVE_FORMAT_EXTENSIBLE,
 * extra chunks before and after the data (odd sizes padded), RF64, and the temp dir they live in.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BYTES_PER_SAMPLE, encodeSamples, type SampleEncoding } from '../../../src/audio/encoding.js';

export interface Chunk {
  id: string;
  body: Buffer;
}

export interface WavSpec {
  encoding: SampleEncoding;
  sampleRate: number;
  channels: number;
  /** Interleaved samples. */
  samples: Float32Array;
  extensible?: boolean;
  before?: Chunk[];
  after?: Chunk[];
  rf64?: boolean;
}

const FORMAT_TAGS: Record<SampleEncoding, number> = {
  pcm_u8: 1,
  pcm_s16le: 1,
  pcm_s24le: 1,
  pcm_s32le: 1,
  pcm_f32le: 3,
  alaw: 6,
  mulaw: 7,
};

/** The tail shared by every KSDATAFORMAT_SUBTYPE GUID after its 2-byte format tag. */
const GUID_TAIL = Buffer.from('000000001000800000aa00389b71', 'hex');

export function chunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

function fmtBody(spec: WavSpec): Buffer {
  const bytes = BYTES_PER_SAMPLE[spec.encoding];
  const body = Buffer.alloc(spec.extensible ? 40 : 16);
  body.writeUInt16LE(spec.extensible ? 0xfffe : FORMAT_TAGS[spec.encoding], 0);
  body.writeUInt16LE(spec.channels, 2);
  body.writeUInt32LE(spec.sampleRate, 4);
  body.writeUInt32LE(spec.sampleRate * spec.channels * bytes, 8);
  body.writeUInt16LE(spec.channels * bytes, 12);
  body.writeUInt16LE(bytes * 8, 14);
  if (spec.extensible) {
    body.writeUInt16LE(22, 16);
    body.writeUInt16LE(bytes * 8, 18);
    body.writeUInt32LE(spec.channels === 2 ? 3 : 0, 20);
    body.writeUInt16LE(FORMAT_TAGS[spec.encoding], 24);
    GUID_TAIL.copy(body, 26);
  }
  return body;
}

export function encode(samples: Float32Array, encoding: SampleEncoding): Buffer {
  const data = Buffer.alloc(samples.length * BYTES_PER_SAMPLE[encoding]);
  encodeSamples(samples, encoding, data);
  return data;
}

export function buildWav(spec: WavSpec): Buffer {
  const data = encode(spec.samples, spec.encoding);
  const before = (spec.before ?? []).map(({ id, body }) => chunk(id, body));
  const after = (spec.after ?? []).map(({ id, body }) => chunk(id, body));
  if (!spec.rf64) {
    const chunks = Buffer.concat([chunk('fmt ', fmtBody(spec)), ...before, chunk('data', data), ...after]);
    const head = Buffer.alloc(12);
    head.write('RIFF', 0, 'latin1');
    head.writeUInt32LE(chunks.length + 4, 4);
    head.write('WAVE', 8, 'latin1');
    return Buffer.concat([head, chunks]);
  }
  const dataChunk = chunk('data', data);
  dataChunk.writeUInt32LE(0xffffffff, 4);
  const rest = Buffer.concat([chunk('fmt ', fmtBody(spec)), ...before, dataChunk, ...after]);
  const ds64 = Buffer.alloc(28);
  const ds64Chunk = chunk('ds64', ds64);
  const riffSize = 4 + ds64Chunk.length + rest.length;
  ds64Chunk.writeBigUInt64LE(BigInt(riffSize), 8);
  ds64Chunk.writeBigUInt64LE(BigInt(data.length), 16);
  ds64Chunk.writeBigUInt64LE(BigInt(spec.samples.length / spec.channels), 24);
  const head = Buffer.alloc(12);
  head.write('RF64', 0, 'latin1');
  head.writeUInt32LE(0xffffffff, 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, ds64Chunk, rest]);
}

/** A sine per channel (channel c at 300 + 100·c Hz, amplitude 0.5), interleaved. */
export function tones(channels: number, frames: number, sampleRate: number): Float32Array {
  const out = new Float32Array(frames * channels);
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      out[frame * channels + channel] =
        0.5 * Math.sin((2 * Math.PI * (300 + 100 * channel) * frame) / sampleRate);
    }
  }
  return out;
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-audio-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function writeWav(path: string, spec: WavSpec): Promise<Buffer> {
  const bytes = buildWav(spec);
  await writeFile(path, bytes);
  return bytes;
}
