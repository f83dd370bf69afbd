/**
 * The contenders of the audio bench, each a whole process run on the same recording: `cp` (the
 * floor: a copy that reads and writes every byte), ffmpeg's volume-filter recipe as users write it
 * (decode, mute with `enable='between(t,a,b)+…'`, re-encode to the same codec), `hush redact` to a
 * new file, and `hush redact --in-place` on a fresh copy (the copy is made before the clock starts).
 */
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffmpegPath } from '../../../src/audio/ffmpeg/binary.js';
import type { BenchRegion, Fixture } from './fixtures.js';

export const HUSH_CLI = fileURLToPath(new URL('../../../dist/bin/hush.js', import.meta.url));

/**
 * The contenders, and `node-floor` (`node -e 0`), timed the same way for reference (`node-floor-ca`:
 * the same with the machine's `NODE_EXTRA_CA_CERTS`, see measure.ts).
 */
export type ContenderId = 'cp' | 'ffmpeg' | 'hush' | 'hush-in-place' | 'node-floor' | 'node-floor-ca';

export interface Contender {
  id: ContenderId;
  /** The command as a reader would type it, for the report. */
  label: string;
  /** Untimed work before each run: clear old outputs, make the fresh copy `--in-place` rewrites. */
  prepare(): void;
  command: string;
  args: string[];
  /** The environment it runs in; the bench's timed environment (measure.ts `TIMED_ENV`) when absent. */
  env?: NodeJS.ProcessEnv;
  /** Where the run leaves the redacted (or copied) recording. */
  output: string;
}

/** ffmpeg's `volume` filter enabled over every region, as the Genesys guides write it. */
function volumeFilter(regions: readonly BenchRegion[]): string {
  const between = regions.map((region) => `between(t,${region.start},${region.end})`).join('+');
  return `volume=enable='${between}':volume=0`;
}

/** A fresh audit database per run, so no run is skipped as already done. */
function freshDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * A copy of `file` already on disk, as an archived recording is: otherwise an fsync in the timed run
 * would be charged for writing back the whole fresh copy.
 */
function settledCopy(file: string, copy: string): void {
  copyFileSync(file, copy);
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function cleanDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/**
 * The arguments every Hush run shares: regions, its own output folder (the report goes there, also
 * with --in-place) and database, JSON output, and a size limit above the 500 MB default so the
 * 635 MB 44.1 kHz recording is accepted.
 */
function hushArgs(regionsFile: string, out: string, db: string): string[] {
  return ['--regions', regionsFile, '--out', out, '--json', '--db', db, '--max-bytes', '1GB'];
}

export function contenders(
  fixture: Fixture,
  regions: readonly BenchRegion[],
  regionsFile: string,
  work: string,
): Contender[] {
  const name = basename(fixture.file);
  const dir = (id: ContenderId): string => join(work, id);
  const db = join(work, 'audit.db');
  const inPlaceCopy = join(dir('hush-in-place'), name);
  return [
    {
      id: 'cp',
      label: '`cp`',
      prepare: () => cleanDir(dir('cp')),
      command: 'cp',
      args: [fixture.file, join(dir('cp'), name)],
      output: join(dir('cp'), name),
    },
    {
      id: 'ffmpeg',
      label: `ffmpeg \`-af "volume=enable='between(t,…)+…':volume=0"\` ${fixture.codecArgs.join(' ')}`,
      prepare: () => cleanDir(dir('ffmpeg')),
      command: ffmpegPath(),
      args: [
        ...['-hide_banner', '-v', 'error', '-y', '-i', fixture.file],
        ...['-af', volumeFilter(regions), ...fixture.codecArgs, join(dir('ffmpeg'), name)],
      ],
      output: join(dir('ffmpeg'), name),
    },
    {
      id: 'hush',
      label: '`hush redact FILE --regions R --out DIR --json`',
      prepare: () => {
        cleanDir(dir('hush'));
        freshDb(db);
      },
      command: process.execPath,
      args: [HUSH_CLI, 'redact', fixture.file, ...hushArgs(regionsFile, dir('hush'), db)],
      output: join(dir('hush'), name),
    },
    {
      id: 'hush-in-place',
      label: '`hush redact FILE --regions R --in-place --json` (on a fresh copy)',
      prepare: () => {
        cleanDir(dir('hush-in-place'));
        cleanDir(join(work, 'in-place-report'));
        freshDb(db);
        settledCopy(fixture.file, inPlaceCopy);
      },
      command: process.execPath,
      args: [
        HUSH_CLI,
        'redact',
        inPlaceCopy,
        '--in-place',
        ...hushArgs(regionsFile, join(work, 'in-place-report'), db),
      ],
      output: inPlaceCopy,
    },
  ];
}

/** `hush redact` on a transcript: the end-to-end run (recording, transcript, report, audit record). */
export function endToEnd(
  recording: string,
  transcript: string,
  work: string,
): { contender: Contender; outDir: string; db: string } {
  const outDir = join(work, 'e2e');
  const db = join(work, 'e2e.db');
  const contender: Contender = {
    id: 'hush',
    label: '`hush redact CALL.wav --transcript CALL.json --out DIR --db DB`',
    prepare: () => {
      cleanDir(outDir);
      freshDb(db);
    },
    command: process.execPath,
    args: [HUSH_CLI, 'redact', recording, '--transcript', transcript, '--out', outDir, '--db', db, '--json'],
    output: join(outDir, basename(recording)),
  };
  return { contender, outDir, db };
}
