import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rawLayout } from '../../../src/audio/pcm/raw.js';
import { HushError } from '../../../src/errors.js';

describe('rawLayout', () => {
  test('the whole file is interleaved sample data', () => {
    assert.deepEqual(rawLayout(48000, { sampleRate: 8000, channels: 2, encoding: 'mulaw' }, 'call.raw'), {
      encoding: 'mulaw',
      sampleRate: 8000,
      channels: 2,
      dataOffset: 0,
      dataLength: 48000,
    });
  });

  test('a size that is not whole frames, or a bad rate or channel count, is refused naming the file', () => {
    const refuses = (fn: () => unknown, code: string, problem: RegExp): void =>
      assert.throws(fn, (error: unknown) => {
        assert.ok(error instanceof HushError && error.code === code, String(error));
        assert.match(error.message, /^call\.raw: /);
        assert.match(error.message, problem);
        return true;
      });
    refuses(
      () => rawLayout(1001, { sampleRate: 8000, channels: 2, encoding: 'pcm_s16le' }, 'call.raw'),
      'AUDIO_INVALID',
      /1001 bytes is not a whole number of 4-byte frames/,
    );
    refuses(
      () => rawLayout(1000, { sampleRate: 0, channels: 1, encoding: 'alaw' }, 'call.raw'),
      'USAGE',
      /sample rate/,
    );
    refuses(
      () => rawLayout(1000, { sampleRate: 8000, channels: 1.5, encoding: 'alaw' }, 'call.raw'),
      'USAGE',
      /channel count/,
    );
  });
});
