/**
 * Cuts frame regions into disjoint spans in which the same channels are replaced by the same
 * regions. A region on one channel may overlap an all-channel region or another channel's region;
 * rewriting span by span means each frame is written once with everything that replaces it, and
 * the other channels' samples in a one-channel span are carried over exactly as they were.
 */
import type { FrameRegion } from '../layout.js';

export interface SpanSource {
  region: FrameRegion;
  /** Channels this region replaces in the span. */
  channels: number[];
}

export interface Span {
  startFrame: number;
  endFrame: number;
  sources: SpanSource[];
  /** Whether every channel is replaced (nothing of the original needs reading). */
  complete: boolean;
}

/**
 * The disjoint spans of `regions`, in frame order. Where an all-channel region and a one-channel
 * region overlap, the all-channel region replaces every channel.
 */
export function toSpans(regions: readonly FrameRegion[], channels: number): Span[] {
  const bounds = [...new Set(regions.flatMap((region) => [region.startFrame, region.endFrame]))].sort(
    (a, b) => a - b,
  );
  const spans: Span[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const startFrame = bounds[i]!;
    const endFrame = bounds[i + 1]!;
    const active = regions.filter((region) => region.startFrame <= startFrame && region.endFrame >= endFrame);
    if (active.length === 0) continue;
    const everywhere = active.find((region) => region.channel === null);
    const sources: SpanSource[] = everywhere
      ? [{ region: everywhere, channels: Array.from({ length: channels }, (_, channel) => channel) }]
      : sourcesByChannel(active);
    const covered = sources.reduce((count, source) => count + source.channels.length, 0);
    spans.push({ startFrame, endFrame, sources, complete: covered === channels });
  }
  return spans;
}

/** One source per channel: the first region on that channel. */
function sourcesByChannel(active: readonly FrameRegion[]): SpanSource[] {
  const seen = new Set<number>();
  const sources: SpanSource[] = [];
  for (const region of active) {
    if (region.channel === null || seen.has(region.channel)) continue;
    seen.add(region.channel);
    sources.push({ region, channels: [region.channel] });
  }
  return sources;
}
