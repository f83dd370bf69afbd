/**
 * Alphanumeric identifiers as normalised speech writes them: spelled letters are upper-case runs
 * and numbers are digit groups, so "D 1234 5678", "AB 1234567" and "XYZ123456" are runs of
 * upper-case and digit tokens. Shared by the licence, member-id and passport recognizers.
 */
import { compileCues } from '../context/cue-matcher.js';
import { DESCRIBED_BY_NEXT } from '../context/windows.js';
import type { BuiltInEntityType } from '../entities.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { DOCUMENT_DATE_CUES } from '../lexicon/negative-cues.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';
import type { StreamView } from '../normalise/view.js';
import { INLINE_BACKCHANNEL } from './digits.js';
import type { MatchWindow } from './pattern.js';
import { judgeContext } from './pattern.js';
import { topicOpen } from './topic.js';
import { regexFor, ViewRegex } from '../normalise/view-regex.js';

/** NATO words the normaliser may leave as words before digits ("victor 6328214415"); not "november", a month. */
const NATO = [
  'alfa',
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'juliett',
  'kilo',
  'lima',
  'mike',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
  'uniform',
  'victor',
  'whiskey',
  'whisky',
  'x-ray',
  'xray',
  'yankee',
  'zulu',
];
/**
 * A token: upper-case letters (a spelled run), digits, or letters and digits in one word: upper
 * case, or lower case as an engine that writes lower case prints a dictated ID ("4te2-ak9-mm73"),
 * with no run of 4 letters (that is a handle: "rcastillo88").
 */
const TOKEN =
  '(?:[A-Z]+|\\d+|[A-Z]+\\d[A-Z\\d]*|\\d+[A-Z][A-Z\\d]*|(?![a-z\\d]*[a-z]{4})(?:[a-z]+\\d[a-z\\d]*|\\d+[a-z][a-z\\d]*))';
/**
 * Between tokens: a space, a written dash, one set apart by spaces where the dash was said between
 * pauses ("D 400 - 712"), or one said ("1EG4 dash TE5"; the normaliser keeps the word).
 */
const SEPARATOR = '(?:[ -]| - | (?:dash|hyphen) )';

/**
 * Longest run of tokens taken. The normaliser joins runs of three or more single digits into one
 * group, but pairs stay apart ("AB 402 977 1 3"), and the longest identifier any of these
 * recognizers accepts is 16 characters; twice that, as a mono transcript runs an identifier into
 * its read-back spelled with dashes ("… M99AB S-O-L-B-E-7-…"), which the halves then split.
 */
const MAX_TOKENS = 32;

/**
 * Two-letter words ("is", "at", "ok"): no letters of an identifier, which an engine writing lower
 * case prints as a word of their own ("gb 5521907").
 */
export const TWO_LETTER_WORDS = [...STOP_WORDS, ...COMMON_WORDS].filter((word) => /^[a-z]{2}$/.test(word));
/** A consonant (not "y", as in "dry"): three together ("pcq") are letters, not a word. */
const NO_VOWEL = '[b-df-hj-np-tv-xz]';

/**
 * Runs of up to MAX_TOKENS tokens (upper-case letters, digits, letters with digits: "AB 1234567",
 * "d1234567", "4te2-ak9-mm73"); and digits after one or two lower-case letters, three consonants
 * or a NATO word ("s 26280214793", "gb 5521907", "pkw 6031877", "victor 6328214415"), with NATO
 * words between the digit groups too ("charlie 01 x-ray 00 tango 47"); not the "I" of a following
 * "I'm". The look-ahead fails fast on the lower-case text that fills most of a view; it comes
 * after the look-behind, which is cheaper for the engine to try first.
 */
const ALNUM_ID = new ViewRegex(
  `(?<![\\p{L}\\p{N}$£€/.:'’-])(?=[A-Z\\d]|[a-z]+\\d|[a-z]+ \\d)` +
    `(?:${TOKEN}(?:${SEPARATOR}${TOKEN}){0,${MAX_TOKENS - 1}}|(?:${NATO.join('|')}|[a-z]|(?!(?:${TWO_LETTER_WORDS.join('|')}) )[a-z]{2}|(?!(?:hmm|mmm|shh|nth|www) )${NO_VOWEL}{3}) \\d+(?:(?:[ -]| (?:${NATO.join('|')}) )\\d+){0,${MAX_TOKENS - 2}})` +
    `(?![\\p{L}\\p{N}%]|[/.:-]\\p{N}|['’]\\p{L})`,
  'gu',
);
/** A NATO word before digits, at the start of an identifier or between its digit groups. */
const NATO_WORD = new RegExp(`(?<![a-z\\d-])(?:${NATO.join('|')})(?= )`, 'g');
/** Words adding a forgotten part to an identifier: "66104923, oh and it has 2 letters at the start, KP". */
const ADDED_PART =
  "(?:(?:oh|and|but|oh and|sorry) )?(?:there's|there are|there is|it has|it's got|with|plus) " +
  '(?:(?:the|two|2|some|a) )?letters? (?:in front|at the (?:start|front|beginning|end)|first|before it)' +
  '(?: too| as well| also)?';
