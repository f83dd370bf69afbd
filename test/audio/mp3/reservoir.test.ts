/**
 * The bit reservoir, checked byte by byte: a silenced frame's main data that sat inside earlier,
 * kept frames is zero in the output (the words must not survive in the file), and the bytes kept
 * frames after a silenced run borrow from its data areas are left as they were.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parseFrameHeader } from '../../../src/audio/mp3/frame-header.js';
import { redactMp3 } from '../../../src/audio/mp3/redact.js';
import { scanMp3, type FrameIndex } from '../../../src/audio/mp3/scan.js';
import { encodeMp3, tempDir } from './mp3-fixture.js';

/** The main-data stream: each frame's data area (after header, CRC, side info), end to end. */
function mainDataStream(frames: FrameIndex): {
  areaStart: number[];
  fileOffset: (position: number) => number;
} {
  const areaStart = [0];
  const areaOffset: number[] = [];
  for (let i = 0; i < frames.count; i++) {
    const header = parseFrameHeader(frames.header[i]!)!;
    areaOffset.push((header.crcProtected ? 6 : 4) + header.sideInfoLength);
    areaStart.push(areaStart[i]! + header.frameLength - areaOffset[i]!);
  }
  const fileOffset = (position: number) => {
    const frame = areaStart.findLastIndex((start) => start <= position);
    return frames.offset[frame]! + areaOffset[frame]! + position - areaStart[frame]!;
  };
  return { areaStart, fileOffset };
}

test('silenced main data inside kept frames is zeroed; bytes kept frames borrow are kept', async () => {
  const dir = await tempDir();
  try {
    const input = dir.path('in.mp3');
    const output = dir.path('out.mp3');
    encodeMp3(input, { sampleRate: 44100, channels: 2, seconds: 4, signal: 'tone' }, ['-b:a', '160k']);
    await redactMp3({ input, output, regions: [{ start: 1500, end: 2500, channel: null }] });
    const [original, redacted] = [await readFile(input), await readFile(output)];
    const [before, after] = [await scanMp3(input), await scanMp3(output)];
    const { frames } = before;
    const { areaStart, fileOffset } = mainDataStream(frames);
    const muted = [...Array(frames.count).keys()].filter(
      (i) => after.frames.mainDataBits[i] === 0 && frames.mainDataBits[i] !== 0,
    );
    const [first, last] = [muted[0]!, muted.at(-1)!];
    assert.equal(muted.length, last - first + 1, 'one run of silenced frames');

    let hiddenBytes = 0; // silenced frames' audio inside earlier kept frames, non-zero before
    for (const i of muted) {
      const begin = areaStart[i]! - frames.mainDataBegin[i]!;
      const end = Math.min(begin + Math.ceil(frames.mainDataBits[i]! / 8), areaStart[first]!);
      for (let position = begin; position < end; position++) {
        const offset = fileOffset(position);
        if (original[offset] !== 0) hiddenBytes++;
        assert.equal(redacted[offset], 0, `byte ${offset} of a silenced frame's main data is zero`);
      }
    }
    assert.ok(
      hiddenBytes > 0,
      'the encoder put silenced audio inside kept frames (else this test proves nothing)',
    );

    let borrowedBytes = 0; // kept frames' audio inside the silenced frames' data areas
    for (let j = last + 1; j < frames.count && areaStart[j]! - 511 < areaStart[last + 1]!; j++) {
      const begin = areaStart[j]! - frames.mainDataBegin[j]!;
      for (let position = begin; position < areaStart[last + 1]!; position++) {
        const offset = fileOffset(position);
        borrowedBytes++;
        assert.equal(redacted[offset], original[offset], `borrowed byte ${offset} is kept`);
      }
    }
    assert.ok(
      borrowedBytes > 0,
      'a kept frame borrows from the silenced run (else this test proves nothing)',
    );
  } finally {
    await dir.remove();
  }
});
