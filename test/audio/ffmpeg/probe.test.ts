import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ffmpegPath, runFfmpeg } from '../../../src/audio/ffmpeg/binary.js';
import {
  describeAudio,
  formatName,
  parseStreamDescription,
  probeAudio,
} from '../../../src/audio/ffmpeg/probe.js';
import { maxPaddingFrames } from '../../../src/audio/ffmpeg/transcode.js';
import { HushError } from '../../../src/errors.js';
import { withTempDir } from '../wav/fixture.js';
import { FORMAT_CASES, generate } from './generate.js';

const SECONDS = 1.5;

function rejectsWith(code: string, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof HushError, `a HushError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('probeAudio', () => {
  for (const format of FORMAT_CASES) {
    test(`${format.format}: container, codec, rate, channels and the exact decoded length`, async () => {
      await withTempDir(async (dir) => {
        const path = join(dir, `tone.${format.extension}`);
        await generate(path, { seconds: SECONDS, ...format });
        const probe = await probeAudio(path);
        assert.equal(`${probe.container}/${probe.codec}`, format.format);
        // Named as validation and the native MP3 path name formats.
        assert.equal(formatName(probe), format.format === 'mp3/mp3' ? 'mp3' : format.format);
        assert.equal(probe.sampleRate, format.sampleRate);
        assert.equal(probe.channels, format.channels);
        assert.equal(probe.otherStreams, 0);
        assert.equal(probe.path, path);
        const expected = SECONDS * format.sampleRate;
        // Opus, FLAC and MP3 (LAME header) decode to exactly what was encoded; AAC and Vorbis pad their last frame.
        assert.ok(
          probe.frames >= expected && probe.frames <= expected + maxPaddingFrames(probe.codec),
          `${probe.frames} frames`,
        );
        assert.equal(probe.durationMs, (probe.frames * 1000) / probe.sampleRate);
        if (format.format !== 'flac/flac')
          assert.ok(probe.bitRate !== null && probe.bitRate > 8000, `bit rate ${probe.bitRate}`);

        // The header alone says the same, without the count.
        const header = await describeAudio(path);
        assert.deepEqual({ ...header, frames: probe.frames, durationMs: probe.durationMs }, probe);
        assert.equal('frames' in header, false);
      });
    });
  }

  test('a 24-bit FLAC reports its sample format, a WAV its PCM codec', async () => {
    await withTempDir(async (dir) => {
      const flac = join(dir, 'deep.flac');
      await generate(flac, {
        seconds: 0.2,
        sampleRate: 8000,
        channels: 1,
        args: ['-c:a', 'flac', '-sample_fmt', 's32'],
      });
      assert.match((await probeAudio(flac)).sampleFormat, /^s32/);
      const wav = join(dir, 'law.wav');
      await generate(wav, { seconds: 0.2, sampleRate: 8000, channels: 1, args: ['-c:a', 'pcm_mulaw'] });
      const probe = await probeAudio(wav);
      assert.equal(`${probe.container}/${probe.codec}`, 'wav/pcm_mulaw');
      assert.equal(probe.frames, 1600);
    });
  });

  test('what is not a recording is refused, naming the file and the problem', async () => {
    await withTempDir(async (dir) => {
      const text = join(dir, 'notes.txt');
      await writeFile(text, 'not audio at all\n');
      await assert.rejects(
        probeAudio(text),
        rejectsWith('AUDIO_INVALID', /notes\.txt: not a recording: it has no audio stream/),
      );
      const noise = join(dir, 'noise.bin');
      await writeFile(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)));
      await assert.rejects(
        probeAudio(noise),
        rejectsWith('AUDIO_INVALID', /noise\.bin: not a recording: ffmpeg cannot read it/),
      );
      await assert.rejects(
        probeAudio(join(dir, 'missing.ogg')),
        rejectsWith('IO', /missing\.ogg: no such file/),
      );
      await assert.rejects(describeAudio(dir), rejectsWith('IO', /not a regular file/));
    });
  });

  test('a FLAC cut short is refused: its header promises more audio than decodes', async () => {
    await withTempDir(async (dir) => {
      const whole = join(dir, 'whole.flac');
      await generate(whole, { seconds: 3, sampleRate: 16000, channels: 1, args: ['-c:a', 'flac'] });
      const bytes = await readFile(whole);
      const cut = join(dir, 'cut.flac');
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 3)));
      await assert.rejects(
        probeAudio(cut),
        rejectsWith(
          'AUDIO_INVALID',
          /cut\.flac: the header says 3\.00 s but only .* decode; is the file truncated\?/,
        ),
      );
    });
  });

  test('a path that looks like an ffmpeg protocol or option is read as a file', async () => {
    await withTempDir(async (dir) => {
      const odd = join(dir, '-i concat:x|y.ogg');
      await generate(odd, { seconds: 0.2, sampleRate: 48000, channels: 1, args: ['-c:a', 'libopus'] });
      assert.equal((await probeAudio(odd)).codec, 'opus');
    });
  });
});

describe('parseStreamDescription', () => {
  const described = (stream: string, extra = '') =>
    parseStreamDescription(
      `Input #0, matroska,webm, from 'file:x':\n${extra}  Duration: 00:01:02.50, start: 0.000000, bitrate: 99 kb/s\n` +
        `${stream}\nStream mapping:\n  Stream #0:0 -> #0:0 (opus -> pcm_u8)\nOutput #0, u8, to 'pipe:1':\n` +
        '    Stream #0:0: Audio: pcm_u8, 8000 Hz, mono, u8, 64 kb/s\n',
    );

  test('reads codec, rate, layout, sample format and bit rate; ignores the output part', () => {
    const info = described(
      '    Stream #0:0(eng): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, 5.1(side), fltp, 85 kb/s (default)',
    );
    assert.deepEqual(
      { ...info },
      {
        demuxer: 'matroska,webm',
        majorBrand: null,
        codec: 'aac',
        sampleRate: 44100,
        channels: 6,
        sampleFormat: 'fltp',
        bitRate: 85000,
        otherStreams: 0,
        headerDurationMs: 62500,
        estimated: false,
      },
    );
  });

  test('unnamed layouts count their channels; without a stream bit rate the file rate is used', () => {
    const info = described('    Stream #0:0: Audio: opus, 48000 Hz, 3 channels (FL+FR+LFE), fltp');
    assert.equal(info?.channels, 3);
    assert.equal(info?.bitRate, 99000);
    assert.equal(
      described('    Stream #0:0: Audio: pcm_s16le, 8000 Hz, 1 channels, s16, 128 kb/s')?.channels,
      1,
    );
  });

  test('counts other streams (cover art, video) and reads the MP4 brand', () => {
    const info = described(
      '    Stream #0:0: Audio: mp3, 8000 Hz, mono, fltp, 24 kb/s\n    Stream #0:1: Video: mjpeg, yuvj420p, 300x300, 90k tbr (attached pic)',
      '  Metadata:\n    major_brand     : M4A \n',
    );
    assert.equal(info?.otherStreams, 1);
    assert.equal(info?.majorBrand, 'M4A');
  });

  test('null without an audio stream or an input section', () => {
    assert.equal(described('    Stream #0:0: Video: ansi, pal8, 640x400, 25 fps'), null);
    assert.equal(parseStreamDescription('x.ogg: Invalid data found when processing input\n'), null);
  });
});

