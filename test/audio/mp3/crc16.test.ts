import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { frameCrc, lameCrc, lameCrcDelta } from '../../../src/audio/mp3/crc16.js';
import { parseFrameHeader } from '../../../src/audio/mp3/frame-header.js';
import { redactMp3 } from '../../../src/audio/mp3/redact.js';
import { scanMp3, type Mp3Stream } from '../../../src/audio/mp3/scan.js';
import { LAME_TAG_CRC_AT } from '../../../src/audio/mp3/vbr-header.js';
import { FIXTURES, tempDir } from './mp3-fixture.js';
import { musicCrcHolds } from './redact-check.js';

/** For each CRC-protected frame: whether its stored CRC matches header bytes 2–3 and its side info. */
function frameCrcsHold(stream: Mp3Stream, bytes: Buffer): boolean[] {
  const holds: boolean[] = [];
  for (let i = 0; i < stream.frames.count; i++) {
    const at = stream.frames.offset[i]!;
    const header = parseFrameHeader(stream.frames.header[i]!)!;
    if (!header.crcProtected) continue;
    const computed = frameCrc(
      bytes.subarray(at + 2, at + 4),
      bytes.subarray(at + 6, at + 6 + header.sideInfoLength),
    );
    holds.push(computed === bytes.readUInt16BE(at + 4));
  }
  return holds;
}

describe('CRC-16', () => {
  test('the standard check values: CRC-16/CMS (frames) and CRC-16/ARC (LAME tag)', () => {
    const check = Buffer.from('123456789');
    assert.equal(frameCrc(check), 0xaee7);
    assert.equal(frameCrc(check.subarray(0, 4), check.subarray(4)), 0xaee7, 'parts are read in order');
    assert.equal(lameCrc(check), 0xbb3d);
  });

  test('lameCrcDelta updates a CRC from the changed bytes alone', () => {
    const before = Buffer.alloc(100_000);
    for (let i = 0; i < before.length; i++) before[i] = (i * 7919) & 0xff;
    const after = Buffer.from(before);
    after.fill(0, 40_000, 41_000);
    after[70_000] = 0x5a;
    const delta =
      lameCrcDelta(before.subarray(40_000, 41_000), after.subarray(40_000, 41_000), before.length - 41_000) ^
      lameCrcDelta(before.subarray(70_000, 70_001), after.subarray(70_000, 70_001), before.length - 70_001);
    assert.notEqual(delta, 0);
    assert.equal(lameCrc(before) ^ delta, lameCrc(after));
  });

  for (const file of ['crc-mpeg25-mono.mp3', 'crc-mpeg1-joint.mp3']) {
    test(`${file}: every frame CRC LAME wrote checks out, and still does after redaction`, async () => {
      const dir = await tempDir();
      try {
        const input = join(FIXTURES, file);
        const output = dir.path('out.mp3');
        const [stream, original] = [await scanMp3(input), await readFile(input)];
        const holds = frameCrcsHold(stream, original);
        assert.equal(holds.length, stream.frames.count, 'every audio frame is protected');
        assert.ok(holds.every(Boolean), 'the frame CRC routine agrees with LAME on every frame');

        const result = await redactMp3({ input, output, regions: [{ start: 300, end: 900, channel: null }] });
        const redacted = await readFile(output);
        assert.ok(frameCrcsHold(await scanMp3(output), redacted).every(Boolean));
        let recomputed = 0;
        for (let i = 0; i < stream.frames.count; i++) {
          const crcAt = stream.frames.offset[i]! + 4;
          if (redacted.readUInt16BE(crcAt) !== original.readUInt16BE(crcAt)) recomputed++;
        }
        assert.ok(recomputed > 0 && recomputed <= result.mutedFrames, 'silenced frames got new CRCs');
      } finally {
        await dir.remove();
      }
    });
  }

  test('the LAME tag: MusicCRC and tag CRC still hold after redaction', async () => {
    const dir = await tempDir();
    try {
      const input = join(FIXTURES, 'crc-mpeg1-joint.mp3');
      const output = dir.path('out.mp3');
      const result = await redactMp3({ input, output, regions: [{ start: 300, end: 900, channel: null }] });
      const stream = await scanMp3(output);
      const redacted = await readFile(output);
      const tag = stream.vbrHeader!;
      assert.equal(tag.lame?.encoder, 'LAME3.100');
      assert.equal(musicCrcHolds(stream, redacted), true);
      const tagCrcAt = tag.offset + tag.lame.offset + LAME_TAG_CRC_AT;
      assert.equal(lameCrc(redacted.subarray(tag.offset, tagCrcAt)), redacted.readUInt16BE(tagCrcAt));
      const original = await readFile(input);
      assert.notEqual(redacted.readUInt16BE(tagCrcAt), original.readUInt16BE(tagCrcAt));
      assert.ok(
        result.changed.some(
          (range) => range.offset < tagCrcAt && range.offset + range.length >= tagCrcAt + 2,
        ),
      );
    } finally {
      await dir.remove();
    }
  });
});
