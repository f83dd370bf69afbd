/**
 * Spoken numbers → digits. Consecutive number words form one digit group, written number by
 * number: "forty one eleven" → 41 + 11 → "4111", "nineteen eighty five" → "1985". A number
 * ("chunk") is the longest run of words that reads as one cardinal ("four thousand one hundred
 * eleven" → 4111); the next word starts a new chunk when it cannot continue it ("forty one" then
 * "eleven"). The group ends at a pause, at any other word, or after an ordinal (and before one that
 * would close a group begun by other numbers); and before a
 * compound number ("two thousand one hundred forty seven") that follows a number said as a number,
 * or the number of a flat or suite: "apartment ten two thousand…" → "10 2147", "flat four two
 * hundred…" → "4 200". After digits said one by one a compound continues them, as in codes and
 * dates ("oh three oh five two thousand one" → "03052001").
 */
import { monthAt, nextToMonth } from './dates.js';
import type { NumberWord } from './lexicon.js';
import {
  AMBIGUOUS_ORDINALS,
  BACKCHANNEL_PHRASES,
  CARDINALS,
  FIELD_WORDS,
  MAYBE_ZERO_WORDS,
  ORDINALS,
  REPEATERS,
  UNIT_WORDS,
  ZERO_WORDS,
  isNumberWord,
} from './lexicon.js';
import { readLetterRun } from './letters.js';
import type { Read, Span } from './spans.js';
import { pieceSpan, piecesSpan } from './spans.js';
import type { Piece } from './tokens.js';
import { isNumberPiece, nextContent, nextWithoutPause, previousContent } from './tokens.js';

/**
 * How a number of a group was said: one digit ("five", "oh", "double five"), a number without a
 * multiplier ("ten", "forty one"), or a compound ("two hundred", "two thousand and five").
 */
type StepSize = 'digit' | 'number' | 'compound';

/** One number of a group: its digits, the last piece it used, whether it ends the group, and how it was said. */
interface Step {
  span: Span;
  last: number;
  closes: boolean;
  size: StepSize;
}

/** Digits written one by one join into a group only in a run of this many single digits. */
const MIN_WRITTEN_DIGIT_RUN = 3;

/** How far "oh" looks ahead through further "oh"s for the digit that makes it a zero. */
const MAX_OH_RUN = 8;

/** Reads the spoken digit group starting at pieces[start], or null when no number starts there. */
export function readNumberGroup(pieces: readonly Piece[], start: number): Read | null {
  if (!mayStartNumber(pieces[start]!) || isPronounOne(pieces, start)) return null;
  const spans: Span[] = [];
  const stepStarts: number[] = [];
  let next = start;
  let i = start;
  // A compound after a number said as a number is a number of its own ("ten two thousand…").
  let afterNumber = afterUnitWord(pieces, start);
  // Digits written one by one ("9 0 4") join only digits said one by one, spoken or written.
  let writtenDigits = false;
  const sizes: StepSize[] = [];
  while (i !== -1) {
    const step =
      pieces[i]!.written === null
        ? (readRepeat(pieces, i) ?? readZero(pieces, i, spans.length > 0) ?? readChunk(pieces, i))
        : readWrittenDigit(pieces, i, spans.length);
    if (step === null || (step.size === 'compound' && spans.length > 0 && afterNumber)) break;
    // An ordinal names a day or a position of its own ("seventy eight twenty third of …", said
    // without a pause): it ends a group, never finishes one that came before it.
    if (step.closes && spans.length > 0) break;
    const written = pieces[i]!.written !== null;
    if (spans.length > 0 && (written ? afterNumber : writtenDigits && step.size !== 'digit')) break;
    // Digits written, then digits said as words ("8 1 0 9 six oh three"): two runs a mono engine
    // wrote apart, such as a value and its read-back. "oh" and homophones ("3 to 8 8") join them.
    const spokenDigit = !written && !isZeroWord(pieces[i]!) && !isReadHomophone(pieces[i]!);
    if (spans.length > 0 && !written && writtenDigits && spokenDigit) break;
    sizes.push(step.size);
    writtenDigits ||= written;
    afterNumber ||= step.size !== 'digit';
    spans.push(step.span);
    stepStarts.push(i);
    next = step.last + 1;
    if (step.closes) break;
    i = nextWithoutPause(pieces, step.last);
  }
  if (spans.length === 0) return null;
  if (dayThenDigits(pieces, start, spans, sizes)) return { spans: spans.slice(0, 1), next: stepStarts[1]! };
  const half = repeatedHalf(spans);
  return half === -1 ? { spans, next } : { spans: spans.slice(0, half), next: stepStarts[half]! };
}

