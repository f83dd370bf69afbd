/**
 * Every single tampering of a 20-record chain, at every place: verification must name exactly the
 * record concerned. The chain is built in memory with the real hash; verifyChain reads it as it
 * reads a store.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GENESIS_HASH, recordHash } from '../../src/audit/chain.js';
import type { AuditRecord } from '../../src/audit/store.js';
import { verifyChain } from '../../src/audit/verify.js';
import { sampleEntry } from './helpers.js';

const LENGTH = 20;

function chain(length: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const prevHash = records.at(-1)?.hash ?? GENESIS_HASH;
    const entry = sampleEntry(seq);
    records.push({ seq, prevHash, hash: recordHash(prevHash, seq, entry), entry });
  }
  return records;
}

/** The log as stored: rows in this order get seqs 1, 2, 3 … (renumbered), unless `keepSeqs`. */
function stored(rows: AuditRecord[], keepSeqs = false): AuditRecord[] {
  return rows.map((row, index) => (keepSeqs ? row : { ...row, seq: index + 1 }));
}

async function names(rows: readonly AuditRecord[]): Promise<string[]> {
  async function* read() {
    yield* rows;
  }
  const report = await verifyChain(read());
  assert.equal(report.valid, report.problems.length === 0);
  return report.problems.map((problem) => `${problem.seq} ${problem.kind}`);
}

const original = chain(LENGTH);
const places = original.map((record) => record.seq);

describe('diagnosis of every single tampering', () => {
  test('an intact chain has no problems', async () => {
    assert.deepEqual(await names(original), []);
  });

  test('an edited entry', async () => {
    for (const k of places) {
      const rows = original.map((row) =>
        row.seq === k ? { ...row, entry: { ...row.entry, latencyMs: 1 } } : row,
      );
      assert.deepEqual(await names(rows), [`${k} edited`], `record ${k}`);
    }
  });

  test('an entry edited and re-hashed (undetectable for the last record: that is a rewritten tail)', async () => {
    for (const k of places) {
      const rows = original.map((row) => {
        if (row.seq !== k) return row;
        const entry = { ...row.entry, latencyMs: 1 };
        return { ...row, entry, hash: recordHash(row.prevHash, row.seq, entry) };
      });
      assert.deepEqual(await names(rows), k === LENGTH ? [] : [`${k} edited`], `record ${k}`);
    }
  });

  test('a record removed, with the seqs after it left or renumbered (the last: a cut tail)', async () => {
    for (const k of places) {
      const rows = original.filter((row) => row.seq !== k);
      const expected = k === LENGTH ? [] : [`${k} removed`];
      assert.deepEqual(await names(stored(rows, true)), expected, `record ${k}`);
      assert.deepEqual(await names(stored(rows)), expected, `record ${k}, renumbered`);
    }
  });

  test('a forged record inserted, hashed properly or not, the rest renumbered', async () => {
    for (const k of places) {
      const prevHash = original[k - 2]?.hash ?? GENESIS_HASH;
      const entry = sampleEntry(99, { jobId: 'forged' });
      const hashed = { seq: k, prevHash, entry, hash: recordHash(prevHash, k, entry) };
      for (const forgery of [hashed, { ...hashed, hash: 'f'.repeat(64) }]) {
        const rows = [...original.slice(0, k - 1), forgery, ...original.slice(k - 1)];
        assert.deepEqual(await names(stored(rows)), [`${k} inserted`], `before record ${k}`);
      }
    }
  });

  test('two records swapped', async () => {
    for (const a of places) {
      for (const b of places.filter((seq) => seq > a)) {
        const rows = original.slice();
        [rows[a - 1], rows[b - 1]] = [rows[b - 1]!, rows[a - 1]!];
        assert.deepEqual(
          await names(stored(rows)),
          [`${a} reordered`, `${b} reordered`],
          `records ${a} and ${b}`,
        );
      }
    }
  });

  test('one record moved two or more places, the others renumbered around it', async () => {
    for (const from of places) {
      for (const to of places.filter((seq) => Math.abs(seq - from) >= 2)) {
        const rows = original.filter((row) => row.seq !== from);
        rows.splice(to - 1, 0, original[from - 1]!);
        assert.deepEqual(await names(stored(rows)), [`${to} reordered`], `record ${from} moved to ${to}`);
      }
    }
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Operation = 'edit' | 'rehash' | 'remove' | 'insert' | 'swap-next' | 'swap-far';
const OPERATIONS: Operation[] = ['edit', 'rehash', 'remove', 'insert', 'swap-next', 'swap-far'];

/**
 * Applies several tamperings at places far apart, renumbers, and returns the log with the names
 * each tampering alone would get, in the final numbering.
 */
function tamperSeveral(seed: number): { rows: AuditRecord[]; expected: string[] } {
  const next = random(seed);
  const base = chain(80);
  const rows: (AuditRecord & { mark?: string })[] = base.slice();
  const removed: number[] = [];
  const count = 2 + Math.floor(next() * 3);
  for (let slot = 0; slot < count; slot++) {
    const k = 4 + slot * 18 + Math.floor(next() * 8); // well inside the log, 10 or more apart
    const at = rows.findIndex((row) => row.seq === k);
    const operation = OPERATIONS[Math.floor(next() * OPERATIONS.length)]!;
    const row = rows[at]!;
    if (operation === 'edit') rows[at] = { ...row, entry: { ...row.entry, latencyMs: 1 }, mark: 'edited' };
    if (operation === 'rehash') {
      const entry = { ...row.entry, latencyMs: 1 };
      rows[at] = { ...row, entry, hash: recordHash(row.prevHash, row.seq, entry), mark: 'edited' };
    }
    if (operation === 'remove') {
      rows.splice(at, 1);
      removed.push(k);
    }
    if (operation === 'insert') {
      const entry = sampleEntry(999, { jobId: 'forged' });
      rows.splice(at, 0, { seq: NaN, prevHash: rows[at - 1]!.hash, hash: '', entry, mark: 'inserted' });
    }
    if (operation === 'swap-next' || operation === 'swap-far') {
      const other = at + (operation === 'swap-next' ? 1 : 3 + Math.floor(next() * 4));
      [rows[at], rows[other]] = [
        { ...rows[other]!, mark: 'reordered' },
        { ...row, mark: 'reordered' },
      ];
    }
  }
  const final = rows.map((row, index) => {
    const seq = index + 1;
    // A forged record is hashed at the place it ends up, as an attacker would.
    const hash = row.mark === 'inserted' ? recordHash(row.prevHash, seq, row.entry) : row.hash;
    return { seq, prevHash: row.prevHash, hash, entry: row.entry };
  });
  const expected = [
    ...rows.flatMap((row, index) => (row.mark ? [`${index + 1} ${row.mark}`] : [])),
    ...removed.map((seq) => `${seq} removed`),
  ];
  return { rows: final, expected };
}

describe('diagnosis of several tamperings in one log', () => {
  test('names each of them, as it would alone (100 seeded cases)', async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { rows, expected } = tamperSeveral(seed);
      const order = (name: string) => Number(name.split(' ')[0]);
      assert.deepEqual(
        (await names(rows)).sort((a, b) => order(a) - order(b) || a.localeCompare(b)),
        expected.sort((a, b) => order(a) - order(b) || a.localeCompare(b)),
        `seed ${seed}`,
      );
    }
  });
});
