import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import type { AuditRecord } from '../../src/audit/store.js';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_REGION,
  RATE,
  SECONDS,
  callWav,
  channelSamples,
  frames,
  redactArgs,
  redactJson,
  regionBytes,
  writeCall,
} from './audio-call.js';
import { PLANTED_CARD, ensureBuilt, runCli, removeTempDirs, tempDir } from './helpers.js';

function assertNoCard(text: string, where: string): void {
  assert.ok(!text.includes(PLANTED_CARD.digits), `the card number leaked into ${where}`);
  for (const group of PLANTED_CARD.groups)
    assert.ok(!text.includes(group), `card digits ${group} leaked into ${where}`);
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function auditRecords(db: string): Promise<AuditRecord[]> {
  const store = openSqliteAudit(db, { readonly: true });
  try {
    const records: AuditRecord[] = [];
    for await (const record of store.records()) records.push(record);
    return records;
  } finally {
    await store.close();
  }
}

/** Every byte of the SQLite files (the log and its write-ahead log) as text, to search for leaks. */
async function databaseText(db: string): Promise<string> {
  const parts = await Promise.all(
    [db, `${db}-wal`].map((path) => readFile(path).catch(() => Buffer.alloc(0))),
  );
  return Buffer.concat(parts).toString('latin1');
}

describe('hush redact', () => {
  before(ensureBuilt);
  after(removeTempDirs);

  test('silences the card in the recording, redacts the transcript, reports and audits, and leaks nothing', async () => {
    const dir = await tempDir();
    const { audio, transcript } = await writeCall(dir);
    const out = join(dir, 'out');
    const db = join(dir, 'a.db');
    const { run, json } = await redactJson(redactArgs(dir, audio, '--transcript', transcript));

    assert.equal(json.output, join(out, 'call.wav'));
    assert.equal(json.transcript, join(out, 'call.json'));
    assert.equal(json.report, join(out, 'call.report.json'));
    assert.equal(json.status, 'succeeded');
    assert.deepEqual(json.regions, [
      { start: CARD_REGION.start / 1000, end: CARD_REGION.end / 1000, channel: null, types: ['CREDIT_CARD'] },
    ]);
    assert.equal(json.verification.passed, true);
    assert.equal(json.verification.audio?.outside?.passed, true);
    assert.deepEqual((await readdir(out)).sort(), ['call.json', 'call.report.json', 'call.wav']);

    // The region is digital silence on both channels; every other byte is the input's.
    const original = await readFile(audio);
    const redacted = await readFile(json.output!);
    assert.equal(redacted.length, original.length);
    const { from, to } = frames(CARD_REGION);
    for (const channel of [0, 1]) {
      assert.ok((await channelSamples(json.output!, channel, from, to)).every((sample) => sample === 0));
    }
    const { from: start, to: end } = regionBytes(CARD_REGION);
    assert.ok(redacted.subarray(0, start).equals(original.subarray(0, start)), 'bytes before the region');
    assert.ok(redacted.subarray(end).equals(original.subarray(end)), 'bytes after the region');
    assert.ok(
      original.subarray(start, end).some((byte) => byte !== 0),
      'the input had sound there',
    );

    const copy = await readFile(json.transcript!, 'utf8');
    assert.ok(
      importTranscript(copy, json.transcript!, 'hush').transcript.words.some(
        (w) => w.text === '[CREDIT_CARD]',
      ),
    );

    const reportText = await readFile(json.report, 'utf8');
    const report = JSON.parse(reportText) as {
      status: string;
      found: { counts: Record<string, number> };
      input: { audio: { sha256: string; format: string } };
      output: { audio: { sha256: string } };
      verification: { audio: { regions: { levelDbfs: unknown; passed: boolean }[] } };
    };
    assert.equal(report.status, 'succeeded');
    assert.deepEqual(report.found.counts, { CREDIT_CARD: 1 });
    assert.equal(report.input.audio.sha256, await sha256(audio));
    assert.equal(report.input.audio.format, 'wav/pcm_s16le');
    assert.equal(report.output.audio.sha256, await sha256(json.output!));
    assert.ok(report.verification.audio.regions.every((check) => check.passed));

    const records = await auditRecords(db);
    assert.equal(records.length, 1);
    const entry = records[0]!.entry;
    assert.equal(entry.status, 'succeeded');
    assert.equal(entry.input.sha256, await sha256(audio));
    assert.equal(entry.output?.sha256, await sha256(json.output!));
    assert.deepEqual(entry.counts, { CREDIT_CARD: 1 });
    assert.equal(entry.transcript?.input.format, 'hush');
    assert.ok(entry.verification.checks.some((check) => check.name === 'outside-bytes' && check.passed));

    for (const [text, where] of [
      [run.stdout, 'stdout'],
      [run.stderr, 'stderr'],
      [reportText, 'the report'],
      [copy, 'the redacted transcript'],
      [await databaseText(db), 'the audit log'],
    ] as const) {
      assertNoCard(text, where);
    }
  });

  test('defaults: ./redacted and ./hush.db in the working directory; a human summary without values', async () => {
    const dir = await tempDir();
    const { audio, transcript } = await writeCall(dir);
    const run = await runCli(['redact', audio, '-t', transcript], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /CREDIT_CARD/);
    assert.match(run.stdout, /1 region\(s\) to silence/);
    assert.match(run.stdout, /Wrote .*redacted\/call\.wav/);
    assertNoCard(run.stdout + run.stderr, 'the output');
    assert.deepEqual((await readdir(join(dir, 'redacted'))).sort(), [
      'call.json',
      'call.report.json',
      'call.wav',
    ]);
    assert.equal((await auditRecords(join(dir, 'hush.db'))).length, 1);
  });

  test('--regions with platform clock times silences one channel only', async () => {
    const dir = await tempDir();
    const { audio } = await writeCall(dir);
    const regions = join(dir, 'regions.json');
    await writeFile(
      regions,
      JSON.stringify({ regions: [{ start: '00:00:01.250', end: '00:00:02.5', channel: 1 }] }),
    );
    const { json } = await redactJson(redactArgs(dir, audio, '--regions', regions));
    assert.deepEqual(json.regions, [{ start: 1.25, end: 2.5, channel: 1, types: [] }]);
    assert.equal(json.transcript, null);
    const { from, to } = frames({ start: 1250, end: 2500 });
    assert.ok((await channelSamples(json.output!, 1, from, to)).every((sample) => sample === 0));
    assert.deepEqual(
      await channelSamples(json.output!, 0, 0, RATE * SECONDS),
      await channelSamples(audio, 0, 0, RATE * SECONDS),
      'channel 0 untouched',
    );
    assert.deepEqual((await readdir(join(dir, 'out'))).sort(), ['call.report.json', 'call.wav']);
  });

  test('an empty region list gives an identical copy, still verified', async () => {
    const dir = await tempDir();
    const { audio } = await writeCall(dir);
    const regions = join(dir, 'none.json');
    await writeFile(regions, '[]');
    const { json } = await redactJson(redactArgs(dir, audio, '-r', regions));
    assert.deepEqual(json.regions, []);
    assert.equal(json.verification.audio?.outside?.passed, true);
    assert.ok((await readFile(json.output!)).equals(await readFile(audio)));
  });

  test('bad input exits 2, names the file and the problem, and leaves no output behind', async () => {
    const dir = await tempDir();
    const { audio, transcript } = await writeCall(dir);
    const truncated = join(dir, 'truncated.wav');
    await writeFile(truncated, callWav().subarray(0, 5000));
    const text = join(dir, 'notes.wav');
    await writeFile(text, 'these are not audio samples at all, just text\n');
    const badRegions = join(dir, 'bad-regions.json');
    await writeFile(
      badRegions,
      JSON.stringify([
        { start: 1, end: 2 },
        { start: '1:xx', end: 3 },
      ]),
    );
    const cases: [string[], RegExp][] = [
      [[truncated, '-t', transcript], /truncated\.wav: .*truncated/],
      [[text, '-t', transcript], /notes\.wav: not a recording Hush reads/],
      [
        [audio, '-t', transcript, '--max-bytes', '1000'],
        /call\.wav: \d+ bytes is over the size limit of 1000 bytes/,
      ],
      [[audio, '--regions', badRegions], /bad-regions\.json: at \[1\]\.start: expected seconds/],
      [
        [audio, '-t', transcript, '--max-duration', '5'],
        /call\.wav: 10\.000 s long, over the duration limit of 5\.000 s/,
      ],
      [[audio], /give one of --transcript FILE or --regions FILE/],
    ];
    for (const [args, message] of cases) {
      const out = join(dir, 'out');
      const run = await runCli(['redact', ...args, '--out', out, '--db', join(dir, 'a.db')]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
      assert.deepEqual(
        await readdir(out).catch(() => []),
        [],
        `nothing left in the output folder for ${args[0]}`,
      );
    }
    // Failed jobs are audited too (the usage error and the missing option are not jobs).
    const records = await auditRecords(join(dir, 'a.db'));
    assert.equal(records.length, 5);
    assert.ok(records.every((record) => record.entry.status === 'failed' && record.entry.output === null));
    assert.match(records[0]!.entry.failure ?? '', /truncated/);
  });

  test('a transcript that fails verification publishes nothing but the failed report, and exits 3', async () => {
    const dir = await tempDir();
    const { audio, transcript } = await writeCall(dir);
    // A probe entity that matches only text the redaction itself creates ("[CREDIT_CARD] that"),
    // standing in for anything detection would still find in the redacted transcript.
    const policy = join(dir, 'probe.yaml');
    await writeFile(policy, "custom:\n  - name: LEAK_PROBE\n    patterns: ['card\\W+that']\n");
    const out = join(dir, 'out');
    const db = join(dir, 'a.db');
    const { run, json } = await redactJson(redactArgs(dir, audio, '-t', transcript, '--policy', policy), 3);
    assert.equal(json.output, null);
    assert.equal(json.transcript, null);
    assert.equal(json.status, 'failed');
    assert.match(run.stderr, /transcript verification failed, so nothing was published/);
    assert.match(run.stderr, /LEAK_PROBE at \d+\.\d{3}–\d+\.\d{3} s/);
    assertNoCard(run.stdout + run.stderr, 'the output');
    assert.deepEqual(await readdir(out), ['call.report.json']);
    const report = JSON.parse(await readFile(join(out, 'call.report.json'), 'utf8')) as { status: string };
    assert.equal(report.status, 'failed');
    const [record] = await auditRecords(db);
    assert.equal(record?.entry.status, 'failed');
    assert.ok(
      record?.entry.verification.checks.some((check) => check.name === 'transcript-rescan' && !check.passed),
    );
  });

  test('refuses an output folder that would overwrite the input', async () => {
    const dir = await tempDir();
    const { audio, transcript } = await writeCall(dir);
    const before = await stat(audio);
    const run = await runCli(['redact', audio, '-t', transcript, '-o', dir, '--db', join(dir, 'a.db')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /would replace the input/);
    assert.equal((await stat(audio)).mtimeMs, before.mtimeMs);
  });
});
