/**
 * Results of a run: per system, tallies by type, by source format and by look-alike kind, plus the
 * targets Hush is held to. Sums and ratios live here; printing lives in report.ts.
 */
import { BUILT_IN_ENTITY_TYPES } from '../../src/core/entities.js';
import type { CallLabels } from '../corpus/labels.js';
import type { CallScore, Tally } from './score.js';
import { addTally, emptyTally } from './score.js';

/** Types said in free words rather than a fixed shape; held to a lower recall target. */
export const FREE_TEXT_TYPES: readonly string[] = [
  'PERSON_NAME',
  'STREET_ADDRESS',
  'PASSWORD',
  'SECURITY_ANSWER',
];

/** Every labelled type (PAYMENT_DIGITS is policy behaviour, not something the corpus labels). */
export const LABELLED_TYPES: readonly string[] = BUILT_IN_ENTITY_TYPES.filter(
  (type) => type !== 'PAYMENT_DIGITS',
);

export const STRUCTURED_TYPES: readonly string[] = LABELLED_TYPES.filter(
  (type) => !FREE_TEXT_TYPES.includes(type),
);

export const TARGETS = {
  structuredRecall: 0.99,
  structuredPrecision: 0.95,
  freeTextRecall: 0.8,
} as const;

/** Where a listed span or entity was said: its call and file, its type, its times and channel. */
interface Placed {
  call: string;
  file: string;
  type: string;
  start: number;
  end: number;
  channel: number | null;
}

export interface Miss extends Placed {
  form: string;
  /** True when an entity matched the span but its regions did not cover the true times. */
  detected: boolean;
  /** Only printed with --show-misses. */
  text: string;
}

/** A predicted entity that matched no labelled span. */
export interface FalseAlarm extends Placed {
  /** The kind of the look-alike it touched, or null when it touched none. */
  lookAlike: string | null;
  /** Only printed with --show-false-alarms. */
  text: string;
}

export interface SystemResult {
  name: string;
  version: string;
  byType: Map<string, Tally>;
  byFormat: Map<string, Tally>;
  negatives: Map<string, { total: number; hit: number }>;
  misses: Miss[];
  falseAlarms: FalseAlarm[];
  /** Calls this system failed on (an exception), by call id. */
  errors: { call: string; message: string }[];
  millis: number;
}

export function newSystemResult(name: string, version: string): SystemResult {
  return {
    name,
    version,
    byType: new Map(),
    byFormat: new Map(),
    negatives: new Map(),
    misses: [],
    falseAlarms: [],
    errors: [],
    millis: 0,
  };
}

function into<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

export function addCall(result: SystemResult, labels: CallLabels, score: CallScore): void {
  const callTotal = emptyTally();
  for (const [type, tally] of score.byType) {
    addTally(into(result.byType, type), tally);
    addTally(callTotal, tally);
  }
  addTally(into(result.byFormat, labels.format), callTotal);
  for (const [kind, counts] of score.negatives) {
    const total = result.negatives.get(kind) ?? { total: 0, hit: 0 };
    total.total += counts.total;
    total.hit += counts.hit;
    result.negatives.set(kind, total);
  }
  for (const { span, detected } of score.missed) {
    result.misses.push({
      call: labels.call,
      file: labels.file,
      type: span.type,
      start: span.start,
      end: span.end,
      channel: span.channel,
      form: span.form,
      detected,
      text: span.text,
    });
  }
  for (const { entity, lookAlike } of score.falseAlarms) {
    result.falseAlarms.push({
      call: labels.call,
      file: labels.file,
      type: entity.type,
      start: Math.min(...entity.parts.map((part) => part.start)),
      end: Math.max(...entity.parts.map((part) => part.end)),
      channel: entity.parts[0]?.channel ?? null,
      lookAlike,
      text: entity.text,
    });
  }
}

/** Sum of the tallies of some types (gold side and prediction side alike). */
export function totalOf(result: SystemResult, types?: readonly string[]): Tally {
  const total = emptyTally();
  for (const [type, tally] of result.byType) if (!types || types.includes(type)) addTally(total, tally);
  return total;
}

export function recall(tally: Tally): number | null {
  return tally.gold === 0 ? null : tally.found / tally.gold;
}

export function detection(tally: Tally): number | null {
  return tally.gold === 0 ? null : tally.detected / tally.gold;
}

export function precision(tally: Tally): number | null {
  return tally.predicted === 0 ? null : tally.correct / tally.predicted;
}

export function typeAccuracy(tally: Tally): number | null {
  return tally.found === 0 ? null : tally.typed / tally.found;
}

export interface TargetCheck {
  name: string;
  value: number | null;
  target: number;
  pass: boolean;
}

/** Hush's targets: structured recall and precision overall, recall of each free-text type. */
export function checkTargets(hush: SystemResult): TargetCheck[] {
  const check = (name: string, value: number | null, target: number): TargetCheck => ({
    name,
    value,
    target,
    pass: value !== null && value >= target,
  });
  const structured = totalOf(hush, STRUCTURED_TYPES);
  return [
    check('structured types: recall', recall(structured), TARGETS.structuredRecall),
    check('structured types: precision', precision(structured), TARGETS.structuredPrecision),
    ...FREE_TEXT_TYPES.map((type) =>
      check(`${type}: recall`, recall(hush.byType.get(type) ?? emptyTally()), TARGETS.freeTextRecall),
    ),
  ];
}