/** A value said twice without a pause (a mono engine runs a value and its read-back together). */
const MIN_REPEATED_DIGITS = 6;

/**
 * The step at which a group says its first half again ("five six seven three nine oh one two eight
 * five six seven…" → 567390128 twice), or -1: such a group is a value and its read-back, two items.
 */
function repeatedHalf(spans: readonly Span[]): number {
  const digits = spans.map((span) => span.text).join('');
  const size = digits.length / 2;
  if (size < MIN_REPEATED_DIGITS || !Number.isInteger(size) || digits.slice(0, size) !== digits.slice(size)) {
    return -1;
  }
  let length = 0;
  for (let k = 0; k < spans.length; k += 1) {
    if (length === size) return k;
    length += spans[k]!.text.length;
  }
  return -1;
}

/** "zero", "nought", "oh": said among written digits as well as spoken ones. */
function isZeroWord(piece: Piece): boolean {
  return ZERO_WORDS.has(piece.lower) || MAYBE_ZERO_WORDS.has(piece.lower);
}

/** A word the homophone pass read as a digit ("for" → "four"): ASR writes those among written digits. */
function isReadHomophone(piece: Piece): boolean {
  return piece.lower !== piece.text.toLowerCase();
}

/** The highest number a month's day (or a two-digit year after a month) is said as on its own. */
const MAX_DAY = 31;

/** Digits that may be a year: "one nine nine oh". */
const YEAR_DIGITS = /^(?:19|20)\d\d$/;

/**
 * "february twenty eight nine four six": a day (or a card's year) said as a number right after a
 * month, then digits said one by one that are no year, is a date and the next value (a security
 * code), not one number.
 */
function dayThenDigits(
  pieces: readonly Piece[],
  start: number,
  spans: readonly Span[],
  sizes: readonly StepSize[],
): boolean {
  if (sizes.length < 2 || sizes[0] !== 'number' || sizes.slice(1).some((size) => size !== 'digit'))
    return false;
  const rest = spans
    .slice(1)
    .map((span) => span.text)
    .join('');
  const day = spans[0]!.text;
  // "march twenty one nine nine oh" may be the 2nd, 1990: left to the date's reader.
  return (
    Number(day) <= MAX_DAY &&
    !YEAR_DIGITS.test(rest) &&
    !YEAR_DIGITS.test(day.slice(-1) + rest) &&
    monthAt(pieces, previousContent(pieces, start)) !== null
  );
}

/** "flat", "apartment", "suite"… just before pieces[start]: their number is said as a number. */
function afterUnitWord(pieces: readonly Piece[], start: number): boolean {
  const before = previousContent(pieces, start);
  return before !== -1 && UNIT_WORDS.has(pieces[before]!.lower);
}

/**
 * Words after which "one" stands for a thing named before ("the six digit one", "the other one",
 * "which one", "the new one"), not a digit: read as a digit, it would join the value said after a
 * pause ("the other one, 7 7 4 1 0 3" is six digits, not seven).
 */
const BEFORE_PRONOUN_ONE: ReadonlySet<string> = new Set([
  'the',
  'this',
  'that',
  'which',
  'other',
  'another',
  'new',
  'old',
  'same',
  'each',
  'every',
  'any',
  'no',
  'last',
  'right',
  'wrong',
  'correct',
  'current',
  'older',
  'newer',
  'only',
  'digit',
  'first',
  'second',
]);

/** Words that make "the <word> one" a thing named before: "the UK one", "my work one". */
const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'this',
  'that',
  'my',
  'your',
  'his',
  'her',
  'our',
  'their',
]);

/**
 * "one" said as a pronoun: straight after one of those words, and not followed (without a pause)
 * by more of a number said as words ("the one two three four" stays digits). After a determiner
 * and another word ("the landline one 0 1 …") it is one too unless number words follow it, pause
 * or not ("my code one, two, three"): digits written after it were heard apart from it.
 */
