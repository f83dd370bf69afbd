/**
 * Scoring one system on one call against the labels.
 * - Recall (found): every part of the gold span lies inside the union of the regions that apply to
 *   its channel (a region with channel null covers every channel). Label times are the true word
 *   times, so this is what silencing the audio would achieve.
 * - Detected: some predicted entity matches the gold span (below), whether or not its regions
 *   cover the true times: separates detection misses from timing misses.
 * - Precision: a predicted entity is correct when it matches some gold span, of any type.
 * - Type accuracy: of found spans, those whose best-matching entity has the gold type.
 * An entity matches a span when their times overlap on the same channel. Words whose times an
 * importer spread over a subtitle cue can sit a few seconds from the true time: such an entity also
 * matches a span within MATCH_TOLERANCE_MS that shares one of its words.
 * Channels compare as equal when either side is null (mono files, importers that leave it unset).
 */
import type { CallLabels, GoldLabel, LabelPart } from '../corpus/labels.js';
import type { PredictedEntity, Prediction, TimeSpan } from './systems.js';
import { tokensOf } from './systems.js';

export const MATCH_TOLERANCE_MS = 3000;

export interface Tally {
  /** Gold spans of this type: how many, found (covered by regions), detected, found with the right type. */
  gold: number;
  found: number;
  detected: number;
  typed: number;
  /** Predicted entities of this type, those matching a gold span, those matching only a look-alike. */
  predicted: number;
  correct: number;
  onNegatives: number;
}

export function emptyTally(): Tally {
  return { gold: 0, found: 0, detected: 0, typed: 0, predicted: 0, correct: 0, onNegatives: 0 };
}

export function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

export interface CallScore {
  /** Tallies by type: gold-side counts under the gold type, prediction-side under the predicted type. */
  byType: Map<string, Tally>;
  missed: { span: GoldLabel; detected: boolean }[];
  /** Predicted entities matching no labelled span, with the kind of the look-alike they hit, if any. */
  falseAlarms: { entity: PredictedEntity; lookAlike: string | null }[];
  /** Look-alikes by kind: how many there were, and how many a false alarm touched. */
  negatives: Map<string, { total: number; hit: number }>;
}

function sameChannel(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

/** Overlap in ms; a zero-length span (an untimed word squeezed by an importer) counts as 1 ms long. */
function overlap(a: TimeSpan, b: TimeSpan, slack = 0): number {
  if (!sameChannel(a.channel, b.channel)) return 0;
  const aEnd = Math.max(a.end, a.start + 1);
  const bEnd = Math.max(b.end, b.start + 1) + slack;
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(a.start, b.start - slack));
}

/** True when [part.start, part.end] lies inside the union of the regions on its channel. */
export function covered(part: TimeSpan, regions: readonly TimeSpan[]): boolean {
  const relevant = regions
    .filter(
      (region) =>
        sameChannel(region.channel, part.channel) && region.end > part.start && region.start < part.end,
    )
    .sort((a, b) => a.start - b.start);
  let reached = part.start;
  for (const region of relevant) {
    if (region.start > reached) return false;
    reached = Math.max(reached, region.end);
    if (reached >= part.end) return true;
  }
  return reached >= part.end;
}

interface Target {
  parts: readonly LabelPart[];
  tokens: ReadonlySet<string>;
}

/** How strongly an entity matches a labelled span: overlapping ms, 1 for a tolerated match, 0 for none. */
function match(entity: PredictedEntity, target: Target): number {
  let total = 0;
  for (const part of entity.parts) for (const labelPart of target.parts) total += overlap(part, labelPart);
  if (total > 0 || !entity.interpolated || !entity.tokens.some((token) => target.tokens.has(token)))
    return total;
  const near = entity.parts.some((part) =>
    target.parts.some((labelPart) => overlap(part, labelPart, MATCH_TOLERANCE_MS) > 0),
  );
  return near ? 1 : 0;
}

function targetOf(label: { parts?: readonly LabelPart[]; text: string } & LabelPart): Target {
  return { parts: label.parts ?? [label], tokens: new Set(tokensOf(label.text)) };
}

function tallyOf(map: Map<string, Tally>, type: string): Tally {
  let tally = map.get(type);
  if (!tally) {
    tally = emptyTally();
    map.set(type, tally);
  }
  return tally;
}

export function scoreCall(labels: CallLabels, prediction: Prediction): CallScore {
  const byType = new Map<string, Tally>();
  const missed: CallScore['missed'] = [];
  const golds = labels.spans.map(targetOf);
  const negativeTargets = labels.negatives.map(targetOf);

  labels.spans.forEach((span, index) => {
    const tally = tallyOf(byType, span.type);
    tally.gold += 1;
    let best: PredictedEntity | undefined;
    let bestMatch = 0;
    for (const entity of prediction.entities) {
      const amount = match(entity, golds[index]!);
      if (amount > bestMatch) {
        best = entity;
        bestMatch = amount;
      }
    }
    if (best) tally.detected += 1;
    if (!span.parts.every((part) => covered(part, prediction.regions))) {
      missed.push({ span, detected: best !== undefined });
      return;
    }
    tally.found += 1;
    if (best?.type === span.type) tally.typed += 1;
  });

  const falseAlarms: CallScore['falseAlarms'] = [];
  for (const entity of prediction.entities) {
    const tally = tallyOf(byType, entity.type);
    tally.predicted += 1;
    if (golds.some((gold) => match(entity, gold) > 0)) tally.correct += 1;
    else {
      const hit = labels.negatives.find((_, index) => match(entity, negativeTargets[index]!) > 0);
      falseAlarms.push({ entity, lookAlike: hit?.kind ?? null });
      if (hit) tally.onNegatives += 1;
    }
  }

  const negatives = new Map<string, { total: number; hit: number }>();
  labels.negatives.forEach((negative, index) => {
    const counts = negatives.get(negative.kind) ?? { total: 0, hit: 0 };
    counts.total += 1;
    if (falseAlarms.some(({ entity }) => match(entity, negativeTargets[index]!) > 0)) counts.hit += 1;
    negatives.set(negative.kind, counts);
  });
  return { byType, missed, falseAlarms, negatives };
}
