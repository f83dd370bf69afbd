/**
 * The header frame an encoder writes before the audio: Xing ("Xing" for VBR, "Info" for CBR) or
 * Fraunhofer VBRI, and the LAME tag after the Xing fields (http://gabriel.mp3-tech.org/mp3infotag.html).
 * Decoders skip this frame; the LAME tag tells them how many samples of encoder delay and end
 * padding to trim (gapless playback), which fixes where each frame's samples land in time.
 */
import type { FrameHeader } from './frame-header.js';

export type VbrHeaderKind = 'xing' | 'info' | 'vbri';

export interface LameTag {
  /** The 9-byte encoder version field, e.g. "LAME3.100" or "Lavc58.42". */
  encoder: string;
  /** Byte offset of the tag (its version field) from the start of the frame. */
  offset: number;
  /** Samples the encoder put before the audio, and after it to fill the last frame. */
  encoderDelay: number;
  encoderPadding: number;
  /** Whether decoders trim delay and padding: ffmpeg (libavformat mp3dec) does for these encoders. */
  gapless: boolean;
}

export interface VbrHeader {
  kind: VbrHeaderKind;
  /** Audio frames the header counts (the header frame excluded), when it says. */
  frames: number | null;
  lame: LameTag | null;
}

const XING_FRAMES = 1;
const XING_BYTES = 2;
const XING_TOC = 4;
const XING_QUALITY = 8;
const XING_TOC_LENGTH = 100;
export const LAME_TAG_LENGTH = 36;
/** Offsets inside the LAME tag (from its version field). */
export const LAME_DELAY_AT = 21;
export const LAME_MUSIC_CRC_AT = 32;
export const LAME_TAG_CRC_AT = 34;
/** Encoders whose delay fields ffmpeg trusts (mp3dec.c, mp3_parse_info_tag). */
const GAPLESS_ENCODERS = ['LAME', 'Lavf', 'Lavc'];
/** VBRI sits 32 bytes after the header whatever the mode (Fraunhofer's layout). */
const VBRI_AT = 4 + 32;

function text(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function uint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

function lameTag(frame: Uint8Array, at: number): LameTag | null {
  if (at + LAME_TAG_LENGTH > frame.length) return null;
  const encoder = text(frame, at, 9);
  if (!/^[\x20-\x7e]{4}/.test(encoder)) return null; // no tag: Xing fields followed by padding
  const delayField =
    (frame[at + LAME_DELAY_AT]! << 16) |
    (frame[at + LAME_DELAY_AT + 1]! << 8) |
    frame[at + LAME_DELAY_AT + 2]!;
  return {
    encoder: encoder.replace(/\0+$/, ''),
    offset: at,
    encoderDelay: delayField >>> 12,
    encoderPadding: delayField & 0xfff,
    gapless: GAPLESS_ENCODERS.includes(encoder.slice(0, 4)),
  };
}

/** The Xing/Info/VBRI header in `frame` (one whole frame), or null when it is an audio frame. */
export function parseVbrHeader(frame: Uint8Array, header: FrameHeader): VbrHeader | null {
  const xingAt = 4 + header.sideInfoLength; // where LAME and ffmpeg put it, CRC or not
  const magic = xingAt + 8 <= frame.length ? text(frame, xingAt, 4) : '';
  if (magic === 'Xing' || magic === 'Info') {
    const flags = uint32(frame, xingAt + 4);
    let at = xingAt + 8;
    let frames: number | null = null;
    if (flags & XING_FRAMES && at + 4 <= frame.length) frames = uint32(frame, at);
    if (flags & XING_FRAMES) at += 4;
    if (flags & XING_BYTES) at += 4;
    if (flags & XING_TOC) at += XING_TOC_LENGTH;
    if (flags & XING_QUALITY) at += 4;
    return { kind: magic === 'Xing' ? 'xing' : 'info', frames, lame: lameTag(frame, at) };
  }
  if (VBRI_AT + 18 <= frame.length && text(frame, VBRI_AT, 4) === 'VBRI') {
    return { kind: 'vbri', frames: uint32(frame, VBRI_AT + 14), lame: null };
  }
  return null;
}
