import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { GENESIS_HASH, canonicalJson, recordHash } from '../../src/audit/chain.js';
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import { verifyChain } from '../../src/audit/verify.js';
import { HushError } from '../../src/errors.js';
import { POLICY_SHA256, inputSha256, readAll, sampleEntry, tamper, tempDir, writeLog } from './helpers.js';

const WORKER = fileURLToPath(new URL('./append-worker.ts', import.meta.url));

function hushError(path: string, pattern: RegExp) {
  return (error: unknown) =>
    error instanceof HushError && error.message.startsWith(`${path}: `) && pattern.test(error.message);
}

function runWorker(path: string, label: string, count: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), WORKER, path, label, String(count)],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('the SQLite audit store', () => {
  test('appends chained records and reads them back, after reopening too', async () => {
    const { path, records } = await writeLog(3);
    assert.deepEqual(
      records.map((record) => record.seq),
      [1, 2, 3],
    );
    assert.equal(records[0]!.prevHash, GENESIS_HASH);
    for (const [index, record] of records.entries()) {
      if (index > 0) assert.equal(record.prevHash, records[index - 1]!.hash);
      assert.equal(record.hash, recordHash(record.prevHash, record.seq, record.entry));
      assert.deepEqual(record.entry, sampleEntry(record.seq));
    }
    assert.deepEqual(await readAll(path), records);

    const store = openSqliteAudit(path);
    const fourth = await store.append(sampleEntry(4));
    await store.close();
    assert.equal(fourth.seq, 4);
    assert.equal(fourth.prevHash, records[2]!.hash);
  });

  test('stores the canonical JSON that was hashed, and the lookup columns', async () => {
    const { path } = await writeLog(2);
    const db = new Database(path, { readonly: true });
    const row = db.prepare('SELECT * FROM audit_records WHERE seq = 2').get() as Record<string, unknown>;
    db.close();
    assert.equal(row.entry, canonicalJson(sampleEntry(2)));
    assert.equal(row.job_id, 'job-2');
    assert.equal(row.input_sha256, inputSha256(2));
    assert.equal(row.policy_sha256, POLICY_SHA256);
    assert.equal(row.status, 'succeeded');
    assert.equal(row.at, sampleEntry(2).at);
  });

  test('an undefined optional member is left out, in the stored and the returned record', async () => {
    const dir = await tempDir();
    const store = openSqliteAudit(join(dir, 'hush.db'));
    const record = await store.append(sampleEntry(1, { failure: undefined }));
    await store.close();
    assert.ok(!('failure' in record.entry));
    assert.equal(record.hash, recordHash(GENESIS_HASH, 1, sampleEntry(1)));
  });

  test('uses WAL and creates the directory it is asked to write in', async () => {
    const path = join(await tempDir(), 'nested', 'dir', 'audit.db');
    const store = openSqliteAudit(path);
    await store.append(sampleEntry(1));
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.prepare('SELECT version FROM audit_schema').pluck().get(), 1);
    db.close();
  });

  test('triggers refuse UPDATE and DELETE through plain SQL', async () => {
    const { path } = await writeLog(3);
    const db = new Database(path);
    assert.throws(
      () => db.prepare("UPDATE audit_records SET status = 'failed' WHERE seq = 2").run(),
      /append-only/,
    );
    assert.throws(() => db.prepare('DELETE FROM audit_records WHERE seq = 3').run(), /append-only/);
    assert.equal(db.prepare('SELECT count(*) FROM audit_records').pluck().get(), 3);
    db.close();
    assert.equal((await verifyChain(openSqliteAudit(path, { readonly: true }).records())).valid, true);
  });

  test('lastSucceeded finds the latest succeeded job on this input and policy, checking its hash', async () => {
    const dir = await tempDir();
    const path = join(dir, 'hush.db');
    const store = openSqliteAudit(path);
    await store.append(sampleEntry(1));
    await store.append(sampleEntry(2));
    const latest = await store.append(sampleEntry(3, { input: sampleEntry(1).input, jobId: 'rerun' }));
    await store.append(sampleEntry(4, { input: sampleEntry(1).input, status: 'failed' }));
    assert.deepEqual(await store.lastSucceeded(inputSha256(1), POLICY_SHA256), latest);
    assert.equal(await store.lastSucceeded(inputSha256(1), 'other-policy'), null);
    assert.equal(await store.lastSucceeded(inputSha256(9), POLICY_SHA256), null);
    await store.close();

    // An edited row must not make a batch skip its input.
    tamper(path, (db) =>
      db.prepare('UPDATE audit_records SET input_sha256 = ? WHERE seq = 2').run(inputSha256(7)),
    );
    const reopened = openSqliteAudit(path, { readonly: true });
    await assert.rejects(
      reopened.lastSucceeded(inputSha256(7), POLICY_SHA256),
      hushError(path, /record 2 does not match/),
    );
    await reopened.close();
  });

  test('two processes appending 50 records each at once leave one valid chain of 100', async () => {
    const path = join(await tempDir(), 'hush.db');
    const codes = await Promise.all([runWorker(path, 'a', 50), runWorker(path, 'b', 50)]);
    assert.deepEqual(codes, [0, 0]);
    const records = await readAll(path);
    assert.deepEqual(
      records.map((record) => record.seq),
      Array.from({ length: 100 }, (_, index) => index + 1),
    );
    for (const label of ['a', 'b']) {
      const jobs = records.map((record) => record.entry.jobId).filter((job) => job.startsWith(`${label}-`));
      assert.deepEqual(
        jobs,
        Array.from({ length: 50 }, (_, index) => `${label}-${index + 1}`),
      );
    }
    const store = openSqliteAudit(path, { readonly: true });
    const report = await verifyChain(store.records());
    await store.close();
    assert.equal(report.valid, true);
    assert.equal(report.records, 100);
  });

  test('a writer waiting too long for another gives up with an error naming the file', async () => {
    const { path } = await writeLog(1);
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    const store = openSqliteAudit(path, { readonly: false, busyTimeoutMs: 50 });
    try {
      await assert.rejects(store.append(sampleEntry(2)), hushError(path, /locked by another process/));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      await store.close();
    }
  });

  test('refuses what is not a Hush audit log, naming the file and writing nothing', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'missing.db');
    assert.throws(() => openSqliteAudit(missing, { readonly: true }), hushError(missing, /no such file/));
    assert.deepEqual(await readdir(dir), [], 'no file was created');

    const text = join(dir, 'notes.db');
    await writeFile(text, 'These are not the records you are looking for. '.repeat(100));
    assert.throws(() => openSqliteAudit(text), hushError(text, /not a SQLite database/));
    assert.throws(() => openSqliteAudit(text, { readonly: true }), hushError(text, /not a SQLite database/));

    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE jobs (id TEXT)');
    db.close();
    const before = await readFile(other);
    assert.throws(() => openSqliteAudit(other), hushError(other, /not a Hush audit log/));
    assert.deepEqual(await readFile(other), before, 'a foreign database is left as it was');

    const empty = join(dir, 'empty.db');
    await writeFile(empty, '');
    assert.throws(() => openSqliteAudit(empty, { readonly: true }), hushError(empty, /not a Hush audit log/));

    const { path: future } = await writeLog(1, await tempDir());
    const raw = new Database(future);
    raw.exec('UPDATE audit_schema SET version = 2');
    raw.close();
    assert.throws(() => openSqliteAudit(future), hushError(future, /schema version 2/));
  });

  test('a corrupt file is reported as such, naming it', async () => {
    const { path } = await writeLog(40);
    const bytes = await readFile(path);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize, bytes.length); // every page but the first (the schema) destroyed
    await writeFile(path, bytes);
    assert.throws(() => openSqliteAudit(path, { readonly: true }), hushError(path, /corrupt/));
  });

  test('a file corrupt where the records are is reported while reading, naming it', async () => {
    const { path } = await writeLog(40);
    const bytes = await readFile(path);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, bytes.length - 2 * pageSize); // the last pages: records, or their indexes
    await writeFile(path, bytes);
    await assert.rejects(readAll(path), hushError(path, /corrupt/));
  });
});
