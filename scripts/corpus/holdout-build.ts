/**
 * Builds the holdout set from its source files: word times from the corpus timeline (seeded),
 * one transcript per call in a rotating format, labels in the shape the eval reads, a manifest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_ENTITY_TYPES } from '../../src/core/entities.js';
import type { BuiltCall } from './calls.js';
import type { HoldoutSource } from './holdout-source.js';
import { parseHoldoutSource } from './holdout-source.js';
import type { CallLabels } from './labels.js';
import { labelsFor } from './labels.js';
import { countBy } from './output.js';
import { HOLDOUT_DIR } from './paths.js';
import { Random } from './random.js';
import type { GoldType } from './script.js';
import { Script } from './script.js';
import { layOut } from './timeline.js';
import type { Writer } from './writers/index.js';
import { WRITERS } from './writers/index.js';

const SEED = 20260406;

/** Holdout calls are stamped as recorded from 2026-04-06 09:00 UTC, one hour apart. */
const FIRST_CALL_AT = Date.UTC(2026, 3, 6, 9, 0, 0);

/** Each labelled type must occur at least this often, or its figures say nothing. */
export const MIN_SPANS_PER_TYPE = 3;

/** Lays out one source call and writes it in `writer`'s format, with its labels. */
export function buildHoldoutCall(
  source: HoldoutSource,
  index: number,
  writer: Writer,
  rng: Random,
): BuiltCall {
  const script = new Script();
  script.lines.push(...source.lines);
  const timed = layOut(script, rng);
  const recording = {
    ...timed,
    id: source.name,
    startedAt: FIRST_CALL_AT + index * 3_600_000 + rng.int(0, 3_000_000),
  };
  const labels: CallLabels = {
    call: source.name,
    file: `calls/${source.name}${writer.suffix}`,
    format: writer.id,
    family: source.domain,
    locale: source.locale,
    channels: writer.channels ? 2 : 1,
    durationMs: timed.duration,
    ...labelsFor(timed, writer.channels),
  };
  return { recording, labels, content: writer.write(recording) };
}

/** A source file as read from corpus/holdout/src. */
export interface SourceFile {
  /** Path shown in errors, e.g. `corpus/holdout/src/h01-bank-lost-card.call`. */
  path: string;
  text: string;
}

export const HOLDOUT_SOURCE_DIR = join(HOLDOUT_DIR, 'src');

/** The source files in name order (the order formats rotate in). */
export function readHoldoutSources(): SourceFile[] {
  return readdirSync(HOLDOUT_SOURCE_DIR)
    .filter((name) => name.endsWith('.call'))
    .sort()
    .map((name) => ({
      path: `corpus/holdout/src/${name}`,
      text: readFileSync(join(HOLDOUT_SOURCE_DIR, name), 'utf8'),
    }));
}

export interface HoldoutSet {
  sources: HoldoutSource[];
  calls: BuiltCall[];
}

/** Parses and builds every call; formats rotate in the order given (callers sort by name). */
export function buildHoldoutSet(files: readonly SourceFile[]): HoldoutSet {
  const sources = files.map((file) => parseHoldoutSource(file.text, file.path));
  const rng = new Random(SEED);
  // One forked source per call: editing one call does not move the times of the others.
  const calls = sources.map((source, index) =>
    buildHoldoutCall(source, index, WRITERS[index % WRITERS.length]!, rng.fork()),
  );
  return { sources, calls };
}

/** Labelled types with fewer than MIN_SPANS_PER_TYPE spans in the set, with their counts. */
export function thinTypes(labels: readonly CallLabels[]): { type: GoldType; count: number }[] {
  const counts = countBy(
    labels.flatMap((call) => call.spans),
    (span) => span.type,
  );
  return BUILT_IN_ENTITY_TYPES.filter((type): type is GoldType => type !== 'PAYMENT_DIGITS')
    .map((type) => ({ type, count: counts[type] ?? 0 }))
    .filter(({ count }) => count < MIN_SPANS_PER_TYPE);
}

/** The set's counts, for corpus/holdout/manifest.json. */
export function holdoutManifest(sources: readonly HoldoutSource[], labels: readonly CallLabels[]): object {
  const spans = labels.flatMap((call) => call.spans);
  const negatives = labels.flatMap((call) => call.negatives);
  return {
    generator: 'scripts/corpus/holdout.ts',
    source: 'corpus/holdout/src (hand-written)',
    calls: labels.length,
    turns: sources.reduce((sum, source) => sum + source.lines.length, 0),
    spans: spans.length,
    negatives: negatives.length,
    byFormat: countBy(labels, (call) => call.format),
    byDomain: countBy(labels, (call) => call.family),
    byLocale: countBy(labels, (call) => call.locale),
    byType: countBy(spans, (span) => span.type),
    byForm: countBy(spans, (span) => span.form),
    byKind: countBy(negatives, (negative) => negative.kind),
    splitItems: spans.filter((span) => span.parts.length > 1).length,
    agentSpoken: spans.filter((span) => span.role === 'agent').length,
  };
}
