/**
 * The audio half of `npm run bench` (`tsx scripts/bench/run.ts --only audio`): Hush's `redact`
 * on one-hour recordings with 50 regions, side by side in one run with `cp` of the same file and
 * with ffmpeg's volume-filter recipe, as whole processes; how exactly each silences the region
 * edges; and a one-hour call end to end. Prints Markdown and writes it to .bench-out/audio.md, with
 * the figures as JSON in .bench-out/audio.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { decodeToWav } from '../../../src/audio/ffmpeg/transcode.js';
import {
  CA_ENV,
  CA_VARIABLE,
  measureLauncher,
  measureProcess,
  summarise,
  type LauncherMemory,
  type Timing,
} from '../measure.js';
import { measureEdges, openRecording, type EdgeFigures } from './edges.js';
import { prepareFixtures, type BenchRegion, type Fixture, type Fixtures } from './fixtures.js';
import { renderMarkdown } from './report.js';
import { contenders, endToEnd, HUSH_CLI, type Contender, type ContenderId } from './tools.js';

export interface AudioBenchOptions {
  /** .bench-out/ */
  outDir: string;
  /** Timed runs of each contender, after one untimed warm-up. */
  runs: number;
  /** Only these recordings (fixture ids); all when empty. */
  recordings: readonly string[];
  log: (line: string) => void;
}

/** A contender's timed runs; `error` when it could not run at all. */
export interface ContenderResult {
  id: ContenderId;
  label: string;
  timing: Timing | null;
  /** The largest peak resident memory over its runs, MB (null when not measurable). */
  peakRssMb: number | null;
  error: string | null;
}

export interface RecordingResult {
  fixture: Fixture;
  bytes: number;
  contenders: ContenderResult[];
  /** Edge figures per contender that writes a redacted recording. */
  edges: Partial<Record<ContenderId, EdgeFigures | { error: string }>>;
}

export interface EndToEndResult {
  label: string;
  words: number;
  recordingBytes: number;
  timing: Timing | null;
  /** The largest process's peak (GNU time): the job's own process. */
  peakRssMb: number | null;
  /**
   * When `hush` ran the job in a child process (src/cli/relaunch.ts): the launcher's own memory,
   * from one more run read from /proc; null when it did not, or where there is no /proc.
   */
  launcher: LauncherMemory | null;
  /** The files the last run left in its output folder. */
  outputs: string[];
  /** Whether the last run wrote the audit database. */
  auditWritten: boolean;
  error: string | null;
}

export interface AudioBenchResult {
  node: string;
  cpu: string;
  runs: number;
  /** `node -e 0`: the time and memory no Node program can go below. */
  nodeFloor: ContenderResult;
  /**
   * The variable the timed processes ran without (measure.ts `CA_VARIABLE`), and `node -e 0` with
   * it; null when the bench's environment does not set it.
   */
  caFloor: { variable: string; floor: ContenderResult } | null;
  hushAvailable: boolean;
  recordings: RecordingResult[];
  endToEnd: EndToEndResult | null;
}

/**
 * A warm-up longer than SLOW_MS counts as a timed run (its cache effects are noise at that length),
 * and a contender stops once its timed runs add up to BUDGET_MS: ffmpeg re-encoding an hour of
 * 44.1 kHz MP3 takes minutes a run.
 */
const SLOW_MS = 10_000;
const BUDGET_MS = 60_000;

function firstLine(error: unknown): string {
  return (
    (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim()) ?? ''
  );
}

/** Whether this checkout's built CLI has `hush redact` (other work may not have landed yet). */
function hushRedactAvailable(): boolean {
  if (!existsSync(HUSH_CLI)) return false;
  // An unknown command's --help prints the top-level help and succeeds: look for the command's own usage.
  const help = spawnSync(process.execPath, [HUSH_CLI, 'redact', '--help'], { encoding: 'utf8' });
  return help.status === 0 && help.stdout.includes('Usage: hush redact');
}

interface Tally {
  contender: Contender;
  durations: number[];
  peaks: (number | null)[];
  error: string | null;
}

/**
 * Runs the contenders side by side: each round runs each once, in turn, so that anything the
 * machine does meanwhile weighs on all of them alike. Round 0 is the warm-up.
 */
