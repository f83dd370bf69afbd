import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import {
  BYTES_PER_SAMPLE,
  SAMPLE_ENCODINGS,
  silenceBytes,
  type SampleEncoding,
} from '../../../src/audio/encoding.js';
import {
  frameBytes,
  toFrameRegions,
  type ByteRange,
  type FrameRegion,
  type PcmLayout,
} from '../../../src/audio/layout.js';
import { untouchedChannelsEqual } from '../../../src/audio/pcm/compare.js';
import { readPcmFrames } from '../../../src/audio/pcm/read.js';
import { redactPcm } from '../../../src/audio/pcm/redact.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import { tones, withTempDir, writeWav } from '../wav/fixture.js';

const RATE = 8000;

/** Every byte outside `changed` is the same in both files. */
function assertOutsideIdentical(input: Buffer, output: Buffer, changed: readonly ByteRange[]): void {
  assert.equal(output.length, input.length, 'the output has the input size');
  let from = 0;
  for (const range of [...changed, { offset: input.length, length: 0 }]) {
    assert.ok(
      input.subarray(from, range.offset).equals(output.subarray(from, range.offset)),
      `bytes ${from}..${range.offset}`,
    );
    from = range.offset + range.length;
  }
}

/** Which (frame, channel) samples a region list replaces. */
function replaced(regions: readonly FrameRegion[], frame: number, channel: number): boolean {
  return regions.some(
    (r) => frame >= r.startFrame && frame < r.endFrame && (r.channel === null || r.channel === channel),
  );
}

/** Checks every sample: replaced ones are silence, the others byte-identical to the input. */
function assertSamples(
  input: Buffer,
  output: Buffer,
  layout: PcmLayout,
  regions: readonly FrameRegion[],
): void {
  const sampleBytes = BYTES_PER_SAMPLE[layout.encoding];
  const silence = silenceBytes(layout.encoding);
  const size = frameBytes(layout);
  let silenced = 0;
  for (let frame = 0; frame < layout.dataLength / size; frame++) {
    for (let channel = 0; channel < layout.channels; channel++) {
      const at = layout.dataOffset + frame * size + channel * sampleBytes;
      const sample = output.subarray(at, at + sampleBytes);
      if (replaced(regions, frame, channel)) {
        assert.ok(sample.equals(silence), `frame ${frame} channel ${channel} is silence`);
        silenced++;
      } else {
        assert.ok(
          sample.equals(input.subarray(at, at + sampleBytes)),
          `frame ${frame} channel ${channel} is kept`,
        );
      }
    }
  }
  assert.ok(silenced > 0);
}

async function redactFile(
  dir: string,
  encoding: SampleEncoding,
  channels: number,
  msRegions: { start: number; end: number; channel: number | null }[],
): Promise<{
  input: Buffer;
  output: Buffer;
  layout: PcmLayout;
  regions: FrameRegion[];
  changed: ByteRange[];
}> {
  const path = join(dir, `${encoding}-${channels}.wav`);
  const out = join(dir, `${encoding}-${channels}.out.wav`);
  const input = await writeWav(path, {
    encoding,
    sampleRate: RATE,
    channels,
    samples: tones(channels, RATE, RATE),
    before: [{ id: 'LIST', body: Buffer.from('INFOISFT\x05\x00\x00\x00hush\x00') }],
    after: [{ id: 'cue ', body: Buffer.alloc(7, 0x11) }],
  });
  const { layout } = await readWavInfo(path);
  const regions = toFrameRegions(msRegions, layout);
  const { changed } = await redactPcm({
    input: path,
    output: out,
    layout,
    regions,
    mode: { kind: 'silence' },
  });
  return { input, output: await readFile(out), layout, regions, changed };
}

