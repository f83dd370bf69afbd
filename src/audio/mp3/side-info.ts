/**
 * Layer III side info: where a frame's main data starts (main_data_begin, bytes back into earlier
 * frames: the bit reservoir) and how many bits each granule/channel reads from it
 * (part2_3_length), and the side info of a silent frame.
 *
 * MPEG-1: main_data_begin 9 bits, private bits (5 mono, 3 stereo), scfsi 4 bits per channel, then
 * 59 bits per granule and channel (two granules). MPEG-2/2.5: main_data_begin 8 bits, private bits
 * (1 mono, 2 stereo), no scfsi, 63 bits per channel (one granule). Each granule/channel block starts
 * with part2_3_length (12 bits).
 */
import type { FrameHeader } from './frame-header.js';

export interface SideInfo {
  /** Bytes before this frame's data area where its main data begins. */
  mainDataBegin: number;
  /** Bits of main data all granules and channels read (sum of part2_3_length). */
  mainDataBits: number;
}

interface SideInfoLayout {
  mainDataBeginBits: number;
  privateBits: number;
  /** Bits before the first granule/channel block: main_data_begin, private bits, scfsi. */
  prefixBits: number;
  blockBits: number;
  blocks: number;
}

function layoutOf(header: FrameHeader): SideInfoLayout {
  const stereo = header.channels === 2;
  if (header.version === 'MPEG-1') {
    const privateBits = stereo ? 3 : 5;
    return {
      mainDataBeginBits: 9,
      privateBits,
      prefixBits: 9 + privateBits + 4 * header.channels,
      blockBits: 59,
      blocks: 2 * header.channels,
    };
  }
  const privateBits = stereo ? 2 : 1;
  return {
    mainDataBeginBits: 8,
    privateBits,
    prefixBits: 8 + privateBits,
    blockBits: 63,
    blocks: header.channels,
  };
}

/** Reads `count` (≤ 24) bits at bit `position` of `bytes`, most significant bit first. */
function readBits(bytes: Uint8Array, start: number, position: number, count: number): number {
  let value = 0;
  for (let bit = position; bit < position + count; bit++) {
    value = (value << 1) | ((bytes[start + (bit >>> 3)]! >>> (7 - (bit & 7))) & 1);
  }
  return value;
}

/** The side info of the frame whose side info starts at `bytes[start]`. */
export function readSideInfo(bytes: Uint8Array, start: number, header: FrameHeader): SideInfo {
  const layout = layoutOf(header);
  let mainDataBits = 0;
  for (let block = 0; block < layout.blocks; block++) {
    mainDataBits += readBits(bytes, start, layout.prefixBits + block * layout.blockBits, 12);
  }
  return { mainDataBegin: readBits(bytes, start, 0, layout.mainDataBeginBits), mainDataBits };
}

/**
 * The side info of a silent frame, in place: every granule/channel block zero (part2_3_length 0 so
 * no main data is read, big_values 0, global_gain 0, scalefac_compress 0, no window switching,
 * table selects, preflag and scalefac_scale 0) and scfsi 0. main_data_begin and the private bits are
 * kept, so the frame still points where it did and the reservoir the decoder keeps for later frames
 * is the same as before.
 */
export function silenceSideInfo(sideInfo: Uint8Array, header: FrameHeader): void {
  const layout = layoutOf(header);
  const keep = layout.mainDataBeginBits + layout.privateBits;
  const fullBytes = keep >>> 3;
  const partialBits = keep & 7;
  if (partialBits > 0) sideInfo[fullBytes] = sideInfo[fullBytes]! & (0xff << (8 - partialBits));
  sideInfo.fill(0, fullBytes + (partialBits > 0 ? 1 : 0), header.sideInfoLength);
}
