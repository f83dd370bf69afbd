/**
 * The ffmpeg fallback for the formats Hush has no native path for: decode to WAV (which the PCM
 * redactor then rewrites), and encode the result back into the recording's own container, codec,
 * sample rate, channel count and bit rate. Only an allow-list of containers and codecs is
 * re-encoded; anything else is refused rather than turned into something else.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { HushError } from '../../errors.js';
import { decodeSamples } from '../encoding.js';
import { fileArg, LONG_RUN_MS, lastError, runFfmpeg } from './binary.js';
import type { ByteRange } from '../layout.js';
import { formatName, type AudioProbe } from './probe.js';

/** The WAV encodings the fallback decodes to: 16-bit for 16-bit sources, float for the rest. */
export type DecodeEncoding = 'pcm_s16le' | 'pcm_f32le';

interface Codec {
  /** ffmpeg encoder writing it. */
  encoder: string;
  /** Lossy codecs band-limit and smear what they encode; a region is judged with that in mind. */
  lossy: boolean;
  /**
   * Sample frames a re-encode may add at the end: encoders pad their last frame, and only some
   * containers say how much of it to drop. Ogg/WebM Opus, FLAC and MP3 with a LAME header come
   * back exact; AAC in MP4 keeps up to one 1024-sample frame, Vorbis up to one long block.
   */
  paddingFrames: number;
  /**
   * How far (ms at `sampleRate`) a lossy codec spreads the sound around a silenced stretch into
   * it: transform windows overlap the neighbouring frames, and decoders ring. Measured with a
   * loud tone and noise either side of a zeroed second (the first point from which every 10 ms
   * stays below -60 dBFS): Opus ~90 ms, MP3 at 8 kHz ~100 ms, AAC and Vorbis ≤ 50 ms. The bounds
   * are two frames of the codec (MP3: two 1152- or 576-sample frames; AAC: 2 × 1024; Vorbis: a
   * 2048-sample long block), Opus its measured ringing and a 20 ms frame on top.
   */
  smearMs: (sampleRate: number) => number;
}

const framesMs = (count: number) => (sampleRate: number) => (count * 1000) / sampleRate;

const CODECS: Readonly<Record<string, Codec>> = {
  mp3: {
    encoder: 'libmp3lame',
    lossy: true,
    paddingFrames: 1152,
    smearMs: (rate) => framesMs(rate >= 32000 ? 2304 : 1152)(rate),
  },
  opus: { encoder: 'libopus', lossy: true, paddingFrames: 960, smearMs: () => 120 },
  vorbis: { encoder: 'libvorbis', lossy: true, paddingFrames: 2048, smearMs: framesMs(2048) },
  aac: { encoder: 'aac', lossy: true, paddingFrames: 1024, smearMs: framesMs(2048) },
  flac: { encoder: 'flac', lossy: false, paddingFrames: 0, smearMs: () => 0 },
};

/** Container → its muxer and the codecs it may hold: the allow-list of the ffmpeg fallback. */
const CONTAINERS: Readonly<Record<string, { muxer: string; codecs: readonly string[] }>> = {
  mp3: { muxer: 'mp3', codecs: ['mp3'] },
  ogg: { muxer: 'ogg', codecs: ['opus', 'vorbis'] },
  flac: { muxer: 'flac', codecs: ['flac'] },
  m4a: { muxer: 'ipod', codecs: ['aac'] },
  mp4: { muxer: 'mp4', codecs: ['aac'] },
  webm: { muxer: 'webm', codecs: ['opus'] },
};

/** The formats the fallback re-encodes, for messages. */
export const FALLBACK_FORMATS = Object.entries(CONTAINERS)
  .flatMap(([container, { codecs }]) => codecs.map((codec) => formatName({ container, codec })))
  .join(', ');

/** Whether the fallback re-encodes this container and codec. */
export function isFallbackFormat(format: Pick<AudioProbe, 'container' | 'codec'>): boolean {
  return CONTAINERS[format.container]?.codecs.includes(format.codec) ?? false;
}

/** The most sample frames re-encoding `codec` may add to a recording's end (one codec frame). */
export function maxPaddingFrames(codec: string): number {
  return CODECS[codec]?.paddingFrames ?? 0;
}

/**
 * For a lossy codec, how far into a silenced stretch re-encoding may carry the sound around it
 * (ms); null for a lossless one (or one Hush does not write).
 */
export function lossySmearMs(codec: string, sampleRate: number): number | null {
  const known = CODECS[codec];
  return known?.lossy ? known.smearMs(sampleRate) : null;
}

/** Runs ffmpeg writing `outputs` (named in `args`); on failure removes whatever it left of them. */
async function run(
  args: string[],
  outputs: readonly string[],
  task: string,
  failure: (detail: string) => HushError,
): Promise<void> {
  try {
    const { exitCode, stderr } = await runFfmpeg(['-v', 'error', '-y', ...args], {
      timeoutMs: LONG_RUN_MS,
      task,
    });
    if (exitCode !== 0) throw failure(lastError(stderr));
  } catch (error) {
    await Promise.all(outputs.map((output) => rm(output, { force: true })));
    throw error;
  }
}

function undecodable(input: string): (detail: string) => HushError {
  return (detail) => new HushError('AUDIO_INVALID', `${input}: ffmpeg could not decode it (${detail})`);
}

/** Output options of a WAV decode (no encoder tag, RF64 past 4 GiB). */
function wavOutput(encoding: DecodeEncoding, path: string): string[] {
  return ['-c:a', encoding, '-rf64', 'auto', '-flags', '+bitexact', '-f', 'wav', fileArg(path)];
}