describe('redactPcm', () => {
  test('every encoding: region samples become its silence, every other byte stays', async () => {
    await withTempDir(async (dir) => {
      for (const encoding of SAMPLE_ENCODINGS) {
        const { input, output, layout, regions, changed } = await redactFile(dir, encoding, 2, [
          { start: 100.05, end: 250, channel: null },
          { start: 600, end: 700.2, channel: null },
        ]);
        assert.deepEqual(regions, [
          { startFrame: 800, endFrame: 2000, channel: null },
          { startFrame: 4800, endFrame: 5602, channel: null },
        ]);
        assertOutsideIdentical(input, output, changed);
        assertSamples(input, output, layout, regions);
      }
    });
  });

  test('1, 2 and 6 channels, with one-channel regions overlapping each other and an all-channel one', async () => {
    await withTempDir(async (dir) => {
      for (const channels of [1, 2, 6]) {
        const last = channels - 1;
        const { input, output, layout, regions, changed } = await redactFile(dir, 'pcm_s24le', channels, [
          { start: 50, end: 300, channel: last },
          { start: 200, end: 400, channel: 0 },
          { start: 350, end: 500, channel: null },
          { start: 900, end: 950, channel: last },
        ]);
        assertOutsideIdentical(input, output, changed);
        assertSamples(input, output, layout, regions);
        assert.ok(
          await untouchedChannelsEqual(
            join(dir, `pcm_s24le-${channels}.wav`),
            join(dir, `pcm_s24le-${channels}.out.wav`),
            layout,
            regions,
          ),
        );
      }
    });
  });

  test('unknown and odd-sized chunks are kept byte for byte', async () => {
    await withTempDir(async (dir) => {
      const { input, output } = await redactFile(dir, 'mulaw', 1, [{ start: 0, end: 1000, channel: null }]);
      const cue = input.indexOf('cue ');
      assert.ok(cue > 0);
      assert.ok(output.subarray(cue).equals(input.subarray(cue)), 'the odd-sized cue chunk and its pad byte');
      assert.ok(output.subarray(0, 60).equals(input.subarray(0, 60)), 'the header and the LIST chunk');
    });
  });

  test('a region reaching past the end is clamped and the tail silenced', async () => {
    await withTempDir(async (dir) => {
      const { input, output, layout, regions, changed } = await redactFile(dir, 'alaw', 2, [
        { start: 900, end: 5000, channel: 1 },
      ]);
      assert.deepEqual(regions, [{ startFrame: 7200, endFrame: 8000, channel: 1 }]);
      assertOutsideIdentical(input, output, changed);
      assertSamples(input, output, layout, regions);
    });
  });

  test('untouchedChannelsEqual catches a changed sample of a channel the region leaves alone', async () => {
    await withTempDir(async (dir) => {
      const { output, layout, regions } = await redactFile(dir, 'pcm_s16le', 2, [
        { start: 100, end: 200, channel: 1 },
      ]);
      const doctored = Buffer.from(output);
      const at = layout.dataOffset + 1000 * 4; // frame 1000 (125 ms), channel 0
      doctored[at] = doctored[at]! ^ 1;
      const path = join(dir, 'doctored.wav');
      await writeFile(path, doctored);
      assert.equal(await untouchedChannelsEqual(join(dir, 'pcm_s16le-2.wav'), path, layout, regions), false);
    });
  });

  test('a one-channel region leaves the other channel readable as it was', async () => {
    await withTempDir(async (dir) => {
      await redactFile(dir, 'pcm_f32le', 2, [{ start: 250, end: 500, channel: 0 }]);
      const { layout } = await readWavInfo(join(dir, 'pcm_f32le-2.out.wav'));
      const [left, right] = await readPcmFrames(join(dir, 'pcm_f32le-2.out.wav'), layout, 2000, 4000);
      const original = tones(2, RATE, RATE);
      assert.ok(left!.every((value) => value === 0));
      right!.forEach((value, i) => assert.equal(value, original[(2000 + i) * 2 + 1]));
    });
  });

  test('a file shorter than its layout is refused and leaves no output', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'short.raw');
      const output = join(dir, 'short.out.raw');
      await writeFile(path, Buffer.alloc(1000));
      const layout: PcmLayout = {
        encoding: 'mulaw',
        sampleRate: 8000,
        channels: 1,
        dataOffset: 0,
        dataLength: 2000,
      };
      const regions = [{ startFrame: 1500, endFrame: 1800, channel: null }];
      await assert.rejects(
        redactPcm({ input: path, output, layout, regions, mode: { kind: 'silence' } }),
        /short\.raw: the file is 1000 bytes/,
      );
      assert.equal(existsSync(output), false);
    });
  });

  test('an output that already exists is refused and left alone', async () => {
    await withTempDir(async (dir) => {
      const input = join(dir, 'in.raw');
      const output = join(dir, 'taken.raw');
      await writeFile(input, Buffer.alloc(100));
      await writeFile(output, 'not ours');
      const layout: PcmLayout = {
        encoding: 'mulaw',
        sampleRate: 8000,
        channels: 1,
        dataOffset: 0,
        dataLength: 100,
      };
      const regions = [{ startFrame: 0, endFrame: 10, channel: null }];
      await assert.rejects(redactPcm({ input, output, layout, regions, mode: { kind: 'silence' } }), {
        code: 'EEXIST',
      });
      assert.equal(await readFile(output, 'utf8'), 'not ours');
    });
  });
});