/**
 * What may stand between two pieces of one identifier without being part of it: "TP 770315, and
 * then 82", a forgotten part added, or the other party's "mm-hmm" a mono transcript leaves inline
 * ("HRW5022 mm-hmm 8173").
 */
const JOINER = new RegExp(
  `^ (?:(?:and )?then|${ADDED_PART}|${INLINE_BACKCHANNEL}(?: ${INLINE_BACKCHANNEL})?) $`,
  'i',
);

export interface Range {
  start: number;
  end: number;
}

const cache = new WeakMap<StreamView, Range[]>();

/**
 * The view's alphanumeric identifier candidates (computed once per view): each run of tokens, and
 * pieces that a joiner ties together as one more candidate (the pieces stay candidates too, as the
 * joined whole may be two items).
 */
export function alnumIds(view: StreamView): readonly Range[] {
  let found = cache.get(view);
  if (!found) {
    const runs = Array.from(view.text.matchAll(regexFor(ALNUM_ID, view.text)), (match) => ({
      start: match.index,
      end: match.index + match[0].length,
    }));
    // Every identifier these recognizers accept holds a digit; "I" and "OK" are not candidates.
    const hasDigit = ({ start, end }: Range): boolean => {
      for (let i = start; i < end; i += 1) {
        const code = view.text.charCodeAt(i);
        if (code >= 48 && code <= 57) return true;
      }
      return false;
    };
    const pieces = runs.filter(hasDigit);
    const joined = joinedPieces(view.text, runs).filter(hasDigit);
    const shed = [...withoutLeadIn(view.text, pieces), ...withoutCount(view.text, pieces)];
    // "ID XOH 9 1 1 4772 XOH 9114772": a value said twice after a word written as letters.
    found = [...pieces, ...joined, ...repeatedHalves(view, [...pieces, ...joined, ...shed]), ...shed];
    cache.set(view, found);
  }
  return found;
}

/** The most characters an identifier of these recognizers has (a UK driving licence). */
const MAX_ID_CHARS = 16;
/** Leading tokens a run too long for any identifier may shed, and their longest length. */
const MAX_SHED_TOKENS = 2;
const MAX_SHED_CHARS = 2;

/**
 * A run too long for any identifier, without its first one or two short tokens: words before the
 * ID that the normaliser wrote as letters or digits ("a UK one, HARTL 756128 IM9QZ" → "UK 1 HARTL…").
 */
function withoutLeadIn(text: string, pieces: readonly Range[]): Range[] {
  const shorter: Range[] = [];
  for (const { start, end } of pieces) {
    let chars = 0;
    for (let i = start; i < end; i += 1) if (text[i] !== ' ' && text[i] !== '-') chars += 1;
    if (chars <= MAX_ID_CHARS) continue;
    let at = start;
    for (let shed = 0; shed < MAX_SHED_TOKENS; shed += 1) {
      const separator = /[ -]+/.exec(text.slice(at, end));
      if (!separator || separator.index > MAX_SHED_CHARS) break;
      at += separator.index + separator[0].length;
      shorter.push({ start: at, end });
    }
  }
  return shorter;
}

/** The fewest characters an identifier said twice may have: six, twice. */
const MIN_REPEATED_CHARS = 12;

/**
 * The two halves of a candidate that says one identifier twice, as a mono transcript runs a value
 * and its read-back together ("553 208 1174 5532081174", "532 ok 071149 532071149"): split where
 * the compact halves (joiners left out) are equal, at a separator or between two words the
 * normaliser wrote as one group ("330912567330912" from "3 3 0 9 1 2" and "five six seven …").
 */
