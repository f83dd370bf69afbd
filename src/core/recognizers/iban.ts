/**
 * IBAN: a country code, two check digits and the account identifier, spaces allowed between
 * groups ("GB82 WEST 1234 5698 7654 32", spelled "GB 82 WEST 1234…"). The country's length and
 * the mod-97 check decide; with an IBAN cue, or soon after IBANs were talked about with no other
 * item named since, a checksum failure (a misheard character, a corrected one) still counts.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { Finding } from '../detection.js';
import { judgeContext, readWindow, verdictReasons } from './pattern.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { StreamView } from '../normalise/view.js';
import { topicOpen } from './topic.js';
import { IBAN_LENGTHS, ibanValid } from './validators/iban.js';
import { regexFor } from '../normalise/view-regex.js';
import { CLOSING_OH, INLINE_BACKCHANNEL } from './digits.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';
import { countWords } from '../whitespace.js';

const NAME = 'iban';
/**
 * Check digits may be said one by one ("G B 8 4 H B U K …" → "GB 8 4 HBUK …"). Spaces may be
 * several where the other party's backchannel was blanked out (see withoutBackchannels).
 */
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2} *\d *\d(?:(?:-| *)[A-Za-z0-9]){8,30}/gu;
/**
 * Between two groups: the other party's backchannel a mono transcript leaves there ("GB 29 yep
 * NWBK …"), or the caller's "then" ("GB29 NWBK, then 6016 …").
 */
const INLINE = new RegExp(`(?<=[A-Za-z0-9] )(?:${INLINE_BACKCHANNEL}|(?:and )?then)(?= [A-Za-z0-9])`, 'gi');

/** The text with inline backchannels and "then"s turned into spaces, so positions stay those of the view. */
function withoutBackchannels(text: string): string {
  return text.replace(INLINE, (word) => ' '.repeat(word.length));
}
const cues = compileCues(ENTITY_CUES.IBAN ?? []);
const negatives = compileCues(NEGATIVE_CUES);

/** A piece matched to an IBAN of the call is as sure as the IBAN: above a bare digit run's fail-closed claim. */
const SCORE = { valid: 0.9, cued: 0.95, cuedInvalid: 0.65, topicInvalid: 0.6, piece: 0.95 };
/** How long (ms) after IBANs were named an IBAN-shaped value that fails its check still counts. */
const IBAN_TOPIC_MS = 90_000;
const ibanTopic = topicOpen('IBAN', IBAN_TOPIC_MS);

/** End (in the text) of the first `length` letters and digits from start, or -1 if there are fewer. */
function endOfChars(text: string, start: number, length: number): number {
  let count = 0;
  for (let i = start; i < text.length; i += 1) {
    if (/[A-Za-z0-9]/.test(text[i]!)) count += 1;
    if (count === length) return i + 1;
  }
  return -1;
}

const compact = (said: string): string => said.replace(/[\s-]/g, '').toUpperCase();

/**
 * True when the characters after the country code hold an ordinary word ("at 1030 on Tuesday
 * room 4" has Austria's length): talk, not a bank code, unless the check passes.
 */
function holdsWords(said: string): boolean {
  return said
    .slice(2)
    .split(/[\s-]+/)
    .some((word) => /^[a-z]+$/.test(word) && (STOP_WORDS.has(word) || COMMON_WORDS.has(word)));
}

/** True when the candidate's country code is written as an ordinary lower-case word ("is", "at"). */
function saidAsWord(said: string): boolean {
  const code = said.slice(0, 2);
  return /^[a-z]+$/.test(code) && (STOP_WORDS.has(code) || COMMON_WORDS.has(code));
}

/** A closing "oh" right after the characters ("… 1 2 6 oh that's it"): see digits.ts. */
const OH_AFTER = new RegExp(`^${CLOSING_OH}`, 'iu');

