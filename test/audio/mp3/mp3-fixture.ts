/**
 * MP3 files for the tests, encoded by the npm ffmpeg (whose libmp3lame is always there, unlike a
 * system ffmpeg's) from generated signals, decoded back to 16-bit PCM, and measured.
 */
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export interface TempDir {
  path: (name: string) => string;
  remove: () => Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-mp3-'));
  return { path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

function run(args: readonly string[]): { stdout: Buffer; stderr: string } {
  const result = spawnSync(ffmpeg.path, ['-hide_banner', '-nostdin', ...args], { maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return { stdout: result.stdout, stderr: result.stderr.toString() };
}

export interface SignalSpec {
  sampleRate: number;
  channels: 1 | 2;
  seconds: number;
  /** Steady tones (a different pitch per channel), or noise whose level swells and falls. */
  signal: 'tone' | 'noise';
}

function source(spec: SignalSpec, channel: number): string[] {
  const { sampleRate, seconds } = spec;
  if (spec.signal === 'tone')
    return ['-f', 'lavfi', '-i', `sine=f=${440 + 180 * channel}:sample_rate=${sampleRate}:d=${seconds}`];
  return ['-f', 'lavfi', '-i', `anoisesrc=sample_rate=${sampleRate}:d=${seconds}:a=0.4:seed=${7 + channel}`];
}

/** Encodes the signal to `output` with libmp3lame and the given encoder/muxer options. */
export function encodeMp3(output: string, spec: SignalSpec, options: readonly string[]): void {
  const inputs = spec.channels === 2 ? [...source(spec, 0), ...source(spec, 1)] : source(spec, 0);
  const swell = spec.signal === 'noise' ? ",volume='0.6+0.4*sin(2*PI*1.5*t)':eval=frame" : '';
  const graph = spec.channels === 2 ? `[0:a][1:a]amerge=inputs=2${swell}` : `anull${swell}`;
  run(['-v', 'error', '-y', ...inputs, '-filter_complex', graph, '-c:a', 'libmp3lame', ...options, output]);
}

export interface Decoded {
  /** Interleaved 16-bit samples. */
  samples: Int16Array;
  channels: number;
  frames: number;
  /** What ffmpeg printed at `-v error`: empty when the stream decoded cleanly. */
  errors: string;
}

/** Decodes with ffmpeg (which trims the encoder delay and padding the LAME tag gives). */
export function decode(path: string, channels: number): Decoded {
  const { stdout, stderr } = run(['-v', 'error', '-i', path, '-f', 's16le', '-acodec', 'pcm_s16le', '-']);
  const samples = new Int16Array(stdout.buffer, stdout.byteOffset, stdout.length / 2);
  return { samples, channels, frames: samples.length / channels, errors: stderr };
}

/** RMS of every channel together over sample frames [start, end), in dB relative to full scale. */
export function rmsDbfs(decoded: Decoded, start: number, end: number): number {
  let sum = 0;
  const from = start * decoded.channels;
  const to = end * decoded.channels;
  for (let i = from; i < to; i++) sum += (decoded.samples[i]! / 32768) ** 2;
  return to > from && sum > 0 ? 10 * Math.log10(sum / (to - from)) : -Infinity;
}
