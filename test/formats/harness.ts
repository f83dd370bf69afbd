/**
 * The shared harness of the transcript format tests: fixtures, the runs of words the fixtures' calls
 * say, redaction round trips, import errors that must not leak the call, and sniffing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FormatId, Transcript, Word } from '../../src/core/transcript.js';
import { HushError } from '../../src/errors.js';
import type { WordEdit } from '../../src/formats/format.js';
import { FORMATS, importTranscript, toSourceContent } from '../../src/formats/index.js';

/** A transcript file's text and the name it goes by in errors. */
export interface Source {
  text: string;
  origin: string;
}

export function fixture(format: string, name: string): Source {
  const origin = `test/fixtures/formats/${format}/${name}`;
  return { text: readFileSync(new URL(`../../${origin}`, import.meta.url), 'utf8'), origin };
}

/**
 * The JSON text with `change` made to its document, written back in the source's layout: pretty
 * printed, or on one line when the source was on one line.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary JSON
export function edited<Doc = any>(text: string, change: (doc: Doc) => void): string {
  const doc = JSON.parse(text) as Doc;
  change(doc);
  return JSON.stringify(doc, null, text.trim().includes('\n') ? 2 : undefined);
}

/** Text that must not be left in a redacted file: a string as written, or a pattern. */
export type Trace = string | RegExp;

/**
 * A run of words a call says (separated by spaces, any case, without punctuation), what replaces
 * it, and the traces of it that must be gone from the file once it is replaced.
 */
export interface Run {
  spoken: string;
  replacement: string;
  traces: readonly Trace[];
}

/** A redacted card number leaves no digits of it, written or spoken, in any case. */
const CARD_TRACES = [/\bfour\b/i, /\bone\b/i, /4111/, /1111/];
const EMAIL_TRACES = [/john/i, /smith/i, /example/i];

const card = (spoken: string): Run => ({ spoken, replacement: '[CARD_NUMBER]', traces: CARD_TRACES });
const email = (spoken: string): Run => ({ spoken, replacement: '[EMAIL]', traces: EMAIL_TRACES });

/** The card number, email and security code of the fixtures' calls, as the vendors write them. */
export const CARD_IN_WORDS = card('four one one one one one one one one one one one one one one one');
export const CARD_IN_DIGITS = card('4111 1111 1111 1111');
/** The files with only segment or message text (Whisper, Symbl) say a card of eight digits. */
export const SHORT_CARD_IN_WORDS = card('four one one one one one one one');
export const EMAIL_IN_WORDS = email('john dot smith at example dot com');
export const EMAIL_ADDRESS = email('john.smith@example.com');
export const CVV: Run = { spoken: '737', replacement: '[CVV]', traces: ['737'] };

/** The card number and email as most vendors write them: spelt out, word by word. */
export const CARD_AND_EMAIL_IN_WORDS = [CARD_IN_WORDS, EMAIL_IN_WORDS];
/** The card number and email as a transcriber that formats them writes them. */
export const CARD_AND_EMAIL_AS_WRITTEN = [CARD_IN_DIGITS, EMAIL_ADDRESS];

