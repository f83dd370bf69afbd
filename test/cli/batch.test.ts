import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import { callWav, transcript, writeCall } from './audio-call.js';
import { PLANTED_CARD, ensureBuilt, runCli, removeTempDirs, tempDir } from './helpers.js';

interface BatchJson {
  total: number;
  done: number;
  skipped: number;
  failed: number;
  recordings: { audio: string; status: string; failure: string | null; output: string | null }[];
}

async function auditStatuses(db: string): Promise<string[]> {
  const store = openSqliteAudit(db, { readonly: true });
  try {
    const statuses: string[] = [];
    for await (const record of store.records()) statuses.push(record.entry.status);
    return statuses;
  } finally {
    await store.close();
  }
}

/**
 * Four calls in a folder tree, paired by name in three ways; one recording is truncated. The
 * recordings differ (a re-run recognises work done by each recording's own hash).
 */
async function backlog(): Promise<{ dir: string; input: string }> {
  const dir = await tempDir();
  const input = join(dir, 'calls');
  await mkdir(join(input, 'day-2'), { recursive: true });
  await writeCall(input, 'call-1', 10);
  await writeFile(join(input, 'call-2.wav'), callWav(11));
  await writeFile(join(input, 'call-2.deepgram-like.json'), transcript());
  await writeCall(join(input, 'day-2'), 'call-3', 12);
  await writeFile(join(input, 'call-4.wav'), callWav().subarray(0, 3000));
  await writeFile(join(input, 'call-4.json'), transcript());
  return { dir, input };
}

describe('hush batch', () => {
  before(ensureBuilt);
  after(removeTempDirs);

  test('redacts a folder two at a time, lists the failure, exits non-zero, and a re-run skips what is done', async () => {
    const { dir, input } = await backlog();
    const out = join(dir, 'out');
    const db = join(dir, 'audit.db');
    const args = ['batch', input, '--out', out, '--jobs', '2', '--db', db];

    const first = await runCli([...args, '--json']);
    assert.equal(first.code, 2, first.stderr);
    const summary = JSON.parse(first.stdout) as BatchJson;
    assert.deepEqual([summary.total, summary.done, summary.skipped, summary.failed], [4, 3, 0, 1]);
    const broken = summary.recordings.find((recording) => recording.status === 'failed');
    assert.equal(broken?.audio, join(input, 'call-4.wav'));
    assert.match(broken?.failure ?? '', /call-4\.wav: .*truncated/);
    assert.deepEqual((await readdir(out)).sort(), [
      'call-1.json',
      'call-1.report.json',
      'call-1.wav',
      'call-2.deepgram-like.json',
      'call-2.report.json',
      'call-2.wav',
      'day-2',
    ]);
    assert.deepEqual((await readdir(join(out, 'day-2'))).sort(), [
      'call-3.json',
      'call-3.report.json',
      'call-3.wav',
    ]);
    assert.deepEqual((await auditStatuses(db)).sort(), ['failed', 'succeeded', 'succeeded', 'succeeded']);
    for (const group of PLANTED_CARD.groups)
      assert.ok(!first.stdout.includes(group) && !first.stderr.includes(group));

    const again = await runCli(args);
    assert.equal(again.code, 2);
    assert.match(again.stdout, /4 recording\(s\): 0 done, 3 skipped, 1 failed/);
    assert.match(again.stdout, /Failed:\n {2}\S*call-4\.wav: its 'data' chunk .*truncated/);
    assert.equal((await auditStatuses(db)).length, 5, 'skipped recordings add no record; the failure does');

    // An output that is gone (or changed) is redone.
    await rm(join(out, 'call-1.wav'));
    const redo = await runCli([...args, '--json']);
    const redone = JSON.parse(redo.stdout) as BatchJson;
    assert.deepEqual([redone.done, redone.skipped, redone.failed], [1, 2, 1]);
  });

  test('a manifest pairs recordings with transcripts or regions; pairing problems fail only their row', async () => {
    const dir = await tempDir();
    const { audio, transcript: transcriptFile } = await writeCall(dir, 'a');
    await writeFile(join(dir, 'b.wav'), callWav(9));
    await writeFile(
      join(dir, 'b-regions.json'),
      JSON.stringify([{ start: '00:00:01.000', end: '00:00:02.000' }]),
    );
    const manifest = join(dir, 'manifest.csv');
    await writeFile(
      manifest,
      `audio,transcript,regions\n${audio},${transcriptFile},\n"b.wav",,b-regions.json\nmissing.wav,,\n`,
    );
    const out = join(dir, 'out');
    const run = await runCli(['batch', manifest, '-o', out, '--db', join(dir, 'a.db'), '--json']);
    assert.equal(run.code, 2, run.stderr);
    const summary = JSON.parse(run.stdout) as BatchJson;
    assert.deepEqual(
      summary.recordings.map((recording) => recording.status),
      ['done', 'done', 'failed'],
    );
    assert.match(summary.recordings[2]!.failure ?? '', /give one of a transcript or a regions file/);
    assert.deepEqual((await readdir(out)).sort(), [
      'a.json',
      'a.report.json',
      'a.wav',
      'b.report.json',
      'b.wav',
    ]);
  });
});
