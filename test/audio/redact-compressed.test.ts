import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { probeAudio } from '../../src/audio/ffmpeg/probe.js';
import { redactAudio, type ModeRequest } from '../../src/audio/redact.js';
import { inspectAudio } from '../../src/audio/validate.js';
import { HushError } from '../../src/errors.js';
import { FORMAT_CASES, generate } from './ffmpeg/generate.js';
import { withTempDir } from './wav/fixture.js';

const REGION = { start: 1000, end: 1800, channel: null };

function formatCase(format: string) {
  return FORMAT_CASES.find((candidate) => candidate.format === format)!;
}

async function recording(dir: string, format: string): Promise<string> {
  const spec = formatCase(format);
  const path = join(dir, `call.${spec.extension}`);
  await generate(path, { seconds: 3, ...spec });
  return path;
}

async function redactFile(input: string, output: string, mode: ModeRequest) {
  const source = await inspectAudio(input);
  return { source, result: await redactAudio({ source, output, regions: [REGION], mode }) };
}

describe('redactAudio on compressed audio', () => {
  test('MP3 in silence mode: muted frames, no re-encoding, bytes outside them proven unchanged', () =>
    withTempDir(async (dir) => {
      const input = await recording(dir, 'mp3/mp3');
      const output = join(dir, 'out', 'call.mp3');
      const { source, result } = await redactFile(input, output, { kind: 'silence' });
      assert.equal(source.kind, 'mp3');
      assert.equal(result.path, 'mp3');
      assert.equal(result.output, output);
      assert.equal(result.verification.passed, true);
      assert.equal(result.verification.outside?.passed, true);
      // Whole frames: what was muted covers the region, on every channel.
      const [muted] = result.replaced;
      assert.ok(muted!.start <= REGION.start && muted!.end >= REGION.end && muted!.channel === null);
      assert.equal((await readFile(output)).length, (await readFile(input)).length);
    }));

  test('MP3 with a beep goes through ffmpeg and comes back an MP3 of the same rate and channels', () =>
    withTempDir(async (dir) => {
      const input = await recording(dir, 'mp3/mp3');
      const output = join(dir, 'out', 'call.mp3');
      const { result } = await redactFile(input, output, { kind: 'beep', frequencyHz: 1000, levelDbfs: -20 });
      assert.equal(result.path, 'ffmpeg');
      assert.equal(result.verification.passed, true, JSON.stringify(result.verification));
      assert.equal(result.verification.outside, null, 'a re-encoded file changes every byte');
      const probe = await probeAudio(output);
      assert.deepEqual(
        [probe.container, probe.codec, probe.sampleRate, probe.channels],
        ['mp3', 'mp3', 8000, 1],
      );
      assert.deepEqual(await readdir(join(dir, 'out')), ['call.mp3'], 'temporary WAVs removed');
    }));

  test('Ogg Opus is decoded, silenced and encoded back as Ogg Opus', () =>
    withTempDir(async (dir) => {
      const input = await recording(dir, 'ogg/opus');
      const output = join(dir, 'call.redacted.ogg');
      const { source, result } = await redactFile(input, output, { kind: 'silence' });
      assert.equal(source.format, 'ogg/opus');
      assert.equal(result.path, 'ffmpeg');
      assert.equal(result.verification.passed, true, JSON.stringify(result.verification));
      assert.ok(result.verification.regions.every((check) => check.levelDbfs < -60));
      const probe = await probeAudio(output);
      assert.deepEqual([probe.container, probe.codec, probe.channels], ['ogg', 'opus', 2]);
    }));

  test('in place refuses a compressed recording, before touching it', () =>
    withTempDir(async (dir) => {
      const input = await recording(dir, 'mp3/mp3');
      const before = await readFile(input);
      const source = await inspectAudio(input);
      await assert.rejects(
        redactAudio({ source, output: input, regions: [REGION], mode: { kind: 'silence' }, inPlace: true }),
        (error: unknown) =>
          error instanceof HushError && /--in-place rewrites only uncompressed/.test(error.message),
      );
      assert.ok((await readFile(input)).equals(before));
    }));
});