function isPronounOne(pieces: readonly Piece[], start: number): boolean {
  const piece = pieces[start]!;
  if (piece.written !== null || piece.lower !== 'one') return false;
  const before = previousContent(pieces, start);
  if (before === -1 || nextWithoutPause(pieces, before) !== start) return false;
  if (!BEFORE_PRONOUN_ONE.has(pieces[before]!.lower)) {
    // Number words after it, pause or not, are the rest of a number said as words.
    const next = nextContent(pieces, start);
    const wordsFollow = next !== -1 && pieces[next]!.written === null && isNumberWord(pieces[next]!.lower);
    return !wordsFollow && namedAfterDeterminer(pieces, before);
  }
  const after = nextWithoutPause(pieces, start);
  // Digits written after it: a recogniser that heard "one" as part of them would have written it
  // as a digit too ("my old one 2 5 8 0", a mono file without the pause).
  return (
    after === -1 ||
    !isNumberPiece(pieces[after]!) ||
    pieces[after]!.written !== null ||
    digitCountNamed(pieces, before, after)
  );
}

/**
 * "the six digit one two seven two seven one one", its pause lost (a source that writes no
 * punctuation): exactly as many digits follow "one" as "<n> digit" named, so "one" is the thing
 * named and the digits are its value ("the four digit one two three four" stays 1234).
 */
function digitCountNamed(pieces: readonly Piece[], digitWord: number, after: number): boolean {
  if (pieces[digitWord]!.lower !== 'digit') return false;
  const count = previousContent(pieces, digitWord);
  const named = count === -1 ? null : readNumberGroup(pieces, count);
  const value = readNumberGroup(pieces, after);
  if (!named || !value || named.next !== digitWord) return false;
  const digits = (read: Read): string => read.spans.map((span) => span.text).join('');
  return Number(digits(named)) === digits(value).length;
}

/** pieces[i] is a word, not a number, said straight after a determiner: "the UK", "my work". */
function namedAfterDeterminer(pieces: readonly Piece[], i: number): boolean {
  const word = pieces[i]!;
  if (word.written !== null || isNumberWord(word.lower) || UNIT_WORDS.has(word.lower)) return false;
  if (!/^\p{L}+$/u.test(word.lower)) return false;
  const before = previousContent(pieces, i);
  return before !== -1 && nextWithoutPause(pieces, before) === i && DETERMINERS.has(pieces[before]!.lower);
}

/** A cheap test before reading: the words a spoken number can start with, and a digit written alone. */
function mayStartNumber(piece: Piece): boolean {
  return isWrittenDigit(piece) || isNumberWord(piece.lower) || piece.lower === 'a';
}

/** A single digit the recogniser wrote as a word of its own ("9" of "9 0 4"). */
export function isWrittenDigit(piece: Piece): boolean {
  const written = piece.written;
  return written !== null && written.length === 1 && written >= '0' && written <= '9';
}

/**
 * A written digit as a step of a group that already has `before` steps: only in a run of at least
 * MIN_WRITTEN_DIGIT_RUN single digits, so "3 3 1985" (a day and a month) keeps its spaces.
 */
function readWrittenDigit(pieces: readonly Piece[], i: number, before: number): Step | null {
  const piece = pieces[i]!;
  if (!isWrittenDigit(piece)) return null;
  let run = before;
  for (
    let j = i;
    j !== -1 && run < MIN_WRITTEN_DIGIT_RUN && isSingleDigit(pieces[j]!);
    j = nextWithoutPause(pieces, j)
  ) {
    run += 1;
  }
  if (run < MIN_WRITTEN_DIGIT_RUN) return null;
  return { span: pieceSpan(piece.written!, piece), last: i, closes: false, size: 'digit' };
}

/** A digit said or written on its own: "5", "five", "zero". */
function isSingleDigit(piece: Piece): boolean {
  if (piece.written !== null) return isWrittenDigit(piece);
  return ZERO_WORDS.has(piece.lower) || CARDINALS.get(piece.lower)?.class === 'unit';
}

/** "double five" → "55", "triple oh" → "000"; the digits map to both words. */
function readRepeat(pieces: readonly Piece[], i: number): Step | null {
  const times = REPEATERS.get(pieces[i]!.lower);
  if (times === undefined) return null;
  const j = nextWithoutPause(pieces, i);
  const digit = j === -1 ? null : digitOf(pieces[j]!);
  if (digit === null) return null;
  return {
    span: piecesSpan(digit.repeat(times), pieces[i]!, pieces[j]!),
    last: j,
    closes: false,
    size: 'digit',
  };
}

