/**
 * Small recordings for the ffmpeg and verification tests, made by the same ffmpeg Hush runs:
 * a tone per channel (channel c at 440 + 110·c Hz, amplitude 0.5) plus a little noise, so
 * channels differ and every codec has something to encode. One entry per allow-listed format.
 */
import { fileArg, runFfmpeg } from '../../../src/audio/ffmpeg/binary.js';

export interface FormatCase {
  /** `container/codec` as the probe names it. */
  format: string;
  extension: string;
  sampleRate: number;
  channels: number;
  /** Encoder options (codec, bit rate) for the generated original. */
  args: string[];
}

export const FORMAT_CASES: readonly FormatCase[] = [
  {
    format: 'ogg/opus',
    extension: 'ogg',
    sampleRate: 48000,
    channels: 2,
    args: ['-c:a', 'libopus', '-b:a', '32k'],
  },
  {
    format: 'ogg/vorbis',
    extension: 'ogg',
    sampleRate: 16000,
    channels: 1,
    args: ['-c:a', 'libvorbis', '-b:a', '32k'],
  },
  { format: 'flac/flac', extension: 'flac', sampleRate: 8000, channels: 2, args: ['-c:a', 'flac'] },
  {
    format: 'm4a/aac',
    extension: 'm4a',
    sampleRate: 16000,
    channels: 2,
    args: ['-c:a', 'aac', '-b:a', '48k', '-f', 'ipod'],
  },
  {
    format: 'webm/opus',
    extension: 'webm',
    sampleRate: 48000,
    channels: 1,
    args: ['-c:a', 'libopus', '-b:a', '24k'],
  },
  {
    format: 'mp3/mp3',
    extension: 'mp3',
    sampleRate: 8000,
    channels: 1,
    args: ['-c:a', 'libmp3lame', '-b:a', '24k'],
  },
];

/** The test signal as an ffmpeg `aevalsrc` expression, one term per channel. */
function signal(channels: number): string {
  return Array.from(
    { length: channels },
    (_, c) => `0.5*sin(2*PI*${440 + 110 * c}*t)+0.05*(random(${c})-0.5)`,
  ).join('|');
}

/** Runs ffmpeg for a test, failing with its message. */
export async function ffmpeg(args: string[]): Promise<void> {
  const { exitCode, stderr } = await runFfmpeg(['-v', 'error', '-y', ...args], {
    timeoutMs: 60_000,
    task: 'test',
  });
  if (exitCode !== 0) throw new Error(`ffmpeg failed: ${stderr}`);
}

/** Writes `seconds` of the test signal to `path`, encoded with `args`. */
export async function generate(
  path: string,
  options: { seconds: number; sampleRate: number; channels: number; args: readonly string[] },
): Promise<void> {
  const source = `aevalsrc=${signal(options.channels)}:s=${options.sampleRate}:d=${options.seconds}`;
  await ffmpeg(['-f', 'lavfi', '-i', source, ...options.args, fileArg(path)]);
}
