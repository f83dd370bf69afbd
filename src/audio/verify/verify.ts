/**
 * Checks a redacted recording against its original before anything is published:
 * - inside every region, the level (silence: no 20 ms window reaches -60 dBFS; beep within 2 dB
 *   and noise within 3 dB of their set RMS level, fades left out; a lossy re-encode is measured
 *   away from the edges its codec smears, and its noise may lie further below the set level) and,
 *   for beep, noise and clip, that the original is gone (|normalised correlation| below 0.2);
 * - the duration (native paths: the same sample count; re-encoded: longer by at most the codec's
 *   end padding), the format and the channel count;
 * - native paths: every byte outside the ranges the redactor rewrote, compared and hashed.
 * Uncompressed audio is read straight from the files. Of a natively muted MP3, ffmpeg decodes
 * only the frames around each region (mp3-slices.ts), so checking an hour-long file costs little
 * more than its regions; a re-encoded file is decoded whole to temporary WAVs beside the output.
 */
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeToWav, lossySmearMs, maxPaddingFrames } from '../ffmpeg/transcode.js';
import { describeAudio, formatName } from '../ffmpeg/probe.js';
import { frameCount, toFrameRegions, type ByteRange, type FrameRegion, type PcmLayout } from '../layout.js';
import { fadeFrames } from '../modes/fade.js';
import { describeStream, streamTimeline } from '../mp3/info.js';
import { scanMp3 } from '../mp3/scan.js';
import { untouchedChannelsEqual } from '../pcm/compare.js';
import { rawLayout } from '../pcm/raw.js';
import { openPcmReader, type PcmFileReader } from '../pcm/read.js';
import type { ReplacementMode } from '../replacement.js';
import type { AudioVerification, RegionCheck } from '../verification.js';
import { looksLikeWav, readWavInfo } from '../wav/header.js';
import { measureRegionLevels, type FrameReader, type RegionLevel } from './levels.js';
import { mp3SpanReader } from './mp3-slices.js';
import { proveOutsideUnchanged } from './outside.js';

/** Silence must stay below this in every window, dBFS. */
export const SILENCE_MAX_DBFS = -60;
/** How far a beep's and a noise's measured RMS level may sit from the set level, dB. */
export const BEEP_TOLERANCE_DB = 2;
export const NOISE_TOLERANCE_DB = 3;
/**
 * Below its set level, noise in a lossy re-encode may lose this much: encoders cut the highs of
 * white noise (Opus at low rates keeps 8 of 24 kHz, -4.8 dB; AAC at 16 kb/s measured -3.4 dB).
 */
export const LOSSY_NOISE_DROP_DB = 10;
/** A replacement correlating this much with the original still carries it. */
export const MAX_CORRELATION = 0.2;
/** Window of the silence check: short enough that one syllable left in a long region shows. */
const WINDOW_MS = 20;

/** A time region, ms; `channel: null` covers every channel. */
export interface VerifiedRegion {
  start: number;
  end: number;
  channel: number | null;
}

/** What the output must be: the input's own format, channel count and duration. */
export interface Expectation {
  /** Container/encoding as validation names it: `wav/pcm_s16le`, `raw/mulaw`, `mp3`, `ogg/opus`… */
  format: string;
  channels: number;
  durationMs: number;
  /** When given, the output's sample rate is checked too (PCM checks it from the layouts anyway). */
  sampleRate?: number;
}

export interface VerifyAudioOptions {
  input: string;
  output: string;
  /** `pcm`: WAV or raw read directly; `mp3`: natively muted MP3; `ffmpeg`: re-encoded. */
  kind: 'pcm' | 'mp3' | 'ffmpeg';
  /** Layouts of the input and output (kind `pcm` only). */
  inputLayout?: PcmLayout;
  outputLayout?: PcmLayout;
  /** The regions asked for, ms. */
  regions: readonly VerifiedRegion[];
  mode: ReplacementMode;
  /** Output byte ranges the redactor rewrote (native paths); null when every byte may differ. */
  changed: readonly ByteRange[] | null;
  expect: Expectation;
  /**
   * The sha256 of the input's bytes outside `changed`, when the caller is already taking it (on a
   * worker thread, while the redactor writes): the proof then compares the output with the input
   * without hashing it a second time.
   */
  inputOutsideSha256?: Promise<string>;
  /** Called with the whole output's sha256 when the outside proof read it (native paths): the audit needs it. */
  onOutputSha256?: (sha256: string) => void;
}

/** The output as measured: what it is, and its samples. */
interface Measured {
  format: string;
  sampleRate: number;
  channels: number;
  frames: number;
  read: FrameReader;
}

