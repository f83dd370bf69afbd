import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { canonicalJson, recordHash } from '../../src/audit/chain.js';
import type { AuditRecord } from '../../src/audit/store.js';
import { verifyChain, type ChainReport } from '../../src/audit/verify.js';
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import { readAll, renumber, sampleEntry, tamper, writeLog } from './helpers.js';

async function verifyFile(path: string, expectHead?: { seq: number; hash: string }): Promise<ChainReport> {
  const store = openSqliteAudit(path, { readonly: true });
  try {
    return await verifyChain(store.records(), expectHead ? { expectHead } : {});
  } finally {
    await store.close();
  }
}

function named(report: ChainReport): string[] {
  return report.problems.map((problem) => `${problem.seq} ${problem.kind}`);
}

/** Inserts a row with the given fields, as an attacker forging a record would. */
function insertRow(db: Database.Database, record: AuditRecord): void {
  db.prepare(
    `INSERT INTO audit_records (seq, prev_hash, hash, entry, job_id, input_sha256, policy_sha256, status, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.seq,
    record.prevHash,
    record.hash,
    canonicalJson(record.entry),
    record.entry.jobId,
    record.entry.input.sha256,
    record.entry.policySha256,
    record.entry.status,
    record.entry.at,
  );
}

function forged(seq: number, prevHash: string): AuditRecord {
  const entry = sampleEntry(99, { jobId: 'forged' });
  return { seq, prevHash, hash: recordHash(prevHash, seq, entry), entry };
}

describe('verifyChain on a SQLite audit log', () => {
  test('an untouched log is valid, and its head is the last record', async () => {
    const { path, records } = await writeLog(10);
    const report = await verifyFile(path);
    assert.deepEqual(report, {
      valid: true,
      records: 10,
      head: { seq: 10, hash: records[9]!.hash },
      problems: [],
    });
  });

  test('an empty log is valid with no head', async () => {
    const { path } = await writeLog(0);
    assert.deepEqual(await verifyFile(path), { valid: true, records: 0, head: null, problems: [] });
  });

  test('an edited entry is named', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) => {
      const text = db.prepare('SELECT entry FROM audit_records WHERE seq = 5').pluck().get() as string;
      db.prepare('UPDATE audit_records SET entry = ? WHERE seq = 5').run(
        text.replace('"CREDIT_CARD":1', '"CREDIT_CARD":0'),
      );
    });
    const report = await verifyFile(path);
    assert.equal(report.valid, false);
    assert.deepEqual(named(report), ['5 edited']);
  });

  test('an entry rewritten with its hash recomputed is named: the next record links to the original', async () => {
    const { path, records } = await writeLog(10);
    tamper(path, (db) => {
      const entry = { ...records[4]!.entry, status: 'failed' as const };
      db.prepare('UPDATE audit_records SET entry = ?, hash = ? WHERE seq = 5').run(
        canonicalJson(entry),
        recordHash(records[4]!.prevHash, 5, entry),
      );
    });
    assert.deepEqual(named(await verifyFile(path)), ['5 edited']);
  });

  test('entry text that is not JSON, or JSON no canonical form exists for, is an edit', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) => {
      db.prepare("UPDATE audit_records SET entry = 'gone' WHERE seq = 4").run();
      // Parses to Infinity, which canonical JSON cannot write.
      db.prepare('UPDATE audit_records SET entry = \'{"latencyMs":1e400}\' WHERE seq = 7').run();
    });
    assert.deepEqual(named(await verifyFile(path)), ['4 edited', '7 edited']);
  });

  test('a deleted middle record is named, renumbered or not', async () => {
    const plain = await writeLog(10);
    tamper(plain.path, (db) => db.prepare('DELETE FROM audit_records WHERE seq = 5').run());
    assert.deepEqual(named(await verifyFile(plain.path)), ['5 removed']);

    const renumbered = await writeLog(10);
    tamper(renumbered.path, (db) => {
      db.prepare('DELETE FROM audit_records WHERE seq = 5').run();
      renumber(db, 6, -1);
    });
    assert.deepEqual(named(await verifyFile(renumbered.path)), ['5 removed']);
  });

  test('the first record deleted, and two separate deletions, are each named', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) => db.prepare('DELETE FROM audit_records WHERE seq IN (1, 4, 8, 9)').run());
    const report = await verifyFile(path);
    assert.deepEqual(named(report), ['1 removed', '4 removed', '8 removed']);
    assert.match(report.problems[2]!.detail, /8 to 9 \(2\)/);
  });

  test('a forged record inserted in the middle, properly hashed, the rest renumbered, is named', async () => {
    const { path, records } = await writeLog(10);
    tamper(path, (db) => {
      renumber(db, 5, 1);
      insertRow(db, forged(5, records[3]!.hash));
    });
    const report = await verifyFile(path);
    assert.deepEqual(named(report), ['5 inserted']);
  });

  test('a forged record whose hash matches nothing, inserted in the middle, is named', async () => {
    const { path, records } = await writeLog(10);
    tamper(path, (db) => {
      renumber(db, 5, 1);
      insertRow(db, { ...forged(5, records[3]!.hash), hash: 'f'.repeat(64) });
    });
    assert.deepEqual(named(await verifyFile(path)), ['5 inserted']);
  });

  test('two records swapped are both named', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) => {
      renumber(db, 3, 100); // moves 3… out of the way, then puts 3 and 7 back crossed
      db.prepare('UPDATE audit_records SET seq = 7 WHERE seq = 103').run();
      db.prepare('UPDATE audit_records SET seq = 3 WHERE seq = 107').run();
      db.prepare('UPDATE audit_records SET seq = seq - 100 WHERE seq > 100').run();
    });
    const records = await readAll(path);
    assert.deepEqual(
      records.map((record) => record.entry.jobId),
      ['job-1', 'job-2', 'job-7', 'job-4', 'job-5', 'job-6', 'job-3', 'job-8', 'job-9', 'job-10'],
    );
    assert.deepEqual(named(await verifyFile(path)), ['3 reordered', '7 reordered']);
  });

  test('two neighbouring records swapped are both named', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) => {
      db.prepare('UPDATE audit_records SET seq = -4 WHERE seq = 4').run();
      db.prepare('UPDATE audit_records SET seq = 4 WHERE seq = 5').run();
      db.prepare('UPDATE audit_records SET seq = 5 WHERE seq = -4').run();
    });
    assert.deepEqual(named(await verifyFile(path)), ['4 reordered', '5 reordered']);
  });

  test('a record moved far down the log is named alone', async () => {
    const { path } = await writeLog(12);
    tamper(path, (db) => {
      // record 3 moves to the end of the log: 1 2 4 5 … 12 3
      db.prepare('UPDATE audit_records SET seq = 100 WHERE seq = 3').run();
      renumber(db, 4, -1); // 4…12 and 100 move down one
      db.prepare('UPDATE audit_records SET seq = 12 WHERE seq = 99').run();
    });
    assert.deepEqual(named(await verifyFile(path)), ['12 reordered']);
  });

  test('renumbering alone is a broken link at the first renumbered record', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) => renumber(db, 6, 10));
    assert.deepEqual(named(await verifyFile(path)), ['16 broken-link']);
  });

  test('a prev_hash changed alone breaks the chain at that record', async () => {
    const { path } = await writeLog(10);
    tamper(path, (db) =>
      db.prepare('UPDATE audit_records SET prev_hash = ? WHERE seq = 6').run('a'.repeat(64)),
    );
    const report = await verifyFile(path);
    assert.equal(report.valid, false);
    assert.deepEqual(named(report), ['6 edited']);
  });

  test('a tail cut off leaves a valid chain; the anchored head shows it', async () => {
    const { path, records } = await writeLog(10);
    const head = { seq: 10, hash: records[9]!.hash };
    tamper(path, (db) => db.prepare('DELETE FROM audit_records WHERE seq > 8').run());
    const report = await verifyFile(path);
    assert.equal(report.valid, true, 'a chain alone cannot see a cut tail');
    const anchored = await verifyFile(path, head);
    assert.equal(anchored.valid, false);
    assert.deepEqual(named(anchored), ['10 truncated']);
    assert.match(anchored.problems[0]!.detail, /ends at record 8/);
  });

  test('a log rewritten from an edit on, every hash recomputed, is caught only by the anchored head', async () => {
    const { path, records } = await writeLog(10);
    const head = { seq: 10, hash: records[9]!.hash };
    tamper(path, (db) => {
      let prevHash = records[3]!.hash;
      for (const record of records.slice(4)) {
        const entry = record.seq === 5 ? { ...record.entry, counts: {} } : record.entry;
        const hash = recordHash(prevHash, record.seq, entry);
        db.prepare('UPDATE audit_records SET prev_hash = ?, hash = ?, entry = ? WHERE seq = ?').run(
          prevHash,
          hash,
          canonicalJson(entry),
          record.seq,
        );
        prevHash = hash;
      }
    });
    assert.equal((await verifyFile(path)).valid, true);
    const anchored = await verifyFile(path, head);
    assert.deepEqual(named(anchored), ['10 rewritten']);
    // A head noted earlier than the rewrite still matches: the log holds it.
    assert.equal((await verifyFile(path, { seq: 4, hash: records[3]!.hash })).valid, true);
  });

  test('records appended after the head was noted still verify against it', async () => {
    const { path, records } = await writeLog(5);
    const store = openSqliteAudit(path);
    await store.append(sampleEntry(6));
    await store.close();
    assert.deepEqual(await verifyFile(path, { seq: 5, hash: records[4]!.hash }), {
      valid: true,
      records: 6,
      head: { seq: 6, hash: (await readAll(path))[5]!.hash },
      problems: [],
    });
  });

  test('problem details name seqs, never entry content', async () => {
    const { path } = await writeLog(10);
    const planted = '4111111111111111';
    tamper(path, (db) => {
      db.prepare('UPDATE audit_records SET entry = ? WHERE seq = 3').run(
        canonicalJson(sampleEntry(3, { failure: planted })),
      );
      db.prepare('DELETE FROM audit_records WHERE seq = 6').run();
    });
    const report = await verifyFile(path);
    assert.deepEqual(named(report), ['3 edited', '6 removed']);
    const text = JSON.stringify(report);
    assert.ok(!text.includes(planted));
    assert.ok(!text.includes('calls/call-'), 'no entry field is quoted');
  });
});
