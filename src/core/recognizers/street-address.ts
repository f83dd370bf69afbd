/**
 * STREET_ADDRESS: a house number, street name and suffix ("12 Main Street"), with a unit
 * ("apartment 4B", "flat 2", "third floor") and the town, state and ZIP that follow in the same
 * answer; a street named with "the" ("28 The Paddocks"); also the street-first order of other
 * countries ("Calle de Cuba 18", "Rua do Carmo, number 57", "Wilhelmstrasse 22")
 * and a building's name after a flat ("Flat 12, Alderley House, 40 Wilmslow Road"). Found
 * - in answers to address questions ("what's your billing address", "where do you live"): the
 *   whole answer, structured or not, from a house name or flat before the street to the town and
 *   postcode after it;
 * - after the speaker's own cue ("I live at", "my address is", "we moved to");
 * - anywhere, from its shape alone (number, street words, suffix), with a lower score.
 * Numbers arrive as digits from the normaliser ("twelve main street" → "12 main street").
 */
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { ValueSite } from './dialogue/answers.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { answerLimit, readDialogue } from './dialogue/dialogue.js';
import type { SiteValue } from './dialogue/findings.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import type { Token } from './dialogue/tokens.js';
import { foldedWords, isLetterWord } from './dialogue/tokens.js';
import {
  DIRECTIONALS,
  FLOOR_NAMES,
  MEASURE_WORDS,
  STREET_ENDINGS,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  UNIT_WORDS,
  US_STATE_CODES,
  US_STATE_WORDS,
} from '../lexicon/places.js';
import { TOPIC_CUES } from '../lexicon/topic-cues.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';

const NAME = 'street-address';
const TYPE = 'STREET_ADDRESS';
/** An address by shape alone, and what a following state or ZIP adds. */
const SHAPE_SCORE = 0.7;
const LOCALITY_BONUS = 0.15;
/** A shorter repeat of a street found elsewhere in the call: below a shape, which says more. */
const REPEAT_SCORE = 0.65;
/** An answer to an address question with a digit or street word but no "number street suffix" shape. */
const LOOSE_ANSWER_PENALTY = 0.12;
/** An answer to an address question with neither: the town alone, or talk. */
const BARE_ANSWER_PENALTY = 0.47;
/** An answer with a house number and street name but no suffix ("12 Elm"). */
const NO_SUFFIX_PENALTY = 0.1;
const MAX_STREET_WORDS = 5;
const MAX_LOCALITY_WORDS = 8;
/** How far into an answer the street may start ("it's the Old Mill, 14 ...", "the hotel X, rua ..."). */
const SEARCH_WORDS = 6;
const MAX_LOOSE_WORDS = 10;
/** How far after the street a unit given on its own may start ("..., and it's the unit is B"). */
const LATER_UNIT_WORDS = 8;
/** How far past the street an answer's address may run on (floor, town, postcode). */
const MAX_TAIL_WORDS = 12;
/** A building's name between a flat and the house number: "Flat 12, Alderley House, 40 ...". */
const MAX_BUILDING_WORDS = 3;
/** A unit number said digit by digit ("apartment 1 2 0 3") holds at most this many digits. */
const MAX_UNIT_DIGITS = 4;
/** Words that name a unit on their own, unlike "number", "room" or "house". */
const UNIT_NAMES = new Set([
  'apartment',
  'apt',
  'flat',
  'suite',
  'unit',
  'apartamento',
  'apto',
  'piso',
  'puerta',
  'depto',
  'mieszkanie',
  'lokal',
  'wohnung',
  'appartement',
]);
/** Words between a unit word and its identifier: "the unit is B", "apartment number 4". */
const UNIT_LINKS = new Set(['is', "'s", 'number', 'no']);
/** A US ZIP, with or without its four more digits. */
const US_ZIP = /^\d{5}(?:-\d{4})?$/;
/** A unit's identifier: "4B", "12", "B", "#5", and a tenement flat's position ("2F1": second floor, flat 1). */
const UNIT_ID = /^#?(?:\p{L}?\d{1,5}\p{L}?|\p{L}|\d{1,2}[fF]\d{1,2})$/u;
/** A one-word street name in a language that joins the street word on ("Wilhelmstrasse", "Woustraat"). */
const JOINED_STREET = new RegExp(`^\\p{L}{3,}(?:${STREET_ENDINGS.join('|')})$`, 'u');
const MIN_JOINED_LENGTH = 6;

