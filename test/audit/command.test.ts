/**
 * `hush audit verify` and `hush audit export` on real SQLite files: the command functions main.ts
 * calls, their output collected, and once as a separate process the way a user runs them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { canonicalJson, recordHash } from '../../src/audit/chain.js';
import type { AuditRecord } from '../../src/audit/store.js';
import { verifyChain } from '../../src/audit/verify.js';
import { auditExportCommand, auditVerifyCommand } from '../../src/cli/commands/audit.js';
import { HushError } from '../../src/errors.js';
import { runNode } from '../cli/helpers.js';
import { sampleEntry, tamper, tempDir, writeLog } from './helpers.js';

const RUNNER = fileURLToPath(new URL('./run-audit-command.ts', import.meta.url));
const PLANTED = '4111111111111111';

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function verify(options: Parameters<typeof auditVerifyCommand>[0]) {
  const output = collector();
  const code = await auditVerifyCommand(options, output.stream);
  return { code, stdout: output.text() };
}

async function exportLog(options: Parameters<typeof auditExportCommand>[0]) {
  const output = collector();
  const code = await auditExportCommand(options, output.stream);
  return { code, stdout: output.text() };
}

function hushError(pattern: RegExp) {
  return (error: unknown) => error instanceof HushError && pattern.test(error.message);
}

describe('hush audit verify', () => {
  test('an intact log: exit 0 and the head to write down, which --expect-head then finds', async () => {
    const { path, records } = await writeLog(5);
    const head = `5:${records[4]!.hash}`;
    const { code, stdout } = await verify({ db: path });
    assert.equal(code, 0);
    assert.ok(stdout.startsWith(`${path}: 5 records, hash chain intact.\nHead: ${head}\n`));
    assert.ok(!stdout.includes('calls/') && !stdout.includes('job-'), 'no entry field is printed');

    // The hash may be written in capitals.
    const anchored = await verify({
      db: path,
      expectHead: `5:${records[4]!.hash.toUpperCase()}`,
      json: true,
    });
    assert.equal(anchored.code, 0);
    assert.deepEqual(JSON.parse(anchored.stdout), {
      db: path,
      valid: true,
      records: 5,
      head: { seq: 5, hash: records[4]!.hash },
      problems: [],
    });
  });

  test('a tampered log: exit 4 naming the records, never the content planted in them', async () => {
    const { path, records } = await writeLog(8);
    const head = `8:${records[7]!.hash}`;
    tamper(path, (db) => {
      db.prepare('UPDATE audit_records SET entry = ? WHERE seq = 3').run(
        canonicalJson(sampleEntry(3, { failure: `card ${PLANTED}` })),
      );
      db.prepare('DELETE FROM audit_records WHERE seq >= 6').run();
    });
    const text = await verify({ db: path, expectHead: head });
    assert.equal(text.code, 4);
    assert.match(text.stdout, /TAMPERED: 2 problem/);
    assert.match(text.stdout, /record 3: edited: /);
    assert.match(text.stdout, /record 8: truncated: the log ends at record 5/);
    const json = await verify({ db: path, json: true });
    assert.equal(json.code, 4);
    const report = JSON.parse(json.stdout) as { valid: boolean; problems: { seq: number; kind: string }[] };
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.problems.map((problem) => [problem.seq, problem.kind]),
      [[3, 'edited']],
    );
    for (const run of [text, json]) {
      assert.ok(!run.stdout.includes(PLANTED), 'the planted value never shows');
      assert.ok(!run.stdout.includes('calls/'), 'no entry field is printed');
    }
  });

  test('a long list of problems is cut in the text report, complete in JSON', async () => {
    const { path } = await writeLog(52);
    tamper(path, (db) => db.prepare("UPDATE audit_records SET entry = 'x'").run());
    const text = await verify({ db: path });
    assert.equal(text.code, 4);
    assert.match(text.stdout, /… and 2 more \(--json lists them all\)/);
    const json = await verify({ db: path, json: true });
    assert.equal((JSON.parse(json.stdout) as { problems: unknown[] }).problems.length, 52);
  });

  test('a malformed --expect-head, or a database that is not an audit log, is an error naming it', async () => {
    const { path } = await writeLog(1);
    await assert.rejects(
      verify({ db: path, expectHead: '5:abc' }),
      hushError(/--expect-head: expected SEQ:HASH/),
    );
    await assert.rejects(verify({ db: RUNNER }), hushError(new RegExp(`^${RUNNER}: not a SQLite database`)));
  });

  test('run as a process: ./hush.db by default, exit 2 with the message when it is missing', async () => {
    const dir = await tempDir();
    const run = () => runNode(['--import', import.meta.resolve('tsx'), RUNNER, '{}'], dir);
    const missing = await run();
    assert.deepEqual(missing, { code: 2, stdout: '', stderr: 'hush: hush.db: no such file\n' });
    assert.deepEqual(await readdir(dir), [], 'verification created nothing');

    await writeLog(2, dir);
    const intact = await run();
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(intact.stdout, /^hush\.db: 2 records, hash chain intact\./);
  });
});

describe('hush audit export', () => {
  test('one JSON line per record that recomputes to the same chain, on stdout or into a file', async () => {
    const dir = await tempDir();
    const { path, records } = await writeLog(4, dir);
    const { code, stdout } = await exportLog({ db: path, format: 'jsonl' });
    assert.equal(code, 0);
    const exported = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord);
    // Exactly the records and nothing else: these keys in this order, the entries as stored.
    assert.deepEqual(exported, records);
    assert.deepEqual(Object.keys(exported[0]!), ['seq', 'prevHash', 'hash', 'entry']);
    for (const record of exported)
      assert.equal(record.hash, recordHash(record.prevHash, record.seq, record.entry));
    async function* read() {
      yield* exported;
    }
    assert.equal((await verifyChain(read())).valid, true);

    const out = join(dir, 'siem', 'audit.jsonl');
    const toFile = await exportLog({ db: path, format: 'jsonl', out });
    assert.equal(toFile.code, 0);
    assert.equal(toFile.stdout, `Wrote 4 record(s) from ${path} to ${out}.\n`);
    assert.equal(await readFile(out, 'utf8'), stdout);
    assert.deepEqual(await readdir(join(dir, 'siem')), ['audit.jsonl'], 'no temporary file is left');
  });

  test('exports what the entries hold and nothing more; refuses other formats and leaves no file on error', async () => {
    const dir = await tempDir();
    const { path } = await writeLog(2, dir);
    tamper(path, (db) =>
      db
        .prepare('UPDATE audit_records SET entry = ? WHERE seq = 2')
        .run(canonicalJson(sampleEntry(2, { failure: `card ${PLANTED}` }))),
    );
    const { stdout } = await exportLog({ db: path, format: 'jsonl' });
    const [first, second] = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord);
    assert.deepEqual(first!.entry, sampleEntry(1));
    assert.deepEqual(second!.entry, sampleEntry(2, { failure: `card ${PLANTED}` }));
    assert.equal(stdout.split(PLANTED).length - 1, 1, 'the value appears once, where the entry holds it');

    await assert.rejects(exportLog({ db: path, format: 'csv' as 'jsonl' }), hushError(/jsonl only/));
    // The target is a directory: the write fails, and no temporary file is left behind.
    const taken = join(dir, 'taken');
    await mkdir(taken);
    await assert.rejects(
      exportLog({ db: path, format: 'jsonl', out: taken }),
      hushError(/taken: is a directory, not a file/),
    );
    assert.ok(!(await readdir(dir)).some((name) => name.includes('.tmp-')));
  });
});
