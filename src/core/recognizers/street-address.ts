/**
 * STREET_ADDRESS: a house number, street name and suffix ("12 Main Street"), with a unit
 * ("apartment 4B", "flat 2") and the town, state and ZIP that follow in the same answer. Found
 * - in answers to address questions ("what's your billing address", "where do you live"): the
 *   whole answer, structured or not;
 * - after the speaker's own cue ("I live at", "my address is", "we moved to");
 * - anywhere, from its shape alone (number, street words, suffix), with a lower score.
 * Numbers arrive as digits from the normaliser ("twelve main street" → "12 main street").
 */
import type { Finding } from '../detection.js';
import type { Recognizer } from './recognizer.js';
import type { ValueSite } from './dialogue/answers.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { answerLimit, readDialogue } from './dialogue/dialogue.js';
import type { SiteValue } from './dialogue/findings.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import type { Token } from './dialogue/tokens.js';
import {
  DIRECTIONALS,
  MEASURE_WORDS,
  STREET_SUFFIXES,
  UNIT_WORDS,
  US_STATE_CODES,
  US_STATE_WORDS,
} from '../lexicon/places.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';

const NAME = 'street-address';
const TYPE = 'STREET_ADDRESS';
/** An address by shape alone, and what a following state or ZIP adds. */
const SHAPE_SCORE = 0.7;
const LOCALITY_BONUS = 0.15;
/** An answer to an address question with a digit or street word but no "number street suffix" shape. */
const LOOSE_ANSWER_PENALTY = 0.12;
/** An answer to an address question with neither: the town alone, or talk. */
const BARE_ANSWER_PENALTY = 0.47;
/** An answer with a house number and street name but no suffix ("12 Elm"). */
const NO_SUFFIX_PENALTY = 0.1;
const MAX_STREET_WORDS = 5;
const MAX_LOCALITY_WORDS = 8;
/** How far into an answer the house number may come ("it's, um, flat 2, 14 ..."). */
const SEARCH_WORDS = 4;
const MAX_LOOSE_WORDS = 10;
/** How far after the street a unit given on its own may start ("..., and it's the unit is B"). */
const LATER_UNIT_WORDS = 8;
/** Words that name a unit on their own, unlike "number" or "floor". */
const UNIT_NAMES = new Set(['apartment', 'apt', 'flat', 'suite', 'unit']);
/** Words between a unit word and its identifier: "the unit is B", "apartment number 4". */
const UNIT_LINKS = new Set(['is', "'s", 'number', 'no']);
/** A unit's identifier: "4B", "12", "B", "#5". */
const UNIT_ID = /^#?(?:\p{L}?\d{1,5}\p{L}?|\p{L})$/u;

interface Street {
  from: number;
  /** One past the street part (number, name, suffix, unit). */
  streetEnd: number;
  /** One past the town / state / ZIP that follows, or streetEnd. */
  end: number;
  suffix: boolean;
  /** A state or ZIP code follows. */
  locality: boolean;
}

export const streetAddressRecognizer: Recognizer = {
  name: NAME,
  types: [TYPE],
  recognize(input) {
    const dialogue = readDialogue(input);
    const fromSites = siteFindings(dialogue, 'address', NAME, TYPE, { asked: 0.92, stated: 0.9 }, (site) =>
      siteAddress(dialogue, site),
    );
    return keepBest([...fromSites, ...shapedAddresses(dialogue)]);
  },
};

/** The address at a site: the structured street when one starts near the site, else the loose answer. */
function siteAddress(dialogue: Dialogue, site: ValueSite): SiteValue[] {
  const { tokens } = dialogue;
  for (let k = site.start; k < Math.min(site.limit, site.start + SEARCH_WORDS); k += 1) {
    const street = parseStreet(tokens, k, site.limit);
    // Without a suffix, only an answer to an address question is an address ("I'm at work until 5 today").
    if (!street || (!street.suffix && site.source === 'stated')) continue;
    return [
      {
        from: street.from,
        to: laterUnitEnd(tokens, street.end, site.limit) ?? street.end,
        adjust: street.suffix ? 0 : -NO_SUFFIX_PENALTY,
        reasons: street.suffix ? ['street'] : ['house-number'],
      },
    ];
  }
  let end = site.start;
  while (end < Math.min(site.limit, site.start + MAX_LOOSE_WORDS) && isAddressWord(tokens[end]!)) end += 1;
  const span = tokens.slice(site.start, end);
  const marked = span.some((token) => /\d/.test(token.text) || STREET_SUFFIXES.has(token.lower));
  // A stated cue without an address shape ("I'm at work", "we moved to Denver") is no street address.
  if (end === site.start || (site.source === 'stated' && !marked)) return [];
  return [
    {
      from: site.start,
      to: end,
      adjust: marked ? -LOOSE_ANSWER_PENALTY : -BARE_ANSWER_PENALTY,
      reasons: ['loose'],
    },
  ];
}