/**
 * The IBAN one character short of its length when the "oh" after it is its last zero and makes the
 * check pass: its end (after the "oh") and value; or undefined.
 */
function closingZero(
  text: string,
  start: number,
  length: number,
): { end: number; value: string } | undefined {
  const before = endOfChars(text, start, length - 1);
  const oh = before < 0 ? null : OH_AFTER.exec(text.slice(before));
  if (!oh) return undefined;
  const value = `${compact(text.slice(start, before))}0`;
  return ibanValid(value) ? { end: before + oh[0].length, value } : undefined;
}

/** The IBAN that starts the candidate `match` of `text` (the view's, backchannels blanked), or undefined. */
function ibanAt(input: RecognizerInput, text: string, match: RegExpExecArray): Finding | undefined {
  const length = IBAN_LENGTHS[match[0].slice(0, 2).toUpperCase()];
  if (length === undefined) return undefined;
  const closing = closingZero(text, match.index, length);
  const end = closing?.end ?? endOfChars(text, match.index, length);
  if (end < 0 || (!closing && end > match.index + match[0].length) || /[A-Za-z0-9]/.test(text[end] ?? ''))
    return undefined;
  const value = closing?.value ?? compact(text.slice(match.index, end));
  const window = readWindow(input, match.index, end);
  const verdict = judgeContext(window, cues, negatives);
  const valid = ibanValid(value);
  // A country code that is a word ("is 61922 please come …") passes the check by chance only.
  if ((!valid || saidAsWord(match[0])) && holdsWords(text.slice(match.index, end))) return undefined;
  const topic = !valid && !verdict.cue && !verdict.negative && ibanTopic(window);
  if (!valid && !verdict.cue && !topic) return undefined;
  const score = valid
    ? verdict.cue
      ? SCORE.cued
      : SCORE.valid
    : topic
      ? SCORE.topicInvalid
      : SCORE.cuedInvalid;
  return {
    recognizer: NAME,
    type: 'IBAN',
    view: input.view,
    charStart: match.index,
    charEnd: end,
    score,
    value,
    reasons: [...(valid ? ['mod97'] : []), ...(topic ? ['iban-topic'] : []), ...verdictReasons(verdict)],
  };
}

/** The IBANs of the input's view (each view's computed once). */
const ibansByView = new WeakMap<StreamView, Finding[]>();

function ibansIn(input: RecognizerInput): Finding[] {
  const cached = ibansByView.get(input.view);
  if (cached) return cached;
  const findings: Finding[] = [];
  const text = withoutBackchannels(input.view.text);
  const candidates = regexFor(CANDIDATE, text);
  candidates.lastIndex = 0;
  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    const finding = ibanAt(input, text, match);
    if (finding) findings.push(finding);
    // A candidate that is no IBAN may have run on over a false start into the value said again
    // ("GB83 LOYD sorry GB83 LOYD 3096 …"): the search goes on inside it.
    candidates.lastIndex = finding ? finding.charEnd : match.index + 1;
  }
  ibansByView.set(input.view, findings);
  return findings;
}

/**
 * Spelled letters and digit groups on one line: a piece of a value said apart, with any zero the
 * normaliser left as "oh" where a turn broke ("0651 oh 000 5876").
 */
const PIECE = /(?<![\p{L}\p{N}])[A-Z\d]+(?: (?:oh )*[A-Z\d]+)*(?![\p{L}\p{N}])/gu;
const pieceValue = (said: string): string => compact(said.replace(/\boh\b/g, '0'));
/** How far (ms) from an IBAN, before or after, a piece of it still counts. */
const PIECE_MS = 60_000;
/** The fewest characters of a start piece (country, check digits, part of the bank code). */
const MIN_START_CHARS = 6;
/**
 * The fewest of an end piece: more than a national account number (8 in the UK, 10 in Germany),
 * which ends its IBAN and is its own item when said alone.
 */
const MIN_END_CHARS = 12;

