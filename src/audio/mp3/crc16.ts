/**
 * The two CRC-16s an MP3 file carries, both on the polynomial x^16 + x^15 + x^2 + 1 (0x8005):
 *
 * - the frame CRC (ISO 11172-3 §2.4.3.1): most significant bit first, register starting at 0xFFFF,
 *   over header bytes 2–3 and the side info of a protected frame;
 * - the LAME tag's MusicCRC and tag CRC: bit-reflected (0xA001), register starting at 0, as LAME's
 *   `CRC_update_lookup` and ffmpeg's `AV_CRC_16_ANSI_LE` compute them (the CRC-16/ARC variant).
 *
 * The LAME variant starts from 0 and has no final XOR, so it is linear: the CRC of (A xor B) is
 * crc(A) xor crc(B) for equal lengths, and leading zero bytes leave it unchanged. That lets
 * `lameCrcDelta` update the MusicCRC of a whole file from the few bytes redaction changed, without
 * reading the rest.
 */

function table(step: (crc: number) => number): Uint16Array {
  const entries = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) entries[byte] = step(byte);
  return entries;
}

const FRAME_TABLE = table((byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x8005 : crc << 1;
  return crc & 0xffff;
});

const LAME_TABLE = table((byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  return crc;
});

/** The frame CRC over `parts` in order (header bytes 2–3, then the side info). */
export function frameCrc(...parts: readonly Uint8Array[]): number {
  let crc = 0xffff;
  for (const part of parts) {
    for (const byte of part) crc = ((crc << 8) & 0xffff) ^ FRAME_TABLE[((crc >>> 8) ^ byte) & 0xff]!;
  }
  return crc;
}

/** The LAME CRC of `bytes`, continuing from `crc` (0 to start). */
export function lameCrc(bytes: Uint8Array, crc = 0): number {
  let value = crc;
  for (const byte of bytes) value = (value >>> 8) ^ LAME_TABLE[(value ^ byte) & 0xff]!;
  return value;
}

/** A linear map on 16-bit registers, as the image of each bit. */
type Operator = Uint16Array;

function apply(operator: Operator, register: number): number {
  let out = 0;
  for (let bit = 0; register !== 0; bit++, register >>>= 1) if (register & 1) out ^= operator[bit]!;
  return out;
}

function compose(second: Operator, first: Operator): Operator {
  return first.map((image) => apply(second, image));
}

/** The LAME register after one zero byte, as an operator: the step every later byte repeats. */
const ZERO_BYTE: Operator = new Uint16Array(16).map((_, bit) => lameCrc(new Uint8Array(1), 1 << bit));
/** ZERO_BYTE to the powers 1, 2, 4, 8, …, computed as far as asked. */
const ZERO_BYTE_POWERS: Operator[] = [ZERO_BYTE];

/** The LAME CRC `crc` carried on through `count` zero bytes, in log2(count) steps. */
function throughZeros(crc: number, count: number): number {
  let register = crc;
  for (let power = 0, rest = count; rest > 0; power++, rest = Math.floor(rest / 2)) {
    ZERO_BYTE_POWERS[power] ??= compose(ZERO_BYTE_POWERS[power - 1]!, ZERO_BYTE_POWERS[power - 1]!);
    if (rest % 2 === 1) register = apply(ZERO_BYTE_POWERS[power]!, register);
  }
  return register;
}

/**
 * What to XOR into the LAME CRC of a span when `before` is replaced by `after` at a place followed
 * by `bytesAfter` more bytes of the span.
 */
export function lameCrcDelta(before: Uint8Array, after: Uint8Array, bytesAfter: number): number {
  const difference = after.map((byte, i) => byte ^ before[i]!);
  return throughZeros(lameCrc(difference), bytesAfter);
}