/** Leading street words that are English words too ("via"). */
const ENGLISH_PREFIXES = new Set(['via']);
/** The content words of the address questions' cues ("old", "home", "mailing", "line"). */
const ADDRESS_CUE_WORDS = new Set(
  TOPIC_CUES.address.flatMap(foldedWords).filter((word) => !STOP_WORDS.has(word) && word !== 'address'),
);

interface Street {
  from: number;
  /** One past the street part (number, name, suffix, unit). */
  streetEnd: number;
  /** One past the town / state / ZIP that follows, or streetEnd. */
  end: number;
  /** A street word: a suffix ("Road"), a leading one ("Calle") or a joined one ("-strasse"). */
  suffix: boolean;
  /** A flat, apartment or floor after the street ("apartment 3 R", "first floor"). */
  unitAfter: boolean;
  /** The street's name is "the" and a name, which needs no suffix ("28 The Paddocks"). */
  named?: boolean;
  /** A state or ZIP code follows. */
  locality: boolean;
}

export const streetAddressRecognizer: Recognizer = {
  name: NAME,
  types: [TYPE],
  recognize(input) {
    const dialogue = readDialogue(input);
    const own = ownFindings(input);
    // The streets found in every stream, for their shorter repeats in this one ("Yes, 904 Sycamore").
    const names = input.views.map((view) => streetNames({ ...input, view }));
    const repeats = shortRepeats(dialogue, names).filter(
      (repeat) => !own.some((found) => repeat.charStart < found.charEnd && found.charStart < repeat.charEnd),
    );
    return keepBest([...own, ...repeats]);
  },
};

const ownCache = new WeakMap<StreamView, Finding[]>();

/** The view's addresses from answers, cues and shape (computed once per view). */
function ownFindings(input: RecognizerInput): Finding[] {
  const cached = ownCache.get(input.view);
  if (cached) return cached;
  const dialogue = readDialogue(input);
  const fromSites = siteFindings(dialogue, 'address', NAME, TYPE, { asked: 0.92, stated: 0.9 }, (site) =>
    siteAddress(dialogue, site),
  );
  const found = keepBest([...fromSites, ...shapedAddresses(dialogue)]);
  ownCache.set(input.view, found);
  return found;
}

/** House number → the words of the street's name said after it ("904" → sycamore, lane). */
type StreetNames = Map<string, ReadonlySet<string>>;
const namesCache = new WeakMap<StreamView, StreetNames>();

/** The streets the view's addresses name, by house number (computed once per view). */
function streetNames(input: RecognizerInput): StreetNames {
  const cached = namesCache.get(input.view);
  if (cached) return cached;
  const { tokens } = readDialogue(input);
  const names: StreetNames = new Map();
  let k = 0;
  for (const finding of ownFindings(input)) {
    while (k < tokens.length && tokens[k]!.start < finding.charStart) k += 1;
    for (let at = k; at + 1 < tokens.length && tokens[at + 1]!.end <= finding.charEnd; at += 1) {
      if (!isHouseNumber(tokens[at]!) || !isStreetWord(tokens[at + 1]!)) continue;
      let end = at + 1;
      while (end < tokens.length && tokens[end]!.end <= finding.charEnd && isStreetWord(tokens[end]!))
        end += 1;
      names.set(tokens[at]!.text, new Set(tokens.slice(at + 1, end).map((token) => token.lower)));
      break;
    }
  }
  namesCache.set(input.view, names);
  return names;
}