function repeatedHalves(view: StreamView, candidates: readonly Range[]): Range[] {
  const { text, wordFrom } = view;
  const halves: Range[] = [];
  for (const candidate of candidates) {
    const end = candidate.end;
    // A value restarted before it was said twice ("A 0, A 03944187, A 03944187"): the halves are
    // compared without the restart, which goes with the first.
    const start = candidate.start + falseStartLength(text.slice(candidate.start, end));
    // Joiner words and said dashes blanked to spaces, so positions stay those of the view.
    const piece = text
      .slice(start, end)
      .replace(JOINER_WORDS, (words) => ' '.repeat(words.length))
      .replace(SAID_DASH, (words) => ' '.repeat(words.length));
    const compact = piece.replace(/[\s-]/g, '');
    const half = compact.length / 2;
    if (compact.length < MIN_REPEATED_CHARS || compact.slice(0, half) !== compact.slice(half)) continue;
    let seen = 0;
    for (let i = 0; i < piece.length; i += 1) {
      if (piece[i] === ' ' || piece[i] === '-') continue;
      if (seen === half) {
        const gap = /[\s-]*$/.exec(piece.slice(0, i))![0].length;
        // Inside one token only where two different words meet.
        if (gap > 0 || wordFrom[start + i] !== wordFrom[start + i - 1])
          halves.push({ start: candidate.start, end: start + i - gap }, { start: start + i, end });
        break;
      }
      seen += 1;
    }
  }
  return halves;
}

/** The most digits of a count said after an identifier ("7 digits"). */
const MAX_COUNT_DIGITS = 2;

/**
 * A run whose last token counts what was said, not part of it ("7304918 7 digits", a value and the
 * read-back's "that's 7 digits" a mono transcript runs on from it): the run without that count.
 */
function withoutCount(text: string, pieces: readonly Range[]): Range[] {
  const shorter: Range[] = [];
  for (const { start, end } of pieces) {
    const next = /^ (\S+)/.exec(text.slice(end, end + 16));
    if (!next || !DESCRIBED_BY_NEXT.test(next[1]!.toLowerCase())) continue;
    const last = /[ -]+(\d+)$/.exec(text.slice(start, end));
    if (last && last[1]!.length <= MAX_COUNT_DIGITS) shorter.push({ start, end: start + last.index });
  }
  return shorter;
}

/** Ranges over consecutive pieces with only a joiner between each two. */
function joinedPieces(text: string, pieces: readonly Range[]): Range[] {
  const joined: Range[] = [];
  // The next piece a joiner ties to pieces[k]: the one after it, or the one after that when the
  // joiner says a number of its own ("it has 2 letters at the start").
  const tiedAfter = (k: number): number => {
    for (let next = k + 1; next <= k + 2 && next < pieces.length; next += 1) {
      if (JOINER.test(text.slice(pieces[k]!.end, pieces[next]!.start))) return next;
    }
    return -1;
  };
  for (let i = 0; i < pieces.length; i += 1) {
    let last = i;
    for (let next = tiedAfter(last); next !== -1; next = tiedAfter(last)) last = next;
    if (last > i) joined.push({ start: pieces[i]!.start, end: pieces[last]!.end });
    i = last;
  }
  return joined;
}

/** The joiners inside a joined candidate, to leave out of its value. */
const JOINER_WORDS = new RegExp(` (?:(?:and )?then|${ADDED_PART}|${INLINE_BACKCHANNEL})(?= )`, 'gi');

/** A dash said as a word between two tokens. */
const SAID_DASH = / (?:dash|hyphen)(?= )/g;

