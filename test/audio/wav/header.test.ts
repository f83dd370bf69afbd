import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFile } from 'node:fs/promises';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import { SAMPLE_ENCODINGS, type SampleEncoding } from '../../../src/audio/encoding.js';
import { looksLikeWav, readWavInfo } from '../../../src/audio/wav/header.js';
import { HushError } from '../../../src/errors.js';
import { buildWav, chunk, tones, withTempDir, type WavSpec } from './fixture.js';

const run = promisify(execFile);

const spec = (encoding: SampleEncoding, extra: Partial<WavSpec> = {}): WavSpec => ({
  encoding,
  sampleRate: 8000,
  channels: 2,
  samples: tones(2, 800, 8000),
  ...extra,
});

async function rejects(dir: string, bytes: Buffer, code: string, problem: RegExp): Promise<void> {
  const path = join(dir, 'broken.wav');
  await writeFile(path, bytes);
  await assert.rejects(readWavInfo(path), (error: unknown) => {
    assert.ok(error instanceof HushError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, /broken\.wav: /);
    assert.match(error.message, problem);
    return true;
  });
}

describe('readWavInfo', () => {
  test('reads the layout of every encoding, plain and WAVE_FORMAT_EXTENSIBLE', async () => {
    await withTempDir(async (dir) => {
      for (const encoding of SAMPLE_ENCODINGS) {
        for (const extensible of [false, true]) {
          const path = join(dir, `${encoding}-${extensible}.wav`);
          const bytes = buildWav(spec(encoding, { extensible }));
          await writeFile(path, bytes);
          const info = await readWavInfo(path);
          const dataOffset = bytes.indexOf('data') + 8;
          assert.deepEqual(info.layout, {
            encoding,
            sampleRate: 8000,
            channels: 2,
            dataOffset,
            dataLength: bytes.length - dataOffset,
          });
          assert.equal(info.extensible, extensible);
          assert.equal(info.formatTag === 0xfffe, extensible);
          assert.equal(info.fileBytes, bytes.length);
        }
      }
    });
  });

  test('lists every chunk in file order, unknown and odd-sized ones included', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'chunks.wav');
      const bytes = buildWav(
        spec('pcm_s16le', {
          channels: 6,
          samples: tones(6, 100, 8000),
          before: [{ id: 'bext', body: Buffer.alloc(13) }],
          after: [
            { id: 'LIST', body: Buffer.alloc(9) },
            { id: 'cue ', body: Buffer.alloc(4) },
          ],
        }),
      );
      await writeFile(path, bytes);
      const info = await readWavInfo(path);
      assert.deepEqual(
        info.chunks.map(({ id, size }) => [id, size]),
        [
          ['fmt ', 16],
          ['bext', 13],
          ['data', 1200],
          ['LIST', 9],
          ['cue ', 4],
        ],
      );
      assert.equal(info.chunks[2]!.offset, 12 + 24 + 8 + 14);
      assert.equal(info.layout.channels, 6);
    });
  });

  test('an odd-sized data chunk is followed by its pad byte, then the next chunk', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'odd.wav');
      const bytes = buildWav({
        ...spec('pcm_u8', { channels: 1, samples: tones(1, 801, 8000) }),
        after: [{ id: 'LIST', body: Buffer.from('INFO') }],
      });
      await writeFile(path, bytes);
      const info = await readWavInfo(path);
      assert.equal(info.layout.dataLength, 801);
      const list = info.chunks.find((c) => c.id === 'LIST')!;
      assert.equal(list.offset, info.layout.dataOffset + 801 + 1);
      assert.equal(list.offset + 8 + list.size, bytes.length);
    });
  });

  test('reads RF64 sizes from the ds64 chunk', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'rf64.wav');
      const bytes = buildWav(spec('mulaw', { rf64: true, after: [{ id: 'LIST', body: Buffer.alloc(5) }] }));
      await writeFile(path, bytes);
      const info = await readWavInfo(path);
      assert.equal(info.layout.dataLength, 1600);
      assert.equal(info.layout.encoding, 'mulaw');
      assert.deepEqual(
        info.chunks.map((c) => c.id),
        ['ds64', 'fmt ', 'data', 'LIST'],
      );
    });
  });

  test('reads what ffmpeg writes (G.711, 24-bit, float, RF64)', async () => {
    await withTempDir(async (dir) => {
      const cases: [string, string[], SampleEncoding][] = [
        ['pcm_mulaw', [], 'mulaw'],
        ['pcm_alaw', [], 'alaw'],
        ['pcm_s24le', [], 'pcm_s24le'],
        ['pcm_f32le', ['-rf64', 'always'], 'pcm_f32le'],
      ];
      for (const [codec, extra, encoding] of cases) {
        const path = join(dir, `${codec}.wav`);
        await run(ffmpeg.path, [
          ...['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=8000:duration=0.5'],
          ...['-ac', '2', '-c:a', codec, ...extra, '-metadata', 'title=hush', path],
        ]);
        const info = await readWavInfo(path);
        assert.equal(info.layout.encoding, encoding, codec);
        assert.equal(info.layout.channels, 2);
        assert.equal(info.layout.sampleRate, 8000);
        assert.equal(
          info.layout.dataLength,
          4000 * 2 * (encoding === 'pcm_s24le' ? 3 : encoding === 'pcm_f32le' ? 4 : 1),
        );
        assert.equal(info.layout.dataOffset + info.layout.dataLength, info.fileBytes, codec);
      }
    });
  });

  test('truncated files and sizes that lie are refused, naming the file and the problem', async () => {
    await withTempDir(async (dir) => {
      const good = buildWav(spec('pcm_s16le', { after: [{ id: 'LIST', body: Buffer.alloc(10) }] }));
      const dataAt = good.indexOf('data');
      await rejects(dir, good.subarray(0, 8), 'AUDIO_INVALID', /too short for a WAV header/);
      await rejects(
        dir,
        good.subarray(0, dataAt + 100),
        'AUDIO_INVALID',
        /'data' chunk .* declares 3200 bytes but only 92 follow \(the file is truncated\)/,
      );
      await rejects(
        dir,
        good.subarray(0, good.length - 18),
        'AUDIO_INVALID',
        /truncated: its RIFF header declares/,
      );

      const riffLies = Buffer.from(good);
      riffLies.writeUInt32LE(good.length + 1000, 4);
      await rejects(
        dir,
        riffLies,
        'AUDIO_INVALID',
        /truncated: its RIFF header declares \d+ bytes but the file has/,
      );

      const dataLies = Buffer.from(good);
      dataLies.writeUInt32LE(0xffffffff, dataAt + 4);
      await rejects(dir, dataLies, 'AUDIO_INVALID', /'data' chunk at byte 36 declares 4294967295 bytes/);

      const dataShort = Buffer.from(good);
      dataShort.writeUInt32LE(3000, dataAt + 4);
      await rejects(dir, dataShort, 'AUDIO_INVALID', /no chunk id at byte 3044/);

      const fmtLies = Buffer.from(good);
      fmtLies.writeUInt32LE(20, 16);
      await rejects(dir, fmtLies, 'AUDIO_INVALID', /no chunk id at byte 40/);
    });
  });

  test('missing, duplicate or inconsistent chunks are refused', async () => {
    await withTempDir(async (dir) => {
      const riff = (...chunks: Buffer[]): Buffer => {
        const body = Buffer.concat([Buffer.from('WAVE'), ...chunks]);
        const head = Buffer.alloc(8);
        head.write('RIFF');
        head.writeUInt32LE(body.length, 4);
        return Buffer.concat([head, body]);
      };
      const good = buildWav(spec('pcm_s16le'));
      const fmt = good.subarray(12, 36);
      const data = good.subarray(36);
      await rejects(dir, Buffer.from('RIFX\0\0\0\0WAVEfmt '), 'AUDIO_INVALID', /not a WAV file/);
      await rejects(dir, riff(data), 'AUDIO_INVALID', /no fmt chunk/);
      await rejects(dir, riff(fmt), 'AUDIO_INVALID', /no data chunk/);
      await rejects(dir, riff(fmt, fmt, data), 'AUDIO_INVALID', /second fmt chunk/);
      await rejects(dir, riff(fmt, data, data), 'AUDIO_INVALID', /second data chunk/);
      await rejects(
        dir,
        riff(chunk('fmt ', Buffer.alloc(12)), data),
        'AUDIO_INVALID',
        /fmt chunk is 12 bytes/,
      );
      await rejects(
        dir,
        riff(fmt, chunk('data', Buffer.alloc(7))),
        'AUDIO_INVALID',
        /7 bytes, not a whole number of 4-byte/,
      );

      const badAlign = Buffer.from(good);
      badAlign.writeUInt16LE(3, 32);
      await rejects(
        dir,
        badAlign,
        'AUDIO_INVALID',
        /3-byte frames, but 2 channel\(s\) of 16-bit samples take 4/,
      );
      const noChannels = Buffer.from(good);
      noChannels.writeUInt16LE(0, 22);
      await rejects(dir, noChannels, 'AUDIO_INVALID', /0 channels/);
    });
  });

  test('encodings Hush cannot redact natively are refused as unsupported', async () => {
    await withTempDir(async (dir) => {
      const adpcm = buildWav(spec('pcm_s16le'));
      adpcm.writeUInt16LE(0x0011, 20);
      await rejects(
        dir,
        adpcm,
        'AUDIO_UNSUPPORTED',
        /format tag 0x0011 with 16-bit samples is not supported/,
      );
      const double = buildWav(spec('pcm_f32le'));
      double.writeUInt16LE(64, 34);
      await rejects(dir, double, 'AUDIO_UNSUPPORTED', /0x0003 with 64-bit samples/);
      const guid = buildWav(spec('pcm_s16le', { extensible: true }));
      guid[12 + 8 + 24 + 15] = 0; // last GUID byte
      await rejects(dir, guid, 'AUDIO_UNSUPPORTED', /subformat GUID [0-9a-f]{32} is not/);
    });
  });

  test('looksLikeWav recognises RIFF, RF64 and BW64 WAVE headers only', () => {
    assert.ok(looksLikeWav(buildWav(spec('alaw'))));
    assert.ok(looksLikeWav(buildWav(spec('alaw', { rf64: true }))));
    assert.ok(looksLikeWav(Buffer.from('BW64\xff\xff\xff\xffWAVE', 'latin1')));
    assert.ok(!looksLikeWav(Buffer.from('RIFF\0\0\0\0AVI LIST')));
    assert.ok(!looksLikeWav(Buffer.from('RIFF')));
    assert.ok(!looksLikeWav(Buffer.from('ID3\x04\0\0\0\0\0\0\0\0')));
  });
});
