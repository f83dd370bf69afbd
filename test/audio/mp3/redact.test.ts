import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { HushError } from '../../../src/errors.js';
import { readMp3Info } from '../../../src/audio/mp3/info.js';
import { redactMp3 } from '../../../src/audio/mp3/redact.js';
import { encodeMp3, FIXTURES, tempDir, type SignalSpec } from './mp3-fixture.js';
import { checkRedaction, type Region } from './redact-check.js';

interface Case {
  name: string;
  spec: SignalSpec;
  /** libmp3lame and mp3 muxer options. */
  options: string[];
  regions: Region[];
}

const all = (start: number, end: number): Region => ({ start, end, channel: null });

const CASES: Case[] = [
  {
    name: 'MPEG-1 44.1 kHz joint stereo CBR 128 kb/s, Info + LAME tag, ID3v2',
    spec: { sampleRate: 44100, channels: 2, seconds: 4, signal: 'tone' },
    options: ['-b:a', '128k'],
    regions: [all(1000, 1600), all(2500, 2700)],
  },
  {
    name: 'MPEG-1 44.1 kHz stereo VBR (-q:a 2), Xing + LAME tag, a one-channel region',
    spec: { sampleRate: 44100, channels: 2, seconds: 4, signal: 'noise' },
    options: ['-q:a', '2', '-joint_stereo', '0'],
    regions: [{ start: 1200, end: 2000, channel: 1 }],
  },
  {
    name: 'MPEG-2 22.05 kHz mono VBR (-q:a 5)',
    spec: { sampleRate: 22050, channels: 1, seconds: 4, signal: 'noise' },
    options: ['-q:a', '5'],
    regions: [all(1500, 1501), all(2000, 3000)],
  },
  {
    name: 'MPEG-2 16 kHz mono CBR 32 kb/s, a region at the very start',
    spec: { sampleRate: 16000, channels: 1, seconds: 4, signal: 'tone' },
    options: ['-b:a', '32k'],
    regions: [all(0, 300), all(1900, 2400)],
  },
  {
    name: 'MPEG-2.5 8 kHz mono CBR 16 kb/s, a region running past the end',
    spec: { sampleRate: 8000, channels: 1, seconds: 4, signal: 'tone' },
    options: ['-b:a', '16k'],
    regions: [all(1000, 1400), all(3500, 4500)],
  },
  {
    name: 'MPEG-2.5 8 kHz joint stereo CBR 24 kb/s, overlapping regions',
    spec: { sampleRate: 8000, channels: 2, seconds: 4, signal: 'tone' },
    options: ['-b:a', '24k'],
    regions: [all(1000, 1500), all(1400, 2200)],
  },
  {
    name: 'no Xing frame (no gapless trimming), MPEG-2 24 kHz',
    spec: { sampleRate: 24000, channels: 1, seconds: 3, signal: 'tone' },
    options: ['-b:a', '48k', '-write_xing', '0'],
    regions: [all(1000, 1500)],
  },
  {
    name: 'ID3v2.3 and ID3v1 tags kept, MPEG-1 32 kHz stereo',
    spec: { sampleRate: 32000, channels: 2, seconds: 3, signal: 'tone' },
    options: ['-b:a', '96k', '-id3v2_version', '3', '-write_id3v1', '1', '-metadata', 'title=Call 42'],
    regions: [all(800, 1700)],
  },
  {
    name: 'no bit reservoir (-reservoir 0), MPEG-1 48 kHz mono',
    spec: { sampleRate: 48000, channels: 1, seconds: 3, signal: 'noise' },
    options: ['-b:a', '64k', '-reservoir', '0'],
    regions: [all(1000, 2000)],
  },
];

describe('redactMp3 on files libmp3lame encoded', () => {
  for (const { name, spec, options, regions } of CASES) {
    test(name, async () => {
      const dir = await tempDir();
      try {
        const input = dir.path('in.mp3');
        const output = dir.path('out.mp3');
        encodeMp3(input, spec, options);
        const info = await readMp3Info(input);
        assert.equal(info.sampleRate, spec.sampleRate);
        assert.equal(info.channels, spec.channels);
        const result = await redactMp3({ input, output, regions });
        assert.ok(result.mutedFrames > 0);
        await checkRedaction({ input, output, info, regions, result });
      } finally {
        await dir.remove();
      }
    });
  }
});

describe('redactMp3 on CRC-protected files (LAME -p)', () => {
  for (const [file, regions] of [
    ['crc-mpeg25-mono.mp3', [all(700, 1200)]],
    ['crc-mpeg1-joint.mp3', [all(400, 700)]],
  ] as const) {
    test(file, async () => {
      const dir = await tempDir();
      try {
        const input = join(FIXTURES, file);
        const output = dir.path('out.mp3');
        const info = await readMp3Info(input);
        assert.ok(info.crcProtected);
        const result = await redactMp3({ input, output, regions });
        await checkRedaction({ input, output, info, regions, result });
        // Every frame's CRC still holds: see crc16.test.ts, which checks the silenced ones.
      } finally {
        await dir.remove();
      }
    });
  }
});

describe('redactMp3 edge cases', () => {
  test('no regions: the output is a byte-identical copy and nothing is reported changed', async () => {
    const dir = await tempDir();
    try {
      const input = join(FIXTURES, 'crc-mpeg25-mono.mp3');
      const output = dir.path('out.mp3');
      const result = await redactMp3({ input, output, regions: [all(5000, 6000)] }); // past the end
      assert.deepEqual(result, { changed: [], mutedFrames: 0, muted: [], affected: [] });
      assert.deepEqual(await readFile(output), await readFile(input));
    } finally {
      await dir.remove();
    }
  });

  test('a file that is not MP3 is refused, naming the file, and the input is untouched', async () => {
    const dir = await tempDir();
    try {
      const input = dir.path('not.mp3');
      await copyFile(join(FIXTURES, 'README.md'), input);
      await assert.rejects(
        redactMp3({ input, output: dir.path('out.mp3'), regions: [all(0, 100)] }),
        (error: unknown) =>
          error instanceof HushError && error.code === 'AUDIO_INVALID' && error.message.includes(input),
      );
    } finally {
      await dir.remove();
    }
  });
});
