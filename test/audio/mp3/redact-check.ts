/**
 * What every MP3 redaction must satisfy, checked against ffmpeg's decode of the input and output:
 * regions silent, the rest of the audio untouched, the file the same size with every byte outside
 * `changed` the same, the frames where they were, and the LAME tag's MusicCRC still right.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { lameCrc } from '../../../src/audio/mp3/crc16.js';
import { parseFrameHeader } from '../../../src/audio/mp3/frame-header.js';
import type { Mp3Info } from '../../../src/audio/mp3/info.js';
import type { Mp3Redaction } from '../../../src/audio/mp3/redact.js';
import { scanMp3, type Mp3Stream } from '../../../src/audio/mp3/scan.js';
import { LAME_MUSIC_CRC_AT } from '../../../src/audio/mp3/vbr-header.js';
import { decode, rmsDbfs } from './mp3-fixture.js';

export interface Region {
  start: number;
  end: number;
  channel: number | null;
}

/** Whether the LAME tag's MusicCRC matches the frames after the tag frame; null without a tag. */
export function musicCrcHolds(stream: Mp3Stream, bytes: Buffer): boolean | null {
  const header = stream.vbrHeader;
  if (!header?.lame) return null;
  const stored = bytes.readUInt16BE(header.offset + header.lame.offset + LAME_MUSIC_CRC_AT);
  return lameCrc(bytes.subarray(header.offset + header.length, stream.audioEnd)) === stored;
}

const toSample = (ms: number, rate: number, round: (x: number) => number) => round((ms * rate) / 1000);

export interface Overmute {
  /** ms of exact silence before and after the regions each muted span covers (not at the file's ends). */
  before: number[];
  after: number[];
}

export async function checkRedaction(options: {
  input: string;
  output: string;
  info: Mp3Info;
  regions: readonly Region[];
  result: Mp3Redaction;
}): Promise<Overmute> {
  const { input, output, info, regions, result } = options;
  const [original, redacted] = [await readFile(input), await readFile(output)];

  // Same size; every byte outside `changed` the same; changes only inside the frames (tags kept).
  assert.equal(redacted.length, original.length);
  const inChanged = new Uint8Array(original.length);
  for (const { offset, length } of result.changed) inChanged.fill(1, offset, offset + length);
  for (let i = 0; i < original.length; i++) {
    if (!inChanged[i] && original[i] !== redacted[i])
      assert.fail(`byte ${i} changed outside the changed ranges`);
  }
  for (const { offset, length } of result.changed) {
    assert.ok(offset >= info.id3v2Bytes && offset + length <= original.length - info.trailingTagBytes);
  }

  // The frames are where they were, with the same headers.
  const [before, after] = [await scanMp3(input), await scanMp3(output)];
  assert.equal(after.frames.count, before.frames.count);
  for (let i = 0; i < before.frames.count; i++) {
    assert.equal(after.frames.offset[i], before.frames.offset[i]);
    assert.equal(after.frames.header[i], before.frames.header[i]);
  }
  const silenced = [...after.frames.mainDataBits.subarray(0, after.frames.count)].filter(
    (bits, i) => bits === 0 && before.frames.mainDataBits[i] !== 0,
  );
  assert.equal(silenced.length, result.mutedFrames);
  // Kept frames change only where a silenced frame's main data sat in their data areas: to zero.
  for (let i = 0; i < before.frames.count; i++) {
    if (after.frames.mainDataBits[i] === 0 && before.frames.mainDataBits[i] !== 0) continue;
    const start = before.frames.offset[i]!;
    const header = parseFrameHeader(before.frames.header[i]!)!;
    const area = start + (header.crcProtected ? 6 : 4) + header.sideInfoLength;
    for (let at = start; at < start + header.frameLength; at++) {
      if (original[at] === redacted[at]) continue;
      assert.ok(at >= area && redacted[at] === 0, `byte ${at} of kept frame ${i} changed other than to zero`);
    }
  }
  assert.equal(musicCrcHolds(after, redacted), musicCrcHolds(before, original));

  // Decoding: no errors, same length, regions silent, the rest sample-identical.
  const channels = info.channels;
  const [heard, kept] = [decode(input, channels), decode(output, channels)];
  assert.equal(kept.errors, '', 'ffmpeg reports no decoding errors');
  assert.equal(kept.frames, heard.frames);
  assert.equal(kept.frames, info.samples);
  const rate = info.sampleRate;
  const covering = new Map<Mp3Redaction['muted'][number], Region[]>();
  for (const region of regions) {
    const start = toSample(region.start, rate, Math.floor);
    const end = Math.min(info.samples, toSample(region.end, rate, Math.ceil));
    assert.ok(rmsDbfs(heard, start, end) > -40, 'the region had sound to silence');
    assert.ok(rmsDbfs(kept, start, end) < -60, `region ${region.start}–${region.end} ms is below -60 dBFS`);
    const regionEnd = Math.min(region.end, Math.floor(info.durationMs));
    const span = result.muted.find((muted) => muted.start <= region.start && muted.end >= regionEnd);
    assert.ok(span, `region ${region.start}–${region.end} ms lies inside a muted span`);
    covering.set(span, [...(covering.get(span) ?? []), { ...region, end: regionEnd }]);
  }
  // Frame accuracy: less than one frame of silence beyond the regions a span covers (+1 ms of
  // rounding), except where the silence runs to either end of the file.
  const frameMs = (info.version === 'MPEG-1' ? 1152 : 576) * (1000 / rate);
  const overmute: Overmute = { before: [], after: [] };
  for (const [span, inside] of covering) {
    if (span.start > 0) overmute.before.push(Math.min(...inside.map((region) => region.start)) - span.start);
    if (span.end < Math.floor(info.durationMs))
      overmute.after.push(span.end - Math.max(...inside.map((region) => region.end)));
  }
  assert.ok([...overmute.before, ...overmute.after].every((ms) => ms >= 0 && ms < frameMs + 1));
  for (const muted of result.muted) {
    const start = toSample(muted.start, rate, Math.ceil);
    const end = toSample(muted.end, rate, Math.floor);
    for (let i = start * channels; i < end * channels; i++)
      assert.equal(kept.samples[i], 0, 'muted spans decode to exact silence');
  }
  const affected = new Uint8Array(kept.frames);
  for (const span of result.affected)
    affected.fill(1, toSample(span.start, rate, Math.floor), toSample(span.end, rate, Math.ceil));
  for (let i = 0; i < kept.samples.length; i++) {
    const frame = Math.floor(i / channels);
    if (!affected[frame] && kept.samples[i] !== heard.samples[i])
      assert.fail(`sample frame ${frame} changed outside the affected spans`);
  }
  return overmute;
}