/** A word's text as it is spoken: lower case, without the punctuation around it. */
function spokenForm(text: string): string {
  return text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Indices of the first run of consecutive words (in transcript order) that say `spoken`. */
function findRun(transcript: Transcript, spoken: string): number[] {
  const wanted = spoken.split(' ').map(spokenForm);
  const texts = transcript.words.map((word) => spokenForm(word.text));
  for (let start = 0; start + wanted.length <= texts.length; start += 1) {
    if (wanted.every((text, offset) => texts[start + offset] === text)) {
      return wanted.map((_, offset) => start + offset);
    }
  }
  assert.fail(`no run of words saying "${spoken}"`);
}

/** The words of the first run that says `spoken`. */
export function wordsSaying(transcript: Transcript, spoken: string): Word[] {
  return findRun(transcript, spoken).map((index) => transcript.words[index]!);
}

/** The edit that replaces the first run of words saying `run.spoken`. */
export function editOf(transcript: Transcript, run: Pick<Run, 'spoken' | 'replacement'>): WordEdit {
  return { words: findRun(transcript, run.spoken), replacement: run.replacement };
}

/**
 * Spans for `spreadIn`: an SRT or WebVTT word's source pointer starts with its cue's index; a JSON
 * word's with the key of the top-level list (segments, messages, turns) and its entry's index.
 */
export const byCue = (word: Word): unknown => word.source[0];
export const bySegment = (word: Word): unknown => word.source[1];

export interface RoundTripCheck {
  /** The format the source must be detected as, and its output detected as again. */
  format: FormatId;
  runs: readonly Run[];
  /** Traces that must be gone from the output besides the runs' own. */
  absent?: readonly Trace[];
  /**
   * For words the format times by spreading a span's text (cues, segments or turns without word
   * times): names a word's span. A replacement must then come back in its words' span, and only
   * the words of spans no edit touched must keep their times.
   */
  spreadIn?: (word: Word) => unknown;
}

export interface RoundTrip {
  output: string;
  before: Transcript;
  after: Transcript;
}

/** A word as the transcript model has it, but for its source pointer, which edits may shift. */
function withoutSource(word: Word): Partial<Word> {
  return Object.fromEntries(Object.entries(word).filter(([key]) => key !== 'source'));
}

/**
 * Redacts the runs in the source, then checks that none of their traces (nor any `absent`) is left
 * anywhere in the output, that the output is detected as the same format, that each replacement
 * comes back as a word with the time, channel, speaker and role of the words it replaced (or in
 * their span, see `spreadIn`), and that every other word is exactly as it was, in the same order.
 */
/** A word reads as the replacement, with the punctuation a source lists after it ("[CARD_NUMBER]."). */
function saysReplacement(text: string, replacement: string): boolean {
  return text.startsWith(replacement) && /^[.,?!;:]*$/.test(text.slice(replacement.length));
}

export function redactRoundTrip(source: Source, check: RoundTripCheck): RoundTrip {
  const { format, content, transcript: before } = importTranscript(source.text, source.origin);
  assert.equal(format.id, check.format);
  const edits = check.runs.map((run) => editOf(before, run));
  const output = format.redact(content, before, edits);
  for (const trace of [...check.runs.flatMap((run) => run.traces), ...(check.absent ?? [])]) {
    if (typeof trace === 'string') assert.ok(!output.includes(trace), `"${trace}" is still in the output`);
    else assert.doesNotMatch(output, trace);
  }
  const again = importTranscript(output, `${source.origin}.redacted`);
  assert.equal(again.format.id, format.id, 'the output is detected as the same format');
  const after = again.transcript;
  const { spreadIn } = check;

  for (const edit of edits) {
    const words = edit.words.map((index) => before.words[index]!);
    const first = words[0]!;
    const end = Math.max(...words.map((word) => word.end));
    const found = after.words.some(
      (word) =>
        word.channel === first.channel &&
        word.speaker === first.speaker &&
        word.role === first.role &&
        (spreadIn
          ? word.text.startsWith(edit.replacement) && spreadIn(word) === spreadIn(first)
          : saysReplacement(word.text, edit.replacement) && word.start === first.start && word.end === end),
    );
    assert.ok(found, `the replacement ${edit.replacement} is not back at ${first.start}-${end} ms`);
  }

  const editedWords = new Set(edits.flatMap((edit) => edit.words));
  const touchedSpans = new Set([...editedWords].map((index) => spreadIn?.(before.words[index]!)));
  const replacements = edits.map((edit) => edit.replacement);
  const kept = (words: readonly Word[], skip: (word: Word, index: number) => boolean) =>
    words
      .filter((word, index) => !skip(word, index) && !(spreadIn && touchedSpans.has(spreadIn(word))))
      .map(withoutSource);
  assert.deepEqual(
    kept(after.words, (word) => replacements.some((replacement) => word.text.startsWith(replacement))),
    kept(before.words, (_, index) => editedWords.has(index)),
  );
  return { output, before, after };
}

/** Words of the fixtures' calls (lower case) that an error message must never quote. */
const CALL_WORDS = [
  'thank',
  'calling',
  'acme',
  'bank',
  'sarah',
  'card',
  'security',
  'sure',
  'four',
  '4111',
  '1111',
  '737',
  'john',
  'smith',
  'example',
  'email',
];

/** The place a JSON file cut short is reported at. */
export const TRUNCATED_JSON = /the JSON ends early \(truncated file\?\) at line \d+, column \d+/;

/**
 * Asserts that importing `text` (sniffed, or as `formatId`) fails with a HushError that names the
 * origin and the place (a JSON path as written, or a pattern) and quotes none of the call's words.
 */
export function assertSafeImportError(
  text: string,
  origin: string,
  place: string | RegExp,
  formatId?: FormatId,
): void {
  assert.throws(
    () => importTranscript(text, origin, formatId),
    (error: unknown) => {
      assert.ok(error instanceof HushError, `expected a HushError, got ${String(error)}`);
      assert.equal(error.code, 'FORMAT_INVALID');
      const { message } = error;
      assert.ok(message.includes(origin), `the error names the file: ${message}`);
      if (typeof place === 'string') assert.ok(message.includes(place), `names ${place}: ${message}`);
      else assert.match(message, place);
      const content = message.replaceAll(origin, '').toLowerCase();
      const quoted = CALL_WORDS.filter((word) => content.includes(word));
      assert.deepEqual(quoted, [], `the error quotes the call: ${message}`);
      return true;
    },
  );
}

/** The ids of every registered format that claims the text when sniffing. */
export function claimants(text: string): string[] {
  const content = toSourceContent(text, 'sniffed');
  return FORMATS.filter((format) => format.sniff(content)).map((format) => format.id);
}

/** Asserts that of all registered formats exactly the one named claims each text. */
export function assertOnlyClaimedBy(formatId: FormatId, ...texts: string[]): void {
  for (const text of texts) assert.deepEqual(claimants(text), [formatId]);
}

/** The 1-based line of the first occurrence of `needle` in LF text. */
export function lineOf(text: string, needle: string): number {
  assert.ok(text.includes(needle), `no "${needle}" in the text`);
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}
