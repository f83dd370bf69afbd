/**
 * Redacts one recording and proves it. The path depends on the format:
 * - WAV and raw PCM: the native redactor (a kernel copy, then positional writes over the regions);
 * - MP3 in silence mode: the native MP3 redactor (muted frames of the same size, no re-encoding);
 * - everything else, and MP3 in the other modes: ffmpeg decodes to a temporary WAV, the native
 *   PCM redactor redacts that, and ffmpeg encodes it back like the input (container, codec, rate,
 *   channels, bit rate);
 * - `inPlace` (WAV and raw only): the journaled in-place redactor rewrites the region bytes of the
 *   input itself, and puts them back if verification fails.
 * The copy is written under a temporary name beside the output and verified there (levels inside
 * every region, duration, format, channels and, for the native paths, every byte outside the
 * regions); it is renamed into place only when verification passed, and deleted otherwise.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HushError } from '../errors.js';
import { stagingPath } from '../files.js';
import { decodeClip, decodeToWav, encodeLike } from './ffmpeg/transcode.js';
import { probeAudio } from './ffmpeg/probe.js';
import { applyJournal, journalApplied } from './in-place/journal.js';
import { journalInPlace, recoverInPlace } from './in-place/redact.js';
import { toFrameRegions, type ByteRange, type FrameRegion, type PcmLayout } from './layout.js';
import { redactMp3 } from './mp3/index.js';
import { redactPcm } from './pcm/redact.js';
import { changedRanges } from './pcm/region-writes.js';
import type { ReplacementMode } from './replacement.js';
import type { AudioSource } from './validate.js';
import type { AudioVerification } from './verification.js';
import { hashViewsInWorker } from './verify/hashing.js';
import { hashViews, type FileView } from './verify/outside.js';
import { verifyAudio, verifyInPlace } from './verify/index.js';
import { readWavInfo } from './wav/header.js';

/** A time region, ms; `channel: null` covers every channel. */
export interface TimeRegion {
  start: number;
  end: number;
  channel: number | null;
}

/** A replacement as the caller asks for it: a clip is named by its file, decoded here at the recording's rate. */
export type ModeRequest =
  Exclude<ReplacementMode, { kind: 'clip' }> | { kind: 'clip'; file: string; levelDbfs: number };

/** The default beep: 1 kHz at -20 dBFS RMS, clearly a beep and well below full scale. */
export const DEFAULT_BEEP = { frequencyHz: 1000, levelDbfs: -20 } as const;
/** The default noise level (RMS): audible as masking, quieter than the beep. */
export const DEFAULT_NOISE_LEVEL_DBFS = -30;
/** The level a replacement clip is scaled to (RMS). */
export const DEFAULT_CLIP_LEVEL_DBFS = -20;

export interface AudioRedactionOptions {
  /** The recording, as validation described it (validate.ts `inspectAudio`). */
  source: AudioSource;
  /** Where the redacted copy is published; ignored in place. */
  output: string;
  regions: readonly TimeRegion[];
  mode: ModeRequest;
  /** Rewrite the input's region bytes instead of writing a copy (WAV and raw PCM only). */
  inPlace?: boolean;
  /**
   * The whole input's sha256, when the caller is already taking it (a job starts it while the
   * transcript is read): the copy paths then do not hash the input a second time. Not for `inPlace`,
   * which hashes the file itself just before its first byte changes.
   */
  inputSha256?: Promise<string>;
}

export type RedactionPath = 'pcm' | 'mp3' | 'ffmpeg' | 'in-place';

export interface AudioRedactionResult {
  path: RedactionPath;
  /** The published recording (the input itself in place); null when verification failed. */
  output: string | null;
  /** What was actually replaced, ms: the regions rounded out to whole sample frames, or to MP3 frames. */
  replaced: TimeRegion[];
  /** Output bytes rewritten (native paths); null when the file was re-encoded. */
  changed: ByteRange[] | null;
  verification: AudioVerification;
  /**
   * sha256 of the whole input and of the published output, where the redaction took them on its
   * way (the input always; the output on the native paths, and only when published): the audit
   * record needs them and need not read the files again.
   */
  sha256: { input: string | null; output: string | null };
}

async function resolveMode(request: ModeRequest, sampleRate: number): Promise<ReplacementMode> {
  if (request.kind !== 'clip') return request;
  return { kind: 'clip', samples: await decodeClip(request.file, sampleRate), levelDbfs: request.levelDbfs };
}

