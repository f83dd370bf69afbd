/**
 * Reads the layout of a WAV file (RIFF/WAVE, and RF64/BW64 for files over 4 GiB) by walking its
 * chunks with small positional reads: it never loads the audio. Chunks may come in any order;
 * unknown ones (LIST, bext, cue, …) are listed and left alone, odd-sized chunks are followed by
 * their pad byte. Every size is checked against the file: a truncated file, or a header whose
 * sizes do not add up, is refused with an error naming the file and the problem, before any work.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { BYTES_PER_SAMPLE, type SampleEncoding } from '../encoding.js';
import type { PcmLayout } from '../layout.js';
import { encodingFor, EXTENSIBLE_TAG, extensibleSubformat } from './format-tags.js';

export interface WavChunk {
  /** Four-character chunk id, e.g. `fmt `, `data`, `LIST`. */
  id: string;
  /** Byte offset of the chunk's 8-byte header. */
  offset: number;
  /** Size of the chunk's body (for an RF64 data chunk, the size ds64 gives). */
  size: number;
}

export interface WavInfo {
  layout: PcmLayout;
  /** The fmt chunk's format tag (0xFFFE for WAVE_FORMAT_EXTENSIBLE). */
  formatTag: number;
  extensible: boolean;
  chunks: WavChunk[];
  fileBytes: number;
}

const RIFF_IDS = new Set(['RIFF', 'RF64', 'BW64']);
/** RF64 writes this in every 32-bit size that ds64 holds instead. */
const SIZE_IN_DS64 = 0xffffffff;

/** Whether the first bytes of a file are a RIFF (or RF64) WAVE header. */
export function looksLikeWav(head: Buffer): boolean {
  return (
    head.length >= 12 &&
    RIFF_IDS.has(head.toString('latin1', 0, 4)) &&
    head.toString('latin1', 8, 12) === 'WAVE'
  );
}

