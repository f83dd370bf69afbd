import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { HushError } from '../../../src/errors.js';
import { looksLikeMp3, readMp3Info } from '../../../src/audio/mp3/info.js';
import { redactMp3 } from '../../../src/audio/mp3/redact.js';
import { scanMp3 } from '../../../src/audio/mp3/scan.js';
import { apeLength, id3v1Length, id3v2Length, lyrics3Length } from '../../../src/audio/mp3/tags.js';
import { decode, encodeMp3, FIXTURES, tempDir } from './mp3-fixture.js';
import { checkRedaction } from './redact-check.js';

const syncsafe = (size: number) => [
  (size >> 21) & 0x7f,
  (size >> 14) & 0x7f,
  (size >> 7) & 0x7f,
  size & 0x7f,
];

/** An ID3v2.4 tag with a title frame, padding, and (flag 0x10) a footer. */
function id3v24WithFooter(size: number): Buffer {
  const title = Buffer.from([0x03, ...Buffer.from('Test call')]);
  const frame = Buffer.concat([
    Buffer.from('TIT2'),
    Buffer.from(syncsafe(title.length)),
    Buffer.alloc(2),
    title,
  ]);
  const body = Buffer.concat([frame, Buffer.alloc(size - frame.length)]);
  const header = (magic: string) => Buffer.from([...Buffer.from(magic), 4, 0, 0x10, ...syncsafe(size)]);
  return Buffer.concat([header('ID3'), body, header('3DI')]);
}

/** An APEv2 tag with a header and one item. */
function apeTag(): Buffer {
  const item = Buffer.concat([Buffer.alloc(8), Buffer.from('Title\0Test call')]);
  item.writeUInt32LE(9, 0); // value length
  const block = (flags: number) => {
    const bytes = Buffer.alloc(32);
    bytes.write('APETAGEX');
    bytes.writeUInt32LE(2000, 8);
    bytes.writeUInt32LE(item.length + 32, 12); // items + footer
    bytes.writeUInt32LE(1, 16);
    bytes.writeUInt32LE(flags >>> 0, 20);
    return bytes;
  };
  return Buffer.concat([block(0xa0000000), item, block(0x80000000)]); // header (has header, is header), footer
}

function id3v1(): Buffer {
  const tag = Buffer.alloc(128);
  tag.write('TAGTest call');
  return tag;
}

describe('tag sizes', () => {
  test('ID3v2: header + syncsafe size, + 10 with the v2.4 footer flag; malformed sizes refused', () => {
    assert.equal(id3v2Length(Buffer.from([...Buffer.from('ID3'), 3, 0, 0, 0, 0, 2, 1])), 10 + 257);
    assert.equal(id3v2Length(Buffer.from([...Buffer.from('ID3'), 4, 0, 0x90, 0, 0, 2, 1])), 10 + 257 + 10);
    assert.equal(id3v2Length(Buffer.from([...Buffer.from('ID3'), 4, 0, 0, 0, 0, 0x82, 1])), -1);
    assert.equal(id3v2Length(Buffer.from('RIFF....WAVE')), 0);
  });

  test('ID3v1 (+ TAG+), APEv2 (+ header), Lyrics3 v2', () => {
    const before = Buffer.alloc(227);
    assert.equal(id3v1Length(id3v1(), before), 128);
    before.write('TAG+');
    assert.equal(id3v1Length(id3v1(), before), 128 + 227);
    const ape = apeTag();
    assert.equal(apeLength(ape.subarray(ape.length - 32)), ape.length);
    assert.equal(lyrics3Length(Buffer.from('000123LYRICS200')), 123 + 15);
    assert.equal(lyrics3Length(Buffer.from('00x123LYRICS200')), 0);
  });
});