/** Frame regions back to ms, rounded outwards like the frames themselves. */
function frameTimes(regions: readonly FrameRegion[], sampleRate: number): TimeRegion[] {
  return regions.map((region) => ({
    start: Math.floor((region.startFrame * 1000) / sampleRate),
    end: Math.ceil((region.endFrame * 1000) / sampleRate),
    channel: region.channel,
  }));
}

type Staged = Omit<AudioRedactionResult, 'output'>;

const WHOLE: FileView = { changed: [], inside: 'omit' };

/** sha256 of the whole input, on a worker thread: for the copy paths that have no other hash to take of it. */
function wholeHash(path: string): Promise<string> {
  const hash = hashViewsInWorker(path, [WHOLE]).then(([sha256]) => sha256!);
  hash.catch(() => {}); // awaited later, or not at all when the redaction fails first
  return hash;
}

/** What verification expects of the output: the input's own format, channels and duration. */
function expectations(source: AudioSource) {
  const { format, channels, durationMs, sampleRate } = source;
  return { format, channels, durationMs, sampleRate };
}

/**
 * The input's hashes a PCM copy records, taken on a worker thread while this thread copies, writes
 * the regions, checks the levels, compares the output with the input and hashes the output on the
 * way: the whole input and the input outside the ranges about to change, both from one read of
 * it. When the caller is already taking the whole hash (`whole`), the bytes outside are hashed
 * from the output instead, in the read that compares it (`outside: null`): a second worker would
 * read the input once more and cost its start-up, for a hash two cores take no sooner.
 */
function pcmInputHashes(
  source: AudioSource,
  changed: readonly ByteRange[],
  whole: Promise<string> | undefined,
): { whole: Promise<string>; outside: Promise<string> | null } {
  if (whole !== undefined) return { whole, outside: null };
  const both = hashViewsInWorker(source.path, [WHOLE, { changed, inside: 'omit' }]);
  both.catch(() => {}); // awaited later, or not at all when the redaction fails first
  return { whole: both.then(([sha256]) => sha256!), outside: both.then(([, sha256]) => sha256!) };
}

async function redactPcmCopy(
  source: AudioSource & { layout: PcmLayout },
  staged: string,
  regions: readonly TimeRegion[],
  mode: ReplacementMode,
  inputSha256: Promise<string> | undefined,
): Promise<Staged> {
  const frames = toFrameRegions(regions, source.layout);
  const hashes = pcmInputHashes(source, changedRanges(frames, source.layout), inputSha256);
  const { changed } = await redactPcm({
    input: source.path,
    output: staged,
    layout: source.layout,
    regions: frames,
    mode,
  });
  // The output's own header, read back: a redactor that damaged it must not pass.
  const outputLayout = source.kind === 'wav' ? (await readWavInfo(staged)).layout : source.layout;
  let output: string | null = null;
  const verification = await verifyAudio({
    input: source.path,
    output: staged,
    kind: 'pcm',
    inputLayout: source.layout,
    outputLayout,
    regions,
    mode,
    changed,
    expect: expectations(source),
    ...(hashes.outside ? { inputOutsideSha256: hashes.outside } : {}),
    onOutputSha256: (sha256) => (output = sha256),
  });
  return {
    path: 'pcm',
    replaced: frameTimes(frames, source.sampleRate),
    changed,
    verification,
    sha256: { input: await hashes.whole, output },
  };
}

async function redactMp3Copy(
  source: AudioSource & { kind: 'mp3' },
  staged: string,
  regions: readonly TimeRegion[],
  mode: ReplacementMode,
  inputSha256: Promise<string>,
): Promise<Staged> {
  const { path: input, stream } = source;
  const { changed, muted } = await redactMp3({ input, output: staged, regions, stream });
  let output: string | null = null;
  const verification = await verifyAudio({
    input: source.path,
    output: staged,
    kind: 'mp3',
    regions,
    mode,
    changed,
    expect: expectations(source),
    onOutputSha256: (sha256) => (output = sha256),
  });
  // MP3 frames carry every channel (joint stereo cannot be split): all channels are muted.
  return {
    path: 'mp3',
    replaced: muted.map((span) => ({ ...span, channel: null })),
    changed,
    verification,
    sha256: { input: await inputSha256, output },
  };
}

