/**
 * Sample encodings of uncompressed audio as call recorders write it (WAV or headerless raw), and
 * the conversion of one sample to and from a float in [-1, 1]. Redaction writes each encoding's own
 * silence: 0 for signed PCM and float, 128 for unsigned 8-bit, 0xFF for G.711 μ-law and 0xD5 for
 * A-law (byte 0 in μ-law is full scale, not silence).
 */
export type SampleEncoding =
  'pcm_u8' | 'pcm_s16le' | 'pcm_s24le' | 'pcm_s32le' | 'pcm_f32le' | 'mulaw' | 'alaw';

export const SAMPLE_ENCODINGS: readonly SampleEncoding[] = [
  'pcm_u8',
  'pcm_s16le',
  'pcm_s24le',
  'pcm_s32le',
  'pcm_f32le',
  'mulaw',
  'alaw',
];

/** Bytes one sample of the encoding takes. */
export const BYTES_PER_SAMPLE: Readonly<Record<SampleEncoding, number>> = {
  pcm_u8: 1,
  pcm_s16le: 2,
  pcm_s24le: 3,
  pcm_s32le: 4,
  pcm_f32le: 4,
  mulaw: 1,
  alaw: 1,
};

// G.711 (ITU-T G.711) works on 16-bit linear samples: μ-law codes span ±32124, A-law ±32256.
const MULAW_BIAS = 0x84;
const MULAW_CLIP = 32635;
const ALAW_SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];

function mulawToLinear(code: number): number {
  const u = ~code & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + MULAW_BIAS) << ((u >> 4) & 0x07)) - MULAW_BIAS;
  return u & 0x80 ? 0 - magnitude : magnitude; // 0 - 0 is +0: no negative zero in the table
}