/**
 * A street said again more briefly than where it was found, in either party's words: the same
 * house number and the first words of the same name ("904 Sycamore" after "904 Sycamore Lane").
 */
function shortRepeats(dialogue: Dialogue, names: readonly StreetNames[]): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k + 1 < tokens.length; k += 1) {
    const first = tokens[k]!.text.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    const words = names
      .find((known) => known.get(tokens[k]!.text)?.has(tokens[k + 1]!.lower))
      ?.get(tokens[k]!.text);
    if (!words || tokens[k + 1]!.turn !== tokens[k]!.turn) continue;
    let end = k + 1;
    while (end < tokens.length && tokens[end]!.turn === tokens[k]!.turn && words.has(tokens[end]!.lower))
      end += 1;
    findings.push(tokenFinding(dialogue, NAME, TYPE, k, end, REPEAT_SCORE, ['repeat']));
    k = end - 1;
  }
  return findings;
}

/**
 * The address at a site: the structured street when one starts near the site, widened to the
 * whole answer around it (a house name or flat before, a floor, town and postcode after); else the
 * loose answer.
 */
function siteAddress(dialogue: Dialogue, given: ValueSite): SiteValue[] {
  const { tokens } = dialogue;
  const site = throughUnit(dialogue, given);
  const opening = answerOpening(tokens, site);
  const street = siteStreet(tokens, site);
  if (street) {
    const end = tailEnd(tokens, street.end, site.limit);
    return [
      {
        from: leadingAddressStart(tokens, opening, street.from),
        to: laterUnitEnd(tokens, end, site.limit) ?? end,
        adjust: street.suffix ? 0 : -NO_SUFFIX_PENALTY,
        reasons: street.suffix ? ['street'] : ['house-number'],
      },
    ];
  }
  // "The Old Forge, Church Lane": a house name may lead a loose answer.
  const first = tokens[site.start]?.lower === 'the' ? site.start + 1 : site.start;
  let end = first;
  while (end < Math.min(site.limit, site.start + MAX_LOOSE_WORDS) && isAddressWord(tokens[end]!)) end += 1;
  const span = tokens.slice(first, end);
  const suffixed = span.some((token) => STREET_SUFFIXES.has(token.lower));
  // A postcode alone marks no street: "Yes, Phoenix, 85015" confirms the town.
  const marked = suffixed || span.some((token) => /\d/.test(token.text) && !isPostalCode(token));
  // A stated cue without a street word ("I'm at work", "we moved to Denver", "we're at 11000
  // pledges") is no street address.
  if (end === first || (site.source === 'stated' && !suffixed)) return [];
  return [
    {
      from: opening,
      to: end,
      adjust: marked ? -LOOSE_ANSWER_PENALTY : -BARE_ANSWER_PENALTY,
      reasons: ['loose'],
    },
  ];
}

/**
 * The site, its answer run on over a unit said right where it ends: in a file that does not tell
 * the speakers apart, the "number" of "..., number 205" reads as a new question and cuts the answer.
 */
function throughUnit(dialogue: Dialogue, site: ValueSite): ValueSite {
  const { tokens } = dialogue;
  const next = tokens[site.limit];
  if (!next || next.turn !== tokens[site.start]?.turn) return site;
  const unit = unitEnd(tokens, site.limit, dialogue.turnEnd[next.turn]!);
  return unit === undefined ? site : { ...site, limit: unit };
}

/**
 * Where an answer opens: the site, or the start of a house name whose first words the answer's
 * reading took for the question's own ("the Old Forge" read as "the old [address]").
 */
function answerOpening(tokens: readonly Token[], site: ValueSite): number {
  if (site.source !== 'asked') return site.start;
  let at = site.start;
  while (at > site.cueAt && (ADDRESS_CUE_WORDS.has(tokens[at - 1]!.lower) || tokens[at - 1]!.lower === 'the'))
    at -= 1;
  return at;
}

/**
 * The street a site's answer gives within its first words: the first with a street word, else
 * (in an answer to an address question) the first house number and name ("904 Sycamore").
 */
