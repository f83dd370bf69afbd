import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ByteRange } from '../../../src/audio/layout.js';
import { hashOutside, proveOutsideUnchanged } from '../../../src/audio/verify/outside.js';
import { withTempDir } from '../wav/fixture.js';

/** The reference: every byte, one at a time, kept unless some range covers it. */
function naiveHashOutside(bytes: Buffer, changed: readonly ByteRange[]): string {
  const kept: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (!changed.some((range) => i >= range.offset && i < range.offset + range.length)) kept.push(bytes[i]!);
  }
  return createHash('sha256').update(Buffer.from(kept)).digest('hex');
}

function pattern(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (Math.imul(i + seed, 2654435761) >>> 24) & 0xff;
  return bytes;
}

const CHUNK = 8 * 1024 * 1024;

describe('hashOutside', () => {
  const size = 5000;
  const cases: Record<string, ByteRange[]> = {
    'no ranges': [],
    'one in the middle': [{ offset: 1000, length: 500 }],
    'at the start': [{ offset: 0, length: 44 }],
    'at the end': [{ offset: size - 300, length: 300 }],
    'past the end': [{ offset: size - 10, length: 100 }],
    'the whole file': [{ offset: 0, length: size }],
    adjacent: [
      { offset: 100, length: 50 },
      { offset: 150, length: 50 },
    ],
    'overlapping and unsorted': [
      { offset: 3000, length: 400 },
      { offset: 200, length: 100 },
      { offset: 3200, length: 600 },
      { offset: 250, length: 10 },
    ],
    'empty ranges and single bytes': [
      { offset: 7, length: 0 },
      { offset: 8, length: 1 },
      { offset: 4999, length: 1 },
    ],
  };
  for (const [name, changed] of Object.entries(cases)) {
    test(`equals the byte-by-byte reference: ${name}`, async () => {
      await withTempDir(async (dir) => {
        const bytes = pattern(size, 1);
        const path = join(dir, 'file.bin');
        await writeFile(path, bytes);
        assert.equal(await hashOutside(path, changed), naiveHashOutside(bytes, changed));
      });
    });
  }

  test('ranges across the read chunks of a larger file', async () => {
    await withTempDir(async (dir) => {
      const bytes = pattern(2 * CHUNK + 12345, 2);
      const path = join(dir, 'large.bin');
      await writeFile(path, bytes);
      const changed = [
        { offset: CHUNK - 10, length: 20 }, // across the first boundary
        { offset: CHUNK + 100, length: CHUNK }, // spans the whole second boundary
        { offset: 2 * CHUNK + 12000, length: 1000 }, // to past the end
      ];
      // The reference: the kept stretches, hashed in one go.
      const kept = Buffer.concat([
        bytes.subarray(0, CHUNK - 10),
        bytes.subarray(CHUNK + 10, CHUNK + 100),
        bytes.subarray(2 * CHUNK + 100, 2 * CHUNK + 12000),
      ]);
      assert.equal(await hashOutside(path, changed), createHash('sha256').update(kept).digest('hex'));
    });
  });

  test('a missing file is an IO error naming it', async () => {
    await assert.rejects(hashOutside('/nonexistent/hush.wav', []), /\/nonexistent\/hush\.wav: no such file/);
  });
});

describe('proveOutsideUnchanged', () => {
  async function prove(input: Buffer, output: Buffer, changed: ByteRange[]) {
    return withTempDir(async (dir) => {
      const a = join(dir, 'in.bin');
      const b = join(dir, 'out.bin');
      await writeFile(a, input);
      await writeFile(b, output);
      return {
        proof: await proveOutsideUnchanged(a, b, changed),
        inputHash: await hashOutside(a, changed),
        outputHash: await hashOutside(b, changed),
      };
    });
  }

  const input = pattern(CHUNK + 5000, 3);
  const changed = [
    { offset: 100, length: 200 },
    { offset: CHUNK - 50, length: 100 },
  ];

  test('passes when only the changed ranges differ; one hash, equal to each file’s own', async () => {
    const output = Buffer.from(input);
    output.fill(0, 100, 300);
    output.fill(0xff, CHUNK - 50, CHUNK + 50);
    const { proof, inputHash, outputHash } = await prove(input, output, changed);
    assert.deepEqual(proof, { inputSha256: inputHash, outputSha256: outputHash, passed: true });
    assert.equal(inputHash, outputHash);
  });

  test('fails on one byte changed outside, in either chunk, with the two real hashes', async () => {
    for (const at of [99, 300, CHUNK + 50, CHUNK + 4999]) {
      const output = Buffer.from(input);
      output[at] = output[at]! ^ 1;
      const { proof, inputHash, outputHash } = await prove(input, output, changed);
      assert.deepEqual(
        proof,
        { inputSha256: inputHash, outputSha256: outputHash, passed: false },
        `byte ${at}`,
      );
    }
  });

  test('fails when the output is shorter or longer', async () => {
    for (const output of [input.subarray(0, input.length - 1), Buffer.concat([input, Buffer.from([0])])]) {
      const { proof } = await prove(input, output, changed);
      assert.equal(proof.passed, false, `${output.length} bytes`);
    }
  });
});
