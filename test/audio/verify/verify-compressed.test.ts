import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileArg } from '../../../src/audio/ffmpeg/binary.js';
import { formatName, probeAudio, type AudioProbe } from '../../../src/audio/ffmpeg/probe.js';
import { decodeToWav, encodeLike } from '../../../src/audio/ffmpeg/transcode.js';
import { toFrameRegions } from '../../../src/audio/layout.js';
import { readMp3Info, redactMp3 } from '../../../src/audio/mp3/index.js';
import { redactPcm } from '../../../src/audio/pcm/redact.js';
import type { ReplacementMode } from '../../../src/audio/replacement.js';
import { verifyAudio, type VerifiedRegion } from '../../../src/audio/verify/verify.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import { tones, withTempDir, writeWav } from '../wav/fixture.js';
import { failures } from './failures.js';
import { ffmpeg, FORMAT_CASES, generate, type FormatCase } from '../ffmpeg/generate.js';

const REGION: VerifiedRegion = { start: 1000, end: 2000, channel: null };
const SILENCE: ReplacementMode = { kind: 'silence' };

/** The ffmpeg fallback as Hush runs it: decode, redact the PCM natively, encode like the original. */
async function reencode(
  dir: string,
  original: string,
  probe: AudioProbe,
  mode: ReplacementMode | null,
  name = 'out',
) {
  const decoded = join(dir, `${name}-decoded.wav`);
  await decodeToWav(original, decoded, 'pcm_f32le');
  let wav = decoded;
  if (mode) {
    wav = join(dir, `${name}-redacted.wav`);
    const { layout } = await readWavInfo(decoded);
    await redactPcm({ input: decoded, output: wav, layout, regions: toFrameRegions([REGION], layout), mode });
  }
  const output = join(dir, `${name}.${original.split('.').pop()}`);
  await encodeLike(wav, output, probe);
  return output;
}

function verifyReencoded(
  original: string,
  output: string,
  probe: AudioProbe,
  mode: ReplacementMode = SILENCE,
) {
  return verifyAudio({
    input: original,
    output,
    kind: 'ffmpeg',
    regions: [REGION],
    mode,
    changed: null,
    expect: {
      format: formatName(probe),
      channels: probe.channels,
      durationMs: probe.durationMs,
      sampleRate: probe.sampleRate,
    },
  });
}

async function original(dir: string, format: FormatCase): Promise<{ path: string; probe: AudioProbe }> {
  const path = join(dir, `call.${format.extension}`);
  await generate(path, { seconds: 3, ...format });
  return { path, probe: await probeAudio(path) };
}

const opus = FORMAT_CASES.find((format) => format.format === 'ogg/opus')!;

