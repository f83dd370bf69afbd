/**
 * Shared checks for the format tests: fixtures, building edits from word texts, redaction round
 * trips and safe errors.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Transcript, Word } from '../../src/core/transcript.js';
import { HushError } from '../../src/errors.js';
import type { WordEdit } from '../../src/formats/format.js';
import { FORMATS, importTranscript, toSourceContent } from '../../src/formats/index.js';

/** Words of the fixtures' call that must never show in an error or a redacted file. */
export const CALL_WORDS = ['Sarah', 'Acme', 'calling', 'security', '4111', '1111', '737'];

export function fixture(format: string, name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../fixtures/formats/${format}/${name}`, import.meta.url)),
    'utf8',
  );
}

/** A word's text without the punctuation around it. */
export function bare(word: Word): string {
  return word.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** The indices of the first run of words (in time order) whose bare texts are `texts`. */
export function findRun(transcript: Transcript, texts: readonly string[]): number[] {
  for (let start = 0; start + texts.length <= transcript.words.length; start += 1) {
    if (texts.every((text, offset) => bare(transcript.words[start + offset]!) === text)) {
      return texts.map((_, offset) => start + offset);
    }
  }
  assert.fail(`no run of words ${JSON.stringify(texts)}`);
}

export function editOf(transcript: Transcript, texts: readonly string[], replacement: string): WordEdit {
  return { words: findRun(transcript, texts), replacement };
}

export interface RoundTrip {
  output: string;
  before: Transcript;
  after: Transcript;
}

/**
 * Redacts `text` with the edits `makeEdits` builds, then checks: no secret is left anywhere in the
 * output, the output re-imports as the same format, each replacement comes back as a word at the
 * time of the words it replaced, and every other word keeps its text, time and speaker.
 * For words the format times by spreading a span's text (cues, segments without word times),
 * `spreadIn` names a word's span: the replacement must come back in the same span, and only the
 * words of spans no edit touched keep their times.
 */
export function redactRoundTrip(
  text: string,
  origin: string,
  makeEdits: (transcript: Transcript) => WordEdit[],
  secrets: readonly string[],
  spreadIn?: (word: Word) => unknown,
): RoundTrip {
  const { format, content, transcript: before } = importTranscript(text, origin);
  const edits = makeEdits(before);
  const output = format.redact(content, before, edits);
  for (const secret of secrets) {
    assert.ok(!output.includes(secret), `"${secret}" is still in the redacted output`);
  }
  const reimported = importTranscript(output, `${origin}.redacted`);
  assert.equal(reimported.format.id, format.id);
  const after = reimported.transcript;

  for (const edit of edits) {
    const first = before.words[edit.words[0]!]!;
    const last = before.words[edit.words[edit.words.length - 1]!]!;
    const found = after.words.find((word) =>
      spreadIn
        ? word.text.startsWith(edit.replacement) && spreadIn(word) === spreadIn(first)
        : word.text === edit.replacement && Math.abs(word.start - first.start) <= 1,
    );
    assert.ok(found, `the replacement ${edit.replacement} is not back at ${first.start} ms`);
    if (!spreadIn)
      assert.ok(Math.abs(found.end - last.end) <= 1, 'the replacement ends where its last word did');
  }
  const edited = new Set(edits.flatMap((edit) => edit.words));
  const touched = new Set(
    edits.flatMap((edit) => edit.words.map((index) => spreadIn?.(before.words[index]!))),
  );
  const replacements = edits.map((edit) => edit.replacement);
  const kept = (words: readonly Word[], skip: (word: Word, index: number) => boolean) =>
    words
      .filter((word, index) => !skip(word, index) && !(spreadIn && touched.has(spreadIn(word))))
      .map((word) => `${word.text}@${word.start}-${word.end}/${word.speaker ?? ''}`)
      .sort();
  assert.deepEqual(
    kept(after.words, (word) => replacements.some((replacement) => word.text.startsWith(replacement))),
    kept(before.words, (_, index) => edited.has(index)),
  );
  return { output, before, after };
}

/**
 * Asserts that importing `text` fails with a HushError that names the origin and the place and
 * quotes none of the call's words.
 */
export function assertSafeError(text: string, origin: string, place: RegExp, formatId?: string): HushError {
  let caught: unknown;
  try {
    importTranscript(text, origin, formatId);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof HushError, `expected a HushError, got ${String(caught)}`);
  assert.ok(caught.message.includes(origin), `the error names the file: ${caught.message}`);
  assert.match(caught.message, place);
  for (const word of CALL_WORDS) {
    assert.ok(!caught.message.includes(word), `the error quotes "${word}": ${caught.message}`);
  }
  return caught;
}

/** Asserts that of all registered formats exactly the one named claims the text when sniffing. */
export function assertOnlyClaimedBy(formatId: string, text: string, origin = 'fixture'): void {
  const content = toSourceContent(text, origin);
  assert.deepEqual(
    FORMATS.filter((format) => format.sniff(content)).map((format) => format.id),
    [formatId],
  );
}