/** The single digit a piece says ("five", "oh", "zero", "5"), or null. */
function digitOf(piece: Piece): string | null {
  if (piece.written !== null) return piece.written.length === 1 ? piece.written : null;
  if (ZERO_WORDS.has(piece.lower) || MAYBE_ZERO_WORDS.has(piece.lower)) return '0';
  const word = CARDINALS.get(piece.lower);
  return word?.class === 'unit' ? String(word.value) : null;
}

/**
 * "zero", "nought" → 0 always. "oh", "o" → 0 among or before spoken digits: when digits follow
 * ("oh four", not "oh okay"), when it closes a group ("nine oh two one oh", "forty six oh oh",
 * not "five oh okay"), or when it sits between digits and spelled letters, as in identifiers
 * ("eight oh a i b k" → "80 AIBK", not "twenty oh I think") or a spoken dash and a digit ("three
 * six oh dash four" → "360-4"). Further "oh"s after it are looked through.
 */
function readZero(pieces: readonly Piece[], i: number, inGroup: boolean): Step | null {
  const lower = pieces[i]!.lower;
  const isZero = ZERO_WORDS.has(lower) || (MAYBE_ZERO_WORDS.has(lower) && ohIsZero(pieces, i, inGroup));
  return isZero ? { span: pieceSpan('0', pieces[i]!), last: i, closes: false, size: 'digit' } : null;
}

function ohIsZero(pieces: readonly Piece[], i: number, inGroup: boolean): boolean {
  if (betweenSeparators(pieces, i)) return true;
  let j = nextWithoutPause(pieces, i);
  for (let hops = 0; hops < MAX_OH_RUN; hops += 1) {
    if (j === -1) return inGroup || saidBetweenDigits(pieces, i) || closesDigitRun(pieces, i);
    const piece = pieces[j]!;
    // Among written digits ("4 9 0 3 oh 6"), only when digits are written on both sides.
    if (piece.written !== null) return isWrittenDigit(piece) && saidBetweenDigits(pieces, i);
    if (!MAYBE_ZERO_WORDS.has(piece.lower)) {
      return (
        CARDINALS.has(piece.lower) ||
        ZERO_WORDS.has(piece.lower) ||
        REPEATERS.has(piece.lower) ||
        closesDigitRun(pieces, i) ||
        lettersThenNumber(pieces, j) ||
        (inGroup &&
          (readLetterRun(pieces, j) !== null ||
            separatorBeforeNumber(pieces, j) ||
            backchannelBeforeDigit(pieces, j) ||
            fieldBeforeDigit(pieces, j)))
      );
    }
    j = nextWithoutPause(pieces, j);
  }
  return false;
}

/**
 * Spelled letters start at pieces[j] and a number follows them without a pause: the "oh" before
 * them is a character of an identifier, as in a licence's end said on its own ("oh c m three s k").
 */
function lettersThenNumber(pieces: readonly Piece[], j: number): boolean {
  const run = readLetterRun(pieces, j);
  if (run === null) return false;
  const after = nextWithoutPause(pieces, run.next - 1);
  return after !== -1 && isNumberPiece(pieces[after]!);
}

/** Digits said one by one before an "oh" that make it the last digit of their run. */
const DIGIT_RUN_BEFORE_OH = 3;

/**
 * "oh" right after single digits said one by one, pauses allowed, ending the turn or followed only by
 * the other party's backchannel ("two, eight, nine, oh." or, in a mono transcript, "seven two nine oh
 * okay"): the last digit of the run. Followed by more words a lone "oh" is an interjection ("… one
 * eight oh wait, I moved"); two or more are zeros.
 */
function closesDigitRun(pieces: readonly Piece[], i: number): boolean {
  let ohs = 1;
  let after = nextContent(pieces, i);
  while (after !== -1 && MAYBE_ZERO_WORDS.has(pieces[after]!.lower)) {
    after = nextContent(pieces, after);
    ohs += 1;
  }
  let k = i;
  for (let before = previousContent(pieces, k); before !== -1 && isSaidOh(pieces[before]!);) {
    k = before;
    before = previousContent(pieces, k);
    ohs += 1;
  }
  // Two "oh"s or more are zeros whatever follows ("… one four oh oh, hold on, it's …").
  if (ohs < 2 && after !== -1 && !INLINE_BACKCHANNELS.has(pieces[after]!.lower)) return false;
  for (let count = 0; count < DIGIT_RUN_BEFORE_OH; count += 1) {
    k = previousContent(pieces, k);
    // After digits the engine wrote as digits it would have written a zero as "0" too.
    if (k === -1 || pieces[k]!.written !== null || MAYBE_ZERO_WORDS.has(pieces[k]!.lower)) return false;
    // "double five two oh": a repeater says digits too.
    if (digitOf(pieces[k]!) === null && !REPEATERS.has(pieces[k]!.lower)) return false;
  }
  return true;
}

