/**
 * Builds a hand-written holdout set from its source files: word times from the corpus timeline
 * (seeded), one transcript per call in a rotating format, labels in the shape the eval reads, a
 * manifest. One builder serves every hand-written set; each set's spec says where it lives and
 * what makes its layout its own (seed, recording dates, the format its first call gets).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILT_IN_ENTITY_TYPES } from '../../src/core/entities.js';
import type { BuiltCall } from './calls.js';
import type { HoldoutSource } from './holdout-source.js';
import { parseHoldoutSource } from './holdout-source.js';
import type { CallLabels } from './labels.js';
import { labelsFor } from './labels.js';
import { countBy } from './output.js';
import {
  HOLDOUT_B_DIR,
  HOLDOUT_C_DIR,
  HOLDOUT_D_DIR,
  HOLDOUT_DIR,
  HOLDOUT_E_DIR,
  HOLDOUT_F_DIR,
  HOLDOUT_G_DIR,
  HOLDOUT_H_DIR,
  HOLDOUT_I_DIR,
  REPO_DIR,
} from './paths.js';
import { Random } from './random.js';
import type { GoldType } from './script.js';
import { Script } from './script.js';
import { layOut } from './timeline.js';
import type { Writer } from './writers/index.js';
import { WRITERS } from './writers/index.js';

export type HoldoutName =
  | 'holdout'
  | 'holdout-b'
  | 'holdout-c'
  | 'holdout-d'
  | 'holdout-e'
  | 'holdout-f'
  | 'holdout-g'
  | 'holdout-h'
  | 'holdout-i';

/** One hand-written set. */
export interface HoldoutSpec {
  /** The set's name, as `npm run eval -- --set` knows it. */
  name: HoldoutName;
  /** The folder holding the sources (src/) and the built calls/, labels/, manifest.json. */
  dir: string;
  seed: number;
  /** When the first call was recorded (epoch ms); the others follow an hour apart. */
  firstCallAt: number;
  /** Index in WRITERS of the format the first call (in name order) is written in. */
  firstFormat: number;
  /** Each labelled type must occur at least this often, or its figures say nothing. */
  minSpansPerType: number;
  /** The README written beside the built files. */
  readme: string;
}

export const HOLDOUT_SPECS: Record<HoldoutName, HoldoutSpec> = {
  holdout: {
    name: 'holdout',
    dir: HOLDOUT_DIR,
    seed: 20260406,
    firstCallAt: Date.UTC(2026, 3, 6, 9, 0, 0),
    firstFormat: 0,
    minSpansPerType: 3,
    readme: `# Holdout set

Hand-written calls that nobody tuned Hush on. Edit the sources in \`src/\` (format described in
scripts/corpus/holdout-source.ts), then run \`npm run corpus:holdout\` to rewrite \`calls/\`,
\`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md.
`,
  },
  'holdout-b': {
    name: 'holdout-b',
    dir: HOLDOUT_B_DIR,
    seed: 20261121,
    firstCallAt: Date.UTC(2026, 10, 23, 8, 30, 0),
    firstFormat: 5,
    minSpansPerType: 4,
    readme: `# Second holdout set (holdout-b)

Hand-written calls kept for the final measurement: nobody tunes Hush on them, reads their misses
or turns their phrasings into tests. The sources are in \`src/\` (format described in
scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-b\` rewrites \`calls/\`, \`labels/\`
and \`manifest.json\`. Every value is made up. See docs/eval.md, "Second holdout set".
`,
  },
  'holdout-c': {
    name: 'holdout-c',
    dir: HOLDOUT_C_DIR,
    seed: 20261130,
    firstCallAt: Date.UTC(2026, 11, 1, 7, 45, 0),
    firstFormat: 9,
    minSpansPerType: 3,
    readme: `# Third holdout set (holdout-c)

Hand-written calls kept unseen for the next final measurement: nobody tunes Hush on them, reads
their misses or turns their phrasings into tests. The sources are in \`src/\` (format described in
scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-c\` rewrites \`calls/\`, \`labels/\`
and \`manifest.json\`. Every value is made up. See docs/eval.md, "Third holdout set".
`,
  },
  'holdout-d': {
    name: 'holdout-d',
    dir: HOLDOUT_D_DIR,
    seed: 20261204,
    firstCallAt: Date.UTC(2026, 11, 7, 13, 15, 0),
    firstFormat: 3,
    minSpansPerType: 6,
    readme: `# Fourth holdout set (holdout-d)

Hand-written calls kept unseen for the final measurement of the next round: nobody tunes Hush on
them, reads their misses or turns their phrasings into tests. The sources are in \`src/\` (format
described in scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-d\` rewrites
\`calls/\`, \`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md, "Fourth
holdout set".
`,
  },
  'holdout-e': {
    name: 'holdout-e',
    dir: HOLDOUT_E_DIR,
    seed: 20261221,
    firstCallAt: Date.UTC(2026, 11, 21, 10, 5, 0),
    firstFormat: 7,
    minSpansPerType: 6,
    readme: `# Fifth holdout set (holdout-e)

Hand-written calls kept unseen for the final measurement while holdout-d is opened for tuning:
nobody tunes Hush on them, reads their misses or turns their phrasings into tests. The sources are
in \`src/\` (format described in scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-e\`
rewrites \`calls/\`, \`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md,
"Fifth holdout set".
`,
  },
  'holdout-f': {
    name: 'holdout-f',
    dir: HOLDOUT_F_DIR,
    seed: 20270104,
    firstCallAt: Date.UTC(2027, 0, 4, 8, 40, 0),
    firstFormat: 10,
    minSpansPerType: 6,
    readme: `# Sixth holdout set (holdout-f)

Hand-written calls kept unseen for the final measurement while holdout-e is opened for tuning:
nobody tunes Hush on them, reads their misses or turns their phrasings into tests. The sources are
in \`src/\` (format described in scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-f\`
rewrites \`calls/\`, \`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md,
"Sixth holdout set".
`,
  },
  'holdout-g': {
    name: 'holdout-g',
    dir: HOLDOUT_G_DIR,
    seed: 20270212,
    firstCallAt: Date.UTC(2027, 1, 12, 7, 55, 0),
    firstFormat: 4,
    minSpansPerType: 6,
    readme: `# Seventh holdout set (holdout-g)

Hand-written calls kept unseen for the final measurement while holdout-f is opened for tuning:
nobody tunes Hush on them, reads their misses or turns their phrasings into tests. The sources are
in \`src/\` (format described in scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-g\`
rewrites \`calls/\`, \`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md,
"Seventh holdout set".
`,
  },
  'holdout-h': {
    name: 'holdout-h',
    dir: HOLDOUT_H_DIR,
    seed: 20270315,
    firstCallAt: Date.UTC(2027, 2, 15, 9, 20, 0),
    firstFormat: 2,
    minSpansPerType: 6,
    readme: `# Eighth holdout set (holdout-h)

Hand-written calls kept unseen for the final measurement while holdout-g is opened for tuning:
nobody tunes Hush on them, reads their misses or turns their phrasings into tests. The sources are
in \`src/\` (format described in scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-h\`
rewrites \`calls/\`, \`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md,
"Eighth holdout set".
`,
  },
  'holdout-i': {
    name: 'holdout-i',
    dir: HOLDOUT_I_DIR,
    seed: 20270607,
    firstCallAt: Date.UTC(2027, 5, 7, 8, 40, 0),
    firstFormat: 7,
    minSpansPerType: 8,
    readme: `# Ninth holdout set (holdout-i)

Hand-written calls kept unseen for the final measurement while holdout-h is opened for tuning:
nobody tunes Hush on them, reads their misses or turns their phrasings into tests. The sources are
in \`src/\` (format described in scripts/corpus/holdout-source.ts); \`npm run corpus:holdout-i\`
rewrites \`calls/\`, \`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md,
"Ninth holdout set".
`,
  },
};