describe('readMp3Info and looksLikeMp3', () => {
  test('describes a file as ffmpeg decodes it', async () => {
    const dir = await tempDir();
    try {
      const path = dir.path('a.mp3');
      encodeMp3(path, { sampleRate: 22050, channels: 2, seconds: 2.5, signal: 'tone' }, ['-q:a', '4']);
      const info = await readMp3Info(path);
      assert.equal(info.samples, decode(path, 2).frames);
      assert.equal(info.samples, 55125);
      assert.equal(info.durationMs, 2500);
      assert.equal(info.version, 'MPEG-2');
      assert.equal(info.vbrHeader, 'xing');
      assert.equal(info.encoderDelay, 576);
      assert.equal(info.gapless, true);
      assert.equal(info.frameCount * 576 - 576 - info.encoderPadding!, info.samples);
      assert.ok(info.id3v2Bytes > 0 && info.trailingTagBytes === 0 && !info.crcProtected);
      assert.equal(looksLikeMp3((await readFile(path)).subarray(0, 4096)), true);
    } finally {
      await dir.remove();
    }
  });

  test('recognises MP3 only: not WAV, MP2 (Layer II) or noise; an ID3 tag longer than the head is enough', async () => {
    const dir = await tempDir();
    try {
      const mp2 = dir.path('a.mp2');
      encodeMp3(mp2, { sampleRate: 32000, channels: 1, seconds: 1, signal: 'tone' }, [
        '-c:a',
        'mp2',
        '-f',
        'mp2',
      ]);
      assert.equal(looksLikeMp3((await readFile(mp2)).subarray(0, 4096)), false);
      await assert.rejects(
        readMp3Info(mp2),
        (error: unknown) => error instanceof HushError && error.code === 'AUDIO_INVALID',
      );
      assert.equal(looksLikeMp3(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ')), false);
      const noise = Buffer.alloc(4096);
      for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
      assert.equal(looksLikeMp3(noise), false);
      assert.equal(looksLikeMp3(id3v24WithFooter(10_000).subarray(0, 4096)), true);
    } finally {
      await dir.remove();
    }
  });
});

describe('tags, junk and a cut-off end', () => {
  test('ID3v2.4 with footer, APEv2 and ID3v1 are skipped, kept byte for byte, and the file still redacts', async () => {
    const dir = await tempDir();
    try {
      const plain = dir.path('plain.mp3');
      encodeMp3(plain, { sampleRate: 16000, channels: 1, seconds: 3, signal: 'tone' }, [
        '-b:a',
        '32k',
        '-id3v2_version',
        '0',
      ]);
      const frames = await readFile(plain);
      const input = dir.path('tagged.mp3');
      const [front, ape, back] = [id3v24WithFooter(500), apeTag(), id3v1()];
      await writeFile(input, Buffer.concat([front, frames, ape, back]));
      const info = await readMp3Info(input);
      assert.equal(info.id3v2Bytes, front.length);
      assert.equal(info.trailingTagBytes, ape.length + back.length);
      assert.equal(info.samples, (await readMp3Info(plain)).samples);
      const output = dir.path('out.mp3');
      const regions = [{ start: 1000, end: 1800, channel: null }];
      const result = await redactMp3({ input, output, regions });
      await checkRedaction({ input, output, info, regions, result }); // tags: no change outside `changed`
    } finally {
      await dir.remove();
    }
  });

  test('bytes between frames are skipped; a cut-off last frame is not a frame', async () => {
    const dir = await tempDir();
    try {
      const source = join(FIXTURES, 'crc-mpeg25-mono.mp3');
      const bytes = await readFile(source);
      const stream = await scanMp3(source);
      const at = stream.frames.offset[10]!;
      const junk = Buffer.alloc(37, 0xff); // sync-like bytes: must not pass for frames
      const path = dir.path('junk.mp3');
      const lastLength = stream.frames.length[stream.frames.count - 1]!;
      await writeFile(
        path,
        Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at, bytes.length - lastLength / 2)]),
      );
      const scanned = await scanMp3(path);
      assert.equal(scanned.skippedBytes, 37);
      assert.equal(scanned.frames.count, stream.frames.count - 1);
      assert.equal(scanned.audioEnd, bytes.length + 37 - lastLength);
    } finally {
      await dir.remove();
    }
  });

  test('a file whose format changes mid-stream is refused rather than redacted at the wrong times', async () => {
    const dir = await tempDir();
    try {
      const other = dir.path('other.mp3');
      encodeMp3(other, { sampleRate: 44100, channels: 2, seconds: 6, signal: 'tone' }, ['-b:a', '128k']);
      const path = dir.path('joined.mp3');
      await writeFile(
        path,
        Buffer.concat([await readFile(join(FIXTURES, 'crc-mpeg25-mono.mp3')), await readFile(other)]),
      );
      await assert.rejects(
        readMp3Info(path),
        (error: unknown) =>
          error instanceof HushError && error.code === 'AUDIO_UNSUPPORTED' && error.message.includes(path),
      );
    } finally {
      await dir.remove();
    }
  });

  test('an ID3v2 tag whose size runs past the end of the file is an error naming the file', async () => {
    const dir = await tempDir();
    try {
      const path = dir.path('lying.mp3');
      await writeFile(path, Buffer.concat([id3v24WithFooter(500).subarray(0, 10), Buffer.alloc(100)]));
      await assert.rejects(
        readMp3Info(path),
        (error: unknown) =>
          error instanceof HushError && error.code === 'AUDIO_INVALID' && error.message.includes(path),
      );
    } finally {
      await dir.remove();
    }
  });
});