function isSaidOh(piece: Piece): boolean {
  return piece.written === null && MAYBE_ZERO_WORDS.has(piece.lower);
}

/** Words that join the groups of an identifier: "three six oh dash four four…". */
const GROUP_DASHES: ReadonlySet<string> = new Set(['dash', 'hyphen']);

/** Spoken separators inside a number said in parts: "two oh three dot oh dot one one three". */
const SEPARATOR_WORDS: ReadonlySet<string> = new Set(['dot', 'point', 'dash', 'hyphen', 'slash']);

/**
 * "oh" said as a whole part between two spoken separators, a number before the first and a digit
 * after the second ("… three dot oh dot one …"): an IP address's or a code's zero.
 */
function betweenSeparators(pieces: readonly Piece[], i: number): boolean {
  const before = previousContent(pieces, i);
  if (before === -1 || nextWithoutPause(pieces, before) !== i || !SEPARATOR_WORDS.has(pieces[before]!.lower))
    return false;
  // Pauses may come before the separators: "two oh three, dot oh, dot one one three" pauses
  // after each part.
  const number = previousContent(pieces, before);
  if (number === -1 || !isNumberPiece(pieces[number]!)) return false;
  const after = nextContent(pieces, i);
  if (after === -1 || !SEPARATOR_WORDS.has(pieces[after]!.lower)) return false;
  const next = nextWithoutPause(pieces, after);
  return next !== -1 && (digitOf(pieces[next]!) !== null || isNumberPiece(pieces[next]!));
}

/**
 * pieces[j] is a spoken dash with a digit straight after it, or a spoken dot or slash with a
 * number after it ("two two oh dot seventy dot …"): the "oh" before it closed a group.
 */
function separatorBeforeNumber(pieces: readonly Piece[], j: number): boolean {
  const lower = pieces[j]!.lower;
  if (!SEPARATOR_WORDS.has(lower)) return false;
  const next = nextWithoutPause(pieces, j);
  if (next === -1) return false;
  return GROUP_DASHES.has(lower) ? digitOf(pieces[next]!) !== null : isNumberPiece(pieces[next]!);
}

/** Backchannels a mono transcript leaves inside a number the other party acknowledges as it is given. */
const INLINE_BACKCHANNELS: ReadonlySet<string> = new Set([
  ...BACKCHANNEL_PHRASES.filter((phrase) => !phrase.includes(' ')),
  ...BACKCHANNEL_PHRASES.filter((phrase) => phrase.split(' ').length === 2).map((phrase) =>
    phrase.replace(' ', '-'),
  ),
]);

/**
 * pieces[j] is the other party's backchannel with a digit after it: the "oh" before it closed a
 * group of a number given in pieces ("five three oh, yep, two two one" in a mono transcript).
 */
function backchannelBeforeDigit(pieces: readonly Piece[], j: number): boolean {
  if (!INLINE_BACKCHANNELS.has(pieces[j]!.lower)) return false;
  const next = nextContent(pieces, j);
  return next !== -1 && digitOf(pieces[next]!) !== null;
}

/** Words that may follow a field's name before its value ("account number", "sort code"). */
const FIELD_NAME_TAILS: ReadonlySet<string> = new Set(['number', 'code', 'no']);

/**
 * pieces[j] names the next item of a read-back with its digits after it: the "oh" before it ended
 * the item before ("two three oh five eight oh account one one nine…", written without commas).
 */
function fieldBeforeDigit(pieces: readonly Piece[], j: number): boolean {
  if (!FIELD_WORDS.has(pieces[j]!.lower)) return false;
  let next = nextContent(pieces, j);
  if (next !== -1 && FIELD_NAME_TAILS.has(pieces[next]!.lower)) next = nextContent(pieces, next);
  return next !== -1 && digitOf(pieces[next]!) !== null;
}

