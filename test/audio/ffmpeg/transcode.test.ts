import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileArg } from '../../../src/audio/ffmpeg/binary.js';
import { probeAudio } from '../../../src/audio/ffmpeg/probe.js';
import {
  decodeClip,
  decodeToWav,
  decodeSlicesToWav,
  encodeLike,
  isFallbackFormat,
  maxPaddingFrames,
} from '../../../src/audio/ffmpeg/transcode.js';
import { frameCount } from '../../../src/audio/layout.js';
import { scanMp3 } from '../../../src/audio/mp3/scan.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import { HushError } from '../../../src/errors.js';
import { withTempDir } from '../wav/fixture.js';
import { ffmpeg, FORMAT_CASES, generate } from './generate.js';

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

describe('decode to WAV and encode like the original', () => {
  for (const format of FORMAT_CASES) {
    test(`${format.format}: same container, codec, rate, channels and bit rate; length within one codec frame`, async () => {
      await withTempDir(async (dir) => {
        const original = join(dir, `call.${format.extension}`);
        await generate(original, { seconds: 2, ...format });
        const before = await probeAudio(original);
        assert.ok(isFallbackFormat(before));

        const wav = join(dir, 'decoded.wav');
        await decodeToWav(original, wav, 'pcm_f32le');
        const { layout } = await readWavInfo(wav);
        assert.deepEqual(
          [layout.encoding, layout.sampleRate, layout.channels],
          ['pcm_f32le', before.sampleRate, before.channels],
        );
        assert.equal(frameCount(layout), before.frames, 'the WAV holds every decoded frame');

        const output = join(dir, `out.${format.extension}`);
        await encodeLike(wav, output, before);
        const after = await probeAudio(output);
        assert.deepEqual(
          [after.container, after.codec, after.sampleRate, after.channels, after.sampleFormat],
          [before.container, before.codec, before.sampleRate, before.channels, before.sampleFormat],
        );
        // Encoder priming is trimmed by every container here; only the last frame's padding may remain.
        assert.ok(
          after.frames >= before.frames && after.frames <= before.frames + maxPaddingFrames(before.codec),
          `${before.frames} → ${after.frames} frames`,
        );
        if (before.codec !== 'flac' && before.codec !== 'opus') {
          // A stream bit rate (Opus in Ogg/WebM has none: its file rate includes container overhead).
          const ratio = after.bitRate! / before.bitRate!;
          assert.ok(ratio > 0.8 && ratio < 1.25, `bit rate ${before.bitRate} → ${after.bitRate}`);
        }
      });
    });
  }

  test('16-bit decoding and a FLAC at 24 bits keep their depth', async () => {
    await withTempDir(async (dir) => {
      const original = join(dir, 'deep.flac');
      await generate(original, {
        seconds: 0.5,
        sampleRate: 8000,
        channels: 1,
        args: ['-c:a', 'flac', '-sample_fmt', 's32'],
      });
      const wav16 = join(dir, 'decoded16.wav');
      await decodeToWav(original, wav16, 'pcm_s16le');
      assert.equal((await readWavInfo(wav16)).layout.encoding, 'pcm_s16le');
      const wav = join(dir, 'decoded.wav');
      await decodeToWav(original, wav, 'pcm_f32le');
      const output = join(dir, 'out.flac');
      await encodeLike(wav, output, await probeAudio(original));
      assert.match((await probeAudio(output)).sampleFormat, /^s32 \(24 bit\)/);
    });
  });

  test('formats outside the allow-list are refused, naming the file and the format', async () => {
    await withTempDir(async (dir) => {
      const wav = join(dir, 'call.wav');
      await generate(wav, { seconds: 0.2, sampleRate: 8000, channels: 1, args: ['-c:a', 'pcm_s16le'] });
      const probe = await probeAudio(wav);
      assert.equal(isFallbackFormat(probe), false);
      const output = join(dir, 'out.wav');
      await assert.rejects(encodeLike(wav, output, probe), (error: unknown) => {
        assert.ok(error instanceof HushError);
        assert.equal(error.code, 'AUDIO_UNSUPPORTED');
        assert.match(
          error.message,
          /call\.wav: Hush cannot write wav\/pcm_s16le back \(it re-encodes mp3, ogg\/opus/,
        );
        return true;
      });
      assert.equal(isFallbackFormat({ container: 'ogg', codec: 'flac' }), false);
      assert.equal(isFallbackFormat({ container: 'matroska', codec: 'opus' }), false);
      assert.equal(existsSync(output), false);
    });
  });

  test('a file with a second stream is refused: re-encoding would drop it', async () => {
    await withTempDir(async (dir) => {
      const two = join(dir, 'two.ogg');
      const tone = 'sine=frequency=440:sample_rate=48000:duration=0.3';
      await ffmpeg([
        '-f',
        'lavfi',
        '-i',
        tone,
        '-f',
        'lavfi',
        '-i',
        tone,
        '-map',
        '0',
        '-map',
        '1',
        '-c:a',
        'libopus',
        fileArg(two),
      ]);
      const probe = await probeAudio(two);
      assert.equal(probe.otherStreams, 1);
      const wav = join(dir, 'decoded.wav');
      await decodeToWav(two, wav, 'pcm_f32le');
      await assert.rejects(
        encodeLike(wav, join(dir, 'out.ogg'), probe),
        /two\.ogg: has 1 stream\(s\) besides its audio/,
      );
    });
  });

  test('a file ffmpeg cannot decode leaves no output behind', async () => {
    await withTempDir(async (dir) => {
      const bad = join(dir, 'bad.ogg');
      await writeFile(bad, Buffer.alloc(1000, 0x4f));
      const wav = join(dir, 'decoded.wav');
      await assert.rejects(decodeToWav(bad, wav, 'pcm_f32le'), (error: unknown) => {
        assert.ok(error instanceof HushError);
        assert.equal(error.code, 'AUDIO_INVALID');
        assert.match(error.message, /bad\.ogg: ffmpeg could not decode it/);
        return true;
      });
      assert.equal(existsSync(wav), false);
    });
  });
});

describe('decodeSlicesToWav', () => {
  test('MP3 frames cut out by their offsets decode on their own, each slice to its own WAV', async () => {
    await withTempDir(async (dir) => {
      const mp3 = join(dir, 'call.mp3');
      await generate(mp3, {
        seconds: 3,
        sampleRate: 8000,
        channels: 2,
        args: ['-c:a', 'libmp3lame', '-b:a', '24k'],
      });
      const { frames, format } = await scanMp3(mp3);
      const runs = [
        [0, 9],
        [20, 21],
        [frames.count - 5, frames.count - 1],
      ] as const;
      const slices = runs.map(([first, last]) => ({
        offset: frames.offset[first]!,
        length: frames.offset[last]! + frames.length[last]! - frames.offset[first]!,
      }));
      const outputs = runs.map((_, i) => join(dir, `slice-${i}.wav`));
      await decodeSlicesToWav(mp3, 'mp3', slices, outputs, 'pcm_f32le');
      for (const [i, [first, last]] of runs.entries()) {
        const { layout } = await readWavInfo(outputs[i]!);
        assert.equal(layout.channels, 2);
        assert.equal(frameCount(layout), (last - first + 1) * format.samplesPerFrame, `slice ${i}`);
      }
    });
  });
});

describe('decodeClip', () => {
  test('a clip comes back mono at the recording rate, at its level', async () => {
    await withTempDir(async (dir) => {
      const clip = join(dir, 'clip.ogg');
      await generate(clip, { seconds: 0.5, sampleRate: 48000, channels: 1, args: ['-c:a', 'libvorbis'] });
      const samples = await decodeClip(clip, 8000);
      assert.ok(Math.abs(samples.length - 4000) <= 128, `${samples.length} samples`);
      // A tone of amplitude 0.5: RMS 0.354.
      assert.ok(Math.abs(rms(samples) - 0.354) < 0.03, `RMS ${rms(samples)}`);
      const stereo = join(dir, 'stereo.flac');
      await generate(stereo, { seconds: 0.25, sampleRate: 16000, channels: 2, args: ['-c:a', 'flac'] });
      assert.equal((await decodeClip(stereo, 8000)).length, 2000);
    });
  });

  test('a clip that is not audio is refused', async () => {
    await withTempDir(async (dir) => {
      const clip = join(dir, 'clip.txt');
      await writeFile(clip, 'hello');
      await assert.rejects(decodeClip(clip, 8000), /clip\.txt: the replacement clip could not be decoded/);
    });
  });
});
