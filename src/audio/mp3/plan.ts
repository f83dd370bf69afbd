/**
 * The byte edits that silence runs of frames, bit reservoir included.
 *
 * Layer III frames do not keep their audio to themselves. After the header (and CRC) and side info,
 * each frame has a data area; the data areas of all frames, end to end, form one main-data stream,
 * and a frame's main data starts main_data_begin bytes before its own area, possibly inside earlier
 * frames (the bit reservoir). So silencing a frame means:
 * - rewriting its side info silent (no main data read; see `silenceSideInfo`);
 * - zeroing its main data wherever it sits, even inside earlier frames that are kept, or the words
 *   stay in the file;
 * - zeroing the rest of its data area, except the bytes that later kept frames borrow from it, or
 *   they decode to noise.
 * The side info keeps main_data_begin, so the decoder's reservoir, and every kept frame's view of
 * it, is what it was.
 */
import { isCrcProtected, sideInfoOffset, type FrameHeader } from './frame-header.js';
import type { FrameIndex } from './scan.js';
import type { FrameRun } from './timeline.js';

/** Bytes set to 0, or a silenced frame's CRC (when it has one) and side info, rewritten silent. */
export type Mp3Edit =
  | { kind: 'zero'; offset: number; length: number }
  | { kind: 'side-info'; offset: number; length: number; /** the frame's header word */ header: number };

/** [start, end) in main-data stream bytes. */
type Interval = [number, number];

/** The farthest main_data_begin reaches back (9 bits in MPEG-1, 8 bits in MPEG-2/2.5). */
const MAX_MAIN_DATA_BEGIN = 511;

/** Sorted, overlapping or touching intervals joined. */
function union(intervals: readonly Interval[]): Interval[] {
  const joined: Interval[] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = joined.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (start < end) joined.push([start, end]);
  }
  return joined;
}

/** `from` minus `holes` (both sorted and disjoint). */
function subtract(from: readonly Interval[], holes: readonly Interval[]): Interval[] {
  const rest: Interval[] = [];
  for (const [start, end] of from) {
    let cursor = start;
    for (const [holeStart, holeEnd] of holes) {
      if (holeEnd <= cursor || holeStart >= end) continue;
      if (holeStart > cursor) rest.push([cursor, holeStart]);
      cursor = Math.max(cursor, holeEnd);
    }
    if (cursor < end) rest.push([cursor, end]);
  }
  return rest;
}

/** The edits that silence `runs` (sorted, disjoint) of the frames in `frames`, sorted by offset. */
export function planEdits(frames: FrameIndex, format: FrameHeader, runs: readonly FrameRun[]): Mp3Edit[] {
  const count = frames.count;
  // CRC protection may change from frame to frame; the side info length cannot (one stream).
  const areaOffset = (i: number) => sideInfoOffset(isCrcProtected(frames.header[i]!)) + format.sideInfoLength;
  const areaStart = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) areaStart[i + 1] = areaStart[i]! + frames.length[i]! - areaOffset(i);
  const mainData = (i: number): Interval => {
    const start = Math.max(0, areaStart[i]! - frames.mainDataBegin[i]!);
    return [start, Math.min(start + Math.ceil(frames.mainDataBits[i]! / 8), areaStart[i + 1]!)];
  };

  const edits: Mp3Edit[] = [];
  const mutedMainData: Interval[] = [];
  const mutedAreas: Interval[] = [];
  const keptMainData: Interval[] = [];
  for (const [r, { first, last }] of runs.entries()) {
    for (let i = first; i <= last; i++) {
      mutedMainData.push(mainData(i));
      const header = frames.header[i]!;
      edits.push({ kind: 'side-info', offset: frames.offset[i]! + 4, length: areaOffset(i) - 4, header });
    }
    const areas: Interval = [areaStart[first]!, areaStart[last + 1]!];
    mutedAreas.push(areas);
    const nextRun = runs[r + 1]?.first ?? count;
    for (let j = last + 1; j < nextRun && areaStart[j]! - MAX_MAIN_DATA_BEGIN < areas[1]; j++) {
      keptMainData.push(mainData(j));
    }
  }
  const zeroed = union([...mutedMainData, ...subtract(union(mutedAreas), union(keptMainData))]);

  // Stream intervals back to file bytes, one edit per frame area they cross.
  let frame = 0;
  for (const [start, end] of zeroed) {
    while (areaStart[frame + 1]! <= start) frame++;
    for (let at = start; at < end; frame++) {
      const pieceEnd = Math.min(end, areaStart[frame + 1]!);
      const offset = frames.offset[frame]! + areaOffset(frame) + (at - areaStart[frame]!);
      if (pieceEnd > at) edits.push({ kind: 'zero', offset, length: pieceEnd - at });
      at = pieceEnd;
      if (at < areaStart[frame + 1]!) break; // `end` lies inside this frame: the next interval may too
    }
  }
  return edits.sort((a, b) => a.offset - b.offset);
}
