/**
 * Alphanumeric identifiers as normalised speech writes them: spelled letters are upper-case runs
 * and numbers are digit groups, so "D 1234 5678", "AB 1234567" and "XYZ123456" are runs of
 * upper-case and digit tokens. Shared by the licence, member-id and passport recognizers.
 */
import { compileCues } from '../context/cue-matcher.js';
import type { BuiltInEntityType } from '../entities.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { StreamView } from '../normalise/view.js';
import { INLINE_BACKCHANNEL } from './digits.js';
import type { MatchWindow } from './pattern.js';
import { topicOpen } from './topic.js';

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
/** Between tokens: a space, a written dash, or one said ("1EG4 dash TE5"; the normaliser keeps the word). */
const SEPARATOR = '(?:[ -]| (?:dash|hyphen) )';

/**
 * Longest run of tokens taken. The normaliser joins runs of three or more single digits into one
 * group, but pairs stay apart ("AB 402 977 1 3"), and the longest identifier any of these
 * recognizers accepts is 16 characters.
 */
const MAX_TOKENS = 16;

/**
 * Runs of up to MAX_TOKENS tokens (upper-case letters, digits, letters with digits: "AB 1234567",
 * "d1234567", "4te2-ak9-mm73"); and digits after a lone lower-case letter or a NATO word ("s 26280214793",
 * "victor 6328214415"). The look-ahead fails fast on the lower-case text that fills most of a view;
 * it comes after the look-behind, which is cheaper for the engine to try first.
 */
const ALNUM_ID = new RegExp(
  `(?<![\\p{L}\\p{N}$£€/.:'’-])(?=[A-Z\\d]|[a-z]+\\d|[a-z]+ \\d)` +
    `(?:${TOKEN}(?:${SEPARATOR}${TOKEN}){0,${MAX_TOKENS - 1}}|(?:${NATO.join('|')}|[a-z]) \\d+(?:[ -]\\d+){0,${MAX_TOKENS - 2}})` +
    `(?![\\p{L}\\p{N}%]|[/.:-]\\p{N})`,
  'gu',
);
const NATO_WORD = new RegExp(`^(?:${NATO.join('|')})(?= )`);
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
    const runs = Array.from(view.text.matchAll(ALNUM_ID), (match) => ({
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
    found = [
      ...pieces,
      ...joinedPieces(view.text, runs).filter(hasDigit),
      ...repeatedHalves(view.text, pieces),
    ];
    cache.set(view, found);
  }
  return found;
}

/** The shortest piece that may say an identifier of six characters twice, with a space between. */
const MIN_REPEATED_PIECE = 13;

/**
 * The two halves of a piece that says one identifier twice, as a mono transcript runs a value and
 * its read-back together ("553 208 1174 5532081174"): split at the token boundary where the
 * compact halves are equal.
 */
function repeatedHalves(text: string, pieces: readonly Range[]): Range[] {
  const halves: Range[] = [];
  for (const { start, end } of pieces) {
    const space = text.indexOf(' ', start);
    if (end - start < MIN_REPEATED_PIECE || space === -1 || space >= end) continue;
    const piece = text.slice(start, end);
    const compact = piece.replace(/[\s-]/g, '');
    if (
      compact.length % 2 !== 0 ||
      compact.slice(0, compact.length / 2) !== compact.slice(compact.length / 2)
    ) {
      continue;
    }
    let seen = 0;
    for (let i = 0; i < piece.length; i += 1) {
      if (piece[i] === ' ' || piece[i] === '-') {
        if (seen === compact.length / 2) {
          halves.push({ start, end: start + i }, { start: start + i + 1, end });
          break;
        }
      } else seen += 1;
    }
  }
  return halves;
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

/** The identifier without spaces, dashes (written or said) or joiners, upper case. */
export const compactId = (matched: string): string =>
  matched
    .replace(NATO_WORD, (word) => word[0]!)
    .replace(JOINER_WORDS, '')
    .replace(/ (?:dash|hyphen)(?= )|[\s-]/g, '')
    .toUpperCase();

/**
 * The identifier after a false start ("559 559018226" → "559018226"): drops leading tokens (at
 * least two characters) that begin the longer rest. The text unchanged when there is none.
 */
export function afterFalseStart(matched: string): string {
  const tokens = matched.split(/[ -]+/);
  let head = '';
  for (let k = 1; k < tokens.length; k += 1) {
    head += tokens[k - 1]!;
    const rest = tokens.slice(k).join('');
    if (rest.length <= head.length) break;
    if (head.length >= 2 && rest.startsWith(head)) return tokens.slice(k).join(' ');
  }
  return matched;
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
    // Words before "number" that name no kind: function words, the ID itself, and describing words.
    'the|a|an|your|my|his|her|their|our|its|this|that|what|which|any|some',
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

/**
 * Support for a bare identifier said while its type is the topic (asked for within ID_TOPIC_MS, no
 * other type's cue at hand: "your licence number?" … "okay here it is W 440219773"), unless a
 * look-alike was named since ("what's the claim number?"). Takes the compact value; gives `reason`.
 */
export function bareIdOnTopic(
  type: BuiltInEntityType,
  negatives: readonly string[],
  reason: string,
): (window: MatchWindow, value: string) => string | undefined {
  const onTopic = topicOpen(type, ID_TOPIC_MS);
  const own = compileCues(ENTITY_CUES[type] ?? []);
  const lookAlikes = compileCues(negatives);
  return (window, value) => {
    if (!BARE_ID_SHAPE.test(value) || !onTopic(window)) return undefined;
    const lookAlike = window.topicSince(lookAlikes, ID_TOPIC_MS);
    const asked = window.topicSince(own, ID_TOPIC_MS) ?? 0;
    return lookAlike !== undefined && lookAlike >= asked ? undefined : reason;
  };
}
