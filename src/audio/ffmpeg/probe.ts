/**
 * What a compressed recording is, from ffmpeg itself (no ffprobe binary ships with the npm
 * build): the stream description ffmpeg prints when it opens the file, and the exact number of
 * sample frames, counted by decoding it. Headers only estimate durations (an MP3 without a Xing
 * header, a stream cut short) and print them to 10 ms; the count is what the verifier compares.
 */
import { open, stat } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { ioError } from '../../files.js';
import { fileArg, LONG_RUN_MS, lastError, runFfmpeg } from './binary.js';

export interface AudioProbe {
  path: string;
  /**
   * The container: `ogg`, `flac`, `m4a` (MP4 of brand M4A), `mp4`, `webm`, `matroska`, `mp3`,
   * `wav`, or else ffmpeg's demuxer name.
   */
  container: string;
  /** ffmpeg's codec name: `opus`, `vorbis`, `flac`, `aac`, `mp3`, `pcm_s16le`, … */
  codec: string;
  sampleRate: number;
  channels: number;
  /** ffmpeg's decoded sample format, e.g. `s16`, `fltp`, `s32 (24 bit)`. */
  sampleFormat: string;
  /** Sample frames the audio decodes to (per channel). */
  frames: number;
  /** frames / sampleRate, ms (not rounded). */
  durationMs: number;
  /** bits/s: the stream's, else the file's overall rate; null when ffmpeg gives neither. */
  bitRate: number | null;
  /** Streams besides the first audio stream (more audio, video, subtitles, cover art, data). */
  otherStreams: number;
}

/**
 * How Hush names a recording's format in reports and checks: `container/codec` (`ogg/opus`,
 * `flac/flac`, `m4a/aac`), and plain `mp3` for MP3, as the native MP3 path names it.
 */
export function formatName(format: Pick<AudioProbe, 'container' | 'codec'>): string {
  return format.container === 'mp3' && format.codec === 'mp3' ? 'mp3' : `${format.container}/${format.codec}`;
}

/** ffmpeg's named channel layouts (libavutil/channel_layout.c) and their channel counts. */
const LAYOUT_CHANNELS: Readonly<Record<string, number>> = {
  mono: 1,
  stereo: 2,
  downmix: 2,
  '2.1': 3,
  '3.0': 3,
  '3.0(back)': 3,
  '4.0': 4,
  quad: 4,
  'quad(side)': 4,
  '3.1': 4,
  '5.0': 5,
  '5.0(side)': 5,
  '4.1': 5,
  '5.1': 6,
  '5.1(side)': 6,
  '6.0': 6,
  '6.0(front)': 6,
  hexagonal: 6,
  '6.1': 7,
  '6.1(back)': 7,
  '6.1(front)': 7,
  '7.0': 7,
  '7.0(front)': 7,
  '7.1': 8,
  '7.1(wide)': 8,
  '7.1(wide-side)': 8,
  octagonal: 8,
  hexadecagonal: 16,
};

/** What the `Input #0` part of ffmpeg's stderr says about a file. */
export interface StreamDescription {
  demuxer: string;
  majorBrand: string | null;
  codec: string;
  sampleRate: number;
  channels: number;
  sampleFormat: string;
  bitRate: number | null;
  otherStreams: number;
  /** The header's duration, ms (to 10 ms), and whether ffmpeg had to estimate it. */
  headerDurationMs: number | null;
  estimated: boolean;
}

/** Stream dispositions ffmpeg appends to a stream's line, e.g. ` (default)`. */
const DISPOSITIONS =
  / \((?:default|dub|original|comment|lyrics|karaoke|forced|hearing impaired|visual impaired|clean effects|attached pic|timed thumbnails)\)/g;

function channelCount(layout: string): number | null {
  const named = LAYOUT_CHANNELS[layout];
  if (named !== undefined) return named;
  const counted = /^(\d+) channels\b/.exec(layout); // "3 channels", "3 channels (FL+FR+LFE)"
  return counted ? Number(counted[1]) : null;
}

function kbps(text: string | undefined): number | null {
  const match = text === undefined ? null : /^(\d+) kb\/s/.exec(text);
  return match ? Number(match[1]) * 1000 : null;
}

/**
 * Parses the description ffmpeg prints when it opens a file (`Input #0, …` up to `Stream mapping`
 * or the first output); null when there is no input section or no audio stream in it.
 */