/** A single digit right before pieces[i] and right after it, across pauses: "eight, one, oh, two". */
function saidBetweenDigits(pieces: readonly Piece[], i: number): boolean {
  const isDigit = (k: number): boolean => k !== -1 && digitOf(pieces[k]!) !== null;
  return isDigit(previousContent(pieces, i)) && isDigit(nextContent(pieces, i));
}

/** Where a chunk stands after its words so far: what may come next depends on it. */
type ChunkState = 'start' | 'unit' | 'teen' | 'tens' | 'tensUnit' | 'hundred' | 'scale' | 'and';

/**
 * Reads one cardinal starting at pieces[start]: "forty one", "one hundred and five", "a hundred",
 * "two thousand and five", "twenty first" (an ordinal ends it and the group).
 */
function readChunk(pieces: readonly Piece[], start: number): Step | null {
  let total = 0;
  let current = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let state: ChunkState = 'start';
  let last = -1;
  let closes = false;
  let size: StepSize = 'digit';
  for (let i = start; i !== -1 && pieces[i]!.written === null; i = nextWithoutPause(pieces, i)) {
    const lower = pieces[i]!.lower;
    if (lower === 'a' && state === 'start') {
      // "a hundred", "a thousand": "a" is one only before a multiplier.
      if (!isMultiplier(pieces, nextWithoutPause(pieces, i))) break;
      current = 1;
      state = 'unit';
      last = i;
      continue;
    }
    if (lower === 'and' && (state === 'hundred' || state === 'scale')) {
      const next = nextWithoutPause(pieces, i);
      if (next === -1 || !continuesAfterAnd(pieces[next]!)) break;
      state = 'and';
      continue;
    }
    const ordinal = ORDINALS.get(lower);
    const word = ordinal ?? CARDINALS.get(lower);
    if (word === undefined || !accepts(state, word, current, lastScale)) break;
    if (ordinal && state === 'start' && AMBIGUOUS_ORDINALS.has(lower) && !nextToMonth(pieces, i, i)) break;
    switch (word.class) {
      case 'unit':
        current += word.value;
        if (state !== 'start') size = bigger(size, 'number');
        state = state === 'tens' ? 'tensUnit' : 'unit';
        break;
      case 'teen':
      case 'tens':
        current += word.value;
        size = bigger(size, 'number');
        state = word.class;
        break;
      case 'hundred':
        current = (current || 1) * 100;
        state = 'hundred';
        size = 'compound';
        break;
      case 'scale':
        total += (current || 1) * word.value;
        current = 0;
        lastScale = word.value;
        state = 'scale';
        size = 'compound';
        break;
    }
    last = i;
    if (ordinal) {
      closes = true;
      break;
    }
  }
  if (last === -1) return null;
  return {
    span: piecesSpan(String(total + current), pieces[start]!, pieces[last]!),
    last,
    closes,
    size,
  };
}

function bigger(size: StepSize, other: StepSize): StepSize {
  return size === 'compound' || other === 'compound' ? 'compound' : other === 'number' ? 'number' : size;
}

/** Whether `word` can continue a chunk in `state` (holding `current` below the last scale word). */
function accepts(state: ChunkState, word: NumberWord, current: number, lastScale: number): boolean {
  switch (word.class) {
    case 'unit':
      return (
        state === 'start' || state === 'tens' || state === 'hundred' || state === 'scale' || state === 'and'
      );
    case 'teen':
    case 'tens':
      return state === 'start' || state === 'hundred' || state === 'scale' || state === 'and';
    case 'hundred':
      return state === 'start' || (isBelowHundredState(state) && current < 100);
    case 'scale':
      return (
        word.value < lastScale && (state === 'start' || state === 'hundred' || isBelowHundredState(state))
      );
  }
}

function isBelowHundredState(state: ChunkState): boolean {
  return state === 'unit' || state === 'teen' || state === 'tens' || state === 'tensUnit';
}

function isMultiplier(pieces: readonly Piece[], i: number): boolean {
  if (i === -1) return false;
  const word = CARDINALS.get(pieces[i]!.lower);
  return word !== undefined && (word.class === 'hundred' || word.class === 'scale');
}

/** "hundred and five", "thousand and twenty", "hundred and first". */
function continuesAfterAnd(piece: Piece): boolean {
  const word = ORDINALS.get(piece.lower) ?? CARDINALS.get(piece.lower);
  return word !== undefined && (word.class === 'unit' || word.class === 'teen' || word.class === 'tens');
}
