/**
 * The audio bench's recordings: one hour each of the speech-like signal (signal.ts) as call
 * recorders and archives hold it, the 50 regions to silence, and the one-hour call for the end to
 * end run (the text bench's transcript with a μ-law recording as long as it). Written once into
 * .bench-out/audio/ and reused while the manifest there says they are complete; WAVs are written
 * directly in big chunks, MP3s encoded from them by ffmpeg.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { BYTES_PER_SAMPLE, encodeSamples } from '../../../src/audio/encoding.js';
import { ffmpegPath } from '../../../src/audio/ffmpeg/binary.js';
import { Random } from '../../corpus/random.js';
import { generateBenchCall } from '../generate.js';
import { CHUNK_FRAMES, speechLike, type SignalFormat } from './signal.js';

export type WavEncoding = 'mulaw' | 'pcm_s16le';

export interface Fixture {
  id: string;
  /** What it is, for the report. */
  label: string;
  file: string;
  kind: 'wav' | 'mp3';
  sampleRate: number;
  channels: number;
  /** ffmpeg output options that write the same codec as the input (the recipe's `-c:a …`). */
  codecArgs: string[];
  /** Targets of the issue for this kind of file. */
  targets: { vsFfmpeg: number; vsCp: number | null; inPlaceVsCp: number | null };
}

/** A region to silence, in seconds, as `hush redact --regions` reads it (all channels). */
export interface BenchRegion {
  start: number;
  end: number;
}

export interface Fixtures {
  recordings: Fixture[];
  regions: BenchRegion[];
  regionsFile: string;
  /** The end-to-end call: the text bench's one-hour transcript and a μ-law recording as long. */
  call: { transcript: string; recording: string; words: number };
}

const HOUR_SECONDS = 3600;
const REGION_COUNT = 50;
/** Bump when anything below changes what the files hold, so old fixtures are rebuilt. */
const FIXTURE_VERSION = 1;

export interface WavSpec extends SignalFormat {
  encoding: WavEncoding;
}

/** The canonical WAV header: fmt (with cbSize and a fact chunk for G.711, as recorders write), data. */
function wavHeader(spec: WavSpec, frames: number): Buffer {
  const bytes = BYTES_PER_SAMPLE[spec.encoding];
  const dataBytes = frames * spec.channels * bytes;
  const g711 = spec.encoding === 'mulaw';
  const fmtSize = g711 ? 18 : 16;
  const header = Buffer.alloc(12 + 8 + fmtSize + (g711 ? 12 : 0) + 8);
  let at = header.write('RIFF', 0, 'latin1');
  at = header.writeUInt32LE(header.length - 8 + dataBytes, at);
  at += header.write('WAVEfmt ', at, 'latin1');
  at = header.writeUInt32LE(fmtSize, at);
  at = header.writeUInt16LE(g711 ? 7 : 1, at);
  at = header.writeUInt16LE(spec.channels, at);
  at = header.writeUInt32LE(spec.sampleRate, at);
  at = header.writeUInt32LE(spec.sampleRate * spec.channels * bytes, at);
  at = header.writeUInt16LE(spec.channels * bytes, at);
  at = header.writeUInt16LE(bytes * 8, at);
  if (g711) {
    at = header.writeUInt16LE(0, at);
    at += header.write('fact', at, 'latin1');
    at = header.writeUInt32LE(4, at);
    at = header.writeUInt32LE(frames, at);
  }
  at += header.write('data', at, 'latin1');
  header.writeUInt32LE(dataBytes, at);
  return header;
}