export function parseStreamDescription(stderr: string): StreamDescription | null {
  const start = stderr.search(/^Input #0, /m);
  if (start < 0) return null;
  const section = stderr.slice(start).split(/^(?:Stream mapping:|Output #)/m)[0]!;
  const demuxer = /^Input #0, (.+?), from '/.exec(section)?.[1];
  if (demuxer === undefined) return null;

  const streams = [...section.matchAll(/^\s+Stream #0:\d+\S*: (\w+): (.*)$/gm)];
  const audio = streams.find((stream) => stream[1] === 'Audio');
  if (!audio) return null;
  // "aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 85 kb/s (default)"
  const parts = audio[2]!.replace(DISPOSITIONS, '').split(', ');
  const rateAt = parts.findIndex((part) => /^\d+ Hz$/.test(part));
  const channels = rateAt < 0 ? null : channelCount(parts[rateAt + 1] ?? '');
  if (rateAt < 0 || channels === null) return null;

  const duration = /^\s+Duration: (\d+):(\d\d):(\d\d)\.(\d\d)/m.exec(section);
  return {
    demuxer,
    majorBrand: /^\s+major_brand\s*: (\S+)/m.exec(section)?.[1] ?? null,
    codec: /^\w+/.exec(parts[0]!)?.[0] ?? parts[0]!,
    sampleRate: Number.parseInt(parts[rateAt]!, 10),
    channels,
    sampleFormat: parts[rateAt + 2] ?? '',
    bitRate: kbps(parts.find((part) => / kb\/s/.test(part))) ?? kbps(/bitrate: (.*)$/m.exec(section)?.[1]),
    otherStreams: streams.length - 1,
    headerDurationMs: duration
      ? ((Number(duration[1]) * 60 + Number(duration[2])) * 60 + Number(duration[3])) * 1000 +
        Number(duration[4]) * 10
      : null,
    estimated: /Estimating duration from bitrate/.test(stderr),
  };
}

/** Matroska's EBML header names its DocType (`webm` or `matroska`) in the first bytes. */
async function matroskaDocType(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const at = head.subarray(0, bytesRead).indexOf(Buffer.from([0x42, 0x82])); // DocType element
    if (at < 0 || at + 3 > bytesRead) return 'matroska';
    const size = head[at + 2]! & 0x7f; // one-byte EBML size, as every muxer writes for these names
    return head.toString('latin1', at + 3, at + 3 + size) === 'webm' ? 'webm' : 'matroska';
  } finally {
    await file.close();
  }
}

async function containerOf(path: string, described: StreamDescription): Promise<string> {
  if (described.demuxer.startsWith('mov,mp4')) return described.majorBrand === 'M4A' ? 'm4a' : 'mp4';
  if (described.demuxer === 'matroska,webm') return matroskaDocType(path);
  return described.demuxer;
}

/**
 * A header duration this far above the decoded one means the file was cut short (FLAC's
 * STREAMINFO, WebM's Duration and the like are written when the file is complete). MP3 is left
 * out: ffmpeg's MP3 header duration counts the encoder delay and padding that decoding trims.
 */
function truncated(described: StreamDescription, decodedMs: number): boolean {
  if (described.headerDurationMs === null || described.estimated || described.codec === 'mp3') return false;
  return described.headerDurationMs > decodedMs * 1.01 + 250;
}

/** ffmpeg's own words for a missing file are less clear than ours. */
async function assertReadableFile(path: string): Promise<void> {
  let isFile;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    throw ioError(path, error, 'read the file');
  }
  if (!isFile) throw new HushError('IO', `${path}: not a regular file`);
}

/** What ffmpeg said of `path` when it opened it; throws when that is not an audio recording. */
async function read(
  path: string,
  stderr: string,
): Promise<{ audio: AudioDescription; header: StreamDescription }> {
  const header = parseStreamDescription(stderr);
  if (header === null) {
    const problem = /^Input #0, /m.test(stderr)
      ? 'it has no audio stream'
      : `ffmpeg cannot read it (${lastError(stderr)})`;
    throw new HushError('AUDIO_INVALID', `${path}: not a recording: ${problem}`);
  }
  const { codec, sampleRate, channels, sampleFormat, bitRate, otherStreams } = header;
  const container = await containerOf(path, header);
  return {
    audio: { path, container, codec, sampleRate, channels, sampleFormat, bitRate, otherStreams },
    header,
  };
}

/** A recording as its header describes it, without decoding (the duration is not counted). */
export type AudioDescription = Omit<AudioProbe, 'frames' | 'durationMs'>;

/**
 * Describes a recording from what ffmpeg prints when it opens it: no decoding, so fast whatever
 * the length. Throws HushError('AUDIO_INVALID') naming the file when it is not audio.
 */
export async function describeAudio(path: string): Promise<AudioDescription> {
  await assertReadableFile(path);
  // With no output named, ffmpeg describes the input and exits 1.
  const { stderr } = await runFfmpeg(['-i', fileArg(path)], { timeoutMs: 60_000, task: `probing ${path}` });
  return (await read(path, stderr)).audio;
}

/**
 * Describes a recording through ffmpeg, decoding it once to count its sample frames. Throws
 * HushError('AUDIO_INVALID') naming the file when ffmpeg cannot read it, it has no audio stream,
 * nothing decodes, or its header promises more audio than the file holds.
 */
export async function probeAudio(path: string): Promise<AudioProbe> {
  await assertReadableFile(path);
  let frames = 0;
  // One byte per frame: a mono 8-bit stream counts frames exactly and cheaply.
  const { exitCode, stderr } = await runFfmpeg(
    ['-i', fileArg(path), '-map', '0:a:0', '-ac', '1', '-c:a', 'pcm_u8', '-f', 'u8', 'pipe:1'],
    { timeoutMs: LONG_RUN_MS, task: `probing ${path}`, onStdout: (chunk) => (frames += chunk.length) },
  );
  const { audio, header } = await read(path, stderr);
  if (exitCode !== 0 || frames === 0) {
    throw new HushError('AUDIO_INVALID', `${path}: no audio could be decoded (${lastError(stderr)})`);
  }
  const durationMs = (frames * 1000) / audio.sampleRate;
  if (truncated(header, durationMs)) {
    throw new HushError(
      'AUDIO_INVALID',
      `${path}: the header says ${(header.headerDurationMs! / 1000).toFixed(2)} s but only ` +
        `${(durationMs / 1000).toFixed(2)} s of audio decode; is the file truncated?`,
    );
  }
  return { ...audio, frames, durationMs };
}
