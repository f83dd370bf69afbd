/**
 * One streaming pass over an MP3 file that indexes its frames: where each one is, its header word,
 * and its side info's main_data_begin and main-data bit count. The file is read in 1 MiB windows;
 * the index costs 20 bytes a frame (about 2.7 MB for an hour at 44.1 kHz), never the audio itself.
 *
 * Tags are skipped by their declared sizes (ID3v2 at the start; ID3v1, Lyrics3, APE at the end).
 * A frame is accepted only when its header agrees with the stream (version, sample rate, channels)
 * and, when the stream is not established yet or after bytes that were not a frame, when the next
 * frame's header agrees too: bytes that merely look like a header (inside junk) are not frames.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { parseFrameHeader, sameStream, sideInfoOffset, type FrameHeader } from './frame-header.js';
import { readSideInfo } from './side-info.js';
import { id3v2Length, trailingTagsLength } from './tags.js';
import { parseVbrHeader, type VbrHeader } from './vbr-header.js';

/** The audio frames of a stream (the Xing/Info/VBRI frame excluded), in file order. */
export interface FrameIndex {
  count: number;
  /** File offset of each frame. */
  offset: Float64Array;
  /** Header word of each frame (see `parseFrameHeader`). */
  header: Uint32Array;
  length: Uint16Array;
  mainDataBegin: Uint16Array;
  mainDataBits: Uint16Array;
}

export interface Mp3Stream {
  fileLength: number;
  /** Bytes of ID3v2 tags at the start. */
  id3v2Length: number;
  /** Bytes of ID3v1 / Lyrics3 / APE / appended ID3v2 tags at the end. */
  trailingTagsLength: number;
  /** Parameters of the stream, from its first frame. */
  format: FrameHeader;
  /** The header frame before the audio, when there is one. */
  vbrHeader: (VbrHeader & { offset: number; length: number }) | null;
  frames: FrameIndex;
  /** Offset just past the last whole frame. */
  audioEnd: number;
  /**
   * Bytes before or between frames that are not frames (skipped, kept as they are). Bytes after the
   * last whole frame (a cut-off frame, junk) are kept too, and lie between `audioEnd` and the tags.
   */
  skippedBytes: number;
}

const WINDOW = 1 << 20;
/**
 * More bytes than this that are not frames of the stream (between frames, or after the last) mean
 * damage or a format change mid-file: frames a decoder might still play would be missing from the
 * index, and times after them would be wrong, so such files are refused rather than guessed at.
 */
const MAX_UNPARSED_BYTES = 64 << 10;
/** Longest Layer III frame (MPEG-1 320 kb/s at 32 kHz, padded) plus the next header. */
const FRAME_AND_NEXT_HEADER = 1441 + 4;

/** A forward-only window onto the file, refilled from the position asked for. */
class Window {
  private readonly bytes = Buffer.allocUnsafe(WINDOW);
  private start = 0;
  private end = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly limit: number,
  ) {}

  /** Whether [position, position + length), clamped to the limit, is in the window. */
  holds(position: number, length: number): boolean {
    return position >= this.start && Math.min(position + length, this.limit) <= this.end;
  }

  /** Refills the window from `position`. */
  async fill(position: number): Promise<void> {
    const { bytesRead } = await this.file.read(
      this.bytes,
      0,
      Math.min(WINDOW, this.limit - position),
      position,
    );
    this.start = position;
    this.end = position + bytesRead;
  }

  /** Index in `view` of file offset `position`. */
  indexOf(position: number): number {
    return position - this.start;
  }

  get view(): Buffer {
    return this.bytes;
  }

  /** The header at `position` (4 bytes in the window), or null past the limit. */
  headerAt(position: number): FrameHeader | null {
    if (position + 4 > this.end) return null;
    return parseFrameHeader(this.bytes.readUInt32BE(position - this.start));
  }
}

class FrameIndexBuilder implements FrameIndex {
  count = 0;
  offset = new Float64Array(1024);
  header = new Uint32Array(1024);
  length = new Uint16Array(1024);
  mainDataBegin = new Uint16Array(1024);
  mainDataBits = new Uint16Array(1024);