/** How the region checks read the audio. */
interface RegionReading {
  output: Measured;
  /** The original's samples on the output's timeline; null when the check needs none or has none. */
  input: FrameReader | null;
  /** For a lossy re-encode: frames at each edge of a region the codec smears sound into. */
  lossy: { smearFrames: number } | null;
}

const needsOriginal = (mode: ReplacementMode) => mode.kind !== 'silence';

/** A layout with nothing behind it, for mapping regions onto a decoded timeline. */
function timeline(sampleRate: number, channels: number, frames: number): PcmLayout {
  return { encoding: 'pcm_f32le', sampleRate, channels, dataOffset: 0, dataLength: frames * channels * 4 };
}

/** The frames of a region a check measures: the middle, away from fades and codec smear. */
function measuredSpan(
  region: FrameRegion,
  mode: ReplacementMode,
  sampleRate: number,
  guard: number,
): FrameRegion {
  const length = region.endFrame - region.startFrame;
  const fade = mode.kind === 'silence' ? 0 : fadeFrames(length, sampleRate);
  // Keep at least the middle third of a short region.
  const trim = Math.min(fade + guard, Math.floor(length / 3));
  return { ...region, startFrame: region.startFrame + trim, endFrame: region.endFrame - trim };
}

function judge(
  region: FrameRegion,
  level: RegionLevel,
  mode: ReplacementMode,
  sampleRate: number,
  lossy: boolean,
): RegionCheck {
  const common = {
    start: (region.startFrame * 1000) / sampleRate,
    end: (region.endFrame * 1000) / sampleRate,
    channel: region.channel,
    expected: mode.kind,
  };
  const originalGone = level.correlation === null || level.correlation < MAX_CORRELATION;
  switch (mode.kind) {
    case 'silence':
      return {
        ...common,
        levelDbfs: level.loudestWindowDbfs,
        passed: level.loudestWindowDbfs < SILENCE_MAX_DBFS,
      };
    case 'beep':
    case 'noise': {
      const above = mode.kind === 'beep' ? BEEP_TOLERANCE_DB : NOISE_TOLERANCE_DB;
      const below = mode.kind === 'noise' && lossy ? LOSSY_NOISE_DROP_DB : above;
      const deviation = level.levelDbfs - mode.levelDbfs;
      const atLevel = deviation <= above && deviation >= -below;
      return { ...common, levelDbfs: level.levelDbfs, passed: atLevel && originalGone };
    }
    case 'clip':
      return { ...common, levelDbfs: level.levelDbfs, passed: originalGone };
  }
}

async function checkRegions(
  regions: readonly VerifiedRegion[],
  mode: ReplacementMode,
  reading: RegionReading,
): Promise<RegionCheck[]> {
  const { output } = reading;
  const frames = toFrameRegions(regions, timeline(output.sampleRate, output.channels, output.frames));
  const guard = reading.lossy?.smearFrames ?? 0;
  const spans = frames.map((region) => measuredSpan(region, mode, output.sampleRate, guard));
  const levels = await measureRegionLevels({
    spans,
    channels: output.channels,
    output: output.read,
    ...(reading.input ? { input: reading.input } : {}),
    windowFrames: Math.max(1, Math.round((WINDOW_MS * output.sampleRate) / 1000)),
  });
  return frames.map((region, i) =>
    judge(region, levels[i]!, mode, output.sampleRate, reading.lossy !== null),
  );
}

function withRate(format: string, sampleRate: number | undefined): string {
  return sampleRate === undefined ? format : `${format}, ${sampleRate} Hz`;
}

function formatCheck(expect: Expectation, output: Measured, inputRate = expect.sampleRate) {
  const input = withRate(expect.format, inputRate);
  const measured = withRate(output.format, inputRate === undefined ? undefined : output.sampleRate);
  return { input, output: measured, passed: input === measured };
}

function channelCheck(expect: Expectation, output: Measured): AudioVerification['channels'] {
  return { input: expect.channels, output: output.channels, passed: output.channels === expect.channels };
}

/** Uncompressed audio keeps every sample: the same count at the same rate. */
function sameSamples(input: PcmLayout, output: Measured): AudioVerification['duration'] {
  const inputFrames = frameCount(input);
  return {
    inputMs: (inputFrames * 1000) / input.sampleRate,
    outputMs: (output.frames * 1000) / output.sampleRate,
    passed: output.frames === inputFrames && output.sampleRate === input.sampleRate,
  };
}

function assemble(parts: Omit<AudioVerification, 'passed'>): AudioVerification {
  const passed =
    parts.regions.every((region) => region.passed) &&
    parts.duration.passed &&
    parts.format.passed &&
    parts.channels.passed &&
    (parts.outside?.passed ?? true);
  return { passed, ...parts };
}

