/**
 * POSTAL_CODE: a US ZIP (5 digits, or ZIP+4; a last zero said "oh" counts) after a zip cue, right
 * after a street address (but not the number of a flat or suite) or right after a state's name, UK
 * postcodes by their shape (`SW1A 1AA`, also spelled out as `SW 1 A 1 AA`, with "to" or "for" for a
 * digit, or in NATO words, which the normaliser writes as `L 179 EZ`), and Irish Eircodes
 * (`D06 H2Y7`) after a postcode cue or a street address.
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { STREET_SUFFIXES } from '../lexicon/places.js';
import type { StreamView } from '../normalise/view.js';
import { closingOh, digitsWithClosingOh, INLINE_BACKCHANNEL } from './digits.js';
import { patternRecognizer } from './pattern.js';
import { regexFor, ViewRegex } from '../normalise/view-regex.js';

const STREET_WORDS = [
  '(street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|terrace|circle|parkway|highway|hwy|trail|square|crescent|close)',
  '(apartment|apt|suite|unit|po box|p o box)',
];
const US_STATES = [
  'alabama',
  'alaska',
  'arizona',
  'arkansas',
  'california',
  'colorado',
  'connecticut',
  'delaware',
  'florida',
  'georgia',
  'hawaii',
  'idaho',
  'illinois',
  'indiana',
  'iowa',
  'kansas',
  'kentucky',
  'louisiana',
  'maine',
  'maryland',
  'massachusetts',
  'michigan',
  'minnesota',
  'mississippi',
  'missouri',
  'montana',
  'nebraska',
  'nevada',
  'new hampshire',
  'new jersey',
  'new mexico',
  'new york',
  'north carolina',
  'north dakota',
  'ohio',
  'oklahoma',
  'oregon',
  'pennsylvania',
  'rhode island',
  'south carolina',
  'south dakota',
  'tennessee',
  'texas',
  'utah',
  'vermont',
  'virginia',
  'washington',
  'west virginia',
  'wisconsin',
  'wyoming',
];

/** A state named right before the digits ("Springfield, Illinois 62704"), not words before ("Illinois CZ 41722", a plate). */
const STATE_BEFORE = new RegExp(`\\b(?:${US_STATES.join('|')})$`);

/** The number right after these words is a flat's or suite's, not a ZIP ("apartment 23 668 Elm Drive"). */
const UNIT_NUMBER_LEAD = /\b(?:apartment|apt|flat|suite|unit|room|floor)$/;

/** A UK postcode: outward code (area letters, district digit, optional letter or digit), inward code (digit, 2 letters). */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
/** A word that may be part of a postcode as speech writes it: "SW1A", "1AA", "SW", "1", "A", "72", "rt". */
const POSTCODE_PIECE =
  /^(?:[A-Za-z]{1,2}\d{0,2}[A-Za-z]?|\d{1,3}[A-Za-z]{0,2}|[A-Za-z]{1,2}\d[A-Za-z\d]?\d[A-Za-z]{2})$/;
const MAX_PIECES = 7;
/** The fewest and most letters and digits a UK postcode has ("W1 1AA", "SW1A 1AA"). */
const MIN_POSTCODE_CHARS = 5;
const MAX_POSTCODE_CHARS = 7;
/** Words speech writes for a digit inside a spelled postcode: "G 41 to PL" is G41 2PL. */
const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['to', '2'],
  ['too', '2'],
  ['for', '4'],
  ['oh', '0'],
]);
const POSTCODE_START = /(?<![\p{L}\p{N}])[A-Za-z]{1,2}(?=\d| \d)/gu;
/** The next word (sticky), after at most one space. */
const WORD = / ?([^\s]+)/y;

interface PostcodeCandidate {
  start: number;
  end: number;
  /** Every letter is upper case: spelled or written as a postcode, not ordinary words. */
  upper: boolean;
}

/**
 * The other party's one-word backchannel that a mono transcript leaves inside a postcode given in
 * two halves ("SL1 2, mm, NU"): skipped once, and left out of the value.
 */
const INLINE_WORD = new RegExp(`^(?:${INLINE_BACKCHANNEL}|mm)$`, 'i');

/** A postcode's letters and digits, with digits said as words ("to") made digits. */
const compact = (matched: string): string =>
  matched
    .split(/\s+/)
    .filter((word, index) => index === 0 || !INLINE_WORD.test(word))
    .map((word, index) => (index > 0 ? DIGIT_WORDS.get(word) : undefined) ?? word)
    .join('')
    .toUpperCase();

const ukCache = new WeakMap<StreamView, PostcodeCandidate[]>();

/**
 * UK postcodes however speech split them ("SW1A 1AA", "SW 1 A 1 AA", "N 72 RT", "l 177 ZT"): runs
 * of short letter / digit words, the longest sub-run at each start whose letters and digits form a
 * postcode. Computed once per view.
 */
