/**
 * How findings appear in reports and JSON output: entities and regions with times in seconds, counts
 * per type, and transcript verification problems. Sensitive values appear only when the caller
 * passes `reveal`.
 */
import type { Detection, Entity } from '../core/detection.js';
import type { Region } from '../core/regions.js';
import type { VerificationProblem } from './transcript-verification.js';

export interface PartReport {
  start: number;
  end: number;
  channel: number | null;
}

export interface EntityReport extends PartReport {
  type: string;
  category: string;
  role: string;
  score: number;
  parts: PartReport[];
  /** The normalised value: only with --reveal. */
  text?: string;
}

/** Milliseconds as seconds, exact to the millisecond. */
export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

function span(item: { start: number; end: number; channel: number | null }): PartReport {
  return { start: seconds(item.start), end: seconds(item.end), channel: item.channel };
}

export function entityReport(entity: Entity, reveal: boolean): EntityReport {
  return {
    type: entity.type,
    category: entity.category,
    ...span(entity),
    role: entity.role,
    score: Math.round(entity.score * 1000) / 1000,
    parts: entity.parts.map(span),
    ...(reveal ? { text: entity.value } : {}),
  };
}

export function regionReport(region: Region): PartReport {
  return span(region);
}

/** Entities per type, types in alphabetical order. */
export function countByType(detection: Detection): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of detection.entities.map((entity) => entity.type).sort())
    counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** One line for a transcript verification problem: type and times, never content. */
export function describeProblem(problem: VerificationProblem): string {
  const where =
    problem.type === undefined
      ? ''
      : `${problem.type} at ${seconds(problem.start ?? 0).toFixed(3)}–${seconds(problem.end ?? 0).toFixed(3)} s: `;
  return `${where}${problem.detail}`;
}

/** A transcript verification problem, JSON-ready (times in seconds). */
export function problemReport(problem: VerificationProblem) {
  return {
    check: problem.check,
    type: problem.type ?? null,
    start: problem.start === undefined ? null : seconds(problem.start),
    end: problem.end === undefined ? null : seconds(problem.end),
    detail: problem.detail,
  };
}