const ONE_HOUR = 3_600_000;

/**
 * Lays out one source call and writes it in `writer`'s format, with its labels; the recording
 * starts at a seeded moment in the hour from `hourStart` (epoch ms).
 */
export function buildHoldoutCall(
  source: HoldoutSource,
  hourStart: number,
  writer: Writer,
  rng: Random,
): BuiltCall {
  const script = new Script();
  script.lines.push(...source.lines);
  const timed = layOut(script, rng);
  const recording = {
    ...timed,
    id: source.name,
    startedAt: hourStart + rng.int(0, 3_000_000),
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

/** A source file as read from a set's src/ folder. */
export interface SourceFile {
  /** Path shown in errors, e.g. `corpus/holdout/src/h01-bank-lost-card.call`. */
  path: string;
  text: string;
}

/** The set's folder relative to the repository ("corpus/holdout-b"), for paths in messages. */
export function shownHoldoutDir(spec: HoldoutSpec): string {
  return relative(REPO_DIR, spec.dir).split(/[\\/]/).join('/');
}

/** The set's source files in name order (the order formats rotate in). */
export function readHoldoutSources(spec: HoldoutSpec): SourceFile[] {
  const folder = join(spec.dir, 'src');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.call'))
    .sort()
    .map((name) => ({
      path: `${shownHoldoutDir(spec)}/src/${name}`,
      text: readFileSync(join(folder, name), 'utf8'),
    }));
}

export interface HoldoutSet {
  sources: HoldoutSource[];
  calls: BuiltCall[];
}

/** Parses and builds every call; formats rotate in the order given (callers sort by name). */
export function buildHoldoutSet(files: readonly SourceFile[], spec: HoldoutSpec): HoldoutSet {
  const sources = files.map((file) => parseHoldoutSource(file.text, file.path));
  const rng = new Random(spec.seed);
  // One forked source per call: editing one call does not move the times of the others.
  const calls = sources.map((source, index) =>
    buildHoldoutCall(
      source,
      spec.firstCallAt + index * ONE_HOUR,
      WRITERS[(spec.firstFormat + index) % WRITERS.length]!,
      rng.fork(),
    ),
  );
  return { sources, calls };
}

/** Labelled types with fewer than `minimum` spans in the set, with their counts. */
export function thinTypes(
  labels: readonly CallLabels[],
  minimum: number,
): { type: GoldType; count: number }[] {
  const counts = countBy(
    labels.flatMap((call) => call.spans),
    (span) => span.type,
  );
  return BUILT_IN_ENTITY_TYPES.filter((type): type is GoldType => type !== 'PAYMENT_DIGITS')
    .map((type) => ({ type, count: counts[type] ?? 0 }))
    .filter(({ count }) => count < minimum);
}

/** The set's counts, for its manifest.json. */
export function holdoutManifest(
  spec: HoldoutSpec,
  sources: readonly HoldoutSource[],
  labels: readonly CallLabels[],
): object {
  const spans = labels.flatMap((call) => call.spans);
  const negatives = labels.flatMap((call) => call.negatives);
  return {
    generator: 'scripts/corpus/holdout.ts',
    source: `${shownHoldoutDir(spec)}/src (hand-written)`,
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