/**
 * True when `piece` (compact) is a piece of `iban` that gives it away: its start with the bank
 * code ("IE 75 BOFI"), the bank code alone, said again to check it ("sorry, was that BOFI?"), its
 * end ("then 9041 1807 511637"), or all of it.
 */
function pieceOf(piece: string, iban: string): boolean {
  if (piece === iban) return true;
  const bankCode = /^[A-Z]{4,}/.exec(iban.slice(4))?.[0];
  if (piece === bankCode) return true;
  return (
    (piece.length >= MIN_START_CHARS && iban.startsWith(piece)) ||
    (piece.length >= MIN_END_CHARS && iban.endsWith(piece))
  );
}

/** Most words between two pieces of one IBAN given in turn ("… 5 Q" "Q?" "yes, Q, then 447 06"). */
const MAX_PIECE_GAP_WORDS = 3;

/** The start of an IBAN given so far in pieces, and where its last piece ended. */
interface Begun {
  iban: string;
  said: string;
  end: number;
}

/**
 * How `piece`, a few words after the pieces `begun` holds, goes on with the IBAN: 'next' for its
 * next characters, 'again' for its last characters confirmed again (nothing new given), or
 * undefined when it does neither.
 */
function continues(begun: Begun, piece: string, gap: string): 'next' | 'again' | undefined {
  if (countWords(gap) > MAX_PIECE_GAP_WORDS || begun.said.length >= begun.iban.length) return undefined;
  if (begun.iban.startsWith(begun.said + piece)) return 'next';
  return piece.length < MIN_START_CHARS && begun.said.endsWith(piece) ? 'again' : undefined;
}

/**
 * Pieces of an IBAN found anywhere in the call, said within a minute of it in the input's view:
 * an IBAN given over several turns, with the bank code asked about and repeated, is read back
 * whole only once.
 */
function ibanPieces(input: RecognizerInput, own: readonly Finding[]): Finding[] {
  const { context, view } = input;
  const ibans = input.views.flatMap((other) =>
    ibansIn({ ...input, view: other }).map((finding) => ({
      value: finding.value,
      time: context.timeAt(finding.view, finding.charStart),
    })),
  );
  if (ibans.length === 0) return [];
  const pieces: Finding[] = [];
  let begun: Begun | undefined;
  for (const match of view.text.matchAll(regexFor(PIECE, view.text))) {
    const start = match.index;
    const end = start + match[0].length;
    if (own.some((finding) => finding.charStart < end && finding.charEnd > start)) {
      begun = undefined;
      continue;
    }
    const piece = pieceValue(match[0]);
    const time = context.timeAt(view, start);
    const near = ibans.filter((iban) => Math.abs(iban.time - time) <= PIECE_MS);
    const started =
      piece.length >= MIN_START_CHARS
        ? near.find((iban) => iban.value.length > piece.length && iban.value.toUpperCase().startsWith(piece))
        : undefined;
    const next = begun && continues(begun, piece, view.text.slice(begun.end, start));
    if (started) begun = { iban: started.value.toUpperCase(), said: piece, end };
    else if (begun && next)
      begun = { ...begun, said: next === 'next' ? begun.said + piece : begun.said, end };
    else begun = undefined;
    // A character confirmed again gives nothing away (unless it is the bank code): it only keeps
    // the IBAN going.
    const given =
      started !== undefined ||
      next === 'next' ||
      near.some((iban) => pieceOf(piece, iban.value.toUpperCase()));
    if (!given) continue;
    pieces.push({
      recognizer: NAME,
      type: 'IBAN',
      view,
      charStart: start,
      charEnd: end,
      score: SCORE.piece,
      value: piece,
      reasons: ['iban-piece'],
    });
  }
  return pieces;
}

export const ibanRecognizer: Recognizer = {
  name: NAME,
  types: ['IBAN'],
  recognize(input) {
    const findings = ibansIn(input);
    return [...findings, ...ibanPieces(input, findings)];
  },
};