describe('ffmpegPath', () => {
  test('finds a binary that runs', () => {
    const result = spawnSync(ffmpegPath(), ['-hide_banner', '-version'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^ffmpeg version/);
  });

  test('HUSH_FFMPEG naming something that is not ffmpeg is an error, not a silent fallback', () => {
    const binary = fileURLToPath(new URL('../../../src/audio/ffmpeg/binary.ts', import.meta.url));
    const script = `import { ffmpegPath } from ${JSON.stringify(binary)};
try { ffmpegPath(); console.log('found'); } catch (error) { console.log(error.code, error.message); }`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, HUSH_FFMPEG: '/bin/false' },
    });
    assert.match(
      result.stdout,
      /^FFMPEG_UNAVAILABLE HUSH_FFMPEG is \/bin\/false, which does not run as ffmpeg/,
    );
  });

  test('a run that does not end is killed at its time limit, with an error saying what it was doing', async () => {
    // An endless silent source: only the time limit stops it.
    const endless = runFfmpeg(['-f', 'lavfi', '-i', 'anullsrc', '-f', 'null', '-'], {
      timeoutMs: 300,
      task: 'decoding x.ogg',
    });
    await assert.rejects(
      endless,
      rejectsWith('IO', /^decoding x\.ogg: ffmpeg did not finish within 0\.3 s$/),
    );
  });
});