function siteStreet(tokens: readonly Token[], site: ValueSite): Street | undefined {
  let bare: Street | undefined;
  for (let k = site.start; k < Math.min(site.limit, site.start + SEARCH_WORDS); k += 1) {
    const street = parseStreet(tokens, k, site.limit);
    if (street?.suffix) return street;
    // Without a suffix, only an answer to an address question is an address ("I'm at work until 5
    // today"), or a street called "the ..." right after "I live at" ("I'm at work until 5 the latest").
    if (street && (site.source !== 'stated' || (street.named && k === site.start))) bare ??= street;
  }
  return bare;
}

/**
 * Where an answer's address starts: at the site when only names and numbers come before the
 * street ("The Old Forge, 3 ...", "2F1, 61 ...", "Ty Gwyn, 3 ..."), else at the street.
 */
function leadingAddressStart(tokens: readonly Token[], siteStart: number, streetFrom: number): number {
  // Where the street is written with capitals, an ordinary word in lower case is talk ("send it to work, Unit 6 ...").
  const cased = tokens.slice(streetFrom, streetFrom + 3).some((token) => /\p{Lu}/u.test(token.text));
  for (let k = siteStart; k < streetFrom; k += 1) {
    const token = tokens[k]!;
    if (STOP_WORDS.has(token.lower) && !(k === siteStart && token.lower === 'the')) return streetFrom;
    if (cased && COMMON_WORDS.has(token.text)) return streetFrom;
    // A ZIP before the street ends an address said before it ("..., Mesa, Arizona, 85201. 905 ..."):
    // the town there is no house name.
    if (US_ZIP.test(token.text)) return streetFrom;
  }
  return siteStart;
}

/** One past the address words an answer goes on with after the street: floors, units, town, postcode. */
function tailEnd(tokens: readonly Token[], from: number, limit: number): number {
  let k = from;
  while (k < Math.min(limit, from + MAX_TAIL_WORDS)) {
    const next = floorEnd(tokens, k, limit) ?? (isAddressWord(tokens[k]!) ? k + 1 : undefined);
    if (next === undefined) break;
    k = next;
  }
  return k;
}

/** Addresses recognised by shape alone: a house number, street words and a suffix. */
function shapedAddresses(dialogue: Dialogue): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (!mayStartStreet(tokens[k]!)) continue;
    const street = parseStreet(tokens, k, answerLimit(dialogue, tokens[k]!.turn));
    // Without a street word, a flat after it ("2740 North Kedzie, apartment 3 R") or a unit before
    // it and a postcode after ("Unit 4, Kirkstall Forge, LS5 3BF") still make an address; a number
    // and names alone do not.
    const unitBefore = UNIT_NAMES.has(tokens[k]!.lower);
    if (!street || (!street.suffix && !street.unitAfter && !(unitBefore && street.locality))) continue;
    // "booked via Expedia 4 nights": a leading street word that is also English needs a flat or postcode too.
    if (ENGLISH_PREFIXES.has(tokens[k]!.lower) && !street.unitAfter && !street.locality) continue;
    // "the reg is golf kilo 1 9 x ray papa lima": a suffix spelled letter by letter ("PL") ends a plate or a code.
    if (spelledSuffix(dialogue, street)) continue;
    const score =
      SHAPE_SCORE + (street.locality ? LOCALITY_BONUS : 0) - (street.suffix ? 0 : NO_SUFFIX_PENALTY);
    const to = street.locality ? street.end : street.streetEnd;
    findings.push(tokenFinding(dialogue, NAME, TYPE, street.from, to, score, ['shape']));
    k = to - 1;
  }
  return findings;
}

/** True when the street's suffix was spelled letter by letter ("papa lima" → "PL"): nobody spells "Place". */
function spelledSuffix({ tokens, view }: Dialogue, street: Street): boolean {
  return tokens
    .slice(street.from, street.streetEnd)
    .some(
      (token) =>
        STREET_SUFFIXES.has(token.lower) && view.wordFrom[token.start] !== view.wordFrom[token.end - 1],
    );
}

