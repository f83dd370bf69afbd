import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fadeFrames } from '../../../src/audio/modes/fade.js';
import { replacementRenderer } from '../../../src/audio/modes/render.js';
import type { ReplacementMode } from '../../../src/audio/replacement.js';

const RATE = 16000;

/** Renders a whole region in uneven chunks, as the redactor does. */
function render(mode: ReplacementMode, length: number, seed = 0): Float32Array {
  const renderer = replacementRenderer(mode, { length, sampleRate: RATE, seed });
  const out = new Float32Array(length);
  for (let from = 0, chunk = 777; from < length; from += chunk, chunk = chunk * 2 + 1) {
    renderer(from, out.subarray(from, Math.min(length, from + chunk)));
  }
  return out;
}

function dbfs(samples: Float32Array): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return 10 * Math.log10(sum / samples.length);
}

/** Magnitude of the signal's component at `hz` (one DFT bin), normalised to amplitude. */
function amplitudeAt(samples: Float32Array, hz: number): number {
  let re = 0;
  let im = 0;
  samples.forEach((value, i) => {
    re += value * Math.cos((2 * Math.PI * hz * i) / RATE);
    im += value * Math.sin((2 * Math.PI * hz * i) / RATE);
  });
  return (2 * Math.hypot(re, im)) / samples.length;
}

describe('replacement modes', () => {
  test('silence is zeros', () => {
    assert.ok(render({ kind: 'silence' }, 5000).every((value) => value === 0));
  });

  test('a beep has its RMS level and its frequency', () => {
    const beep = render({ kind: 'beep', frequencyHz: 1000, levelDbfs: -20 }, RATE);
    assert.ok(Math.abs(dbfs(beep) - -20) < 0.1, `level ${dbfs(beep)}`);
    assert.ok(Math.abs(amplitudeAt(beep, 1000) - 0.1 * Math.SQRT2) < 0.005, 'the energy is at 1 kHz');
    assert.ok(amplitudeAt(beep, 1100) < 0.005, 'and not beside it');
  });

  test('noise has its RMS level, is reproducible per seed and differs between seeds', () => {
    const noise = render({ kind: 'noise', levelDbfs: -30 }, RATE, 42);
    assert.ok(Math.abs(dbfs(noise) - -30) < 0.3, `level ${dbfs(noise)}`);
    assert.deepEqual(render({ kind: 'noise', levelDbfs: -30 }, RATE, 42), noise);
    const other = render({ kind: 'noise', levelDbfs: -30 }, RATE, 43);
    let correlation = 0;
    noise.forEach((value, i) => (correlation += value * other[i]!));
    assert.ok(Math.abs(correlation / noise.reduce((sum, value) => sum + value * value, 0)) < 0.05);
  });

  test('a clip is looped from the region start and scaled to the level', () => {
    const clip = Float32Array.from({ length: 1000 }, (_, i) => ((i % 100) - 50) / 50);
    const out = render({ kind: 'clip', samples: clip, levelDbfs: -12 }, 5000);
    assert.ok(Math.abs(dbfs(out.subarray(1000, 4000)) - -12) < 0.1, `level ${dbfs(out)}`);
    const gain = out[1234]! / clip[234]!;
    for (const i of [1500, 2999, 3001, 3999])
      assert.ok(Math.abs(out[i]! - gain * clip[i % 1000]!) < 1e-6, `sample ${i}`);
  });

  test('an empty or silent clip gives silence', () => {
    for (const samples of [new Float32Array(0), new Float32Array(10)]) {
      assert.ok(render({ kind: 'clip', samples, levelDbfs: -12 }, 500).every((value) => value === 0));
    }
  });

  test('fades start and end every replacement at zero without a jump', () => {
    const modes: ReplacementMode[] = [
      { kind: 'beep', frequencyHz: 440, levelDbfs: -6 },
      { kind: 'noise', levelDbfs: -6 },
      {
        kind: 'clip',
        samples: Float32Array.from({ length: 300 }, (_, i) => (i % 2 ? 0.5 : -0.5)),
        levelDbfs: -6,
      },
    ];
    const fade = fadeFrames(RATE, RATE);
    assert.equal(fade, 80, '5 ms at 16 kHz');
    for (const mode of modes) {
      const out = render(mode, RATE);
      assert.ok(out[0] === 0, `${mode.kind} first sample`); // === also takes -0
      assert.ok(out[RATE - 1] === 0, `${mode.kind} last sample`);
      const peak = Math.max(...out.map(Math.abs));
      assert.ok(
        Math.abs(out[3]!) < 0.01 * peak && Math.abs(out[RATE - 4]!) < 0.01 * peak,
        `${mode.kind} rises slowly`,
      );
      assert.ok(
        Math.max(...out.subarray(fade, 2 * fade).map(Math.abs)) > 0.5 * peak,
        `${mode.kind} is at full level after the fade`,
      );
    }
  });

  test('a region shorter than two fades fades over half its length each way', () => {
    assert.equal(fadeFrames(50, RATE), 25);
    const out = render({ kind: 'beep', frequencyHz: 440, levelDbfs: -6 }, 50);
    assert.ok(out[0] === 0 && out[49] === 0);
  });
});