function ukPostcodes(view: StreamView): PostcodeCandidate[] {
  const cached = ukCache.get(view);
  if (cached) return cached;
  const { text } = view;
  const found: PostcodeCandidate[] = [];
  let coveredTo = 0;
  // A postcode starts with one or two letters and then, maybe after a space, a digit.
  for (const start of text.matchAll(regexFor(POSTCODE_START, text))) {
    if (start.index < coveredTo) continue;
    const twice = saidTwiceFrom(view, start.index);
    if (twice) {
      found.push(...twice);
      coveredTo = twice[1].end;
      continue;
    }
    let best: PostcodeCandidate | undefined;
    let joined = '';
    let spoken = false;
    let skipped = false;
    WORD.lastIndex = start.index;
    for (let pieces = 0; pieces < MAX_PIECES; pieces += 1) {
      const word = WORD.exec(text);
      if (word && pieces > 0 && !skipped && INLINE_WORD.test(word[1]!)) {
        skipped = true;
        continue;
      }
      const digit = pieces > 0 ? DIGIT_WORDS.get(word?.[1] ?? '') : undefined;
      if (!word || (!digit && !POSTCODE_PIECE.test(word[1]!))) break;
      joined += digit ?? word[1];
      // A digit said as a word is ordinary talk until context says otherwise.
      spoken ||= digit !== undefined;
      if (joined.length > 7) break;
      const end = word.index + word[0].length;
      if (UK_POSTCODE.test(joined.toUpperCase()))
        best = { start: start.index, end, upper: !spoken && !/[a-z]/.test(joined) };
      if (text[end] !== ' ') break;
    }
    if (best) {
      found.push({ ...best, start: Math.max(coveredTo, restartedAt(text, best)) });
      coveredTo = best.end;
    }
  }
  ukCache.set(view, found);
  return found;
}

/** Letters and digits of a word as a postcode counts them ("to" a 2), or undefined for no piece. */
function pieceOf(word: string, first: boolean): string | undefined {
  const digit = first ? undefined : DIGIT_WORDS.get(word);
  if (digit) return digit;
  return /^[A-Za-z\d]+$/.test(word) ? word : undefined;
}

/**
 * A postcode said twice in a row, its last letters run into the first of the second saying ("S 71
 * ERS 71 ER": a value and its read-back a mono transcript writes as one, the spelled letters joined
 * by the normaliser): both sayings, split where the halves meet, between words or inside a run of
 * letters where two spoken words meet. Undefined when the words from start say no postcode twice.
 */
function saidTwiceFrom(view: StreamView, start: number): [PostcodeCandidate, PostcodeCandidate] | undefined {
  const { text, wordFrom } = view;
  const words: { index: number; piece: string; spoken: boolean }[] = [];
  let joined = '';
  WORD.lastIndex = start;
  for (let word = WORD.exec(text); word && joined.length < 2 * MAX_POSTCODE_CHARS; word = WORD.exec(text)) {
    const piece = pieceOf(word[1]!, words.length === 0);
    if (piece === undefined) break;
    words.push({ index: word.index + word[0].length - word[1]!.length, piece, spoken: piece !== word[1] });
    joined += piece;
    const upper = joined.toUpperCase();
    const half = upper.length / 2;
    if (half < MIN_POSTCODE_CHARS || !Number.isInteger(half) || upper.slice(0, half) !== upper.slice(half))
      continue;
    if (!UK_POSTCODE.test(upper.slice(0, half))) continue;
    // Where the second saying starts: the word whose pieces cross the middle.
    let seen = 0;
    for (const [k, { index, piece }] of words.entries()) {
      const at = index + half - seen;
      const splitsHere =
        seen === half || (seen < half && seen + piece.length > half && wordFrom[at] !== wordFrom[at - 1]);
      if (splitsHere) {
        const secondStart = seen === half ? index : at;
        const firstEnd = seen === half ? words[k - 1]!.index + words[k - 1]!.piece.length : at;
        const end = word.index + word[0].length;
        const caseOf = (from: number, to: number): boolean =>
          !words.some((w) => w.spoken && w.index >= from && w.index < to) &&
          !/[a-z]/.test(text.slice(from, to));
        return [
          { start, end: firstEnd, upper: caseOf(start, firstEnd) },
          { start: secondStart, end, upper: caseOf(secondStart, end) },
        ];
      }
      seen += piece.length;
      if (seen > half) break;
    }
    return undefined;
  }
  return undefined;
}

/** The most words of a postcode's start said and broken off before it is said whole. */
const MAX_RESTART_WORDS = 2;

/**
 * Where a postcode starts when its first words were said and broken off right before it ("HG2 0…
 * HG2 0RP"): the restart goes with it; else its own start.
 */