/**
 * A cheap test before parseStreet, which most tokens fail: a street starts with a house number, a
 * unit word, a PO box ("po", "p.o", "post office") or a street word of the street-first order.
 */
function mayStartStreet(token: Token): boolean {
  const first = token.text.charCodeAt(0);
  return (
    (first >= 48 && first <= 57) ||
    token.lower.startsWith('p') ||
    UNIT_WORDS.has(token.lower) ||
    STREET_PREFIXES.has(token.lower) ||
    isJoinedStreet(token)
  );
}

/**
 * The street address starting at token k: [unit [building]] number street-words [suffix]
 * [direction] [units], or street-words number [units] (the street-first order), or a PO box, then
 * the town, state and ZIP. Undefined when k starts none.
 */
function parseStreet(tokens: readonly Token[], k: number, limit: number): Street | undefined {
  const from = k;
  const unit = unitEnd(tokens, k, limit);
  if (unit !== undefined) {
    // "Flat 12, Alderley House, 40 Wilmslow Road": the building's name, then the house number.
    // Otherwise "flat 3, 22 Clifton Vale" said as "flat three twenty two" reads "flat 322": the
    // number after the unit word is then the house number too.
    k = buildingEnd(tokens, unit, limit) ?? (tokens[unit] && isHouseNumber(tokens[unit]) ? unit : unit - 1);
  }
  const box = poBoxEnd(tokens, k, limit);
  if (box !== undefined) return withLocality(tokens, from, box, limit, true, false);
  const foreign = streetFirstEnd(tokens, k, limit);
  if (foreign !== undefined) {
    const units = unitsEnd(tokens, foreign, limit);
    return withLocality(tokens, from, units, limit, true, namesUnit(tokens, foreign, units));
  }
  if (k >= limit || !isHouseNumber(tokens[k]!) || measured(tokens, k, limit)) return undefined;
  k += 1;
  let words = 0;
  let suffix = false;
  while (k < limit && words < MAX_STREET_WORDS) {
    const token = tokens[k]!;
    if ((words > 0 && STREET_SUFFIXES.has(token.lower)) || isJoinedStreet(token)) {
      suffix = true;
      k += 1;
      // "Oak Alley Street", "Mill Run Road": a suffix word that is part of the name before the suffix.
      if (k < limit && STREET_SUFFIXES.has(tokens[k]!.lower)) k += 1;
      break;
    }
    // "12 The Green", "28 The Paddocks": "the" may open the street's name.
    const article = words === 0 && token.lower === 'the' && k + 1 < limit && isNameWord(tokens[k + 1]!);
    // "East 41 Street": an ordinal the normaliser wrote as digits, after a compass word and before the suffix.
    const numbered =
      /^\d{1,3}$/.test(token.text) &&
      DIRECTIONALS.has(tokens[k - 1]?.lower ?? '') &&
      STREET_SUFFIXES.has(tokens[k + 1]?.lower ?? '');
    // A unit ends the street's name: "22 apartment 4" is no street called "apartment".
    if ((!isStreetWord(token) && !article && !numbered) || unitEnd(tokens, k, limit) !== undefined) break;
    // "28 the paddocks yes that's right": a name opened by "the" ends at talk.
    if (words > 0 && tokens[k - words]!.lower === 'the' && COMMON_WORDS.has(token.lower)) break;
    words += 1;
    k += 1;
  }
  if (words === 0 && !suffix) return undefined;
  // "3 Heol y Bryn", "12 rue de Rivoli": a street word that leads the name, which ends at talk.
  if (!suffix && words > 1 && STREET_PREFIXES.has(tokens[k - words]!.lower)) {
    const start = k - words;
    let kept = 1;
    while (kept < words && !COMMON_WORDS.has(tokens[start + kept]!.lower)) kept += 1;
    k = start + kept;
    words = kept;
    suffix = words > 1;
  }
  const named = tokens.slice(k - words, k);
  // Without a suffix the street's words must be names, not talk ("until 5 today").
  if (!suffix && named.some((token) => COMMON_WORDS.has(token.lower))) return undefined;
  if (suffix && k < limit && DIRECTIONALS.has(tokens[k]!.lower)) k += 1;
  const units = unitsEnd(tokens, k, limit);
  const street = withLocality(tokens, from, units, limit, suffix, namesUnit(tokens, k, units));
  return named[0]?.lower === 'the' && words > 1 ? { ...street, named: true } : street;
}