/** Addresses recognised by shape alone: a house number, street words and a suffix. */
function shapedAddresses(dialogue: Dialogue): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (!mayStartStreet(tokens[k]!)) continue;
    const street = parseStreet(tokens, k, answerLimit(dialogue, tokens[k]!.turn));
    if (!street?.suffix) continue;
    const score = SHAPE_SCORE + (street.locality ? LOCALITY_BONUS : 0);
    const to = street.locality ? street.end : street.streetEnd;
    findings.push(tokenFinding(dialogue, NAME, TYPE, street.from, to, score, ['shape']));
    k = to - 1;
  }
  return findings;
}

/**
 * A cheap test before parseStreet, which most tokens fail: a street starts with a house number, a
 * unit word or a PO box ("po", "p.o", "post office").
 */
function mayStartStreet(token: Token): boolean {
  const first = token.text.charCodeAt(0);
  return (first >= 48 && first <= 57) || token.lower.startsWith('p') || UNIT_WORDS.has(token.lower);
}

/**
 * The street address starting at token k: [unit] number street-words [suffix] [direction] [unit],
 * or a PO box, then the town, state and ZIP. Undefined when k starts none.
 */
function parseStreet(tokens: readonly Token[], k: number, limit: number): Street | undefined {
  const from = k;
  const unit = unitEnd(tokens, k, limit);
  // "flat 3, 22 Clifton Vale" said as "flat three twenty two" reads "flat 322": the number after
  // the unit word is then the house number too.
  if (unit !== undefined) k = tokens[unit] && isHouseNumber(tokens[unit]) ? unit : unit - 1;
  const box = poBoxEnd(tokens, k, limit);
  if (box !== undefined) return withLocality(tokens, from, box, limit, true);
  if (k >= limit || !isHouseNumber(tokens[k]!) || MEASURE_WORDS.has(tokens[k + 1]?.lower ?? ''))
    return undefined;
  k += 1;
  let words = 0;
  let suffix = false;
  while (k < limit && words < MAX_STREET_WORDS) {
    const token = tokens[k]!;
    if (words > 0 && STREET_SUFFIXES.has(token.lower)) {
      suffix = true;
      k += 1;
      // "Oak Alley Street", "Mill Run Road": a suffix word that is part of the name before the suffix.
      if (k < limit && STREET_SUFFIXES.has(tokens[k]!.lower)) k += 1;
      break;
    }
    // "12 The Green": "the" may stand for the street's name before a suffix.
    const article = words === 0 && token.lower === 'the' && STREET_SUFFIXES.has(tokens[k + 1]?.lower ?? '');
    // "East 41 Street": an ordinal the normaliser wrote as digits, after a compass word and before the suffix.
    const numbered =
      /^\d{1,3}$/.test(token.text) &&
      DIRECTIONALS.has(tokens[k - 1]?.lower ?? '') &&
      STREET_SUFFIXES.has(tokens[k + 1]?.lower ?? '');
    if (!isStreetWord(token) && !article && !numbered) break;
    words += 1;
    k += 1;
  }
  if (words === 0) return undefined;
  // Without a suffix the street's words must be names, not talk ("until 5 today").
  if (!suffix && tokens.slice(k - words, k).some((token) => COMMON_WORDS.has(token.lower))) return undefined;
  if (suffix && k < limit && DIRECTIONALS.has(tokens[k]!.lower)) k += 1;
  k = unitEnd(tokens, k, limit) ?? k;
  return withLocality(tokens, from, k, limit, suffix);
}

