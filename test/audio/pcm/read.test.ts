import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { readPcmFrames } from '../../../src/audio/pcm/read.js';
import { HushError } from '../../../src/errors.js';
import { encode, tones, withTempDir } from '../wav/fixture.js';

describe('readPcmFrames', () => {
  test('reads a span of frames as one array per channel, across read chunks', async () => {
    await withTempDir(async (dir) => {
      const channels = 3;
      const frames = 70000; // more than one 64 Ki-frame read
      const samples = tones(channels, frames, 16000);
      const path = join(dir, 'tones.raw');
      await writeFile(path, Buffer.concat([Buffer.from('head'), encode(samples, 'pcm_s16le')]));
      const layout = {
        encoding: 'pcm_s16le' as const,
        sampleRate: 16000,
        channels,
        dataOffset: 4,
        dataLength: frames * 6,
      };
      const read = await readPcmFrames(path, layout, 100, 69990);
      assert.equal(read.length, channels);
      for (let channel = 0; channel < channels; channel++) {
        assert.equal(read[channel]!.length, 69890);
        for (const frame of [100, 65636, 65637, 69989]) {
          const expected = samples[frame * channels + channel]!;
          assert.ok(
            Math.abs(read[channel]![frame - 100]! - expected) < 1 / 32768,
            `channel ${channel} frame ${frame}`,
          );
        }
      }
      const clamped = await readPcmFrames(path, layout, 69995, 80000);
      assert.equal(clamped[0]!.length, 5);
    });
  });

  test('a file shorter than its layout says is an error naming the file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'short.raw');
      await writeFile(path, Buffer.alloc(100));
      const layout = {
        encoding: 'mulaw' as const,
        sampleRate: 8000,
        channels: 1,
        dataOffset: 0,
        dataLength: 200,
      };
      await assert.rejects(readPcmFrames(path, layout, 0, 200), (error: unknown) => {
        assert.ok(error instanceof HushError && error.code === 'AUDIO_INVALID');
        assert.match(error.message, /short\.raw/);
        return true;
      });
    });
  });
});
