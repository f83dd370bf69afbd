import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BYTES_PER_SAMPLE, silenceBytes, type SampleEncoding } from '../../../src/audio/encoding.js';
import {
  frameBytes,
  frameRegionBytes,
  toFrameRegions,
  type ByteRange,
  type PcmLayout,
} from '../../../src/audio/layout.js';
import { rawLayout } from '../../../src/audio/pcm/raw.js';
import { readPcmFrames } from '../../../src/audio/pcm/read.js';
import { redactPcm } from '../../../src/audio/pcm/redact.js';
import type { ReplacementMode } from '../../../src/audio/replacement.js';
import type { AudioVerification } from '../../../src/audio/verification.js';
import { verifyAudio, verifyInPlace, type VerifiedRegion } from '../../../src/audio/verify/verify.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import { tones, withTempDir, writeWav } from '../wav/fixture.js';
import { failures } from './failures.js';

const RATE = 8000;
const SECONDS = 3;
/** An all-channel region and a region on channel 1 only. */
const REGIONS: VerifiedRegion[] = [
  { start: 1000, end: 1500, channel: null },
  { start: 2000, end: 2400, channel: 1 },
];
const SILENCE: ReplacementMode = { kind: 'silence' };

interface Recording {
  path: string;
  bytes: Buffer;
  layout: PcmLayout;
  format: string;
}

async function record(
  dir: string,
  name: string,
  encoding: SampleEncoding = 'pcm_s16le',
  channels = 2,
): Promise<Recording> {
  const path = join(dir, name);
  const bytes = await writeWav(path, {
    encoding,
    sampleRate: RATE,
    channels,
    samples: tones(channels, RATE * SECONDS, RATE),
  });
  return { path, bytes, layout: (await readWavInfo(path)).layout, format: `wav/${encoding}` };
}

/** Silences `regions` by hand: each replaced sample becomes the encoding's silence. */
function silenceByHand(
  recording: Recording,
  regions: readonly VerifiedRegion[],
): { bytes: Buffer; changed: ByteRange[] } {
  const { layout } = recording;
  const bytes = Buffer.from(recording.bytes);
  const silence = silenceBytes(layout.encoding);
  const sampleBytes = BYTES_PER_SAMPLE[layout.encoding];
  const frames = toFrameRegions(regions, layout);
  for (const region of frames) {
    for (let frame = region.startFrame; frame < region.endFrame; frame++) {
      for (let channel = 0; channel < layout.channels; channel++) {
        if (region.channel !== null && region.channel !== channel) continue;
        silence.copy(bytes, layout.dataOffset + frame * frameBytes(layout) + channel * sampleBytes);
      }
    }
  }
  return { bytes, changed: frames.flatMap((region) => frameRegionBytes(region, layout)) };
}

async function verifyCopy(
  recording: Recording,
  output: string,
  changed: ByteRange[] | null,
  mode: ReplacementMode = SILENCE,
  regions = REGIONS,
): Promise<AudioVerification> {
  return verifyAudio({
    input: recording.path,
    output,
    kind: 'pcm',
    inputLayout: recording.layout,
    outputLayout: (await readWavInfo(output)).layout,
    regions,
    mode,
    changed,
    expect: { format: recording.format, channels: recording.layout.channels, durationMs: SECONDS * 1000 },
  });
}