/** Decodes the first audio stream of `input` to a WAV at its own sample rate and channel count. */
export async function decodeToWav(input: string, outputWav: string, encoding: DecodeEncoding): Promise<void> {
  await run(
    ['-i', fileArg(input), '-map', '0:a:0', ...wavOutput(encoding, outputWav)],
    [outputWav],
    `decoding ${input}`,
    undecodable(input),
  );
}

/** Inputs per ffmpeg run when decoding slices: each is an open file and a decoder. */
const SLICES_PER_RUN = 32;

/**
 * Decodes byte slices of `input` as streams of `demuxer` (e.g. `mp3`, whose frames decode on
 * their own), `slices[i]` to the WAV `outputs[i]`, a few ffmpeg runs for them all, as many at
 * once as there are cores (each decodes on one thread). Nothing before a slice is read: the caller
 * knows where frames start, and that the first frames of a slice lack what earlier frames would
 * have given them (MP3's bit reservoir and overlap).
 */
export async function decodeSlicesToWav(
  input: string,
  demuxer: string,
  slices: readonly ByteRange[],
  outputs: readonly string[],
  encoding: DecodeEncoding,
): Promise<void> {
  const lanes = Math.min(availableParallelism(), slices.length);
  const perRun = Math.min(SLICES_PER_RUN, Math.ceil(slices.length / lanes));
  const decodeBatch = (first: number) => {
    const batch = slices.slice(first, first + perRun);
    const inputs = batch.flatMap(({ offset, length }) => [
      '-f',
      demuxer,
      '-i',
      `subfile,,start,${offset},end,${offset + length},,:${fileArg(input)}`,
    ]);
    const batchOutputs = outputs.slice(first, first + batch.length);
    const maps = batchOutputs.flatMap((output, i) => ['-map', `${i}:a:0`, ...wavOutput(encoding, output)]);
    // A slice's first frames refer to bytes before it: ffmpeg says so, decodes the rest, and exits 0.
    return run([...inputs, ...maps], batchOutputs, `decoding parts of ${input}`, undecodable(input));
  };
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < slices.length) {
      const first = next;
      next += perRun;
      await decodeBatch(first).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  // Every run ends (and cleans up after itself) before a failure is reported.
  const ended = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const failure = ended.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Encodes `wav` into `output` in the container, codec, sample rate, channel count and bit rate
 * of the recording `probe` describes (VBR sources come back at their average rate; FLAC at its
 * own bit depth), with the original's tags. Throws HushError('AUDIO_UNSUPPORTED') naming the
 * file for a format outside the allow-list, or a file with more than its one audio stream (which
 * re-encoding would drop).
 */
export async function encodeLike(wav: string, output: string, probe: AudioProbe): Promise<void> {
  const format = formatName(probe);
  const muxer = CONTAINERS[probe.container]?.muxer;
  if (muxer === undefined || !isFallbackFormat(probe)) {
    throw new HushError(
      'AUDIO_UNSUPPORTED',
      `${probe.path}: Hush cannot write ${format} back (it re-encodes ${FALLBACK_FORMATS})`,
    );
  }
  if (probe.otherStreams > 0) {
    throw new HushError(
      'AUDIO_UNSUPPORTED',
      `${probe.path}: has ${probe.otherStreams} stream(s) besides its audio (video, subtitles, cover art or ` +
        'more audio), which re-encoding would drop; Hush redacts recordings with a single audio stream',
    );
  }
  const quality =
    probe.codec === 'flac'
      ? ['-sample_fmt', probe.sampleFormat.startsWith('s16') ? 's16' : 's32']
      : probe.bitRate !== null
        ? ['-b:a', String(probe.bitRate)]
        : [];
  await run(
    [
      ...['-i', fileArg(wav), '-i', fileArg(probe.path), '-map', '0:a:0', '-map_metadata', '1'],
      ...[
        '-c:a',
        CODECS[probe.codec]!.encoder,
        '-ar',
        String(probe.sampleRate),
        '-ac',
        String(probe.channels),
        ...quality,
      ],
      ...['-f', muxer, fileArg(output)],
    ],
    [output],
    `encoding ${probe.path}`,
    (detail) => new HushError('IO', `${probe.path}: ffmpeg could not write it back as ${format} (${detail})`),
  );
}

/** Longest replacement clip kept: it is looped over a region, so more would never be heard. */
const MAX_CLIP_SECONDS = 60;

/**
 * Decodes a replacement clip to mono floats at `sampleRate` (its first minute). Throws
 * HushError('AUDIO_INVALID') naming the file when it does not decode to any audio.
 */
export async function decodeClip(file: string, sampleRate: number): Promise<Float32Array> {
  const chunks: Buffer[] = [];
  const { exitCode, stderr } = await runFfmpeg(
    [
      ...['-v', 'error', '-i', fileArg(file), '-map', '0:a:0', '-t', String(MAX_CLIP_SECONDS)],
      ...['-ac', '1', '-ar', String(sampleRate), '-c:a', 'pcm_f32le', '-f', 'f32le', 'pipe:1'],
    ],
    {
      timeoutMs: LONG_RUN_MS,
      task: `decoding the replacement clip ${file}`,
      onStdout: (chunk) => chunks.push(chunk),
    },
  );
  const bytes = Buffer.concat(chunks);
  if (exitCode !== 0 || bytes.length < 4) {
    const detail = exitCode !== 0 ? lastError(stderr) : 'it holds no audio';
    throw new HushError('AUDIO_INVALID', `${file}: the replacement clip could not be decoded (${detail})`);
  }
  const samples = new Float32Array(Math.floor(bytes.length / 4));
  decodeSamples(bytes, 'pcm_f32le', samples);
  return samples;
}
