/** Shared checks for the vendor format tests: fixtures, edits by spoken words, round trips, errors. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Transcript, Word } from '../../src/core/transcript.js';
import { HushError } from '../../src/errors.js';
import type { WordEdit } from '../../src/formats/format.js';
import type { ImportedTranscript } from '../../src/formats/index.js';
import { FORMATS, importTranscript, toSourceContent } from '../../src/formats/index.js';

export function fixture(format: string, name: string): { text: string; origin: string } {
  const origin = `test/fixtures/formats/${format}/${name}`;
  return { text: readFileSync(new URL(`../../${origin}`, import.meta.url), 'utf8'), origin };
}

/** A word's text as it is spoken: lower case, without punctuation around it. */
function bare(text: string): string {
  return text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Indices of the first run of consecutive words (in transcript order) that say `spoken`. */
export function findRun(transcript: Transcript, spoken: string): number[] {
  const wanted = spoken.split(' ');
  const texts = transcript.words.map((word) => bare(word.text));
  for (let start = 0; start + wanted.length <= texts.length; start += 1) {
    if (wanted.every((text, offset) => texts[start + offset] === text)) {
      return wanted.map((_, offset) => start + offset);
    }
  }
  throw new Error(`no run of words saying "${spoken}"`);
}

export interface RoundTrip {
  imported: ImportedTranscript;
  edits: WordEdit[];
  output: string;
  again: ImportedTranscript;
}

function signature(word: Word): [string, number, number, number | null, string | null, string] {
  return [word.text, word.start, word.end, word.channel, word.speaker, word.role];
}

/**
 * Redacts the runs of spoken words, re-imports the output with the same format and checks that
 * each replacement is one word from its first word's start to its last word's end, and that every
 * other word is exactly as it was.
 */
export function redactRoundTrip(
  source: { text: string; origin: string },
  formatId: string,
  runs: { spoken: string; replacement: string }[],
): RoundTrip {
  const imported = importTranscript(source.text, source.origin);
  assert.equal(imported.format.id, formatId);
  const { transcript } = imported;
  const edits = runs.map(({ spoken, replacement }) => ({ words: findRun(transcript, spoken), replacement }));
  const output = imported.format.redact(imported.content, transcript, edits);
  const again = importTranscript(output, source.origin, formatId);
  const replacements = new Set(runs.map((run) => run.replacement));
  for (const edit of edits) {
    const words = edit.words.map((index) => transcript.words[index]!);
    const expected = {
      text: edit.replacement,
      start: words[0]!.start,
      end: Math.max(...words.map((word) => word.end)),
      channel: words[0]!.channel,
      speaker: words[0]!.speaker,
    };
    const found = again.transcript.words.filter((word) => word.text === edit.replacement);
    assert.ok(
      found.some((word) =>
        Object.entries(expected).every(([key, value]) => word[key as keyof typeof expected] === value),
      ),
      `replacement ${edit.replacement} at ${expected.start}-${expected.end}`,
    );
  }
  const edited = new Set(edits.flatMap((edit) => edit.words));
  const untouchedBefore = transcript.words.filter((_, index) => !edited.has(index)).map(signature);
  const untouchedAfter = again.transcript.words.filter((word) => !replacements.has(word.text)).map(signature);
  assert.deepEqual(untouchedAfter, untouchedBefore);
  return { imported, edits, output, again };
}

/** Asserts that none of the patterns occurs anywhere in the serialised output. */
export function assertAbsent(output: string, patterns: readonly RegExp[]): void {
  for (const pattern of patterns) assert.doesNotMatch(output, pattern);
}

/** The spoken card number and email of the fixtures must be gone, in any form. */
export const SENSITIVE = [/\bfour\b/i, /\bone\b/i, /4111/, /1111/, /john/i, /smith/i, /example/i];

/**
 * Asserts that importing fails with a HushError naming the origin and the JSON path, and quoting
 * none of the given words from the file.
 */
export function assertImportError(
  text: string,
  origin: string,
  expected: { path?: string; message?: RegExp; secrets?: readonly string[] },
  formatId?: string,
): void {
  assert.throws(
    () => importTranscript(text, origin, formatId),
    (error: unknown) => {
      assert.ok(error instanceof HushError, `expected a HushError, got ${String(error)}`);
      assert.ok(error.message.includes(origin), `names the file: ${error.message}`);
      if (expected.path)
        assert.ok(error.message.includes(expected.path), `names ${expected.path}: ${error.message}`);
      if (expected.message) assert.match(error.message, expected.message);
      for (const secret of expected.secrets ?? []) assert.ok(!error.message.includes(secret), error.message);
      return true;
    },
  );
}

/** A JSON document changed by `change`, serialised again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary JSON
export function edited(text: string, change: (doc: any) => void): string {
  const doc = JSON.parse(text) as unknown;
  change(doc);
  return JSON.stringify(doc, null, 2);
}

/** The ids of every registered format that claims the text (sniffing must pick exactly one). */
export function claimants(text: string, origin = 'x.json'): string[] {
  const content = toSourceContent(text, origin);
  return FORMATS.filter((format) => format.sniff(content)).map((format) => format.id);
}