/**
 * Readers of the PCM files a verification measures: each file opened once and read a chunk at a
 * time into buffers reused from chunk to chunk, all closed together when the checks are done.
 */
class PcmReaders {
  private readonly opened: PcmFileReader[] = [];

  async reader(path: string, layout: PcmLayout): Promise<FrameReader> {
    const reader = await openPcmReader(path, layout);
    this.opened.push(reader);
    return (start, end) => reader.read(start, end);
  }

  close(): Promise<unknown> {
    return Promise.all(this.opened.splice(0).map((reader) => reader.close()));
  }
}

async function withPcmReaders<T>(use: (readers: PcmReaders) => Promise<T>): Promise<T> {
  const readers = new PcmReaders();
  try {
    return await use(readers);
  } finally {
    await readers.close();
  }
}

/** `wav` or `raw`, from the file's first bytes. */
async function pcmContainer(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await file.read(head, 0, 12, 0);
    return looksLikeWav(head.subarray(0, bytesRead)) ? 'wav' : 'raw';
  } finally {
    await file.close();
  }
}

async function measuredPcm(path: string, layout: PcmLayout, readers: PcmReaders): Promise<Measured> {
  return {
    format: `${await pcmContainer(path)}/${layout.encoding}`,
    sampleRate: layout.sampleRate,
    channels: layout.channels,
    frames: frameCount(layout),
    read: await readers.reader(path, layout),
  };
}

async function verifyPcm(options: VerifyAudioOptions): Promise<AudioVerification> {
  const { input, output, inputLayout, outputLayout, changed, expect } = options;
  if (!inputLayout || !outputLayout)
    throw new TypeError('verifyAudio: kind pcm needs inputLayout and outputLayout');
  const { measured, regions } = await withPcmReaders(async (readers) => {
    const measured = await measuredPcm(output, outputLayout, readers);
    const regions = await checkRegions(options.regions, options.mode, {
      output: measured,
      input: needsOriginal(options.mode) ? await readers.reader(input, inputLayout) : null,
      lossy: null,
    });
    return { measured, regions };
  });
  let outside: AudioVerification['outside'] = null;
  if (changed !== null) {
    const proof = await proveOutsideUnchanged(input, output, changed, {
      ...(options.inputOutsideSha256 ? { inputOutside: options.inputOutsideSha256 } : {}),
      ...(options.onOutputSha256 ? { onOutputSha256: options.onOutputSha256 } : {}),
    });
    // One-channel regions report their whole frame span as changed; the channels they leave alone there are compared too.
    const others = await untouchedChannelsEqual(
      input,
      output,
      inputLayout,
      toFrameRegions(options.regions, inputLayout),
    );
    outside = { ...proof, passed: proof.passed && others };
  }
  return assemble({
    regions,
    duration: sameSamples(inputLayout, measured),
    format: formatCheck(expect, measured, inputLayout.sampleRate),
    channels: channelCheck(expect, measured),
    outside,
  });
}