/** The identifier without spaces, dashes (written or said) or joiners, upper case. */
export const compactId = (matched: string): string =>
  matched
    .replace(NATO_WORD, (word) => word[0]!)
    .replace(JOINER_WORDS, '')
    .replace(SAID_DASH, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();

/**
 * The identifier after a false start ("559 559018226" → "559018226"): drops leading tokens (at
 * least two characters) that begin the longer rest. The text unchanged when there is none.
 */
export function afterFalseStart(matched: string): string {
  return matched.slice(falseStartLength(matched));
}

/** A first token of two to four upper-case letters said twice in a row. */
const DOUBLED_LETTERS = /^([A-Z]{2,4})\1(?![A-Za-z\d])/;

/** How many characters of `matched` a false start takes, separators after it included; 0 for none. */
function falseStartLength(matched: string): number {
  const tokens = Array.from(matched.matchAll(/[^ -]+/g));
  // Spelled letters said twice run into one token ("E R", "E R" → "ERER 4739…"), as a mono
  // transcript writes the other party's echo of them: the first time is the false start.
  const doubled = DOUBLED_LETTERS.exec(matched);
  if (doubled && tokens.length > 1) return doubled[1]!.length;
  // Case apart: spelled letters are upper case, the same said as a word lower case ("XOF xof84…").
  let head = '';
  for (let k = 1; k < tokens.length; k += 1) {
    head += tokens[k - 1]![0].toUpperCase();
    const rest = tokens
      .slice(k)
      .map((token) => token[0].toUpperCase())
      .join('');
    if (rest.length <= head.length) break;
    if (head.length >= 2 && rest.startsWith(head)) return tokens[k]!.index;
  }
  return 0;
}

/** The lead-in naming an identifier's end: "we have your driving licence, the one ending" 7702. */
const NAMED_END = /\bend(?:s|ing)(?: in| with)?$/;

/**
 * A validator: the compact identifier has between min and max characters and at least one digit;
 * or it is the four digits said after "ending in" (its last four give part of it away).
 */
export function idShape(min: number, max: number): (value: string, window: MatchWindow) => boolean {
  return (value, window) =>
    ((value.length >= min && value.length <= max) ||
      (/^\d{4}$/.test(value) && NAMED_END.test(window.leadIn))) &&
    /\d/.test(value);
}

/** How long (ms) after an identifier was asked for a bare one still answers that question. */
export const ID_TOPIC_MS = 60_000;

/**
 * An identifier given without a cue must look like one to count on the topic alone: letters with
 * digits, or a long number (a date of birth or a short code said next is not).
 */
const BARE_ID_SHAPE = /^(?=.*\d)(?:(?=.*[A-Z])[A-Z\d]{8,16}|\d{9,16})$/;

/** Words naming a kind of number or code ("your service call number is", "the callback request number"). */
const NAMED_KINDS = compileCues([
  `(?!(?:${[
    // Words before "number" that name no kind: function words, answer words ("yes, number 1 2 7 …"),
    // the ID itself, and describing words.
    'the|a|an|your|my|his|her|their|our|its|this|that|what|which|any|some',
    'yes|yeah|yep|yup|no|ok|okay|sure|right|so|and|oh|well|um|uh|er',
    'id|identification|identity|document|card|digit|digits',
    'same|other|another|different|whole|full|long|short|old|new|right|wrong|correct|exact|main',
    'real|actual|current|previous|original|first|second|third|last|next|separate|valid|invalid',
  ].join('|')}) )[a-z]+ (number|code|reference|ref)`,
]);

/**
 * A test for an identifier named as another kind of number: by the speaker right before it, after
 * the last of the type's own cues (`cues`: "thanks, your service call number is 207741903" after
 * the member ID was given), or by the question it answers when that names none of the type's cues
 * ("your application number?" after the caller talked about their passport). A read-back or an
 * older question cannot outweigh it. For the recognizers' `invalidate`.
 */
export function namedAsOtherKind(
  cues: readonly string[] = [],
): (value: string, window: MatchWindow) => boolean {
  const own = compileCues(cues);
  return (_value, window) => {
    const kind = window.leadInCue(NAMED_KINDS);
    if (kind !== undefined) {
      const cue = window.leadInCue(own);
      if (cue === undefined || kind.index >= cue.end) return true;
    }
    return window.promptCue(NAMED_KINDS) !== undefined && window.promptCue(own) === undefined;
  };
}

/** The identifier types that take a bare identifier on their topic. */
const BARE_ID_TYPES: readonly BuiltInEntityType[] = ['PASSPORT', 'DRIVERS_LICENSE', 'MEMBER_ID'];

/**
 * Support for a bare identifier said while its type is the topic (asked for within ID_TOPIC_MS, no
 * other type's cue at hand: "your licence number?" … "okay here it is W 440219773"), unless a
 * look-alike was named since ("what's the claim number?") or another of these identifiers was
 * ("… and his passport?": what is read back next is the passport). Takes the compact value; gives
 * `reason`.
 */
export function bareIdOnTopic(
  type: BuiltInEntityType,
  negatives: readonly string[],
  reason: string,
): (window: MatchWindow, value: string) => string | undefined {
  const onTopic = topicOpen(type, ID_TOPIC_MS);
  const own = compileCues(ENTITY_CUES[type] ?? []);
  const lookAlikes = compileCues(negatives);
  const otherIds = compileCues(
    BARE_ID_TYPES.flatMap((other) => (other === type ? [] : (ENTITY_CUES[other] ?? []))),
  );
  return (window, value) => {
    if (!BARE_ID_SHAPE.test(value) || !onTopic(window)) return undefined;
    const asked = window.topicSince(own, ID_TOPIC_MS) ?? 0;
    const lookAlike = window.topicSince(lookAlikes, ID_TOPIC_MS);
    const otherId = window.topicSince(otherIds, ID_TOPIC_MS);
    if (lookAlike !== undefined && lookAlike >= asked) return undefined;
    return otherId !== undefined && otherId > asked ? undefined : reason;
  };
}

const documentDates = compileCues(DOCUMENT_DATE_CUES);

/**
 * A test for a document's expiry or issue date taken for its number: a value of digits alone after
 * a date cue nearer than the document's own cues ("it expires 03 2031"). A value with letters is
 * no date, so "it's expired, the old one's D 400…" still gives the number. For `invalidate`.
 */
export function documentDate(cues: readonly string[] = []): (value: string, window: MatchWindow) => boolean {
  const own = compileCues(cues);
  return (value, window) =>
    /^\d+$/.test(value) && judgeContext(window, own, documentDates).negative !== undefined;
}
