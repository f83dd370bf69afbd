import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFrameHeader } from '../../../src/audio/mp3/frame-header.js';
import { planEdits } from '../../../src/audio/mp3/plan.js';
import type { FrameIndex } from '../../../src/audio/mp3/scan.js';

/**
 * Six MPEG-1 128 kb/s joint-stereo frames (417 bytes, 4 + 32 bytes of header and side info, data
 * areas of 381 bytes) from byte 1000. In main-data stream bytes (data areas end to end), frame i's
 * area starts at 381·i, and each frame's main data is:
 *   0: [0, 300)   1: [300, 650)   2: [650, 850)   3: [850, 1250)   4: [1250, 1750)   5: [1750, 2050)
 * so frame 3 starts 293 bytes back inside frame 2, and frame 4 borrows the end of frame 3's area.
 */
function sixFrames(header: number): FrameIndex {
  const areaOffset = parseFrameHeader(header)!.crcProtected ? 38 : 36;
  const mainData = [
    [0, 300],
    [300, 650],
    [650, 850],
    [850, 1250],
    [1250, 1750],
    [1750, 2050],
  ];
  const areaLength = 417 - areaOffset;
  return {
    count: 6,
    offset: Float64Array.from(mainData, (_, i) => 1000 + 417 * i),
    header: new Uint32Array(6).fill(header),
    length: new Uint16Array(6).fill(417),
    mainDataBegin: Uint16Array.from(mainData, ([start], i) => areaLength * i - start!),
    mainDataBits: Uint16Array.from(mainData, ([start, end]) => (end! - start!) * 8),
  };
}

const area = (frame: number, at: number) => 1000 + 417 * frame + 36 + at; // file offset in frame's data area

describe('planEdits', () => {
  const format = parseFrameHeader(0xfffb9064)!;

  test('a frame: side info, its main data inside the kept frame before, its area up to what the next frame borrows', () => {
    assert.deepEqual(planEdits(sixFrames(0xfffb9064), format, [{ first: 3, last: 3 }]), [
      { kind: 'zero', offset: area(2, 850 - 762), length: 1143 - 850 }, // frame 3's data in frame 2
      { kind: 'side-info', offset: 1000 + 417 * 3 + 4, length: 32, header: 0xfffb9064 },
      { kind: 'zero', offset: area(3, 0), length: 1250 - 1143 }, // frame 4 borrows [1250, 1524)
    ]);
  });

  test('a run of two frames', () => {
    const edits = planEdits(sixFrames(0xfffb9064), format, [{ first: 3, last: 4 }]);
    assert.deepEqual(
      edits.filter((edit) => edit.kind === 'zero'),
      [
        { kind: 'zero', offset: area(2, 88), length: 293 },
        { kind: 'zero', offset: area(3, 0), length: 381 }, // all of frame 3's area
        { kind: 'zero', offset: area(4, 0), length: 1750 - 1524 }, // frame 5 borrows [1750, 1905)
      ],
    );
    assert.deepEqual(
      edits.filter((edit) => edit.kind === 'side-info').map((edit) => edit.offset),
      [1000 + 417 * 3 + 4, 1000 + 417 * 4 + 4],
    );
  });

  test('CRC-protected frames: the CRC is rewritten with the side info', () => {
    const edits = planEdits(sixFrames(0xfffa9064), parseFrameHeader(0xfffa9064)!, [{ first: 0, last: 0 }]);
    assert.deepEqual(edits[0], { kind: 'side-info', offset: 1004, length: 34, header: 0xfffa9064 });
    assert.equal(edits[1]!.offset, 1000 + 38);
  });

  test('no runs, no edits', () => {
    assert.deepEqual(planEdits(sixFrames(0xfffb9064), format, []), []);
  });
});