function restartedAt(text: string, candidate: PostcodeCandidate): number {
  const whole = compact(text.slice(candidate.start, candidate.end));
  let start = candidate.start;
  let said = '';
  let space = candidate.start - 1;
  for (let words = 0; words < MAX_RESTART_WORDS && text[space] === ' '; words += 1) {
    const from = Math.max(text.lastIndexOf(' ', space - 1), text.lastIndexOf('\n', space - 1)) + 1;
    said = text.slice(from, space).toUpperCase() + said;
    if (/^[A-Z]/.test(said) && said.length >= 2 && said.length < whole.length && whole.startsWith(said))
      start = from;
    space = from - 1;
  }
  return start;
}

/** A UK postcode's value: without the restart before it, if any. */
function ukPostcodeValue(matched: string): string {
  const words = matched.split(' ');
  for (let drop = 0; drop <= MAX_RESTART_WORDS && drop < words.length; drop += 1) {
    const value = compact(words.slice(drop).join(' '));
    if (UK_POSTCODE.test(value)) return value;
  }
  return compact(matched);
}

export const usZipRecognizer = patternRecognizer({
  name: 'us-zip',
  type: 'POSTAL_CODE',
  patterns: [
    { name: 'zip', digits: [5, 5], score: 0.5 },
    { name: 'zip+4', digits: [9, 9], score: 0.5 },
    // "4412 oh", "441 oh oh": a ZIP's last zeros left words.
    { name: 'zip-oh', regex: closingOh(1, 4, 3), score: 0.5 },
  ],
  cues: [...(ENTITY_CUES.POSTAL_CODE ?? []), ...STREET_WORDS],
  requireContext: true,
  support: (window) => (STATE_BEFORE.test(window.leadIn) ? 'after-state' : undefined),
  value: digitsWithClosingOh,
  validate: (value, _window, matched) => value.length === 5 || /^\d{5}[ -]\d{4}$/.test(matched),
  invalidate: (_value, window) => UNIT_NUMBER_LEAD.test(window.leadIn.trimEnd()),
});

/** Street words said right before a postcode ("9 Tennyson Walk, M14 6RD"): the address it belongs to. */
const STREET_CUES = [`(${[...STREET_SUFFIXES].join('|')})`];

/** A word (lower case: no letters spelled), an hour and "am" or "pm", maybe dotted or spaced. */
const CLOCK_TIME = /^[a-z]+ (?:0?[1-9]|1[0-2]) ?[AaPp]\.? ?[Mm]\.?$/;

export const ukPostcodeRecognizer = patternRecognizer({
  name: 'uk-postcode',
  type: 'POSTAL_CODE',
  patterns: [
    { name: 'uk', find: (view) => ukPostcodes(view).filter((candidate) => candidate.upper), score: 0.7 },
    {
      name: 'uk-any-case',
      find: (view) => ukPostcodes(view).filter((candidate) => !candidate.upper),
      score: 0.5,
      requireContext: true,
    },
  ],
  cues: [...(ENTITY_CUES.POSTAL_CODE ?? []), ...STREET_CUES],
  cueBoost: 0.2,
  value: ukPostcodeValue,
  validate: (value) => UK_POSTCODE.test(value),
  // Digits on both sides: a piece of a longer identifier ("1 Z 176 EF 8809…", a parcel's tracking number).
  // A word in lower case, an hour and "am" or "pm": a time ("at 10 PM" has a postcode's shape).
  invalidate: (_value, window, matched) =>
    (/\d$/.test(window.leadIn.trimEnd()) && /^\d/.test(window.trail.trimStart())) || CLOCK_TIME.test(matched),
});

/**
 * An Irish Eircode: a routing key (a letter and two digits, or D6W) and four letters or digits, from
 * an alphabet without the letters easily misread; spaces may fall anywhere as speech splits it.
 */
const EIRCODE_CHAR = '[0-9AC-FHKNPRTV-Y]';
const EIRCODE = new ViewRegex(
  `(?<![\\p{L}\\p{N}])(?:[AC-FHKNPRTV-Y] ?\\d ?\\d|D ?6 ?W) ?(?:${EIRCODE_CHAR} ?){3}${EIRCODE_CHAR}(?![\\p{L}\\p{N}])`,
  'gu',
);

export const eircodeRecognizer = patternRecognizer({
  name: 'eircode',
  type: 'POSTAL_CODE',
  patterns: [{ name: 'eircode', regex: EIRCODE, score: 0.6 }],
  // Said at the end of an address ("6 Harbour Quay, Cork, T12 …") as a UK postcode is.
  cues: [...(ENTITY_CUES.POSTAL_CODE ?? []), ...STREET_CUES],
  requireContext: true,
  value: compact,
});
