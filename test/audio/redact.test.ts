import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redactAudio, type ModeRequest } from '../../src/audio/redact.js';
import { inspectAudio } from '../../src/audio/validate.js';
import { buildWav, tones, withTempDir } from './wav/fixture.js';

const RATE = 8000;
/** One second in the middle of a three-second stereo recording. */
const REGION = { start: 1000, end: 2000, channel: null };
const REGION_BYTES = { from: 44 + RATE * 4, to: 44 + 2 * RATE * 4 };

async function stereoWav(dir: string, encoding: 'pcm_s16le' | 'pcm_u8' = 'pcm_s16le'): Promise<string> {
  const path = join(dir, `call-${encoding}.wav`);
  await writeFile(
    path,
    buildWav({ encoding, sampleRate: RATE, channels: 2, samples: tones(2, 3 * RATE, RATE) }),
  );
  return path;
}

async function redactFile(input: string, output: string, mode: ModeRequest, inPlace = false) {
  const source = await inspectAudio(input);
  return redactAudio({ source, output, regions: [REGION], mode, inPlace });
}

/** A beep too quiet for 8-bit samples: it rounds to nothing, and verification must catch that. */
const INAUDIBLE_BEEP: ModeRequest = { kind: 'beep', frequencyHz: 1000, levelDbfs: -60 };

describe('redactAudio on uncompressed audio', () => {
  test('a verified copy replaces exactly the region bytes, and is published under the output name', () =>
    withTempDir(async (dir) => {
      const input = await stereoWav(dir);
      const output = join(dir, 'out', 'call.wav');
      const result = await redactFile(input, output, { kind: 'beep', frequencyHz: 1000, levelDbfs: -20 });
      assert.equal(result.path, 'pcm');
      assert.equal(result.output, output);
      assert.equal(result.verification.passed, true);
      assert.deepEqual(result.replaced, [REGION]);
      assert.deepEqual(result.changed, [
        { offset: REGION_BYTES.from, length: REGION_BYTES.to - REGION_BYTES.from },
      ]);
      const [before, after] = await Promise.all([readFile(input), readFile(output)]);
      assert.ok(before.subarray(0, REGION_BYTES.from).equals(after.subarray(0, REGION_BYTES.from)));
      assert.ok(before.subarray(REGION_BYTES.to).equals(after.subarray(REGION_BYTES.to)));
      assert.ok(
        !before
          .subarray(REGION_BYTES.from, REGION_BYTES.to)
          .equals(after.subarray(REGION_BYTES.from, REGION_BYTES.to)),
      );
      assert.deepEqual(await readdir(join(dir, 'out')), ['call.wav'], 'no temporary file left');
    }));

  test('a copy that fails verification is deleted, and the result says so', () =>
    withTempDir(async (dir) => {
      const input = await stereoWav(dir, 'pcm_u8');
      const output = join(dir, 'out', 'call.wav');
      const result = await redactFile(input, output, INAUDIBLE_BEEP);
      assert.equal(result.output, null);
      assert.equal(result.verification.passed, false);
      assert.equal(result.verification.regions[0]?.passed, false);
      assert.deepEqual(await readdir(join(dir, 'out')), []);
    }));

  test('in place: only the region bytes change, and no journal is left', () =>
    withTempDir(async (dir) => {
      const input = await stereoWav(dir);
      const before = await readFile(input);
      const result = await redactFile(input, 'unused', { kind: 'silence' }, true);
      assert.equal(result.path, 'in-place');
      assert.equal(result.output, input);
      assert.equal(result.verification.passed, true);
      const after = await readFile(input);
      assert.ok(after.subarray(REGION_BYTES.from, REGION_BYTES.to).every((byte) => byte === 0));
      assert.ok(before.subarray(0, REGION_BYTES.from).equals(after.subarray(0, REGION_BYTES.from)));
      assert.ok(before.subarray(REGION_BYTES.to).equals(after.subarray(REGION_BYTES.to)));
      assert.deepEqual(await readdir(dir), ['call-pcm_s16le.wav']);
    }));

  test('in place: a change that fails verification is undone from the journal', () =>
    withTempDir(async (dir) => {
      const input = await stereoWav(dir, 'pcm_u8');
      const before = await readFile(input);
      const result = await redactFile(input, 'unused', INAUDIBLE_BEEP, true);
      assert.equal(result.output, null);
      assert.equal(result.verification.passed, false);
      assert.ok((await readFile(input)).equals(before), 'the recording is as it was');
      assert.deepEqual(await readdir(dir), ['call-pcm_u8.wav']);
    }));

  test('headerless μ-law: the region becomes 0xFF, the encoding’s silence', () =>
    withTempDir(async (dir) => {
      const input = join(dir, 'call.ul');
      const samples = Buffer.alloc(3 * RATE, 0x2a);
      await writeFile(input, samples);
      const source = await inspectAudio(input, { raw: { sampleRate: RATE, channels: 1, encoding: 'mulaw' } });
      assert.equal(source.format, 'raw/mulaw');
      const output = join(dir, 'out.ul');
      const result = await redactAudio({ source, output, regions: [REGION], mode: { kind: 'silence' } });
      assert.equal(result.verification.passed, true);
      const after = await readFile(output);
      assert.ok(after.subarray(RATE, 2 * RATE).every((byte) => byte === 0xff));
      assert.ok(after.subarray(0, RATE).equals(samples.subarray(0, RATE)));
      assert.ok(after.subarray(2 * RATE).equals(samples.subarray(2 * RATE)));
    }));

  test('clip mode loops a clip file decoded at the recording’s rate', () =>
    withTempDir(async (dir) => {
      const input = await stereoWav(dir);
      const clip = join(dir, 'clip.wav');
      // A 16 kHz mono clip of a different pitch than the recording: resampled, then looped.
      const clipSamples = new Float32Array(4000).map(
        (_, i) => 0.3 * Math.sin((2 * Math.PI * 750 * i) / 16000),
      );
      await writeFile(
        clip,
        buildWav({ encoding: 'pcm_s16le', sampleRate: 16000, channels: 1, samples: clipSamples }),
      );
      const output = join(dir, 'clip-out.wav');
      const result = await redactFile(input, output, { kind: 'clip', file: clip, levelDbfs: -20 });
      assert.equal(result.verification.passed, true);
      const level = result.verification.regions[0]!.levelDbfs;
      assert.ok(Math.abs(level + 20) < 1.5, `clip level ${level} dBFS`);
    }));
});