function invalid(file: string, problem: string): HushError {
  return new HushError('AUDIO_INVALID', `${file}: ${problem}`);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** A chunk id is four printable ASCII characters; anything else means a size before it lied. */
function isChunkId(id: Buffer): boolean {
  return id.every((byte) => byte >= 0x20 && byte <= 0x7e);
}

interface Ds64 {
  riffSize: number;
  dataSize: number;
}

function readDs64(body: Buffer, file: string): Ds64 {
  if (body.length < 16)
    throw invalid(file, `its ds64 chunk is ${body.length} bytes, too short for the RF64 sizes`);
  return { riffSize: Number(body.readBigUInt64LE(0)), dataSize: Number(body.readBigUInt64LE(8)) };
}

interface Format {
  formatTag: number;
  extensible: boolean;
  encoding: SampleEncoding;
  channels: number;
  sampleRate: number;
}

function readFormat(body: Buffer, file: string): Format {
  if (body.length < 16)
    throw invalid(file, `its fmt chunk is ${body.length} bytes, shorter than the 16 every WAV needs`);
  const formatTag = body.readUInt16LE(0);
  const channels = body.readUInt16LE(2);
  const sampleRate = body.readUInt32LE(4);
  const blockAlign = body.readUInt16LE(12);
  const bitsPerSample = body.readUInt16LE(14);
  const extensible = formatTag === EXTENSIBLE_TAG;
  const tag = extensible ? extensibleSubformat(body, file) : formatTag;
  const encoding = encodingFor(tag, bitsPerSample);
  if (!encoding) {
    throw new HushError(
      'AUDIO_UNSUPPORTED',
      `${file}: WAV format tag 0x${tag.toString(16).padStart(4, '0')} with ${bitsPerSample}-bit samples is not supported ` +
        '(supported: PCM 8/16/24/32 bit, 32-bit float, G.711 μ-law and A-law)',
    );
  }
  if (channels === 0) throw invalid(file, 'its fmt chunk declares 0 channels');
  if (sampleRate === 0) throw invalid(file, 'its fmt chunk declares a sample rate of 0');
  const expectedAlign = channels * BYTES_PER_SAMPLE[encoding];
  if (blockAlign !== expectedAlign) {
    throw invalid(
      file,
      `its fmt chunk declares ${blockAlign}-byte frames, but ${channels} channel(s) of ${bitsPerSample}-bit samples take ${expectedAlign}`,
    );
  }
  return { formatTag, extensible, encoding, channels, sampleRate };
}

/** Reads and checks the header of a WAV file; the audio itself is not read. */
export async function readWavInfo(path: string): Promise<WavInfo> {
  const handle = await open(path, 'r');
  try {
    const fileBytes = (await handle.stat()).size;
    const head = await readAt(handle, 0, 12);
    if (head.length < 12) throw invalid(path, `the file is ${fileBytes} bytes, too short for a WAV header`);
    if (!looksLikeWav(head)) throw invalid(path, 'not a WAV file (no RIFF/WAVE header)');
    const rf64 = head.toString('latin1', 0, 4) !== 'RIFF';
    let riffEnd = rf64 ? Infinity : 8 + head.readUInt32LE(4);

    const chunks: WavChunk[] = [];
    let ds64: Ds64 | null = null;
    let format: Format | null = null;
    let data: WavChunk | null = null;
    let position = 12;
    while (position + 8 <= Math.min(riffEnd, fileBytes)) {
      const header = await readAt(handle, position, 8);
      const idBytes = header.subarray(0, 4);
      if (!isChunkId(idBytes)) {
        throw invalid(
          path,
          `no chunk id at byte ${position}: a chunk size before it is wrong, or the file is damaged`,
        );
      }
      const id = idBytes.toString('latin1');
      let size = header.readUInt32LE(4);
      if (rf64 && id === 'data' && size === SIZE_IN_DS64) {
        if (!ds64)
          throw invalid(path, 'its RF64 data chunk size is in a ds64 chunk, but there is none before it');
        size = ds64.dataSize;
      }
      const remaining = Math.min(riffEnd, fileBytes) - position - 8;
      if (size > remaining) {
        const where = fileBytes < riffEnd ? 'the file is truncated' : 'the size is wrong';
        throw invalid(
          path,
          `its '${id}' chunk at byte ${position} declares ${size} bytes but only ${remaining} follow (${where})`,
        );
      }
      const found: WavChunk = { id, offset: position, size };
      chunks.push(found);
      if (id === 'ds64' && rf64 && chunks.length === 1) {
        ds64 = readDs64(await readAt(handle, position + 8, Math.min(size, 28)), path);
        riffEnd = 8 + ds64.riffSize;
      } else if (id === 'fmt ') {
        if (format) throw invalid(path, `it has a second fmt chunk at byte ${position}`);
        format = readFormat(await readAt(handle, position + 8, Math.min(size, 64)), path);
      } else if (id === 'data') {
        if (data) throw invalid(path, `it has a second data chunk at byte ${position}`);
        data = found;
      }
      position += 8 + size + (size % 2);
    }

    if (riffEnd === Infinity)
      throw invalid(path, 'it is an RF64 file without the ds64 chunk that holds its sizes');
    if (riffEnd > fileBytes) {
      throw invalid(
        path,
        `the file is truncated: its RIFF header declares ${riffEnd} bytes but the file has ${fileBytes}`,
      );
    }
    if (!format) throw invalid(path, 'it has no fmt chunk');
    if (!data) throw invalid(path, 'it has no data chunk');
    const frame = format.channels * BYTES_PER_SAMPLE[format.encoding];
    if (data.size % frame !== 0) {
      throw invalid(
        path,
        `its data chunk holds ${data.size} bytes, not a whole number of ${frame}-byte sample frames`,
      );
    }
    return {
      layout: {
        encoding: format.encoding,
        sampleRate: format.sampleRate,
        channels: format.channels,
        dataOffset: data.offset + 8,
        dataLength: data.size,
      },
      formatTag: format.formatTag,
      extensible: format.extensible,
      chunks,
      fileBytes,
    };
  } finally {
    await handle.close();
  }
}