function race(list: readonly Contender[], runs: number, log: (line: string) => void): Tally[] {
  const tallies: Tally[] = list.map((contender) => ({
    contender,
    durations: [],
    peaks: [],
    error: null,
  }));
  const spent = (tally: Tally): number => tally.durations.reduce((sum, ms) => sum + ms, 0);
  const done = (tally: Tally): boolean =>
    tally.error !== null ||
    tally.durations.length >= runs ||
    (tally.durations.length > 0 && spent(tally) >= BUDGET_MS);
  for (let round = 0; !tallies.every(done); round += 1) {
    for (const tally of tallies) {
      if (done(tally)) continue;
      try {
        tally.contender.prepare();
        const { command, args, env } = tally.contender;
        const run = measureProcess(command, args, env);
        tally.peaks.push(run.peakRssMb);
        if (round > 0 || run.elapsed > SLOW_MS) tally.durations.push(run.elapsed);
      } catch (error) {
        tally.error = firstLine(error);
        log(`  ${tally.contender.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    log(`  round ${round} done`);
  }
  return tallies;
}

function summary(tally: Tally): ContenderResult {
  const peaks = tally.peaks.filter((peak): peak is number => peak !== null);
  return {
    id: tally.contender.id,
    label: tally.contender.label,
    timing: tally.durations.length ? summarise(tally.durations) : null,
    peakRssMb: peaks.length ? Math.max(...peaks) : null,
    error: tally.error,
  };
}

async function edgesOf(
  fixture: Fixture,
  tallies: readonly Tally[],
  regions: readonly BenchRegion[],
  work: string,
): Promise<RecordingResult['edges']> {
  const edges: RecordingResult['edges'] = {};
  // MP3s are compared decoded, by the ffmpeg Hush uses for its own verification.
  const comparable = async (path: string, name: string): Promise<string> => {
    if (fixture.kind === 'wav') return path;
    const wav = join(work, `${name}.decoded.wav`);
    await decodeToWav(path, wav, 'pcm_s16le');
    return wav;
  };
  const input = await openRecording(await comparable(fixture.file, 'input'));
  for (const tally of tallies) {
    if (tally.contender.id === 'cp' || tally.error) continue;
    try {
      const output = await openRecording(await comparable(tally.contender.output, tally.contender.id));
      edges[tally.contender.id] = await measureEdges(
        input,
        output,
        regions,
        fixture.kind === 'wav' ? 'exact' : 'level',
      );
    } catch (error) {
      edges[tally.contender.id] = { error: firstLine(error) };
    }
  }
  return edges;
}

async function benchRecording(
  fixture: Fixture,
  fixtures: Fixtures,
  options: AudioBenchOptions,
  hushAvailable: boolean,
): Promise<RecordingResult> {
  const work = join(options.outDir, 'audio', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const list = contenders(fixture, fixtures.regions, fixtures.regionsFile, work).filter(
    (contender) =>
      (hushAvailable || !contender.id.startsWith('hush')) &&
      (contender.id !== 'hush-in-place' || fixture.targets.inPlaceVsCp !== null),
  );
  options.log(`${fixture.label}: ${list.map((contender) => contender.id).join(', ')}`);
  const tallies = race(list, options.runs, options.log);
  const edges = await edgesOf(fixture, tallies, fixtures.regions, work);
  rmSync(work, { recursive: true, force: true });
  return { fixture, bytes: statSync(fixture.file).size, contenders: tallies.map(summary), edges };
}

async function benchEndToEnd(fixtures: Fixtures, options: AudioBenchOptions): Promise<EndToEndResult> {
  const work = join(options.outDir, 'audio', 'work');
  mkdirSync(work, { recursive: true });
  const { contender, outDir, db } = endToEnd(fixtures.call.recording, fixtures.call.transcript, work);
  options.log('one-hour call end to end');
  const [tally] = race([contender], options.runs, options.log);
  const outputs = existsSync(outDir) ? readdirSync(outDir).sort() : [];
  const { timing, peakRssMb, error } = summary(tally!);
  let launcher: LauncherMemory | null = null;
  if (!error) {
    contender.prepare();
    launcher = await measureLauncher(contender.command, contender.args);
  }
  const figures: EndToEndResult = {
    label: contender.label,
    words: fixtures.call.words,
    recordingBytes: statSync(fixtures.call.recording).size,
    timing,
    peakRssMb,
    launcher,
    error,
    outputs,
    auditWritten: existsSync(db) && statSync(db).size > 0,
  };
  rmSync(work, { recursive: true, force: true });
  return figures;
}

export async function runAudioBench(options: AudioBenchOptions): Promise<AudioBenchResult> {
  const dir = join(options.outDir, 'audio');
  mkdirSync(dir, { recursive: true });
  const fixtures = prepareFixtures(dir, options.log);
  const hushAvailable = hushRedactAvailable();
  if (!hushAvailable)
    options.log(`\`${basename(HUSH_CLI)} redact\` is not available: timing cp and ffmpeg only`);
  const chosen = fixtures.recordings.filter(
    (fixture) => options.recordings.length === 0 || options.recordings.includes(fixture.id),
  );
  const floor: Contender = {
    id: 'node-floor',
    label: '`node -e 0`',
    prepare: () => undefined,
    command: process.execPath,
    args: ['-e', '0'],
    output: '',
  };
  const floors: Contender[] = [
    floor,
    ...(CA_ENV ? [{ ...floor, id: 'node-floor-ca' as const, env: CA_ENV }] : []),
  ];
  const [floorTally, caFloorTally] = race(floors, options.runs, () => undefined);
  const recordings: RecordingResult[] = [];
  for (const fixture of chosen)
    recordings.push(await benchRecording(fixture, fixtures, options, hushAvailable));
  const result: AudioBenchResult = {
    node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    runs: options.runs,
    nodeFloor: summary(floorTally!),
    caFloor: caFloorTally ? { variable: CA_VARIABLE, floor: summary(caFloorTally) } : null,
    hushAvailable,
    recordings,
    endToEnd: hushAvailable ? await benchEndToEnd(fixtures, options) : null,
  };
  const markdown = renderMarkdown(result);
  writeFileSync(join(options.outDir, 'audio.md'), markdown);
  writeFileSync(join(options.outDir, 'audio.json'), JSON.stringify(result, null, 2));
  console.log(markdown);
  return result;
}