  push(offset: number, header: number, length: number, mainDataBegin: number, mainDataBits: number): void {
    if (this.count === this.offset.length) this.grow();
    const i = this.count++;
    this.offset[i] = offset;
    this.header[i] = header;
    this.length[i] = length;
    this.mainDataBegin[i] = mainDataBegin;
    this.mainDataBits[i] = mainDataBits;
  }

  private grow(): void {
    const size = this.offset.length * 2;
    const grown = <T extends Float64Array | Uint32Array | Uint16Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.offset = grown(this.offset, new Float64Array(size));
    this.header = grown(this.header, new Uint32Array(size));
    this.length = grown(this.length, new Uint16Array(size));
    this.mainDataBegin = grown(this.mainDataBegin, new Uint16Array(size));
    this.mainDataBits = grown(this.mainDataBits, new Uint16Array(size));
  }
}

async function leadingTagsLength(file: FileHandle, fileLength: number, path: string): Promise<number> {
  let start = 0;
  const header = Buffer.alloc(10);
  for (;;) {
    const { bytesRead } = await file.read(header, 0, 10, start);
    const length = id3v2Length(header.subarray(0, bytesRead));
    if (length === 0) return start;
    if (length < 0 || start + length > fileLength) {
      throw new HushError('AUDIO_INVALID', `${path}: the ID3v2 tag at byte ${start} has an invalid size`);
    }
    start += length;
  }
}

/** Indexes the frames of the MP3 file at `path`. */
export async function scanMp3(path: string): Promise<Mp3Stream> {
  const file = await open(path, 'r');
  try {
    const fileLength = (await file.stat()).size;
    const audioStart = await leadingTagsLength(file, fileLength, path);
    const trailing = await trailingTagsLength(fileLength - audioStart, async (fromEnd, length) => {
      const tail = Buffer.alloc(length);
      const { bytesRead } = await file.read(tail, 0, length, fileLength - fromEnd);
      return tail.subarray(0, bytesRead);
    });
    const limit = fileLength - trailing;
    const window = new Window(file, limit);
    const frames = new FrameIndexBuilder();
    let format: FrameHeader | null = null;
    let vbrHeader: Mp3Stream['vbrHeader'] = null;
    let skippedBytes = 0;
    let audioEnd = audioStart;
    let confirmNext = true; // at the start and after skipped bytes, a frame needs a second one after it

    for (let position = audioStart; position + 4 <= limit;) {
      if (!window.holds(position, FRAME_AND_NEXT_HEADER)) await window.fill(position);
      const at = window.indexOf(position);
      const header = window.headerAt(position);
      const end = header ? position + header.frameLength : 0;
      const fits = header !== null && end <= limit && (format === null || sameStream(format, header));
      const next = fits && end < limit && confirmNext ? window.headerAt(end) : null;
      const confirmed =
        fits && (!confirmNext || end === limit || (next !== null && sameStream(header, next)));
      if (!confirmed) {
        position++;
        confirmNext = true;
        continue;
      }
      skippedBytes += position - audioEnd;
      const view = window.view;
      if (format === null) {
        format = header;
        const vbr = parseVbrHeader(view.subarray(at, at + header.frameLength), header);
        if (vbr) vbrHeader = { ...vbr, offset: position, length: header.frameLength };
      }
      if (vbrHeader?.offset !== position) {
        const side = readSideInfo(view, at + sideInfoOffset(header.crcProtected), header);
        frames.push(
          position,
          view.readUInt32BE(at),
          header.frameLength,
          side.mainDataBegin,
          side.mainDataBits,
        );
      }
      confirmNext = false;
      position = audioEnd = end;
    }
    if (format === null || frames.count === 0) {
      throw new HushError('AUDIO_INVALID', `${path}: no MPEG Layer III (MP3) audio frames found`);
    }
    const unparsed = skippedBytes + (limit - audioEnd);
    if (unparsed > MAX_UNPARSED_BYTES) {
      throw new HushError(
        'AUDIO_UNSUPPORTED',
        `${path}: ${unparsed} bytes among the MP3 frames are not frames of the stream (damaged, or the format changes mid-file)`,
      );
    }
    return {
      fileLength,
      id3v2Length: audioStart,
      trailingTagsLength: trailing,
      format,
      vbrHeader,
      frames,
      audioEnd,
      skippedBytes,
    };
  } finally {
    await file.close();
  }
}