function withLocality(
  tokens: readonly Token[],
  from: number,
  streetEnd: number,
  limit: number,
  suffix: boolean,
): Street {
  let end = streetEnd;
  let locality = false;
  for (let k = streetEnd; k < Math.min(limit, streetEnd + MAX_LOCALITY_WORDS); k += 1) {
    const token = tokens[k]!;
    if (isPostalCode(token) || isState(token, tokens[k + 1])) locality = true;
    else if (!isPlaceWord(token)) break;
    end = k + 1;
  }
  return { from, streetEnd, end, suffix, locality };
}

/** "apartment 4B", "flat 2", "suite 200", "# 5": one past the unit, when one starts at k. */
function unitEnd(tokens: readonly Token[], k: number, limit: number): number | undefined {
  const word = tokens[k];
  const id = tokens[k + 1];
  if (!word || !id || k + 1 >= limit || !UNIT_WORDS.has(word.lower)) return undefined;
  return UNIT_ID.test(id.text) ? k + 2 : undefined;
}

/**
 * "... Drive, and it's, um, the unit is B": one past a unit the answer gives a few words after the
 * street, when it does.
 */
function laterUnitEnd(tokens: readonly Token[], from: number, limit: number): number | undefined {
  for (let k = from; k < Math.min(limit, from + LATER_UNIT_WORDS); k += 1) {
    if (!UNIT_NAMES.has(tokens[k]!.lower)) continue;
    let at = k + 1;
    while (at < limit && UNIT_LINKS.has(tokens[at]!.lower)) at += 1;
    return at < limit && UNIT_ID.test(tokens[at]!.text) ? at + 1 : undefined;
  }
  return undefined;
}

/** "PO Box 123", "post office box 123": one past the box number, when one starts at k. */
function poBoxEnd(tokens: readonly Token[], k: number, limit: number): number | undefined {
  const word = tokens[k]?.lower;
  let at: number;
  if (word === 'po' || word === 'p.o') at = k + 1;
  else if (word === 'post' && tokens[k + 1]?.lower === 'office') at = k + 2;
  else return undefined;
  const box = tokens[at];
  const number = tokens[at + 1];
  return at + 1 < limit && box?.lower === 'box' && number && /^\d{1,6}$/.test(number.text)
    ? at + 2
    : undefined;
}

function isHouseNumber(token: Token): boolean {
  return /^(?:\d{1,6}\p{L}?|\d{1,5}[-/]\d{1,5})$/u.test(token.text);
}

/** A word of a street's name: "Main", "Martin Luther King", "5th", "N". */
function isStreetWord(token: Token): boolean {
  if (/^\d{1,3}(?:st|nd|rd|th)$/i.test(token.text)) return true;
  return (
    /^\p{L}[\p{L}'.-]*$/u.test(token.text) && !STOP_WORDS.has(token.lower) && !MEASURE_WORDS.has(token.lower)
  );
}

/** A word of a town or county name: not ordinary talk. */
function isPlaceWord(token: Token): boolean {
  return (
    /^\p{L}[\p{L}'.-]*$/u.test(token.text) &&
    !STOP_WORDS.has(token.lower) &&
    (!COMMON_WORDS.has(token.lower) || US_STATE_WORDS.has(token.lower))
  );
}

/** Any word an address answer may hold: place words, numbers, units, suffixes. */
function isAddressWord(token: Token): boolean {
  return (
    isPlaceWord(token) ||
    /^[\p{L}\d#'/.-]*\d[\p{L}\d#'/.-]*$/u.test(token.text) ||
    STREET_SUFFIXES.has(token.lower) ||
    UNIT_WORDS.has(token.lower)
  );
}

/** A state written out, or a postal code in capitals or before a ZIP ("OR 97201", not "or"). */
function isState(token: Token, next: Token | undefined): boolean {
  if (US_STATE_WORDS.has(token.lower)) return true;
  return (
    US_STATE_CODES.has(token.lower) && (/^\p{Lu}{2}$/u.test(token.text) || (!!next && isPostalCode(next)))
  );
}

/** A US ZIP (12345, 12345-6789) or a UK postcode or half of one (SW1A 1AA). */
function isPostalCode(token: Token): boolean {
  return (
    /^\d{5}(?:-\d{4})?$/.test(token.text) ||
    /^\p{Lu}{1,2}\d[\p{Lu}\d]?(?:\d\p{Lu}{2})?$/u.test(token.text) ||
    /^\d\p{Lu}{2}$/u.test(token.text)
  );
}
