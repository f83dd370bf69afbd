/**
 * False starts: a value begun, broken off and given again ("551, hang on, wrong card,
 * 4539 1488 …", "it is 3 1 1, sorry, I'll read it again, 021000021"). The broken-off piece
 * gives part of a value away too: a digit or identifier run said earlier in the same turn, followed
 * straight away by words that break it off (`BREAK_OFF_CUES`) and, a few words later, by a value a
 * recognizer found, takes that value's type. So does the mirror image, a value's end corrected
 * straight after it ("… 1 2 3 4 5 6 7 8, sorry, 1 2 3 4 5 7 7 8"): a run right after the value,
 * with only break-off words between, in the same turn.
 */
import { compileCues } from '../context/cue-matcher.js';
import type { ContextProbe } from '../context/probe.js';
import type { Finding } from '../detection.js';
import type { EntityType } from '../entities.js';
import { BREAK_OFF_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NEGATIVE_TRAIL } from '../lexicon/negative-cues.js';
import type { Range } from '../recognizers/ids.js';
import { alnumIds } from '../recognizers/ids.js';
import { countWords } from '../whitespace.js';
import { ANSWER_RECOGNIZER } from './answers.js';

export const FALSE_START_RECOGNIZER = 'false-start';
/** Most words between the broken-off piece and the value given again. */
const MAX_GAP_WORDS = 12;
/** Most words between a value and the correction of its end ("sorry", "no wait"). */
const MAX_CORRECTION_GAP_WORDS = 3;
/** Types whose values are read out as digits and letters, and so are started again. */
const RESTARTED_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  'CREDIT_CARD',
  'CARD_CVV',
  'CARD_EXPIRY',
  'PIN',
  'US_SSN',
  'PHONE_NUMBER',
  'DATE_OF_BIRTH',
  'BANK_ACCOUNT',
  'ROUTING_NUMBER',
  'IBAN',
  'SORT_CODE',
  'PASSPORT',
  'DRIVERS_LICENSE',
  'MEMBER_ID',
  'POSTAL_CODE',
]);

const breakOff = compileCues(BREAK_OFF_CUES);
const negatives = compileCues(NEGATIVE_CUES);
const trailNegatives = compileCues(NEGATIVE_TRAIL);

export function falseStarts(context: ContextProbe, findings: readonly Finding[]): Finding[] {
  const added: Finding[] = [];
  const claims = findings.filter((finding) => finding.recognizer !== ANSWER_RECOGNIZER);
  for (const finding of findings) {
    if (!RESTARTED_TYPES.has(finding.type)) continue;
    // A value said over several turns starts in its first and ends in its last.
    const first = context.turnAt(finding.view, finding.charStart);
    const last = context.turnAt(finding.view, finding.charEnd - 1);
    for (const [range, reason] of [
      [brokenOffBefore(finding, first.charStart), 'false-start'],
      [correctedAfter(finding, last.charEnd), 'corrected-end'],
    ] as const) {
      // A piece only an answer to the request took ("5 1, 0 7" for a social) is still the false start.
      if (!range || overlapsAny(claims, finding.view, range)) continue;
      // "my order number is 1234, sorry, the card is …": a look-alike named as such stays one.
      if (negatives.last(context.leadIn(finding.view, range.start)) !== undefined) continue;
      // "… sorry, that's 1 digit too many": a count, not a corrected end.
      if (trailNegatives.leading(context.trail(finding.view, range.end)) !== undefined) continue;
      added.push({
        recognizer: FALSE_START_RECOGNIZER,
        type: finding.type,
        view: finding.view,
        charStart: range.start,
        charEnd: range.end,
        score: finding.score,
        value: finding.view.text.slice(range.start, range.end),
        reasons: [reason, `from:${finding.recognizer}`],
      });
    }
  }
  return added;
}