describe('verifyAudio on uncompressed audio', () => {
  test('a correct silence redaction passes every check', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const { bytes, changed } = silenceByHand(input, REGIONS);
      const output = join(dir, 'out.wav');
      await writeFile(output, bytes);
      const verification = await verifyCopy(input, output, changed);
      assert.deepEqual(failures(verification), []);
      assert.deepEqual(
        verification.regions.map(({ start, end, channel, expected, levelDbfs }) => ({
          start,
          end,
          channel,
          expected,
          levelDbfs,
        })),
        [
          { start: 1000, end: 1500, channel: null, expected: 'silence', levelDbfs: -Infinity },
          { start: 2000, end: 2400, channel: 1, expected: 'silence', levelDbfs: -Infinity },
        ],
      );
      assert.deepEqual(verification.duration, { inputMs: 3000, outputMs: 3000, passed: true });
      assert.deepEqual(verification.format, {
        input: 'wav/pcm_s16le, 8000 Hz',
        output: 'wav/pcm_s16le, 8000 Hz',
        passed: true,
      });
      assert.deepEqual(verification.channels, { input: 2, output: 2, passed: true });
      assert.equal(verification.outside?.inputSha256, verification.outside?.outputSha256);
      assert.match(verification.outside!.inputSha256, /^[0-9a-f]{64}$/);
    });
  });

  test('speech left in a region fails that region', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const { changed } = silenceByHand(input, REGIONS);
      const { bytes } = silenceByHand(input, [REGIONS[0]!]); // the channel-1 region is left as it was
      const output = join(dir, 'out.wav');
      await writeFile(output, bytes);
      const verification = await verifyCopy(input, output, changed);
      assert.deepEqual(failures(verification), ['region 1']);
      assert.ok(verification.regions[1]!.levelDbfs > -10, `level ${verification.regions[1]!.levelDbfs}`);
    });
  });

  test('a single word left in a long silent region fails it (windowed, not diluted in the RMS)', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const long: VerifiedRegion[] = [{ start: 200, end: 2900, channel: null }];
      const { bytes, changed } = silenceByHand(input, long);
      // 30 ms of the original put back in the middle: -50 dBFS over the region, -6 dBFS in its window.
      const at = input.layout.dataOffset + 1500 * 8 * frameBytes(input.layout);
      input.bytes.copy(bytes, at, at, at + 240 * frameBytes(input.layout));
      const output = join(dir, 'out.wav');
      await writeFile(output, bytes);
      assert.deepEqual(failures(await verifyCopy(input, output, changed, SILENCE, long)), ['region 0']);
    });
  });

  test('one byte changed outside the regions fails the outside check', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const { bytes, changed } = silenceByHand(input, REGIONS);
      bytes[input.layout.dataOffset + 100 * frameBytes(input.layout)]! ^= 1;
      const output = join(dir, 'out.wav');
      await writeFile(output, bytes);
      const verification = await verifyCopy(input, output, changed);
      assert.deepEqual(failures(verification), ['outside']);
      assert.notEqual(verification.outside!.inputSha256, verification.outside!.outputSha256);
    });
  });

  test('a change to the other channel inside a one-channel region fails the outside check', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const { bytes, changed } = silenceByHand(input, REGIONS);
      // Channel 0 of a frame inside the channel-1 region: inside `changed`, but not the region's to change.
      bytes[input.layout.dataOffset + 2200 * 8 * frameBytes(input.layout)]! ^= 1;
      const output = join(dir, 'out.wav');
      await writeFile(output, bytes);
      const verification = await verifyCopy(input, output, changed);
      assert.deepEqual(failures(verification), ['outside']);
      assert.equal(
        verification.outside!.inputSha256,
        verification.outside!.outputSha256,
        'the hashes skip that span',
      );
    });
  });

  test('a frame dropped fails the duration check', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const { bytes, changed } = silenceByHand(input, REGIONS);
      const { layout } = input;
      const samples = Buffer.from(
        bytes.subarray(layout.dataOffset, layout.dataOffset + layout.dataLength - frameBytes(layout)),
      );
      const output = join(dir, 'out.wav');
      const header = Buffer.from(bytes.subarray(0, layout.dataOffset));
      header.writeUInt32LE(header.length + samples.length - 8, 4);
      header.writeUInt32LE(samples.length, layout.dataOffset - 4);
      await writeFile(output, Buffer.concat([header, samples]));
      const verification = await verifyCopy(input, output, changed);
      assert.ok(failures(verification).includes('duration'));
      assert.deepEqual(verification.duration, { inputMs: 3000, outputMs: 3000 - 1000 / RATE, passed: false });
    });
  });

  test('a channel count changed fails the channel check', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const output = join(dir, 'out.wav');
      await writeWav(output, {
        encoding: 'pcm_s16le',
        sampleRate: RATE,
        channels: 1,
        samples: new Float32Array(RATE * SECONDS),
      });
      const verification = await verifyCopy(input, output, null, SILENCE, [REGIONS[0]!]);
      assert.deepEqual(failures(verification), ['channels']);
      assert.deepEqual(verification.channels, { input: 2, output: 1, passed: false });
    });
  });

  test('μ-law silence is its own code (0xFF); zero bytes, full scale in μ-law, fail', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav', 'mulaw');
      const { bytes, changed } = silenceByHand(input, REGIONS);
      const output = join(dir, 'out.wav');
      await writeFile(output, bytes);
      assert.deepEqual(failures(await verifyCopy(input, output, changed)), []);
      const region = changed[0]!;
      bytes.fill(0, region.offset, region.offset + region.length);
      await writeFile(output, bytes);
      assert.deepEqual(failures(await verifyCopy(input, output, changed)), ['region 0']);
    });
  });

  test('raw PCM is read with the layout it was given', async () => {
    await withTempDir(async (dir) => {
      const wav = await record(dir, 'call.wav');
      const raw = join(dir, 'call.raw');
      const samples = wav.bytes.subarray(wav.layout.dataOffset);
      await writeFile(raw, samples);
      const layout = rawLayout(samples.length, { sampleRate: RATE, channels: 2, encoding: 'pcm_s16le' }, raw);
      const recording = { path: raw, bytes: samples, layout, format: 'raw/pcm_s16le' };
      const { bytes, changed } = silenceByHand(recording, REGIONS);
      const output = join(dir, 'out.raw');
      await writeFile(output, bytes);
      const verification = await verifyAudio({
        input: raw,
        output,
        kind: 'pcm',
        inputLayout: layout,
        outputLayout: layout,
        regions: REGIONS,
        mode: SILENCE,
        changed,
        expect: { format: 'raw/pcm_s16le', channels: 2, durationMs: 3000 },
      });
      assert.deepEqual(failures(verification), []);
      assert.equal(verification.format.output, 'raw/pcm_s16le, 8000 Hz');
    });
  });
});

