/**
 * Levels inside redacted regions, read back from the audio itself: the RMS level of what is there
 * now, the loudest short window (a few words left in a long silent region would barely move its
 * overall RMS), and how much of the original is still in it (the normalised correlation between
 * the region before and after: a beep or noise over the original, rather than instead of it,
 * correlates with it). Frames are read in bounded chunks whatever the region's length.
 */
import type { FrameRegion } from '../layout.js';

/**
 * Frames [startFrame, endFrame) of a recording as floats, one array per channel; the arrays may be
 * reused by the reader's next call.
 */
export type FrameReader = (startFrame: number, endFrame: number) => Promise<Float32Array[]>;

export interface RegionLevel {
  /** RMS level over the measured frames, dBFS: the region's channel, or the loudest channel. */
  levelDbfs: number;
  /** RMS level of the loudest window (same channel choice), dBFS. */
  loudestWindowDbfs: number;
  /**
   * The largest |normalised correlation| between output and input over the measured frames,
   * across the measured channels (0 where either is digital silence); null without an input.
   */
  correlation: number | null;
}

export interface LevelOptions {
  /** The frames to measure: a region's, or the part of it a check looks at. */
  spans: readonly FrameRegion[];
  channels: number;
  output: FrameReader;
  /** The original, for the correlation; omitted when it is not wanted. */
  input?: FrameReader;
  /** Frames per window of `loudestWindowDbfs`. */
  windowFrames: number;
}

/** Frames read at a time: 64 Ki frames of 8 channels are 2 MiB of floats per file. */
const CHUNK_FRAMES = 65536;

function toDbfs(rms: number): number {
  return 20 * Math.log10(rms);
}

/** Running sums of one channel over a span. */
class ChannelSums {
  outputEnergy = 0;
  inputEnergy = 0;
  product = 0;
  loudestWindow = 0;
  private window = 0;
  private windowFill = 0;

  constructor(private readonly windowFrames: number) {}

  add(output: Float32Array, input: Float32Array | undefined): void {
    for (let i = 0; i < output.length; i++) {
      const value = output[i]!;
      const square = value * value;
      this.outputEnergy += square;
      this.window += square;
      if (++this.windowFill === this.windowFrames) this.closeWindow();
    }
    if (input) {
      for (let i = 0; i < output.length; i++) {
        this.inputEnergy += input[i]! * input[i]!;
        this.product += output[i]! * input[i]!;
      }
    }
  }

  /** The mean square of the last window, and of a final partial one. */
  closeWindow(): void {
    if (this.windowFill > 0) this.loudestWindow = Math.max(this.loudestWindow, this.window / this.windowFill);
    this.window = 0;
    this.windowFill = 0;
  }

  correlation(): number {
    const norm = Math.sqrt(this.outputEnergy * this.inputEnergy);
    return norm === 0 ? 0 : Math.abs(this.product) / norm;
  }
}

async function measureSpan(span: FrameRegion, options: LevelOptions): Promise<RegionLevel> {
  const measured =
    span.channel === null ? Array.from({ length: options.channels }, (_, c) => c) : [span.channel];
  const sums = measured.map(() => new ChannelSums(options.windowFrames));
  let frames = 0;
  for (let start = span.startFrame; start < span.endFrame; start += CHUNK_FRAMES) {
    const end = Math.min(span.endFrame, start + CHUNK_FRAMES);
    const [output, input] = await Promise.all([options.output(start, end), options.input?.(start, end)]);
    // A reader clamps to its data: a shorter file (one side truncated) is measured over what both hold.
    const length = Math.min(output[0]?.length ?? 0, input?.[0]?.length ?? Infinity);
    measured.forEach((channel, i) => sums[i]!.add(output[channel]!.subarray(0, length), input?.[channel]));
    frames += length;
    if (length < end - start) break;
  }
  let energy = 0;
  let loudestWindow = 0;
  for (const channel of sums) {
    channel.closeWindow();
    energy = Math.max(energy, channel.outputEnergy);
    loudestWindow = Math.max(loudestWindow, channel.loudestWindow);
  }
  return {
    levelDbfs: frames === 0 ? -Infinity : toDbfs(Math.sqrt(energy / frames)),
    loudestWindowDbfs: toDbfs(Math.sqrt(loudestWindow)),
    correlation: options.input ? Math.max(...sums.map((channel) => channel.correlation())) : null,
  };
}

/** Measures each span in turn (one region's frames at a time in memory). */
export async function measureRegionLevels(options: LevelOptions): Promise<RegionLevel[]> {
  const levels: RegionLevel[] = [];
  for (const span of options.spans) levels.push(await measureSpan(span, options));
  return levels;
}
