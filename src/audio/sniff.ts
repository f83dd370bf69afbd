/**
 * Which path handles a recording, decided from its first bytes (an extension can lie, and a
 * recorder's `.wav` may hold MP3): WAV and MP3 have native redactors; headerless PCM is taken
 * only when the caller describes it (`--rate`, `--channels`, `--encoding`), as nothing in its
 * bytes says what it is; the containers ffmpeg reads for us (Ogg, FLAC, MP4/M4A, WebM) are
 * recognised by their magic numbers here and their codecs checked against the allow-list by
 * the probe (validate.ts).
 */
import { open } from 'node:fs/promises';
import { HushError } from '../errors.js';
import { ioError } from '../files.js';
import { looksLikeMp3 } from './mp3/index.js';
import { looksLikeWav } from './wav/header.js';

export type AudioKind = 'wav' | 'mp3' | 'raw' | 'ffmpeg';

/** Enough for a RIFF/RF64 header, an ID3 tag header with the frame after a small tag, an `ftyp` box. */
const HEAD_BYTES = 4096;

const latin1 = (head: Buffer, start: number, end: number): string =>
  head.subarray(start, end).toString('latin1');

/** The containers the ffmpeg fallback takes, by magic number. */
const FALLBACK_CONTAINERS: readonly ((head: Buffer) => boolean)[] = [
  (head) => latin1(head, 0, 4) === 'OggS', // Ogg (Opus, Vorbis)
  (head) => latin1(head, 0, 4) === 'fLaC', // FLAC
  (head) => latin1(head, 4, 8) === 'ftyp', // MP4 / M4A
  (head) => head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3, // Matroska / WebM (EBML)
];

export const SUPPORTED_AUDIO =
  'WAV, MP3, Ogg (Opus, Vorbis), FLAC, M4A (AAC), WebM (Opus), or headerless PCM with --rate, --channels and --encoding';

async function readHead(path: string): Promise<Buffer> {
  try {
    const file = await open(path, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw ioError(path, error, 'read the file');
  }
}

/** The path for `path`; `raw` says the caller described the file as headerless PCM. */
export async function sniffAudio(path: string, options: { raw: boolean }): Promise<AudioKind> {
  const head = await readHead(path);
  if (head.length === 0) throw new HushError('AUDIO_INVALID', `${path}: the file is empty`);
  if (looksLikeWav(head)) {
    if (options.raw) {
      throw new HushError(
        'USAGE',
        `${path}: this is a WAV file, which describes itself; --rate, --channels and --encoding are for headerless PCM`,
      );
    }
    return 'wav';
  }
  if (options.raw) return 'raw';
  if (looksLikeMp3(head)) return 'mp3';
  if (FALLBACK_CONTAINERS.some((matches) => matches(head))) return 'ffmpeg';
  throw new HushError('AUDIO_UNSUPPORTED', `${path}: not a recording Hush reads (${SUPPORTED_AUDIO})`);
}
