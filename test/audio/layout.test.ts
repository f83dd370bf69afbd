import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  durationMs,
  frameCount,
  frameRegionBytes,
  toFrameRegions,
  type PcmLayout,
} from '../../src/audio/layout.js';

const stereo8k: PcmLayout = {
  encoding: 'pcm_s16le',
  sampleRate: 8000,
  channels: 2,
  dataOffset: 44,
  dataLength: 8000 * 4 * 10,
};

describe('time ↔ frame mapping', () => {
  test('frames and duration follow from the layout', () => {
    assert.equal(frameCount(stereo8k), 80000);
    assert.equal(durationMs(stereo8k), 10000);
  });

  test('regions round outwards to every frame they touch', () => {
    // 44.1 kHz: 10 ms = 441 frames exactly; 10.01 ms starts inside frame 441.
    const layout: PcmLayout = { ...stereo8k, sampleRate: 44100, dataLength: 44100 * 4 };
    assert.deepEqual(toFrameRegions([{ start: 10, end: 20, channel: null }], layout), [
      { startFrame: 441, endFrame: 882, channel: null },
    ]);
    // 1 ms at 44.1 kHz is 44.1 frames: [1, 2] ms touches frames 44..88 inclusive.
    assert.deepEqual(toFrameRegions([{ start: 1, end: 2, channel: 0 }], layout), [
      { startFrame: 44, endFrame: 89, channel: 0 },
    ]);
  });

  test('regions are clamped to the data and empty ones dropped', () => {
    assert.deepEqual(
      toFrameRegions(
        [
          { start: 9990, end: 20000, channel: null },
          { start: 12000, end: 13000, channel: null },
          { start: 500, end: 500, channel: null },
        ],
        stereo8k,
      ),
      [{ startFrame: 79920, endFrame: 80000, channel: null }],
    );
  });

  test('regions are sorted and same-scope overlaps merged, other scopes kept', () => {
    const frames = toFrameRegions(
      [
        { start: 3000, end: 4000, channel: 1 },
        { start: 1000, end: 2000, channel: null },
        { start: 1500, end: 2500, channel: null },
        { start: 2500, end: 2600, channel: null },
        { start: 3500, end: 4500, channel: 0 },
        { start: 3900, end: 5000, channel: 1 },
      ],
      stereo8k,
    );
    assert.deepEqual(frames, [
      { startFrame: 8000, endFrame: 20800, channel: null },
      { startFrame: 24000, endFrame: 40000, channel: 1 },
      { startFrame: 28000, endFrame: 36000, channel: 0 },
    ]);
  });

  test('a channel the recording does not have widens to all channels', () => {
    const mono: PcmLayout = { ...stereo8k, channels: 1, dataLength: 8000 * 2 };
    assert.deepEqual(toFrameRegions([{ start: 0, end: 100, channel: 1 }], mono), [
      { startFrame: 0, endFrame: 800, channel: null },
    ]);
  });

  test('a region rewrites the bytes of its frame span', () => {
    assert.deepEqual(frameRegionBytes({ startFrame: 10, endFrame: 30, channel: null }, stereo8k), [
      { offset: 44 + 40, length: 80 },
    ]);
    assert.deepEqual(frameRegionBytes({ startFrame: 10, endFrame: 30, channel: 1 }, stereo8k), [
      { offset: 44 + 40, length: 80 },
    ]);
  });
});
