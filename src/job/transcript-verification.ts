/**
 * Verification of a redacted transcript before it is published: it must re-import as the same
 * format, no removed word's text may survive anywhere in it (word lists, full-text strings, cues),
 * and detection run again on it must find nothing but Hush's own replacements.
 * Problems name types and times, never values.
 */
import { detect } from '../core/engine.js';
import type { Detection } from '../core/detection.js';
import type { Policy } from '../core/policy.js';
import type { Transcript } from '../core/transcript.js';
import { HushError } from '../errors.js';
import type { SourceContent, TranscriptFormat, WordEdit } from '../formats/format.js';
import { importTranscript, type ImportedTranscript } from '../formats/index.js';

export interface VerificationProblem {
  check: 'unreadable' | 'leftover-text' | 'still-detected';
  type?: string;
  /** ms */
  start?: number;
  end?: number;
  /** What went wrong, without content. */
  detail: string;
}

export interface VerificationInput {
  /** The redacted file's text, as written. */
  output: string;
  /** Name for messages (the output path). */
  origin: string;
  format: TranscriptFormat;
  source: SourceContent;
  transcript: Transcript;
  detection: Detection;
  edits: readonly WordEdit[];
  policy: Policy;
}

interface Place {
  type: string;
  start: number;
  end: number;
}

/** A removed word worth searching for: a digit run, or a word of more than three letters. */
function searchToken(text: string): string | undefined {
  const core = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (/^\p{N}+$/u.test(core)) return core;
  return (core.match(/\p{L}/gu)?.length ?? 0) > 3 ? core : undefined;
}

/** Whole-token matcher: not inside a longer word, and a digit run not inside a decimal or a time. */
function tokenPattern(tokens: readonly string[]): RegExp {
  const alternatives = [...tokens]
    .sort((a, b) => b.length - a.length)
    .map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(
    `(?<![\\p{L}\\p{N}]|\\p{N}[.,:])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|[.,:]\\p{N})`,
    'giu',
  );
}

/** The document's text pieces: every string value of a JSON document, else every line. */
function textUnits(source: { text: string; json: unknown }): string[] {
  if (source.json === undefined) return source.text.split(/\r?\n/);
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(source.json);
  return out;
}

/** Places of every word the detection removed, by word index. */
function removedWords(detection: Detection): Map<number, Place> {
  const removed = new Map<number, Place>();
  for (const entity of detection.entities) {
    for (const part of entity.parts) {
      for (const word of part.words)
        removed.set(word, { type: entity.type, start: part.start, end: part.end });
    }
  }
  return removed;
}

function leftoverText(input: VerificationInput, output: ImportedTranscript): VerificationProblem[] {
  const removed = removedWords(input.detection);
  const candidates = new Map<string, Place>();
  for (const [index, place] of removed) {
    const token = searchToken(input.transcript.words[index]!.text);
    if (token !== undefined && !candidates.has(token)) candidates.set(token, place);
  }
  if (candidates.size === 0) return [];
  // Text the output may rightly hold: the words kept, and the replacements.
  const expected = [
    ...input.transcript.words.filter((_, index) => !removed.has(index)).map((word) => word.text),
    ...input.edits.map((edit) => edit.replacement),
  ].join('\n');
  for (const match of expected.matchAll(tokenPattern([...candidates.keys()]))) {
    candidates.delete(match[0].normalize('NFKC').toLowerCase());
  }
  if (candidates.size === 0) return [];

  // Search the output's words, what the writer rewrote, and any unchanged piece of running text;
  // other unchanged single tokens (ids, timestamps, model names) are metadata redaction never touches.
  const before = new Set(textUnits(input.source));
  const units = [
    ...output.transcript.words.map((word) => word.text),
    ...textUnits(output.content).filter((unit) => !before.has(unit) || /\s/.test(unit)),
  ];
  const pattern = tokenPattern([...candidates.keys()]);
  const found = new Set<string>();
  for (const unit of units) {
    for (const match of unit.matchAll(pattern)) found.add(match[0].normalize('NFKC').toLowerCase());
  }
  return [...found].map((token) => ({
    check: 'leftover-text' as const,
    ...candidates.get(token)!,
    detail: 'text of a removed word is still in the output',
  }));
}

function stillDetected(input: VerificationInput, transcript: Transcript): VerificationProblem[] {
  const replacements = new Set(input.edits.map((edit) => edit.replacement));
  // Writers may attach the source's punctuation to a replacement, hence the containment test.
  const long = [...replacements].filter((replacement) => replacement.length >= 3);
  const isReplacement = (word: number): boolean => {
    const text = transcript.words[word]!.text.trim();
    return replacements.has(text) || long.some((replacement) => text.includes(replacement));
  };
  return detect(transcript, input.policy)
    .entities.filter((entity) => !entity.parts.every((part) => part.words.every(isReplacement)))
    .map((entity) => ({
      check: 'still-detected' as const,
      type: entity.type,
      start: entity.start,
      end: entity.end,
      detail: 'detection still finds it in the output',
    }));
}

/** Checks a redacted output; an empty list means it passed. */
export function verifyRedaction(input: VerificationInput): VerificationProblem[] {
  let reimported: ImportedTranscript;
  try {
    reimported = importTranscript(input.output, input.origin, input.format.id);
  } catch (error) {
    if (!(error instanceof HushError)) throw error;
    return [
      {
        check: 'unreadable',
        detail: `the output does not re-import as ${input.format.name}: ${error.message}`,
      },
    ];
  }
  return [...leftoverText(input, reimported), ...stillDetected(input, reimported.transcript)].sort(
    (a, b) => (a.start ?? 0) - (b.start ?? 0),
  );
}
