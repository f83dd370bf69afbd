import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decodeToWav } from '../../../src/audio/ffmpeg/transcode.js';
import { frameCount } from '../../../src/audio/layout.js';
import { streamTimeline } from '../../../src/audio/mp3/info.js';
import { scanMp3 } from '../../../src/audio/mp3/scan.js';
import { readPcmFrames } from '../../../src/audio/pcm/read.js';
import { mp3SpanReader } from '../../../src/audio/verify/mp3-slices.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import { withTempDir } from '../wav/fixture.js';
import { generate } from '../ffmpeg/generate.js';

describe('mp3SpanReader', () => {
  for (const [rate, channels, bitRate] of [
    [8000, 1, '16k'],
    [44100, 2, '64k'],
  ] as const) {
    test(`${rate} Hz, ${channels} channel(s): the samples of a whole decode, sample for sample`, async () => {
      await withTempDir(async (dir) => {
        const mp3 = join(dir, 'call.mp3');
        await generate(mp3, {
          seconds: 6,
          sampleRate: rate,
          channels,
          args: ['-c:a', 'libmp3lame', '-b:a', bitRate],
        });
        const whole = join(dir, 'whole.wav');
        await decodeToWav(mp3, whole, 'pcm_f32le');
        const { layout } = await readWavInfo(whole);
        const total = frameCount(layout);
        const stream = await scanMp3(mp3);
        const line = streamTimeline(stream);
        assert.equal(line.samples, total, 'the timeline and ffmpeg agree on the length');

        // At the very start (no lead-in possible), in the middle, and up to the last sample.
        const spans = [
          { startFrame: 0, endFrame: rate / 2, channel: null },
          { startFrame: 2 * rate + 123, endFrame: 3 * rate, channel: null },
          { startFrame: total - rate, endFrame: total, channel: null },
        ];
        const read = await mp3SpanReader(mp3, stream, line, spans, join(dir, 'slice'));
        for (const span of spans) {
          const got = await read(span.startFrame, span.endFrame);
          const want = await readPcmFrames(whole, layout, span.startFrame, span.endFrame);
          for (let channel = 0; channel < channels; channel++) {
            assert.equal(got[channel]!.length, span.endFrame - span.startFrame);
            const worst = got[channel]!.reduce(
              (max, value, i) => Math.max(max, Math.abs(value - want[channel]![i]!)),
              0,
            );
            assert.ok(worst < 1e-6, `frames ${span.startFrame}…: largest difference ${worst}`);
          }
        }
      });
    });
  }
});