describe('verifyAudio on beep, noise and clip', () => {
  async function redacted(dir: string, mode: ReplacementMode, regions = REGIONS) {
    const input = await record(dir, 'call.wav');
    const output = join(dir, `out-${mode.kind}.wav`);
    const { changed } = await redactPcm({
      input: input.path,
      output,
      layout: input.layout,
      regions: toFrameRegions(regions, input.layout),
      mode,
    });
    return { input, output, changed };
  }

  const beep: ReplacementMode = { kind: 'beep', frequencyHz: 1000, levelDbfs: -20 };
  const noise: ReplacementMode = { kind: 'noise', levelDbfs: -30 };

  for (const mode of [beep, noise]) {
    test(`${mode.kind}: at its level, and fails when checked against another level`, async () => {
      await withTempDir(async (dir) => {
        const { input, output, changed } = await redacted(dir, mode);
        const verification = await verifyCopy(input, output, changed, mode);
        assert.deepEqual(failures(verification), []);
        for (const region of verification.regions)
          assert.ok(Math.abs(region.levelDbfs - mode.levelDbfs) < 0.5, `${region.levelDbfs} dBFS`);
        const louder = { ...mode, levelDbfs: mode.levelDbfs + 6 };
        assert.deepEqual(failures(await verifyCopy(input, output, changed, louder)), [
          'region 0',
          'region 1',
        ]);
      });
    });
  }

  test('a beep over the original, not instead of it, fails: it correlates with the original', async () => {
    await withTempDir(async (dir) => {
      // A beep at -12 dBFS plus the speech at -12 dBFS make -9 dBFS: checked as a -9 dBFS beep, the level alone passes.
      const regions = [REGIONS[0]!];
      const { input, output, changed } = await redacted(
        dir,
        { kind: 'beep', frequencyHz: 1000, levelDbfs: -12 },
        regions,
      );
      const claimed: ReplacementMode = { kind: 'beep', frequencyHz: 1000, levelDbfs: -9 };
      const bytes = await readFile(output);
      const { layout } = input;
      const frames = layout.dataLength / frameBytes(layout);
      const beeped = await readPcmFrames(output, layout, 0, frames);
      const original = await readPcmFrames(input.path, layout, 0, frames);
      for (let frame = 1000 * 8; frame < 1500 * 8; frame++) {
        for (let channel = 0; channel < 2; channel++) {
          const mixed = beeped[channel]![frame]! + 0.7 * original[channel]![frame]!;
          bytes.writeInt16LE(Math.round(mixed * 32767), layout.dataOffset + frame * 4 + channel * 2);
        }
      }
      await writeFile(output, bytes);
      const verification = await verifyCopy(input, output, changed, claimed, regions);
      assert.deepEqual(failures(verification), ['region 0']);
      assert.ok(
        Math.abs(verification.regions[0]!.levelDbfs - -9) < 1,
        `the level alone passes: ${verification.regions[0]!.levelDbfs}`,
      );
    });
  });

  test('a clip passes; a "clip" that is the region’s own audio fails', async () => {
    await withTempDir(async (dir) => {
      const chirp = Float32Array.from({ length: 1234 }, (_, i) => Math.sin((i * i) / 3000));
      const clip: ReplacementMode = { kind: 'clip', samples: chirp, levelDbfs: -20 };
      const good = await redacted(dir, clip);
      assert.deepEqual(failures(await verifyCopy(good.input, good.output, good.changed, clip)), []);

      const input = await record(dir, 'again.wav');
      const regions = [REGIONS[0]!];
      const [own] = await readPcmFrames(input.path, input.layout, 8000, 12000);
      const leak: ReplacementMode = { kind: 'clip', samples: own!, levelDbfs: -9 };
      const output = join(dir, 'leak.wav');
      const { changed } = await redactPcm({
        input: input.path,
        output,
        layout: input.layout,
        regions: toFrameRegions(regions, input.layout),
        mode: leak,
      });
      assert.deepEqual(failures(await verifyCopy(input, output, changed, leak, regions)), ['region 0']);
    });
  });
});

describe('verifyInPlace', () => {
  test('checks what the file is now: regions, format, channels, duration; nothing written outside the data', async () => {
    await withTempDir(async (dir) => {
      const input = await record(dir, 'call.wav');
      const expect = { format: input.format, channels: 2, durationMs: 3000 };
      const { bytes, changed } = silenceByHand(input, REGIONS);
      await writeFile(input.path, bytes);
      const verify = (ranges: ByteRange[]) =>
        verifyInPlace({
          file: input.path,
          layout: input.layout,
          regions: REGIONS,
          mode: SILENCE,
          changed: ranges,
          expect,
        });
      const verification = await verify(changed);
      assert.deepEqual(failures(verification), []);
      assert.equal(verification.outside, null);
      assert.deepEqual(failures(await verify([...changed, { offset: 20, length: 2 }])), ['format']);

      await writeFile(input.path, silenceByHand(input, [REGIONS[0]!]).bytes);
      assert.deepEqual(failures(await verify(changed)), ['region 1']);
    });
  });
});
