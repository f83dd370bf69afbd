import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFrameRegions, type FrameRegion, type PcmLayout } from '../../../src/audio/layout.js';
import {
  journalInPlace,
  pendingJournal,
  recoverInPlace,
  redactPcmInPlace,
} from '../../../src/audio/in-place/redact.js';
import { journalPath, partialJournalPath } from '../../../src/audio/in-place/journal.js';
import { redactPcm } from '../../../src/audio/pcm/redact.js';
import type { ReplacementMode } from '../../../src/audio/replacement.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import { HushError } from '../../../src/errors.js';
import { tones, withTempDir, writeWav } from '../wav/fixture.js';

const MODE: ReplacementMode = { kind: 'noise', levelDbfs: -20 };

interface Fixture {
  file: string;
  original: Buffer;
  /** What a normal (copying) redaction produces. */
  expected: Buffer;
  layout: PcmLayout;
  regions: FrameRegion[];
}

async function fixture(dir: string, seconds = 2): Promise<Fixture> {
  const file = join(dir, 'call.wav');
  const original = await writeWav(file, {
    encoding: 'pcm_s16le',
    sampleRate: 16000,
    channels: 2,
    samples: tones(2, 16000 * seconds, 16000),
    after: [{ id: 'LIST', body: Buffer.alloc(3) }],
  });
  const { layout } = await readWavInfo(file);
  const regions = toFrameRegions(
    [
      { start: 100, end: 400, channel: null },
      { start: 300, end: 900, channel: 1 },
      { start: 1500, end: seconds * 1000, channel: 0 },
    ],
    layout,
  );
  const copy = join(dir, 'expected.wav');
  await redactPcm({ input: file, output: copy, layout, regions, mode: MODE });
  return { file, original, expected: await readFile(copy), layout, regions };
}

/** The in-place redaction of the fixture's regions. */
const job = ({ file, layout, regions }: Fixture) => ({ file, layout, regions, mode: MODE });

async function assertOriginalWithoutJournal({ file, original }: Fixture): Promise<void> {
  assert.ok((await readFile(file)).equals(original));
  assert.equal(await pendingJournal(file), false);
}

/** Simulates a crash part-way through applying: some replacement bytes written, one torn half-way. */
async function crashMidway(
  { file, expected }: Fixture,
  changed: { offset: number; length: number }[],
): Promise<void> {
  const current = await readFile(file);
  const [first, second] = changed;
  expected.copy(current, first!.offset, first!.offset, first!.offset + first!.length);
  expected.copy(current, second!.offset, second!.offset, second!.offset + Math.floor(second!.length / 3));
  await writeFile(file, current);
}

const refusesWith = (code: string, problem: RegExp) => (error: unknown) => {
  assert.ok(error instanceof HushError && error.code === code, String(error));
  assert.match(error.message, problem);
  return true;
};

