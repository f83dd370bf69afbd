import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFrameHeader, type FrameHeader } from '../../../src/audio/mp3/frame-header.js';
import { readSideInfo, silenceSideInfo } from '../../../src/audio/mp3/side-info.js';
import { parseVbrHeader } from '../../../src/audio/mp3/vbr-header.js';

describe('parseFrameHeader', () => {
  test('MPEG-1 Layer III, 128 kb/s, 44.1 kHz, joint stereo, no CRC', () => {
    const header = parseFrameHeader(0xfffb9064)!;
    assert.deepEqual(header, {
      version: 'MPEG-1',
      crcProtected: false,
      bitrateKbps: 128,
      sampleRate: 44100,
      padding: false,
      channelMode: 'joint-stereo',
      channels: 2,
      frameLength: 417,
      samplesPerFrame: 1152,
      sideInfoLength: 32,
    });
    assert.equal(parseFrameHeader(0xfffb9264)!.frameLength, 418, 'the padding bit adds one byte');
    assert.equal(parseFrameHeader(0xfffa9064)!.crcProtected, true, 'protection bit clear: CRC follows');
  });

  test('MPEG-2.5 8 kHz mono and MPEG-2 22.05 kHz stereo', () => {
    const low = parseFrameHeader(0xffe338c0)!;
    assert.equal(low.version, 'MPEG-2.5');
    assert.equal(low.sampleRate, 8000);
    assert.equal(low.bitrateKbps, 24);
    assert.equal(low.frameLength, 216); // 72000 · 24 / 8000
    assert.equal(low.samplesPerFrame, 576);
    assert.equal(low.sideInfoLength, 9);
    const mid = parseFrameHeader(0xfff38044)!; // MPEG-2, 64 kb/s, 22.05 kHz, joint stereo
    assert.equal(mid.version, 'MPEG-2');
    assert.equal(mid.sampleRate, 22050);
    assert.equal(mid.frameLength, Math.floor((72000 * 64) / 22050));
    assert.equal(mid.sideInfoLength, 17);
  });

  test('not Layer III frames: no sync, Layer II, free format, bad bitrate or sample rate, reserved version', () => {
    for (const word of [0x00fb9064, 0xfffd9064, 0xfffb0064, 0xfffbf064, 0xfffb9c64, 0xffeb9064]) {
      assert.equal(parseFrameHeader(word), null, word.toString(16));
    }
  });
});

describe('parseVbrHeader', () => {
  const stereo = parseFrameHeader(0xfffb9064)!; // MPEG-1 stereo: Xing after 4 + 32 bytes

  test('Info with every field, then a LAME tag: delay and padding from its 3-byte field', () => {
    const frame = Buffer.alloc(417);
    frame.write('Info', 36);
    frame.writeUInt32BE(0x0f, 40); // frames, bytes, TOC, quality
    frame.writeUInt32BE(1234, 44);
    const tag = 36 + 8 + 4 + 4 + 100 + 4;
    frame.write('LAME3.100', tag);
    frame.writeUIntBE((576 << 12) | 1290, tag + 21, 3);
    assert.deepEqual(parseVbrHeader(frame, stereo), {
      kind: 'info',
      frames: 1234,
      lame: { encoder: 'LAME3.100', offset: tag, encoderDelay: 576, encoderPadding: 1290, gapless: true },
    });
  });

  test('Xing without a LAME tag, an unknown encoder (no gapless trimming), VBRI, and audio', () => {
    const frame = Buffer.alloc(417);
    frame.write('Xing', 36);
    frame.writeUInt32BE(0x01, 40); // frames only
    frame.writeUInt32BE(99, 44);
    assert.deepEqual(parseVbrHeader(frame, stereo), { kind: 'xing', frames: 99, lame: null });
    frame.write('GOGO1.23', 48);
    assert.equal(parseVbrHeader(frame, stereo)!.lame!.gapless, false);
    const vbri = Buffer.alloc(417);
    vbri.write('VBRI', 36);
    vbri.writeUInt32BE(500, 36 + 14);
    assert.deepEqual(parseVbrHeader(vbri, stereo), { kind: 'vbri', frames: 500, lame: null });
    assert.equal(parseVbrHeader(Buffer.alloc(417, 0x55), stereo), null);
  });
});

describe('side info', () => {
  const cases: [string, FrameHeader, number[]][] = [
    // main_data_begin + private bits kept: 9 + 3 (MPEG-1 stereo), 9 + 5 (mono), 8 + 2 / 8 + 1 (MPEG-2).
    ['MPEG-1 stereo', parseFrameHeader(0xfffb9064)!, [0xff, 0xf0]],
    ['MPEG-1 mono', parseFrameHeader(0xfffb90c4)!, [0xff, 0xfc]],
    ['MPEG-2 stereo', parseFrameHeader(0xfff38044)!, [0xff, 0xc0]],
    ['MPEG-2.5 mono', parseFrameHeader(0xffe338c0)!, [0xff, 0x80]],
  ];
  for (const [name, header, kept] of cases) {
    test(`${name}: silencing keeps main_data_begin and the private bits, zeroes every granule`, () => {
      const sideInfo = new Uint8Array(header.sideInfoLength).fill(0xff);
      const before = readSideInfo(sideInfo, 0, header);
      assert.ok(before.mainDataBits > 0);
      silenceSideInfo(sideInfo, header);
      assert.deepEqual([...sideInfo], [...kept, ...new Array(header.sideInfoLength - 2).fill(0)]);
      const after = readSideInfo(sideInfo, 0, header);
      assert.deepEqual(after, { mainDataBegin: before.mainDataBegin, mainDataBits: 0 });
    });
  }

  test('part2_3_length of every granule and channel is summed', () => {
    const header = parseFrameHeader(0xfffb90c4)!; // MPEG-1 mono: 9 + 5 + 4 bits, then 2 × 59-bit granules
    const sideInfo = new Uint8Array(17);
    const put = (bit: number, count: number, value: number) => {
      for (let i = 0; i < count; i++) {
        if ((value >> (count - 1 - i)) & 1) sideInfo[(bit + i) >> 3]! |= 0x80 >> ((bit + i) & 7);
      }
    };
    put(0, 9, 300); // main_data_begin
    put(18, 12, 1000); // granule 0 part2_3_length
    put(18 + 59, 12, 234); // granule 1
    assert.deepEqual(readSideInfo(sideInfo, 0, header), { mainDataBegin: 300, mainDataBits: 1234 });
  });
});
