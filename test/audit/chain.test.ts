import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GENESIS_HASH, canonicalJson, recordHash, recordHasher } from '../../src/audit/chain.js';
import { sampleEntry } from './helpers.js';

/** The worked example in docs/audit.md: an outside verifier's `sha256sum` must agree. */
const EXAMPLE_ENTRY = { jobId: 'example', counts: { CREDIT_CARD: 2 } };
const EXAMPLE_HASH = '0311991fd90344176b2cbbe89a850df87ee6dffac1974c888bc4acae53a5d4fb';

describe('canonicalJson', () => {
  test('sorts keys at every depth and writes no whitespace', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [{ z: true, y: null }, 'x'], c: { e: 'é', d: '"' } }),
      '{"a":[{"y":null,"z":true},"x"],"b":1,"c":{"d":"\\"","e":"é"}}',
    );
  });

  test('is the same text whatever order the keys were written in', () => {
    const entry = sampleEntry(1);
    const reversed = Object.fromEntries(Object.entries(entry).reverse());
    assert.equal(canonicalJson(reversed), canonicalJson(entry));
    assert.notEqual(canonicalJson(entry), JSON.stringify(entry), 'the sample has unsorted keys');
  });

  test('writes numbers as JSON does, and leaves out undefined members', () => {
    assert.equal(canonicalJson([1.5, -0, 1e21, 0.1 + 0.2, 120]), '[1.5,0,1e+21,0.30000000000000004,120]');
    assert.equal(canonicalJson({ failure: undefined, ok: 1 }), '{"ok":1}');
  });

  test('refuses values JSON cannot carry exactly', () => {
    for (const value of [NaN, Infinity, 10n, new Date(0), () => 1, undefined]) {
      assert.throws(() => canonicalJson(value), TypeError);
    }
  });
});

describe('recordHash', () => {
  test('is sha256 of the domain prefix and the canonical {seq, prevHash, entry}', () => {
    const entry = sampleEntry(3);
    const prevHash = 'ab'.repeat(32);
    const expected = createHash('sha256')
      .update(`hush-audit-record/v1\n${canonicalJson({ seq: 3, prevHash, entry })}`)
      .digest('hex');
    assert.equal(recordHash(prevHash, 3, entry), expected);
    assert.equal(recordHasher(prevHash, entry)(3), expected);
  });

  test('matches the worked example in docs/audit.md', () => {
    assert.equal(GENESIS_HASH, '0'.repeat(64));
    assert.equal(recordHash(GENESIS_HASH, 1, EXAMPLE_ENTRY), EXAMPLE_HASH);
    const doc = readFileSync(new URL('../../docs/audit.md', import.meta.url), 'utf8');
    assert.ok(doc.includes(EXAMPLE_HASH), 'docs/audit.md shows the example hash');
    assert.ok(doc.includes(canonicalJson({ seq: 1, prevHash: GENESIS_HASH, entry: EXAMPLE_ENTRY })));
  });

  test('changes with the seq, the previous hash and any field of the entry', () => {
    const entry = sampleEntry(3);
    const base = recordHash(GENESIS_HASH, 3, entry);
    assert.notEqual(recordHash(GENESIS_HASH, 4, entry), base);
    assert.notEqual(recordHash('1'.repeat(64), 3, entry), base);
    assert.notEqual(recordHash(GENESIS_HASH, 3, { ...entry, counts: { CREDIT_CARD: 2 } }), base);
    assert.notEqual(recordHash(GENESIS_HASH, 3, { ...entry, regions: [] }), base);
    assert.equal(recordHash(GENESIS_HASH, 3, structuredClone(entry)), base);
  });
});