/** Decode, redact the PCM natively, encode like the input; the temporary WAVs live beside the output. */
async function redactThroughFfmpeg(
  source: AudioSource,
  staged: string,
  regions: readonly TimeRegion[],
  mode: ReplacementMode,
  inputSha256: Promise<string>,
): Promise<Staged> {
  const probe = source.kind === 'ffmpeg' ? source.probe : await probeAudio(source.path);
  const work = await mkdtemp(join(dirname(staged), '.hush-work-'));
  try {
    const decoded = join(work, 'decoded.wav');
    const redacted = join(work, 'redacted.wav');
    await decodeToWav(source.path, decoded, 'pcm_f32le');
    const { layout } = await readWavInfo(decoded);
    const frames = toFrameRegions(regions, layout);
    await redactPcm({ input: decoded, output: redacted, layout, regions: frames, mode });
    await encodeLike(redacted, staged, probe);
    const verification = await verifyAudio({
      input: source.path,
      output: staged,
      kind: 'ffmpeg',
      regions,
      mode,
      changed: null,
      expect: expectations(source),
    });
    return {
      path: 'ffmpeg',
      replaced: frameTimes(frames, layout.sampleRate),
      changed: null,
      verification,
      sha256: { input: await inputSha256, output: null },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * In place, through the journal: the planned change (original and replacement bytes) is journaled
 * and synced, then applied, then verified while the journal still holds the originals; a verified
 * file keeps the change, a failed one is put back as it was. Either way the journal goes; a crash
 * at any point leaves it for `recoverInPlace`.
 */
async function redactInPlace(
  source: AudioSource,
  regions: readonly TimeRegion[],
  mode: ReplacementMode,
): Promise<AudioRedactionResult> {
  if (source.kind !== 'wav' && source.kind !== 'raw') {
    throw new HushError(
      'USAGE',
      `${source.path}: --in-place rewrites only uncompressed WAV or raw PCM; ${source.format} needs a redacted copy`,
    );
  }
  const { path: file, layout } = source;
  const frames = toFrameRegions(regions, layout);
  const journal = await journalInPlace({ file, layout, regions: frames, mode });
  // Before the first byte changes: the recording's hash, and the hash it will have, its region
  // bytes replaced by the journal's (this thread, which has nothing else to do meanwhile, and a
  // worker: one per core). Read back after the rewrite, the region bytes must then be exactly the
  // journal's, which makes the second hash the file's.
  let hashes: [string[], string[]];
  try {
    hashes = await Promise.all([
      hashViewsInWorker(file, [
        { changed: journal.ranges, inside: { file: journal.path, offset: journal.replacementsAt } },
      ]),
      hashViews(file, [WHOLE]),
    ]).then(([projected, whole]) => [whole, projected]);
  } catch (error) {
    await recoverInPlace(file, 'undo');
    throw error;
  }
  await applyJournal(file, journal, 'replacement');
  if (!(await journalApplied(file, journal))) {
    await recoverInPlace(file, 'undo');
    throw new HushError(
      'IO',
      `${file}: the region bytes read back after the rewrite are not the ones written`,
    );
  }
  const changed = journal.ranges;
  const verification = await verifyInPlace({
    file,
    layout,
    regions,
    mode,
    changed,
    expect: expectations(source),
  });
  await recoverInPlace(file, verification.passed ? 'finish' : 'undo');
  return {
    path: 'in-place',
    output: verification.passed ? file : null,
    replaced: frameTimes(frames, source.sampleRate),
    changed,
    verification,
    sha256: { input: hashes[0][0]!, output: verification.passed ? hashes[1][0]! : null },
  };
}

/** Redacts `source` into `output` (or in place), verifies, and publishes only a verified copy. */
export async function redactAudio(options: AudioRedactionOptions): Promise<AudioRedactionResult> {
  const { source, regions } = options;
  const mode = await resolveMode(options.mode, source.sampleRate);
  if (options.inPlace) return redactInPlace(source, regions, mode);

  await mkdir(dirname(options.output), { recursive: true });
  const staged = stagingPath(options.output);
  try {
    let result: Staged;
    if (source.kind === 'wav' || source.kind === 'raw')
      result = await redactPcmCopy(source, staged, regions, mode, options.inputSha256);
    else {
      const inputSha256 = options.inputSha256 ?? wholeHash(source.path);
      if (source.kind === 'mp3' && mode.kind === 'silence')
        result = await redactMp3Copy(source, staged, regions, mode, inputSha256);
      else result = await redactThroughFfmpeg(source, staged, regions, mode, inputSha256);
    }

    const published = result.verification.passed;
    if (published) await rename(staged, options.output);
    return {
      ...result,
      output: published ? options.output : null,
      sha256: { input: result.sha256.input, output: published ? result.sha256.output : null },
    };
  } finally {
    // Gone after a rename; otherwise an unverified or half-written copy, which must not stay.
    await rm(staged, { force: true });
  }
}