async function withWorkDir<T>(output: string, use: (work: string) => Promise<T>): Promise<T> {
  // Beside the output: a decoded hour is gigabytes, more than a RAM-backed /tmp may hold.
  const work = await mkdtemp(join(dirname(output), '.hush-verify-'));
  try {
    return await use(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function verifyMp3(options: VerifyAudioOptions): Promise<AudioVerification> {
  const { input, output, expect, mode } = options;
  const stream = await scanMp3(output);
  const info = describeStream(stream);
  const line = streamTimeline(stream);
  const frames = toFrameRegions(options.regions, timeline(info.sampleRate, info.channels, info.samples));
  const spans = frames.map((region) => measuredSpan(region, mode, info.sampleRate, 0));
  return withWorkDir(output, async (work) => {
    const measured: Measured = {
      format: 'mp3',
      sampleRate: info.sampleRate,
      channels: info.channels,
      frames: info.samples,
      read: await mp3SpanReader(output, stream, line, spans, join(work, 'output')),
    };
    let original: FrameReader | null = null;
    if (needsOriginal(mode)) {
      const inputStream = await scanMp3(input);
      original = await mp3SpanReader(
        input,
        inputStream,
        streamTimeline(inputStream),
        spans,
        join(work, 'input'),
      );
    }
    const regions = await checkRegions(options.regions, mode, {
      output: measured,
      input: original,
      lossy: null,
    });
    const proof =
      options.changed === null
        ? null
        : await proveOutsideUnchanged(input, output, options.changed, {
            ...(options.onOutputSha256 ? { onOutputSha256: options.onOutputSha256 } : {}),
          });
    return assemble({
      regions,
      duration: {
        inputMs: expect.durationMs,
        outputMs: info.durationMs,
        passed: Math.abs(info.durationMs - expect.durationMs) < 500 / info.sampleRate,
      },
      format: formatCheck(expect, measured),
      channels: channelCheck(expect, measured),
      outside: proof,
    });
  });
}

async function verifyReencoded(options: VerifyAudioOptions): Promise<AudioVerification> {
  const { input, output, expect, mode } = options;
  return withWorkDir(output, (work) =>
    withPcmReaders(async (readers) => {
      const decoded = join(work, 'output.wav');
      const [description] = await Promise.all([
        describeAudio(output),
        decodeToWav(output, decoded, 'pcm_f32le'),
      ]);
      const { layout } = await readWavInfo(decoded);
      let original: FrameReader | null = null;
      if (needsOriginal(mode)) {
        const decodedInput = join(work, 'input.wav');
        await decodeToWav(input, decodedInput, 'pcm_f32le');
        original = await readers.reader(decodedInput, (await readWavInfo(decodedInput)).layout);
      }
      const { codec } = description;
      const measured: Measured = {
        format: formatName(description),
        sampleRate: layout.sampleRate,
        channels: layout.channels,
        frames: frameCount(layout),
        read: await readers.reader(decoded, layout),
      };
      const frameMs = 1000 / layout.sampleRate;
      const smearMs = lossySmearMs(codec, layout.sampleRate);
      const regions = await checkRegions(options.regions, mode, {
        output: measured,
        input: original,
        lossy: smearMs === null ? null : { smearFrames: Math.ceil(smearMs / frameMs) },
      });
      const outputMs = measured.frames * frameMs;
      // Encoders pad their last frame; a shorter output has lost audio.
      const durationPassed =
        outputMs >= expect.durationMs - frameMs / 2 &&
        outputMs <= expect.durationMs + (maxPaddingFrames(codec) + 0.5) * frameMs;
      return assemble({
        regions,
        duration: { inputMs: expect.durationMs, outputMs, passed: durationPassed },
        format: formatCheck(expect, measured),
        channels: channelCheck(expect, measured),
        outside: null,
      });
    }),
  );
}

/**
 * Verifies a redacted copy against its original (see the module comment). Never throws for a
 * redaction that did not happen: that is `passed: false`, with the failing check marked. Throws
 * HushError when a file cannot be read at all.
 */
export async function verifyAudio(options: VerifyAudioOptions): Promise<AudioVerification> {
  switch (options.kind) {
    case 'pcm':
      return verifyPcm(options);
    case 'mp3':
      return verifyMp3(options);
    case 'ffmpeg':
      return verifyReencoded(options);
  }
}

export interface VerifyInPlaceOptions {
  file: string;
  /** The layout before the redaction. */
  layout: PcmLayout;
  regions: readonly VerifiedRegion[];
  mode: ReplacementMode;
  /** Bytes the redactor rewrote: they must all lie inside the audio data. */
  changed: readonly ByteRange[];
  expect: Expectation;
}

/**
 * Verifies a recording redacted in place. The original is gone, so what can be checked is what
 * the file is now: its header still describes the same audio (format, channels, sample count),
 * nothing was written outside the audio data (a write into the header or another chunk fails the
 * format check), and every region is at its expected level. The outside-bytes proof and the
 * correlation with the original need the original and are not made (`outside: null`).
 */
export async function verifyInPlace(options: VerifyInPlaceOptions): Promise<AudioVerification> {
  const { file, layout, expect } = options;
  const container = await pcmContainer(file);
  const now =
    container === 'wav' ? (await readWavInfo(file)).layout : rawLayout((await stat(file)).size, layout, file);
  const { measured, regions } = await withPcmReaders(async (readers) => {
    const measured = await measuredPcm(file, now, readers);
    const regions = await checkRegions(options.regions, options.mode, {
      output: measured,
      input: null,
      lossy: null,
    });
    return { measured, regions };
  });
  const format = formatCheck(expect, measured, layout.sampleRate);
  return assemble({
    regions,
    duration: sameSamples(layout, measured),
    format: { ...format, passed: format.passed && insideData(options.changed, now) },
    channels: channelCheck(expect, measured),
    outside: null,
  });
}

function insideData(changed: readonly ByteRange[], layout: PcmLayout): boolean {
  const end = layout.dataOffset + layout.dataLength;
  return changed.every((range) => range.offset >= layout.dataOffset && range.offset + range.length <= end);
}