function linearToMulaw(pcm: number): number {
  const sign = pcm < 0 ? 0x80 : 0;
  const magnitude = Math.min(Math.abs(pcm), MULAW_CLIP) + MULAW_BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

function alawToLinear(code: number): number {
  const a = code ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let magnitude = (a & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

function linearToAlaw(pcm: number): number {
  // A-law has no zero code: 0 and the smallest positive values share 0xD5.
  let value = pcm >> 3;
  let mask = 0xd5;
  if (value < 0) {
    mask = 0x55;
    value = -value - 1;
  }
  const segment = ALAW_SEGMENT_ENDS.findIndex((end) => value <= end);
  if (segment < 0) return 0x7f ^ mask;
  const mantissa = (segment < 2 ? value >> 1 : value >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

const decodeTables = new Map<'mulaw' | 'alaw', Float32Array>();
const encodeTables = new Map<'mulaw' | 'alaw', Uint8Array>();

/**
 * code → float, built once per law on first use (256 floats). Each table is built only when its
 * direction is needed: verifying silence decodes and never encodes, and the 64 Ki codes of the
 * encoding table took a few ms to build.
 */
function decodeTable(law: 'mulaw' | 'alaw'): Float32Array {
  let table = decodeTables.get(law);
  if (!table) {
    const toLinear = law === 'mulaw' ? mulawToLinear : alawToLinear;
    table = new Float32Array(256);
    for (let code = 0; code < 256; code++) table[code] = toLinear(code) / 32768;
    decodeTables.set(law, table);
  }
  return table;
}

/** 16-bit linear sample + 32768 → code, built once per law on first use (64 KiB). */
function encodeTable(law: 'mulaw' | 'alaw'): Uint8Array {
  let table = encodeTables.get(law);
  if (!table) {
    const fromLinear = law === 'mulaw' ? linearToMulaw : linearToAlaw;
    table = new Uint8Array(65536);
    for (let pcm = -32768; pcm < 32768; pcm++) table[pcm + 32768] = fromLinear(pcm);
    encodeTables.set(law, table);
  }
  return table;
}

/** A float in [-1, 1] as a signed integer of `scale` (2^(bits-1)), rounded and clamped. */
function quantise(value: number, scale: number): number {
  const scaled = Math.round(value * scale);
  return scaled >= scale ? scale - 1 : scaled < -scale ? -scale : scaled;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The first `count` little-endian samples of `bytes` as a typed array over the same memory, where
 * the machine's byte order and the buffer's alignment allow one (they read several times faster
 * than byte by byte); null otherwise.
 */
function nativeView<T extends Int16Array | Float32Array>(
  bytes: Buffer,
  type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
  count: number,
): T | null {
  if (!LITTLE_ENDIAN || bytes.byteOffset % type.BYTES_PER_ELEMENT !== 0) return null;
  return new type(bytes.buffer, bytes.byteOffset, count);
}

/**
 * Decodes `out.length` interleaved samples from `bytes` into floats in [-1, 1] (integer PCM is
 * scaled by 2^(bits-1); G.711 through its 16-bit linear value).
 */
export function decodeSamples(bytes: Buffer, encoding: SampleEncoding, out: Float32Array): void {
  const count = out.length;
  if (bytes.length < count * BYTES_PER_SAMPLE[encoding]) {
    throw new RangeError(`decodeSamples: ${count} ${encoding} samples need more than ${bytes.length} bytes`);
  }
  switch (encoding) {
    case 'pcm_u8':
      for (let i = 0; i < count; i++) out[i] = (bytes[i]! - 128) / 128;
      return;
    case 'pcm_s16le': {
      const samples = nativeView(bytes, Int16Array, count);
      if (samples) for (let i = 0; i < count; i++) out[i] = samples[i]! / 32768;
      else {
        for (let i = 0, b = 0; i < count; i++, b += 2)
          out[i] = (((bytes[b]! | (bytes[b + 1]! << 8)) << 16) >> 16) / 32768;
      }
      return;
    }
    case 'pcm_s24le':
      for (let i = 0, b = 0; i < count; i++, b += 3) {
        out[i] = (((bytes[b]! | (bytes[b + 1]! << 8) | (bytes[b + 2]! << 16)) << 8) >> 8) / 8388608;
      }
      return;
    case 'pcm_s32le':
      for (let i = 0, b = 0; i < count; i++, b += 4) out[i] = bytes.readInt32LE(b) / 2147483648;
      return;
    case 'pcm_f32le': {
      const samples = nativeView(bytes, Float32Array, count);
      if (samples) out.set(samples);
      else for (let i = 0, b = 0; i < count; i++, b += 4) out[i] = bytes.readFloatLE(b);
      return;
    }
    case 'mulaw':
    case 'alaw': {
      const table = decodeTable(encoding);
      for (let i = 0; i < count; i++) out[i] = table[bytes[i]!]!;
      return;
    }
  }
}

/**
 * Encodes `values.length` floats as interleaved samples of the encoding into `out` (integer PCM
 * and G.711 clamp to full scale; float is written as is).
 */
export function encodeSamples(values: Float32Array, encoding: SampleEncoding, out: Buffer): void {
  const count = values.length;
  if (out.length < count * BYTES_PER_SAMPLE[encoding]) {
    throw new RangeError(`encodeSamples: ${count} ${encoding} samples need more than ${out.length} bytes`);
  }
  switch (encoding) {
    case 'pcm_u8':
      for (let i = 0; i < count; i++) out[i] = quantise(values[i]!, 128) + 128;
      return;
    case 'pcm_s16le':
      for (let i = 0, b = 0; i < count; i++, b += 2) {
        const sample = quantise(values[i]!, 32768);
        out[b] = sample & 0xff;
        out[b + 1] = (sample >> 8) & 0xff;
      }
      return;
    case 'pcm_s24le':
      for (let i = 0, b = 0; i < count; i++, b += 3) {
        const sample = quantise(values[i]!, 8388608);
        out[b] = sample & 0xff;
        out[b + 1] = (sample >> 8) & 0xff;
        out[b + 2] = (sample >> 16) & 0xff;
      }
      return;
    case 'pcm_s32le':
      for (let i = 0, b = 0; i < count; i++, b += 4) out.writeInt32LE(quantise(values[i]!, 2147483648), b);
      return;
    case 'pcm_f32le':
      for (let i = 0, b = 0; i < count; i++, b += 4) out.writeFloatLE(values[i]!, b);
      return;
    case 'mulaw':
    case 'alaw': {
      const table = encodeTable(encoding);
      for (let i = 0; i < count; i++) out[i] = table[quantise(values[i]!, 32768) + 32768]!;
      return;
    }
  }
}

/** One sample of the encoding's own silence (0 for signed PCM and float, 0x80, 0xFF, 0xD5). */
export function silenceBytes(encoding: SampleEncoding): Buffer {
  // G.711's one code from its function: encodeSamples would build the whole 64 Ki-code table for it.
  if (encoding === 'mulaw') return Buffer.of(linearToMulaw(0));
  if (encoding === 'alaw') return Buffer.of(linearToAlaw(0));
  const out = Buffer.alloc(BYTES_PER_SAMPLE[encoding]);
  encodeSamples(new Float32Array(1), encoding, out);
  return out;
}