/** True when tokens [from, to) name a flat or a floor ("apartment 3", "first floor"), not a room or number. */
function namesUnit(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).some((token) => UNIT_NAMES.has(token.lower) || token.lower === 'floor');
}

/**
 * The street-first order at k: a leading street word and the name ("rua dos Remedios 44", "Calle
 * de Cuba 18"), or a joined street name ("Wilhelmstrasse 22"), then the house number; one past the
 * house number, or undefined.
 */
function streetFirstEnd(tokens: readonly Token[], k: number, limit: number): number | undefined {
  const token = tokens[k];
  if (!token) return undefined;
  let at = k + 1;
  if (STREET_PREFIXES.has(token.lower)) {
    while (at < Math.min(limit, k + 1 + MAX_STREET_WORDS) && streetFirstNameWord(tokens, at)) at += 1;
    if (at === k + 1) return undefined;
  } else if (!isJoinedStreet(token)) return undefined;
  // "Rua da Prata, number 84", "Hauptstrasse Nr 5": the house number may be announced.
  if (HOUSE_NUMBER_MARKS.has(tokens[at]?.lower ?? '') && at + 1 < limit) at += 1;
  const number = tokens[at];
  if (at >= limit || !number || !isHouseNumber(number) || measured(tokens, at, limit)) return undefined;
  return at + 1;
}

/** Particles inside a street-first name that English lists as function words: "Rua do Carmo", "Via di ...". */
const NAME_PARTICLES = new Set(['do', 'di', 'a', 'la', 'le', 'von', 'van', 'in']);

/** A word of a street-first name at k, a particle included when a name word follows it. */
function streetFirstNameWord(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return isNameWord(tokens[k]!) || (NAME_PARTICLES.has(tokens[k]!.lower) && !!next && isNameWord(next));
}

/** Words announcing a house number in the street-first order: "number 84", "Nr 5", "nº 12". */
const HOUSE_NUMBER_MARKS = new Set(['number', 'no', 'nr', 'num', 'numero', 'número', 'nº']);

/** A word of a street's name in the street-first order: names and their particles ("de", "dos", "y"). */
function isNameWord(token: Token): boolean {
  return isStreetWord(token) && !COMMON_WORDS.has(token.lower);
}

function isJoinedStreet(token: Token): boolean {
  return token.lower.length >= MIN_JOINED_LENGTH && JOINED_STREET.test(token.lower);
}

/**
 * "Flat 12, Alderley House, 40 Wilmslow Road": the index of the house number after a building's
 * name that follows a unit at k, when a street's name follows the number; else undefined.
 */
function buildingEnd(tokens: readonly Token[], k: number, limit: number): number | undefined {
  let at = k;
  while (at < Math.min(limit, k + MAX_BUILDING_WORDS) && isBuildingWord(tokens[at]!)) at += 1;
  const next = tokens[at + 1];
  return at > k && at + 1 < limit && isHouseNumber(tokens[at]!) && next && isStreetWord(next)
    ? at
    : undefined;
}

/**
 * A word of a building's name ("Alderley House", "Old Mill"): not a street's suffix or a spelled
 * letter ("Moseley Road, B 12").
 */
function isBuildingWord(token: Token): boolean {
  return isStreetWord(token) && token.text.length > 1 && !STREET_SUFFIXES.has(token.lower);
}