/** The nearest identifier-like run before the value, in the same turn, broken off right after it. */
function brokenOffBefore(finding: Finding, turnStart: number): Range | undefined {
  const { view } = finding;
  let piece: Range | undefined;
  for (const run of alnumIds(view)) {
    if (run.start < turnStart || run.end >= finding.charStart) continue;
    // One character is no start of a value: "it's a long one, hang on, …" says "one" as a word.
    if (run.end - run.start < MIN_RESTART_CHARS) continue;
    if (piece && (run.end < piece.end || (run.end === piece.end && run.start > piece.start))) continue;
    const gap = view.text.slice(run.end, finding.charStart);
    // "the 12 of, sorry, December 12 …": a word that tied the piece to what was to follow comes first.
    const brokenOff = breakOff.leading(gap.replace(TIE_WORD, ' ')) !== undefined;
    if ((brokenOff && countWords(gap) <= MAX_GAP_WORDS) || restarted(view, run, gap, finding)) piece = run;
  }
  return piece && withEarlierPieces(view, piece);
}

/** A word joining a begun piece to its next part ("the 12 of …", "5 5 1 and …"), before the break-off. */
const TIE_WORD = /^ (?:of|and|then) (?=\S)/i;

/** Shortest start of a value said again straight away that counts as broken off ("W 2 7 4... W 2 7 4 4 1 …"). */
const MIN_RESTART_CHARS = 2;

/**
 * A run said right before the value, nothing but a pause between, that the value starts with: the
 * speaker began it and started over, without words to say so ("3 7... 3 7 1").
 */
function restarted(view: Finding['view'], run: Range, gap: string, finding: Finding): boolean {
  if (/[\p{L}\p{N}]/u.test(gap)) return false;
  const compact = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const begun = compact(view.text.slice(run.start, run.end));
  const value = compact(view.text.slice(finding.charStart, finding.charEnd));
  return begun.length >= MIN_RESTART_CHARS && begun.length < value.length && value.startsWith(begun);
}

/**
 * The broken-off piece with the pieces said before it of the same attempt ("5 1" … "oh, 5 1, 0 7",
 * sorry …): runs only an "oh" apart, which the normaliser leaves a word after a pause, or only
 * the other party's back-channel apart (a soft turn break), never across a hard one.
 */
function withEarlierPieces(view: Finding['view'], piece: Range): Range {
  let start = piece.start;
  for (;;) {
    let before: Range | undefined;
    for (const run of alnumIds(view)) {
      if (run.end > start) continue;
      if (before && (run.end < before.end || (run.end === before.end && run.start >= before.start))) continue;
      before = run;
    }
    if (!before || !PIECE_GAP.test(view.text.slice(before.end, start))) break;
    start = before.start;
  }
  return start === piece.start ? piece : { start, end: piece.end };
}

/** Between two pieces of one attempt: spaces and spoken zeros left as words. */
const PIECE_GAP = /^(?: (?:oh|o))* $/i;

/**
 * Spelled letters, in runs a space apart ("E L E L", letters confirmed in another spelling):
 * the end of a value with letters corrected in letters alone ("… 9 K L, sorry, E L").
 */
const LETTER_RUNS = /(?<![\p{L}\p{N}])(?!OK(?![\p{L}\p{N}]))[A-Z]{2,}(?: [A-Z]+)*(?![\p{L}\p{N}])/gu;

/** The runs a value's end may be corrected with: identifier-like, or letters when the value holds letters. */
function correctionRuns(finding: Finding, turnEnd: number): readonly Range[] {
  const ids = alnumIds(finding.view);
  if (!/\p{L}/u.test(finding.value)) return ids;
  const from = finding.charEnd;
  const letters = Array.from(finding.view.text.slice(from, turnEnd).matchAll(LETTER_RUNS), (match) => ({
    start: from + match.index,
    end: from + match.index + match[0].length,
  }));
  return [...ids, ...letters];
}

/** The longest identifier-like run right after the value, in the same turn, after break-off words only. */
function correctedAfter(finding: Finding, turnEnd: number): Range | undefined {
  const { view } = finding;
  let piece: Range | undefined;
  for (const run of correctionRuns(finding, turnEnd)) {
    if (run.start <= finding.charEnd || run.end > turnEnd) continue;
    if (piece && (run.start > piece.start || (run.start === piece.start && run.end < piece.end))) continue;
    const gap = view.text.slice(finding.charEnd, run.start);
    if (breakOff.leading(gap) && countWords(gap) <= MAX_CORRECTION_GAP_WORDS) piece = run;
  }
  return piece;
}

function overlapsAny(findings: readonly Finding[], view: Finding['view'], { start, end }: Range): boolean {
  return findings.some((other) => other.view === view && other.charStart < end && other.charEnd > start);
}
