import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GENESIS_HASH } from '../../src/audit/chain.js';
import { openPostgresAudit } from '../../src/audit/postgres-store.js';
import type { AuditRecord, AuditStore } from '../../src/audit/store.js';
import { verifyChain } from '../../src/audit/verify.js';
import { HushError } from '../../src/errors.js';
import {
  POSTGRES_URL,
  dropSchemas,
  freshSchema,
  query,
  requirePostgres,
} from '../service/postgres-test-db.js';
import { POLICY_SHA256, inputSha256, sampleEntry } from './helpers.js';

const SCHEMA = freshSchema('audit');

async function readAll(store: AuditStore): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of store.records()) records.push(record);
  return records;
}

/** A child process appending `count` entries labelled `label` through a store of its own. */
function runAppender(script: string, label: string, count: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), script, POSTGRES_URL, SCHEMA, label, String(count)],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('the PostgreSQL audit store', () => {
  let store: AuditStore;

  before(async () => {
    await requirePostgres();
    store = await openPostgresAudit({ connectionString: POSTGRES_URL, schema: SCHEMA });
  });

  after(async () => {
    await store?.close();
    await dropSchemas([SCHEMA]);
  });

  test('appends chained records and reads them back, from another connection too', async () => {
    const appended = [];
    for (let n = 1; n <= 3; n++) appended.push(await store.append(sampleEntry(n)));
    assert.deepEqual(
      appended.map((record) => record.seq),
      [1, 2, 3],
    );
    assert.equal(appended[0]!.prevHash, GENESIS_HASH);
    assert.equal(appended[1]!.prevHash, appended[0]!.hash);

    const other = await openPostgresAudit({ connectionString: POSTGRES_URL, schema: SCHEMA });
    try {
      assert.deepEqual(await readAll(other), appended);
      assert.equal((await verifyChain(other.records())).valid, true);
    } finally {
      await other.close();
    }
  });

  test('two processes appending 50 records each leave one valid chain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hush-pg-audit-'));
    try {
      const script = join(dir, 'append.mts');
      const storeModule = pathToFileURL(
        fileURLToPath(new URL('../../src/audit/postgres-store.ts', import.meta.url)),
      );
      const helpers = pathToFileURL(fileURLToPath(new URL('./helpers.ts', import.meta.url)));
      await writeFile(
        script,
        `import { openPostgresAudit } from ${JSON.stringify(storeModule.href)};
import { sampleEntry } from ${JSON.stringify(helpers.href)};
const [connectionString, schema, label, count] = process.argv.slice(2);
const store = await openPostgresAudit({ connectionString, schema });
for (let n = 1; n <= Number(count); n++) await store.append(sampleEntry(n, { jobId: label + '-' + n }));
await store.close();
`,
      );
      const before = (await readAll(store)).length;
      assert.deepEqual(
        await Promise.all([runAppender(script, 'a', 50), runAppender(script, 'b', 50)]),
        [0, 0],
      );

      const records = await readAll(store);
      assert.equal(records.length, before + 100);
      const report = await verifyChain(store.records());
      assert.deepEqual(report.problems, []);
      assert.equal(report.valid, true);
      const jobs = new Set(records.map((record) => record.entry.jobId));
      for (let n = 1; n <= 50; n++)
        assert.ok(jobs.has(`a-${n}`) && jobs.has(`b-${n}`), `job ${n} of both processes`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('iterates one snapshot while others append', async () => {
    const count = (await readAll(store)).length;
    const iterator = store.records()[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.seq, 1);
    await store.append(sampleEntry(900));
    let seen = 1;
    while (!(await iterator.next()).done) seen++;
    assert.equal(seen, count);
    assert.equal((await readAll(store)).length, count + 1);
  });

  test('finds the last succeeded job on an input, and refuses a record that does not match its hash', async () => {
    const entry = sampleEntry(700);
    const first = await store.append(entry);
    await store.append(sampleEntry(700, { status: 'failed', failure: 'verification failed' }));
    const found = await store.lastSucceeded(inputSha256(700), POLICY_SHA256);
    assert.equal(found?.seq, first.seq);
    assert.equal(await store.lastSucceeded(inputSha256(701), POLICY_SHA256), null);

    // As an attacker with write access would: around the triggers.
    await query(`ALTER TABLE ${SCHEMA}.hush_audit_records DISABLE TRIGGER USER`);
    await query(
      `UPDATE ${SCHEMA}.hush_audit_records SET entry = replace(entry, '"latencyMs":820', '"latencyMs":821') WHERE seq = $1`,
      [first.seq],
    );
    await query(`ALTER TABLE ${SCHEMA}.hush_audit_records ENABLE TRIGGER USER`);
    await assert.rejects(
      store.lastSucceeded(inputSha256(700), POLICY_SHA256),
      (error: unknown) =>
        error instanceof HushError &&
        error.code === 'AUDIT_INVALID' &&
        error.message.includes(`audit record ${first.seq} does not match its hash`),
    );
    assert.equal((await verifyChain(store.records())).valid, false);
  });

  test('refuses to change or remove records', async () => {
    for (const sql of [
      `UPDATE ${SCHEMA}.hush_audit_records SET status = 'failed' WHERE seq = 1`,
      `DELETE FROM ${SCHEMA}.hush_audit_records WHERE seq = 1`,
      `TRUNCATE ${SCHEMA}.hush_audit_records`,
    ]) {
      await assert.rejects(query(sql), /the audit log is append-only/);
    }
  });

  test('refuses a schema name it would have to quote', async () => {
    await assert.rejects(
      openPostgresAudit({ connectionString: POSTGRES_URL, schema: 'Audit; DROP' }),
      (error: unknown) =>
        error instanceof HushError && error.code === 'USAGE' && /lower-case letters/.test(error.message),
    );
  });
});