function withLocality(
  tokens: readonly Token[],
  from: number,
  streetEnd: number,
  limit: number,
  suffix: boolean,
  unitAfter: boolean,
): Street {
  let end = streetEnd;
  let locality = false;
  for (let k = streetEnd; k < Math.min(limit, streetEnd + MAX_LOCALITY_WORDS); k += 1) {
    const token = tokens[k]!;
    if (isPostalCode(token) || isState(token, tokens[k + 1])) locality = true;
    else if (!isPlaceWord(token)) break;
    end = k + 1;
  }
  return { from, streetEnd, end, suffix, unitAfter, locality };
}

/** One past the units and floors that start at k ("apartment 4, third floor"), or k. */
function unitsEnd(tokens: readonly Token[], k: number, limit: number): number {
  for (let units = 0; units < 2; units += 1) {
    const next = unitEnd(tokens, k, limit) ?? floorEnd(tokens, k, limit);
    if (next === undefined) break;
    k = next;
  }
  return k;
}

/**
 * "apartment 4B", "flat 2", "suite 200", "# 5", "apartment 3 R", "apartment 1 203" (said digit by
 * digit): one past the unit, when one starts at k.
 */
function unitEnd(tokens: readonly Token[], k: number, limit: number): number | undefined {
  const word = tokens[k];
  const id = tokens[k + 1];
  if (!word || !id || k + 1 >= limit || !UNIT_WORDS.has(word.lower) || !UNIT_ID.test(id.text))
    return undefined;
  let at = k + 2;
  if (/^\d+$/.test(id.text)) {
    // Digits said one by one continue the number, unless they run on into more (a postcode next).
    let digits = id.text.length;
    let more = at;
    while (more < limit && /^\d{1,3}$/.test(tokens[more]!.text)) digits += tokens[more++]!.text.length;
    if (digits <= MAX_UNIT_DIGITS) at = more;
    // "3 R": a letter said apart from the number (not "a" or "I", which start talk).
    if (at < limit && /^\p{L}$/u.test(tokens[at]!.text) && !STOP_WORDS.has(tokens[at]!.lower)) at += 1;
  }
  return at;
}

/** "first floor", "3 floor" (the normaliser's "third floor"), "3rd floor": one past "floor", when one starts at k. */
function floorEnd(tokens: readonly Token[], k: number, limit: number): number | undefined {
  const word = tokens[k];
  if (!word || k + 1 >= limit || tokens[k + 1]!.lower !== 'floor') return undefined;
  return FLOOR_NAMES.has(word.lower) || /^\d{1,2}(?:st|nd|rd|th)?$/i.test(word.text) ? k + 2 : undefined;
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

/** True when a measure follows the number at k ("4 nights"), not a floor ("84 second floor"). */
function measured(tokens: readonly Token[], k: number, limit: number): boolean {
  return MEASURE_WORDS.has(tokens[k + 1]?.lower ?? '') && floorEnd(tokens, k + 1, limit) === undefined;
}

function isHouseNumber(token: Token): boolean {
  return /^(?:\d{1,6}\p{L}?|\d{1,5}[-/]\d{1,5})$/u.test(token.text);
}

/** A word of a street's name: "Main", "Martin Luther King", "5th", "N". */
function isStreetWord(token: Token): boolean {
  if (/^\d{1,3}(?:st|nd|rd|th)$/i.test(token.text)) return true;
  return isLetterWord(token.text) && !STOP_WORDS.has(token.lower) && !MEASURE_WORDS.has(token.lower);
}

/** A word of a town or county name: not ordinary talk, nor a contraction ("it'll", "we're"). */
function isPlaceWord(token: Token): boolean {
  return (
    isLetterWord(token.text) &&
    !/'(?:ll|re|ve|d|m|t)$/.test(token.lower) &&
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
    US_ZIP.test(token.text) ||
    /^\p{Lu}{1,2}\d[\p{Lu}\d]?(?:\d\p{Lu}{2})?$/u.test(token.text) ||
    /^\d\p{Lu}{2}$/u.test(token.text)
  );
}