describe('verifyAudio on re-encoded recordings', () => {
  for (const format of FORMAT_CASES) {
    test(`${format.format}: decode → silence → encode passes; the region is below -60 dBFS`, async () => {
      await withTempDir(async (dir) => {
        const { path, probe } = await original(dir, format);
        const output = await reencode(dir, path, probe, SILENCE);
        const verification = await verifyReencoded(path, output, probe);
        assert.deepEqual(failures(verification), []);
        assert.equal(verification.outside, null, 're-encoding changes every byte');
        assert.ok(verification.regions[0]!.levelDbfs < -60, `${verification.regions[0]!.levelDbfs} dBFS`);
        assert.equal(verification.format.output, `${formatName(probe)}, ${format.sampleRate} Hz`);
      });
    });
  }

  test('ogg/opus re-encoded without redacting fails the region', async () => {
    await withTempDir(async (dir) => {
      const { path, probe } = await original(dir, opus);
      const output = await reencode(dir, path, probe, null);
      const verification = await verifyReencoded(path, output, probe);
      assert.deepEqual(failures(verification), ['region 0']);
      assert.ok(verification.regions[0]!.levelDbfs > -10);
    });
  });

  test('ogg/opus with a channel dropped fails the channel check; cut short, the duration check', async () => {
    await withTempDir(async (dir) => {
      const { path, probe } = await original(dir, opus);
      const redacted = await reencode(dir, path, probe, SILENCE);
      const mono = join(dir, 'mono.ogg');
      await ffmpeg(['-i', fileArg(redacted), '-ac', '1', '-c:a', 'libopus', fileArg(mono)]);
      assert.deepEqual(failures(await verifyReencoded(path, mono, probe)), ['channels']);
      const short = join(dir, 'short.ogg');
      await ffmpeg(['-i', fileArg(redacted), '-t', '2.9', '-c:a', 'libopus', fileArg(short)]);
      const verification = await verifyReencoded(path, short, probe);
      assert.deepEqual(failures(verification), ['duration']);
      assert.ok(Math.abs(verification.duration.outputMs - 2900) < 1);
    });
  });

  test('ogg/opus turned into ogg/vorbis fails the format check', async () => {
    await withTempDir(async (dir) => {
      const { path, probe } = await original(dir, opus);
      const redacted = await reencode(dir, path, probe, SILENCE);
      const vorbis = join(dir, 'vorbis.ogg');
      await ffmpeg(['-i', fileArg(redacted), '-c:a', 'libvorbis', fileArg(vorbis)]);
      const verification = await verifyReencoded(path, vorbis, probe);
      assert.ok(failures(verification).includes('format'));
      assert.equal(verification.format.output, 'ogg/vorbis, 48000 Hz');
    });
  });

  const lowRateAac: FormatCase = {
    format: 'm4a/aac',
    extension: 'm4a',
    sampleRate: 16000,
    channels: 1,
    args: ['-c:a', 'aac', '-b:a', '16k', '-f', 'ipod'],
  };
  for (const format of [opus, lowRateAac]) {
    for (const mode of [
      { kind: 'beep', frequencyHz: 1000, levelDbfs: -20 },
      { kind: 'noise', levelDbfs: -30 },
    ] satisfies ReplacementMode[]) {
      test(`${format.format} ${format.args.join(' ')}, ${mode.kind}: at its level after re-encoding, and not the original`, async () => {
        await withTempDir(async (dir) => {
          const { path, probe } = await original(dir, format);
          const output = await reencode(dir, path, probe, mode);
          const verification = await verifyReencoded(path, output, probe, mode);
          assert.deepEqual(failures(verification), []);
          // The beep sits in every codec's passband; noise loses what lies above the codec's band.
          const { levelDbfs } = verification.regions[0]!;
          assert.ok(
            levelDbfs <= mode.levelDbfs + 1 && levelDbfs > mode.levelDbfs - (mode.kind === 'beep' ? 1 : 6),
            `${levelDbfs} dBFS`,
          );
        });
      });
    }
  }

  test('noise re-encoded over the original fails: it correlates with it', async () => {
    await withTempDir(async (dir) => {
      const { path, probe } = await original(dir, opus);
      const decoded = join(dir, 'decoded.wav');
      await decodeToWav(path, decoded, 'pcm_f32le');
      // The original and noise mixed (amix halves each), about -15 dBFS: what "noise" must not be.
      const mixed = join(dir, 'mixed.ogg');
      const noise = 'anoisesrc=color=white:amplitude=0.3:sample_rate=48000:duration=3';
      await ffmpeg([
        ...['-i', fileArg(decoded), '-f', 'lavfi', '-i', noise, '-filter_complex'],
        ...[
          '[1:a]aformat=channel_layouts=stereo[n];[0:a][n]amix=inputs=2',
          '-c:a',
          'libopus',
          fileArg(mixed),
        ],
      ]);
      const claimed: ReplacementMode = { kind: 'noise', levelDbfs: -15 };
      const verification = await verifyReencoded(path, mixed, probe, claimed);
      const { levelDbfs } = verification.regions[0]!;
      assert.ok(Math.abs(levelDbfs - claimed.levelDbfs) < 3, `the level alone passes: ${levelDbfs} dBFS`);
      assert.deepEqual(failures(verification), ['region 0']);
    });
  });
});

describe('verifyAudio on natively muted MP3', () => {
  const RATE = 8000;
  const mp3Args = ['-c:a', 'libmp3lame', '-b:a', '24k'];

  async function mp3Pair(dir: string) {
    const speech = join(dir, 'speech.wav');
    await writeWav(speech, {
      encoding: 'pcm_s16le',
      sampleRate: RATE,
      channels: 1,
      samples: tones(1, RATE * 3, RATE),
    });
    const input = join(dir, 'call.mp3');
    await ffmpeg(['-i', fileArg(speech), ...mp3Args, fileArg(input)]);
    return { input, info: await readMp3Info(input) };
  }

  function verifyMp3(
    input: string,
    output: string,
    durationMs: number,
    changed: { offset: number; length: number }[] | null,
  ) {
    return verifyAudio({
      input,
      output,
      kind: 'mp3',
      regions: [REGION],
      mode: SILENCE,
      changed,
      expect: { format: 'mp3', channels: 1, durationMs, sampleRate: RATE },
    });
  }

  test('muted by the MP3 redactor: passes, with the bytes outside its edits unchanged', async () => {
    await withTempDir(async (dir) => {
      const { input, info } = await mp3Pair(dir);
      const output = join(dir, 'out.mp3');
      const { changed } = await redactMp3({ input, output, regions: [REGION] });
      const verification = await verifyMp3(input, output, info.durationMs, changed);
      assert.deepEqual(failures(verification), []);
      assert.equal(verification.regions[0]!.levelDbfs, -Infinity);
      assert.equal(verification.outside?.passed, true);
    });
  });

  test('an MP3 whose region still holds the audio fails that region', async () => {
    await withTempDir(async (dir) => {
      const { input, info } = await mp3Pair(dir);
      const output = join(dir, 'out.mp3');
      await copyFile(input, output);
      const verification = await verifyMp3(input, output, info.durationMs, []);
      assert.deepEqual(failures(verification), ['region 0']);
    });
  });

  test('an MP3 of another length fails the duration check', async () => {
    await withTempDir(async (dir) => {
      const { input, info } = await mp3Pair(dir);
      const output = join(dir, 'out.mp3');
      await ffmpeg(['-i', fileArg(input), '-t', '2.5', ...mp3Args, fileArg(output)]);
      const verification = await verifyMp3(input, output, info.durationMs, null);
      assert.ok(failures(verification).includes('duration'));
    });
  });
});