export function writeWav(path: string, spec: WavSpec, seconds: number): void {
  const frames = Math.round(seconds * spec.sampleRate);
  const staged = `${path}.partial`;
  const fd = openSync(staged, 'w');
  try {
    writeSync(fd, wavHeader(spec, frames));
    const encoded = Buffer.allocUnsafe(CHUNK_FRAMES * spec.channels * BYTES_PER_SAMPLE[spec.encoding]);
    for (const chunk of speechLike(spec, frames)) {
      encodeSamples(chunk, spec.encoding, encoded);
      writeSync(fd, encoded, 0, chunk.length * BYTES_PER_SAMPLE[spec.encoding]);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(staged, path);
}

function encodeMp3(wav: string, path: string, bitRate: string): void {
  const staged = `${path}.partial.mp3`;
  const run = spawnSync(ffmpegPath(), [
    '-hide_banner',
    '-v',
    'error',
    '-y',
    '-i',
    wav,
    '-c:a',
    'libmp3lame',
    '-b:a',
    bitRate,
    staged,
  ]);
  if (run.status !== 0) throw new Error(`ffmpeg could not encode ${path}: ${run.stderr.toString()}`);
  renameSync(staged, path);
}

/** 50 regions of 0.3–3 s spread over the hour, their edges at arbitrary milliseconds. */
export function benchRegions(seconds = HOUR_SECONDS, count = REGION_COUNT, seed = 3): BenchRegion[] {
  const random = new Random(seed);
  const slot = seconds / count;
  return Array.from({ length: count }, (_, index) => {
    const length = random.int(300, 3000);
    const start = Math.round(index * slot * 1000) + random.int(2000, Math.floor(slot * 1000) - length - 2000);
    return { start: start / 1000, end: (start + length) / 1000 };
  });
}

interface Manifest {
  version: number;
  sizes: Record<string, number>;
}

/** Whether every file the manifest lists is there with its recorded size. */
function complete(dir: string, manifestFile: string): boolean {
  if (!existsSync(manifestFile)) return false;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.version !== FIXTURE_VERSION) return false;
  return Object.entries(manifest.sizes).every(([name, size]) => {
    const path = join(dir, name);
    return existsSync(path) && statSync(path).size === size;
  });
}

/** The fixtures in `dir`, generated unless a complete set is already there. */
export function prepareFixtures(dir: string, log: (line: string) => void): Fixtures {
  const wav = (id: string): string => join(dir, `${id}.wav`);
  const recordings: Fixture[] = [
    {
      id: 'wav-mulaw-8k',
      label: 'WAV μ-law, 8 kHz, 2 ch',
      file: wav('wav-mulaw-8k'),
      kind: 'wav',
      sampleRate: 8000,
      channels: 2,
      codecArgs: ['-c:a', 'pcm_mulaw'],
      targets: { vsFfmpeg: 3, vsCp: 3.5, inPlaceVsCp: 1 },
    },
    {
      id: 'wav-s16-8k',
      label: 'WAV 16-bit PCM, 8 kHz, 2 ch',
      file: wav('wav-s16-8k'),
      kind: 'wav',
      sampleRate: 8000,
      channels: 2,
      codecArgs: ['-c:a', 'pcm_s16le'],
      targets: { vsFfmpeg: 3, vsCp: 3.5, inPlaceVsCp: 1 },
    },
    {
      id: 'wav-s16-44k',
      label: 'WAV 16-bit PCM, 44.1 kHz, 2 ch',
      file: wav('wav-s16-44k'),
      kind: 'wav',
      sampleRate: 44100,
      channels: 2,
      codecArgs: ['-c:a', 'pcm_s16le'],
      targets: { vsFfmpeg: 3, vsCp: 2, inPlaceVsCp: 1 },
    },
    {
      id: 'mp3-8k',
      label: 'MP3 8 kHz, 2 ch, 32 kbit/s',
      file: join(dir, 'mp3-8k.mp3'),
      kind: 'mp3',
      sampleRate: 8000,
      channels: 2,
      codecArgs: ['-c:a', 'libmp3lame', '-b:a', '32k'],
      targets: { vsFfmpeg: 30, vsCp: null, inPlaceVsCp: null },
    },
    {
      id: 'mp3-44k',
      label: 'MP3 44.1 kHz, 2 ch, 128 kbit/s',
      file: join(dir, 'mp3-44k.mp3'),
      kind: 'mp3',
      sampleRate: 44100,
      channels: 2,
      codecArgs: ['-c:a', 'libmp3lame', '-b:a', '128k'],
      targets: { vsFfmpeg: 30, vsCp: null, inPlaceVsCp: null },
    },
  ];
  const regions = benchRegions();
  const regionsFile = join(dir, 'regions.json');
  const bench = generateBenchCall();
  const call = {
    transcript: join(dir, 'call-1h.json'),
    recording: join(dir, 'call-1h.wav'),
    words: bench.words,
  };
  const manifestFile = join(dir, 'manifest.json');
  if (complete(dir, manifestFile)) return { recordings, regions, regionsFile, call };

  const started = performance.now();
  log(`generating the audio fixtures in ${dir} (once; reused while ${manifestFile} matches)`);
  writeFileSync(regionsFile, JSON.stringify(regions, null, 1));
  const two = { channels: 2 };
  writeWav(wav('wav-mulaw-8k'), { ...two, sampleRate: 8000, encoding: 'mulaw' }, HOUR_SECONDS);
  writeWav(wav('wav-s16-8k'), { ...two, sampleRate: 8000, encoding: 'pcm_s16le' }, HOUR_SECONDS);
  writeWav(wav('wav-s16-44k'), { ...two, sampleRate: 44100, encoding: 'pcm_s16le' }, HOUR_SECONDS);
  encodeMp3(wav('wav-s16-8k'), join(dir, 'mp3-8k.mp3'), '32k');
  encodeMp3(wav('wav-s16-44k'), join(dir, 'mp3-44k.mp3'), '128k');
  writeFileSync(call.transcript, JSON.stringify(bench.document));
  const lastEnd = Math.max(...bench.document.words.map((word) => word.end));
  writeWav(call.recording, { ...two, sampleRate: 8000, encoding: 'mulaw' }, Math.ceil(lastEnd / 1000) + 1);

  const names = [regionsFile, call.transcript, call.recording, ...recordings.map((fixture) => fixture.file)];
  const sizes = Object.fromEntries(names.map((path) => [path.slice(dir.length + 1), statSync(path).size]));
  writeFileSync(
    manifestFile,
    JSON.stringify({ version: FIXTURE_VERSION, sizes } satisfies Manifest, null, 1),
  );
  log(`fixtures ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { recordings, regions, regionsFile, call };
}
