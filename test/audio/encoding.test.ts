import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BYTES_PER_SAMPLE,
  SAMPLE_ENCODINGS,
  decodeSamples,
  encodeSamples,
  silenceBytes,
  type SampleEncoding,
} from '../../src/audio/encoding.js';

function roundTrip(values: Float32Array, encoding: SampleEncoding): Float32Array {
  const bytes = Buffer.alloc(values.length * BYTES_PER_SAMPLE[encoding]);
  encodeSamples(values, encoding, bytes);
  const back = new Float32Array(values.length);
  decodeSamples(bytes, encoding, back);
  return back;
}

describe('sample encodings', () => {
  test('every integer value of 8/16/24-bit PCM survives a round trip exactly', () => {
    const cases: [SampleEncoding, number][] = [
      ['pcm_u8', 128],
      ['pcm_s16le', 32768],
      ['pcm_s24le', 8388608],
    ];
    for (const [encoding, scale] of cases) {
      const step = Math.max(1, scale / 4096);
      const values: number[] = [];
      for (let v = -scale; v < scale; v += step) values.push(v / scale);
      values.push((scale - 1) / scale);
      const input = Float32Array.from(values);
      assert.deepEqual(roundTrip(input, encoding), input, encoding);
    }
  });

  test('32-bit PCM and float keep every value a float32 holds at their precision', () => {
    const input = Float32Array.from([-1, -0.5, -1 / 3, 0, 0.25, 1e-6, 0.999]);
    const s32 = roundTrip(input, 'pcm_s32le');
    input.forEach((v, i) => assert.ok(Math.abs(s32[i]! - v) < 1e-9, `s32 ${v}`));
    assert.deepEqual(roundTrip(input, 'pcm_f32le'), input);
  });

  test('integer PCM stores the expected little-endian bytes and clamps beyond full scale', () => {
    const bytes = Buffer.alloc(8);
    encodeSamples(Float32Array.from([0.5, -1, 1.5, -2]), 'pcm_s16le', bytes);
    assert.deepEqual([...bytes], [0x00, 0x40, 0x00, 0x80, 0xff, 0x7f, 0x00, 0x80]);
    const s24 = Buffer.alloc(3);
    encodeSamples(Float32Array.from([-1 / 8388608]), 'pcm_s24le', s24);
    assert.deepEqual([...s24], [0xff, 0xff, 0xff]);
    const u8 = Buffer.alloc(2);
    encodeSamples(Float32Array.from([1, -1]), 'pcm_u8', u8);
    assert.deepEqual([...u8], [0xff, 0x00]);
  });

  test('G.711 decodes to the ITU-T G.711 linear values', () => {
    const decode = (code: number, encoding: SampleEncoding): number => {
      const out = new Float32Array(1);
      decodeSamples(Buffer.from([code]), encoding, out);
      return Math.round(out[0]! * 32768);
    };
    // μ-law: 0x00 is negative full scale, 0x80 positive, 0xFF and 0x7F are zero.
    assert.equal(decode(0x00, 'mulaw'), -32124);
    assert.equal(decode(0x80, 'mulaw'), 32124);
    assert.equal(decode(0xff, 'mulaw'), 0);
    assert.equal(decode(0x7f, 'mulaw'), 0);
    assert.equal(decode(0xfe, 'mulaw'), 8);
    // A-law: 0xD5 / 0x55 are the smallest values, 0xAA / 0x2A full scale.
    assert.equal(decode(0xd5, 'alaw'), 8);
    assert.equal(decode(0x55, 'alaw'), -8);
    assert.equal(decode(0xaa, 'alaw'), 32256);
    assert.equal(decode(0x2a, 'alaw'), -32256);
  });

  test('every G.711 code survives a round trip (μ-law negative zero becomes positive zero)', () => {
    for (const encoding of ['mulaw', 'alaw'] as const) {
      const codes = Buffer.from(Array.from({ length: 256 }, (_, code) => code));
      const values = new Float32Array(256);
      decodeSamples(codes, encoding, values);
      const back = Buffer.alloc(256);
      encodeSamples(values, encoding, back);
      for (let code = 0; code < 256; code++) {
        const expected = encoding === 'mulaw' && code === 0x7f ? 0xff : code;
        assert.equal(back[code], expected, `${encoding} code ${code}`);
      }
    }
  });

  test('G.711 encoding is monotonic and keeps the error within half a quantisation step', () => {
    for (const encoding of ['mulaw', 'alaw'] as const) {
      const input = new Float32Array(2001).map((_, i) => (i - 1000) / 1000);
      const back = roundTrip(input, encoding);
      for (let i = 1; i < input.length; i++)
        assert.ok(back[i]! >= back[i - 1]!, `${encoding} monotonic at ${i}`);
      // The largest step (top segment) is 1024/32768 in μ-law and A-law alike.
      input.forEach((v, i) => assert.ok(Math.abs(back[i]! - v) <= 1024 / 32768, `${encoding} ${v}`));
    }
  });

  test("silence is each encoding's own silence value, and decodes to (near) zero", () => {
    const expected: Record<SampleEncoding, number[]> = {
      pcm_u8: [0x80],
      pcm_s16le: [0, 0],
      pcm_s24le: [0, 0, 0],
      pcm_s32le: [0, 0, 0, 0],
      pcm_f32le: [0, 0, 0, 0],
      mulaw: [0xff],
      alaw: [0xd5],
    };
    for (const encoding of SAMPLE_ENCODINGS) {
      const bytes = silenceBytes(encoding);
      assert.deepEqual([...bytes], expected[encoding], encoding);
      const value = new Float32Array(1);
      decodeSamples(bytes, encoding, value);
      // A-law has no zero: its silence is 8/32768, about -72 dBFS.
      assert.ok(Math.abs(value[0]!) <= 8 / 32768, encoding);
    }
  });

  test('decoding refuses a buffer too short for the samples asked', () => {
    assert.throws(() => decodeSamples(Buffer.alloc(3), 'pcm_s16le', new Float32Array(2)), RangeError);
    assert.throws(() => encodeSamples(new Float32Array(2), 'pcm_s24le', Buffer.alloc(5)), RangeError);
  });
});