describe('--in-place redaction', () => {
  test('rewrites the file to exactly what a copying redaction writes, and leaves no journal', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir);
      assert.ok(!fx.expected.equals(fx.original));
      const { changed } = await redactPcmInPlace(job(fx));
      assert.ok((await readFile(fx.file)).equals(fx.expected));
      assert.equal(changed.length, 2, 'the touching all-channel and channel-1 regions form one range');
      assert.equal(await pendingJournal(fx.file), false);
      assert.equal(await recoverInPlace(fx.file, 'finish'), 'nothing-to-do');
    });
  });

  test('an interrupted run is finished from its journal to the same bytes as an uninterrupted one', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir);
      const { ranges: changed } = await journalInPlace(job(fx));
      assert.ok((await readFile(fx.file)).equals(fx.original), 'journaling alone changes nothing');
      await crashMidway(fx, changed);
      assert.equal(await pendingJournal(fx.file), true);
      await assert.rejects(redactPcmInPlace(job(fx)), refusesWith('IO', /was interrupted/));
      assert.equal(await recoverInPlace(fx.file, 'finish'), 'finished');
      assert.ok((await readFile(fx.file)).equals(fx.expected));
      assert.equal(existsSync(journalPath(fx.file)), false);
    });
  });

  test('an interrupted run is undone from its journal to the original bytes', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir);
      const { ranges: changed } = await journalInPlace(job(fx));
      await crashMidway(fx, changed);
      assert.equal(await recoverInPlace(fx.file, 'undo'), 'undone');
      await assertOriginalWithoutJournal(fx);
    });
  });

  test('a run stopped while writing its journal left the file untouched: recovery only removes the journal', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir);
      await writeFile(partialJournalPath(fx.file), 'HUSHJRNL half-written');
      assert.equal(await pendingJournal(fx.file), true);
      assert.equal(await recoverInPlace(fx.file, 'finish'), 'undone');
      await assertOriginalWithoutJournal(fx);
    });
  });

  test('a run that fails, rather than crashes, leaves the file as it was and no journal', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir);
      const layout = { ...fx.layout, dataLength: fx.layout.dataLength + 4000 }; // longer than the file
      const regions = [{ startFrame: 0, endFrame: layout.dataLength / 4, channel: null }];
      await assert.rejects(
        redactPcmInPlace({ file: fx.file, layout, regions, mode: MODE }),
        refusesWith('AUDIO_INVALID', /call\.wav: the file ends at byte/),
      );
      await assertOriginalWithoutJournal(fx);
    });
  });

  test('a damaged journal, or a file changed since, is refused and nothing is written', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir);
      const { ranges: changed } = await journalInPlace(job(fx));
      const journal = await readFile(journalPath(fx.file));
      const damaged = Buffer.from(journal);
      damaged[journal.length - 1000] = damaged[journal.length - 1000]! ^ 0xff;
      await writeFile(journalPath(fx.file), damaged);
      await assert.rejects(
        recoverInPlace(fx.file, 'finish'),
        refusesWith('AUDIO_INVALID', /journal is damaged \(its contents do not match/),
      );
      assert.ok((await readFile(fx.file)).equals(fx.original));
      assert.ok(existsSync(journalPath(fx.file)), 'the journal is kept for a person to look at');

      await writeFile(journalPath(fx.file), journal);
      const edited = Buffer.from(fx.original);
      const at = changed[1]!.offset + 2; // channel 0 in a channel-1 span: original and replacement agree
      edited[at + 2] =
        (fx.original[at + 2]! ^ 0x55) === fx.expected[at + 2]! ? 0x00 : fx.original[at + 2]! ^ 0x55;
      await writeFile(fx.file, edited);
      await assert.rejects(
        recoverInPlace(fx.file, 'undo'),
        refusesWith('AUDIO_INVALID', /changed since its in-place journal/),
      );
    });
  });

  test('a process killed at any point leaves a file that recovery turns into the original or the redaction', async () => {
    await withTempDir(async (dir) => {
      const fx = await fixture(dir, 60);
      const script = join(dir, 'run.mts'); // .mts: an ES module outside any package, for its top-level await
      const source = (name: string): string =>
        JSON.stringify(fileURLToPath(new URL(`../../../src/audio/${name}`, import.meta.url)));
      await writeFile(
        script,
        `import { redactPcmInPlace } from ${source('in-place/redact.ts')};\n` +
          `import { readWavInfo } from ${source('wav/header.ts')};\n` +
          `const file = ${JSON.stringify(fx.file)};\n` +
          `const { layout } = await readWavInfo(file);\n` +
          `await redactPcmInPlace({ file, layout, regions: ${JSON.stringify(fx.regions)}, mode: ${JSON.stringify(MODE)} });\n`,
      );
      const root = fileURLToPath(new URL('../../..', import.meta.url)); // where tsx resolves from
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: 'ignore' });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // Kill it as soon as its journal is complete, while it applies it (or wherever it reached by then).
      while (child.exitCode === null && !existsSync(journalPath(fx.file))) {
        await new Promise((done) => setTimeout(done, 1));
      }
      child.kill('SIGKILL');
      assert.notEqual(await exited, 1, 'the run failed by itself');
      const outcome = await recoverInPlace(fx.file, 'finish');
      const now = await readFile(fx.file);
      if (outcome === 'undone') assert.ok(now.equals(fx.original), 'undone means the original');
      else if (outcome === 'finished') assert.ok(now.equals(fx.expected), 'finished means the redaction');
      else
        assert.ok(now.equals(fx.original) || now.equals(fx.expected), 'killed before or after its journal');
      assert.equal(await pendingJournal(fx.file), false);
    });
  });
});
