/**
 * Region planning: turns detected entities into the time regions to silence. Each entity part
 * becomes a padded region; regions on the same channel scope that overlap or sit closer than the
 * merge gap become one; a channel's region overlapped by an all-channel region folds into it.
 */
import type { Detection } from './detection.js';
import type { EntityType } from './entities.js';
import type { Policy } from './policy.js';

export interface Region {
  /** Start, ms (padded, never below 0). */
  start: number;
  /** End, ms (padded). */
  end: number;
  /** Channel to silence, or null for all channels. */
  channel: number | null;
  /** Types of the entities inside, sorted. */
  types: EntityType[];
  /** Indices into detection.entities, ascending. */
  entities: number[];
}

interface Draft {
  start: number;
  end: number;
  channel: number | null;
  types: Set<EntityType>;
  entities: Set<number>;
}

function absorb(into: Draft, from: Draft): void {
  into.start = Math.min(into.start, from.start);
  into.end = Math.max(into.end, from.end);
  for (const type of from.types) into.types.add(type);
  for (const entity of from.entities) into.entities.add(entity);
}

/** Merges drafts of one channel scope that overlap or lie less than `gap` ms apart. */
function mergeClose(drafts: Draft[], gap: number): Draft[] {
  const sorted = [...drafts].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Draft[] = [];
  for (const draft of sorted) {
    const last = out[out.length - 1];
    if (last && (draft.start <= last.end || draft.start - last.end < gap)) absorb(last, draft);
    else out.push(draft);
  }
  return out;
}

function overlaps(a: Draft, b: Draft): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Plans the regions to silence for a detection under a policy's region settings. */
export function planRegions(detection: Detection, policy: Policy): Region[] {
  const { paddingBeforeMs, paddingAfterMs, mergeGapMs, scope } = policy.regions;
  const byChannel = new Map<number | null, Draft[]>();
  detection.entities.forEach((entity, index) => {
    for (const part of entity.parts) {
      const channel = scope === 'speaker' ? part.channel : null;
      // Interpolated times are guesses inside the span the source timed: cover all of that span.
      const draft: Draft = {
        start: Math.max(0, Math.min(part.start - paddingBeforeMs, part.window?.start ?? Infinity)),
        end: Math.max(part.end + paddingAfterMs, part.window?.end ?? 0),
        channel,
        types: new Set([entity.type]),
        entities: new Set([index]),
      };
      const drafts = byChannel.get(channel);
      if (drafts) drafts.push(draft);
      else byChannel.set(channel, [draft]);
    }
  });

  let everywhere = mergeClose(byChannel.get(null) ?? [], mergeGapMs);
  const perChannel: Draft[] = [];
  for (const [channel, drafts] of byChannel) {
    if (channel !== null) perChannel.push(...mergeClose(drafts, mergeGapMs));
  }
  // Folding can widen an all-channel region onto further channel regions: repeat until stable.
  let pending = perChannel;
  let folded = true;
  while (folded) {
    const kept: Draft[] = [];
    for (const draft of pending) {
      const host = everywhere.find((candidate) => overlaps(candidate, draft));
      if (host) absorb(host, draft);
      else kept.push(draft);
    }
    folded = kept.length < pending.length;
    pending = kept;
    if (folded) everywhere = mergeClose(everywhere, mergeGapMs);
  }

  return [...everywhere, ...pending]
    .sort((a, b) => a.start - b.start || (a.channel ?? -1) - (b.channel ?? -1) || a.end - b.end)
    .map((draft) => ({
      start: draft.start,
      end: draft.end,
      channel: draft.channel,
      types: [...draft.types].sort(),
      entities: [...draft.entities].sort((a, b) => a - b),
    }));
}
