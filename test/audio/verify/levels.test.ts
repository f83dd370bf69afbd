import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureRegionLevels, type FrameReader } from '../../../src/audio/verify/levels.js';

/** A reader over in-memory channels. */
function reader(channels: Float32Array[]): FrameReader {
  return async (start, end) => channels.map((samples) => samples.slice(start, Math.min(end, samples.length)));
}

const RATE = 8000;
const sine = (frames: number, amplitude: number, hz: number) =>
  Float32Array.from({ length: frames }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / RATE));

describe('measureRegionLevels', () => {
  test('RMS of the region’s channel, or of the loudest channel for an all-channel region', async () => {
    const quiet = sine(200_000, 0.1, 440); // RMS 0.0707: -23.0 dBFS; longer than one read chunk
    const loud = sine(200_000, 0.5, 550); // RMS 0.354: -9.0 dBFS
    const levels = await measureRegionLevels({
      spans: [
        { startFrame: 1000, endFrame: 150_000, channel: 0 },
        { startFrame: 1000, endFrame: 150_000, channel: null },
      ],
      channels: 2,
      output: reader([quiet, loud]),
      windowFrames: 160,
    });
    assert.ok(Math.abs(levels[0]!.levelDbfs - -23.01) < 0.01, `${levels[0]!.levelDbfs}`);
    assert.ok(Math.abs(levels[1]!.levelDbfs - -9.03) < 0.01, `${levels[1]!.levelDbfs}`);
    assert.equal(levels[0]!.correlation, null);
  });

  test('the loudest window shows a short burst that the overall RMS hides', async () => {
    const samples = new Float32Array(80_000);
    samples.set(sine(160, 0.5, 1000), 40_000); // 20 ms at -9 dBFS in 10 s of silence
    const [level] = await measureRegionLevels({
      spans: [{ startFrame: 0, endFrame: 80_000, channel: null }],
      channels: 1,
      output: reader([samples]),
      windowFrames: 160,
    });
    assert.ok(level!.levelDbfs < -35, `overall ${level!.levelDbfs}`);
    assert.ok(level!.loudestWindowDbfs > -12, `loudest window ${level!.loudestWindowDbfs}`);
  });

  test('digital silence is -Infinity; correlation is near 1 for the original kept, near 0 for a new signal', async () => {
    const original = sine(8000, 0.3, 300);
    const [silent, kept, inverted, beep] = await measureRegionLevels({
      spans: [0, 1, 2, 3].map((channel) => ({ startFrame: 0, endFrame: 8000, channel })),
      channels: 4,
      output: reader([
        new Float32Array(8000),
        original.map((x) => x * 0.5),
        original.map((x) => -x),
        sine(8000, 0.1, 1000),
      ]),
      input: reader([original, original, original, original]),
      windowFrames: 160,
    });
    assert.equal(silent!.levelDbfs, -Infinity);
    assert.equal(silent!.correlation, 0);
    assert.ok(kept!.correlation! > 0.99);
    assert.ok(inverted!.correlation! > 0.99, 'the sign does not hide the original');
    assert.ok(beep!.correlation! < 0.05);
  });
});
