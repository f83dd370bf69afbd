/**
 * Everything checked about a recording before any work is done on it: the size limit (from the
 * file system, before a byte is read), the format (from the first bytes, then the header or
 * ffmpeg's probe, against the allow-list), the header's honesty (the WAV and MP3 readers refuse
 * truncated files and sizes that lie), and the duration limit. What it learns describes the
 * recording for the redactor, the verifier and the report.
 */
import { stat } from 'node:fs/promises';
import { HushError } from '../errors.js';
import { ioError } from '../files.js';
import { formatName, probeAudio, type AudioProbe } from './ffmpeg/probe.js';
import { isFallbackFormat } from './ffmpeg/transcode.js';
import { durationMs, type PcmLayout } from './layout.js';
import { describeStream, type Mp3Info } from './mp3/info.js';
import { scanMp3, type Mp3Stream } from './mp3/scan.js';
import { rawLayout, type RawFormat } from './pcm/raw.js';
import { sniffAudio, SUPPORTED_AUDIO } from './sniff.js';
import { readWavInfo } from './wav/header.js';

export interface AudioLimits {
  /** Largest file accepted, bytes. */
  maxBytes: number;
  /** Longest recording accepted, ms. */
  maxDurationMs: number;
}

/**
 * 500 MB as the NICE CXone redaction recipe allows; 4 hours covers the longest contact-centre
 * calls with room to spare while refusing a mislabelled day-long capture.
 */
export const DEFAULT_LIMITS: AudioLimits = { maxBytes: 500_000_000, maxDurationMs: 4 * 3_600_000 };

interface Described {
  path: string;
  /** File size, bytes. */
  bytes: number;
  /** Container and encoding, e.g. `wav/pcm_s16le`, `raw/mulaw`, `mp3`, `ogg/opus`. */
  format: string;
  durationMs: number;
  sampleRate: number;
  channels: number;
}

/** A recording that passed validation, with what each redaction path needs to know of it. */
export type AudioSource = Described &
  (
    | { kind: 'wav' | 'raw'; layout: PcmLayout }
    | {
        kind: 'mp3';
        mp3: Mp3Info;
        /** The frame index, which the redactor reuses rather than scan the file again. */
        stream: Mp3Stream;
      }
    | { kind: 'ffmpeg'; probe: AudioProbe }
  );

export interface InspectOptions {
  /** The layout of a headerless PCM file; absent for files that describe themselves. */
  raw?: RawFormat;
  limits?: AudioLimits;
}

async function fileSize(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw ioError(path, error, 'read the file');
  }
  if (!info.isFile()) throw new HushError('IO', `${path}: not a regular file`);
  return info.size;
}

async function describe(path: string, bytes: number, raw: RawFormat | undefined): Promise<AudioSource> {
  const kind = await sniffAudio(path, { raw: raw !== undefined });
  const pcm = (layout: PcmLayout, container: string): AudioSource => ({
    kind: container === 'raw' ? 'raw' : 'wav',
    path,
    bytes,
    format: `${container}/${layout.encoding}`,
    durationMs: durationMs(layout),
    sampleRate: layout.sampleRate,
    channels: layout.channels,
    layout,
  });
  switch (kind) {
    case 'wav':
      return pcm((await readWavInfo(path)).layout, 'wav');
    case 'raw':
      return pcm(rawLayout(bytes, raw!, path), 'raw');
    case 'mp3': {
      const stream = await scanMp3(path);
      const mp3 = describeStream(stream);
      const { sampleRate, channels } = mp3;
      return {
        kind,
        path,
        bytes,
        format: 'mp3',
        durationMs: mp3.durationMs,
        sampleRate,
        channels,
        mp3,
        stream,
      };
    }
    case 'ffmpeg': {
      const probe = await probeAudio(path);
      const format = formatName(probe);
      if (!isFallbackFormat(probe)) {
        throw new HushError(
          'AUDIO_UNSUPPORTED',
          `${path}: ${format} is not on the list of formats Hush redacts (${SUPPORTED_AUDIO})`,
        );
      }
      const { sampleRate, channels } = probe;
      return { kind, path, bytes, format, durationMs: probe.durationMs, sampleRate, channels, probe };
    }
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

/** Validates a recording and describes it; throws a HushError naming the file and the problem. */
export async function inspectAudio(path: string, options: InspectOptions = {}): Promise<AudioSource> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const bytes = await fileSize(path);
  if (bytes > limits.maxBytes) {
    throw new HushError(
      'LIMIT_EXCEEDED',
      `${path}: ${bytes} bytes is over the size limit of ${limits.maxBytes} bytes (--max-bytes)`,
    );
  }
  const source = await describe(path, bytes, options.raw);
  if (source.durationMs > limits.maxDurationMs) {
    throw new HushError(
      'LIMIT_EXCEEDED',
      `${path}: ${seconds(source.durationMs)} long, over the duration limit of ${seconds(limits.maxDurationMs)} (--max-duration)`,
    );
  }
  return source;
}

/**
 * Regions must fall within the recording: one that starts at or after its end means the
 * transcript (or list) belongs to another recording, and silencing nothing there would leak
 * whatever was said. A region that runs past the end is fine (padding does) and is clamped.
 */
export function checkRegionsFit(
  regions: readonly { start: number; end: number }[],
  source: Pick<AudioSource, 'path' | 'durationMs'>,
): void {
  const outside = regions.findIndex((region) => region.start >= source.durationMs);
  if (outside >= 0) {
    const region = regions[outside]!;
    throw new HushError(
      'REGIONS_INVALID',
      `${source.path}: region ${outside + 1} (${seconds(region.start)}–${seconds(region.end)}) starts after the recording ends ` +
        `(${seconds(source.durationMs)}); are the transcript and the recording of the same call?`,
    );
  }
}
