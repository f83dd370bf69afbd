/**
 * Spoken email addresses and host names → written form, in lower case:
 * "john dot smith at gmail dot com" → "john.smith@gmail.com",
 * "j o h n 7 7 at yahoo dot co dot uk" → "john77@yahoo.co.uk",
 * "www dot example dot com slash help" → "www.example.com/help".
 * "at" and "dot" become symbols only when the whole forms an address: the part after "at" (or the
 * host) is labels joined by "dot" ending in a top-level-domain-like label, so "I'm at home" and
 * "dot the i" stay words.
 * A spelling of part of an email address said right after it ("… at harlan logistics dot com,
 * Harlan is H A R L A N", "tam underscore rj at …, that's R for Robert, J for John", "… nineteen
 * at …, one nine") belongs to the address: its words map to the address's last characters, so the
 * address covers them, and the spelling leaves the view.
 */
import type { Atom, AtomRead } from './atoms.js';
import { isPlainDigits, makeAtom } from './atoms.js';
import {
  ADDRESS_STOPWORDS,
  AT_SIGN_TAILS,
  BACKCHANNEL_PHRASES,
  isFiller,
  SYMBOL_WORDS,
  TOP_LEVEL_DOMAINS,
} from './lexicon.js';
import type { Span } from './spans.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';

/** Upper bound on the parts of one address, so a long run of "dot"s is read in linear time. */
const MAX_PARTS = 16;

/** Second-level labels under a country code ("co" of "co.uk"), and the codes said after them without a dot. */
const SECOND_LEVEL: ReadonlySet<string> = new Set(['co', 'com', 'org', 'net', 'ac', 'gov']);
const COUNTRY_CODES: ReadonlySet<string> = new Set(['uk', 'au', 'nz', 'za', 'ie']);
/** Words said for the dot ("neve point hart at gmail period com"). */
const DOT_WORDS: ReadonlySet<string> = new Set(['dot', 'point', 'period']);
const LOCAL_SEPARATORS = new Set([...DOT_WORDS, 'underscore', 'dash', 'hyphen']);
const LABEL_JOINERS = new Set(['dash', 'hyphen', 'underscore']);
/**
 * A name with an elided first letter ("o'brien", "d'souza"), not a contraction ("i'm", "i'll"):
 * written into the address without the apostrophe.
 */
const ADDRESS_WORD = /^[a-z0-9][a-z0-9._-]*$|^[a-z]['’][a-z]{3,}$/;

/** Words that may come between an address and its spelling ("Harlan is", "no apostrophe, just"). */
const MAX_CONFIRMATION_GAP = 4;
/** The shortest spelling that confirms a part of an address ("RJ", "19"). */
const MIN_CONFIRMATION = 2;
/** The shortest word that confirms the local part by saying it again ("rozwhitfield"). */
const MIN_LOCAL_WORD = 4;
/** An email address the recogniser wrote as one word. */
const WRITTEN_EMAIL = /^[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+$/u;

/**
 * Reads a spoken email address or host name starting at atoms[start], or null; an email address,
 * spoken or written, with the spelling of a part of it said right after it.
 */
export function readAddress(atoms: readonly Atom[], start: number): AtomRead | null {
  const spoken = canStartAddress(atoms, start)
    ? (readEmail(atoms, start) ?? readHost(atoms, start))
    : readWordsEmail(atoms, start);
  if (spoken) return spoken.atom.lower.includes('@') ? withSpelling(atoms, spoken) : spoken;
  const first = atoms[start]!;
  if (first.kind !== 'word' || !WRITTEN_EMAIL.test(first.lower)) return null;
  // A written address stays the word it is, unless a spelling follows it.
  const written = withSpelling(atoms, { atom: makeAtom('address', first.spans), next: start + 1 });
  return written.next > start + 1 ? written : null;
}

/**
 * False when no address can start among the turn's atoms: a spoken one needs "at" or a dot said
 * ("dot", "point", "period", "full stop", "dotcom"), a written one an "@" or a dot in a word.
 */
export function mayHoldAddress(atoms: readonly Atom[]): boolean {
  for (const atom of atoms) {
    const { lower } = atom;
    if (lower.includes('.') || lower.includes('@')) return true;
    if (
      atom.kind === 'word' &&
      (lower === 'at' || lower === 'full' || lower.startsWith('dot') || DOT_WORDS.has(lower))
    )
      return true;
  }
  return false;
}

/**
 * The address read, stretched over a spelling of a part of it said after it: letter runs or digit
 * groups found in the address, with at most a few words before each ("Harlan is H A R L A N").
 */
function withSpelling(atoms: readonly Atom[], read: AtomRead): AtomRead {
  const key = read.atom.lower.replace(/[^\p{L}\d]/gu, '');
  const local = read.atom.lower.slice(0, read.atom.lower.indexOf('@'));
  // "… rozwhitfield at gmail dot com, R O Z, rozwhitfield": the local part, or a piece of it, said again as a word.
  const localWords = new Set([local.replace(/[._-]/g, ''), ...local.split(/[._-]/)]);
  let last = -1;
  let gap = 0;
  for (let i = read.next; i < atoms.length; i += 1) {
    const atom = atoms[i]!;
    const spelling = atom.kind === 'letters' || isPlainDigits(atom);
    // "… H Bell 1949 at comcast.net": a spoken symbol after it starts the address said again.
    if (atom.kind === 'word' && SYMBOL_WORDS.has(atom.lower)) break;
    const saysLocal =
      atom.kind === 'word' && atom.lower.length >= MIN_LOCAL_WORD && localWords.has(atom.lower);
    // One spelled letter confirms only said right after the address or a spelling ("…, f as in frank").
    const long = atom.lower.length >= MIN_CONFIRMATION || (gap === 0 && atom.kind === 'letters');
    if (saysLocal || (spelling && long && key.includes(atom.lower))) {
      last = i;
      gap = 0;
    } else if (atom.kind === 'word' && gap < MAX_CONFIRMATION_GAP) gap += 1;
    else break;
  }
  const after = atoms[last + 1];
  if (last === -1 || (after?.kind === 'word' && SYMBOL_WORDS.has(after.lower))) return read;
  const spans = [...read.atom.spans];
  const end = spans.pop()!;
  spans.push({ ...end, to: atoms[last]!.spans.at(-1)!.to });
  return { atom: makeAtom('address', spans), next: last + 1 };
}

/**
 * A cheap test before reading: an address starts with a segment that is not a stopword, and a
 * spoken separator follows that segment.
 */
function canStartAddress(atoms: readonly Atom[], start: number): boolean {
  const first = atoms[start]!;
  if (first.kind === 'word' && ADDRESS_STOPWORDS.has(first.lower)) return false;
  const end = segmentEnd(atoms, start);
  return end !== -1 && (saysSymbol(atoms, end) || afterAside(atoms, end, saysSymbol) !== -1);
}

/** atoms[k] says a symbol ("at", "underscore", "dot", "full stop"…). */
function saysSymbol(atoms: readonly Atom[], k: number): boolean {
  return atoms[k]?.kind === 'word' && (SYMBOL_WORDS.has(atoms[k]!.lower) || dotWidth(atoms, k) > 0);
}

/**
 * local-part "at" domain, where the local part is segments joined by dot, underscore or dash. The
 * domain's first label may be words said apart ("at bayside ortho dot com" → "@baysideortho.com").
 */
function readEmail(atoms: readonly Atom[], start: number): AtomRead | null {
  const spans: Span[] = [];
  let i = readJoined(atoms, start, LOCAL_SEPARATORS, spans);
  if (i === -1) return null;
  // "h dot osei bonsu at …": a name said as two words, a dot the recogniser dropped, ends the local part.
  const at = namesBeforeAt(atoms, i);
  for (; i < at; i += 1) spans.push(...atoms[i]!.spans);
  return readAtDomain(atoms, i, spans);
}

/**
 * The index of the "at" after whole words following a joined local part's last segment (at most
 * MAX_LOCAL_WORDS - 1 of them, none ordinary talk), else `from` itself.
 */
function namesBeforeAt(atoms: readonly Atom[], from: number): number {
  let i = from;
  while (
    i - from < MAX_LOCAL_WORDS - 1 &&
    atoms[i] !== undefined &&
    atAfterAside(atoms, i) === -1 &&
    isPlainLocalWord(atoms[i]!) &&
    isWholeWord(atoms[i]!) &&
    !isOrdinaryWord(atoms[i]!.lower)
  ) {
    i += 1;
  }
  return i > from && (isSymbol(atoms[i], 'at') || atAfterAside(atoms, i) !== -1) ? i : from;
}

/**
 * Asides between the local part and "at": the speaker saying how the local part is written ("dana
 * reeves, all one word, at …"; "one" may have become a digit), or, in a mono transcript, the other
 * party acknowledging it ("dana dot reeves mm hmm at …"). They belong to the address.
 */
const LOCAL_ASIDES: readonly (readonly string[])[] = [
  ['all', 'one', 'word'],
  ['one', 'word'],
  ['no', 'spaces'],
  ['no', 'space'],
  ['no', 'dots'],
  ['all', 'lowercase'],
  ['all', 'lower', 'case'],
  ['lowercase'],
  ['lower', 'case'],
  ...BACKCHANNEL_PHRASES.filter((phrase) => !/\d|\b(?:and|then|next|last|rest|four)\b/.test(phrase)).map(
    (phrase) => phrase.split(' '),
  ),
];

/** The asides by their first word: an address is read at every atom, so only those can be tried. */
const ASIDES_BY_FIRST_WORD: ReadonlyMap<string, readonly (readonly string[])[]> = LOCAL_ASIDES.reduce(
  (byWord, aside) => byWord.set(aside[0]!, [...(byWord.get(aside[0]!) ?? []), aside]),
  new Map<string, (readonly string[])[]>(),
);

/** The index of the "at" right after an aside starting at atoms[i], or -1. */
function atAfterAside(atoms: readonly Atom[], i: number): number {
  return afterAside(atoms, i, saysAt);
}

function saysAt(atoms: readonly Atom[], k: number): boolean {
  return isSymbol(atoms[k], 'at');
}

/**
 * The index after an aside starting at atoms[i] that `fits` the index after it, or -1. (It runs at
 * every atom of every turn: module-level functions and plain loops, no closures.)
 */
function afterAside(
  atoms: readonly Atom[],
  i: number,
  fits: (atoms: readonly Atom[], end: number) => boolean,
): number {
  const first = asideWord(atoms, i);
  const asides = first === undefined ? undefined : ASIDES_BY_FIRST_WORD.get(first);
  if (asides === undefined) return -1;
  for (const aside of asides) {
    let k = 1;
    while (k < aside.length && asideWord(atoms, i + k) === aside[k]) k += 1;
    if (k === aside.length && fits(atoms, i + k)) return i + k;
  }
  return -1;
}

/** The word at atoms[k] as asides are written ("one" may have become a digit). */
function asideWord(atoms: readonly Atom[], k: number): string | undefined {
  const atom = atoms[k];
  return atom === undefined ? undefined : atom.lower === '1' ? 'one' : atom.lower;
}

/** The most atoms a local part said as separate words may hold ("pete holloway 8 4"). */
const MAX_LOCAL_ATOMS = 6;
/** The most whole words in it ("bea okonkwo hale"). */
const MAX_LOCAL_WORDS = 3;

/**
 * A local part said as separate words before "at" ("sam okafor at protonmail dot com", "maggie
 * hughes at example dot org"), joined: the speaker said a dot the recogniser dropped, or a name as
 * one address. Two or three words that are not ordinary talk, maybe with initials before, between
 * or after them and digits or a spelled run closing them ("maria j santos", "pete holloway 84", "o
 * adeyemi drives", "bea okonkwo hale"). The domain's first label may be words said apart ("at sea
 * view post dot net").
 */
function readWordsEmail(atoms: readonly Atom[], start: number): AtomRead | null {
  if (!isPlainLocalWord(atoms[start]!)) return null;
  let at = -1;
  let words = 0;
  let plain = true;
  for (let i = start; i < atoms.length && i - start <= MAX_LOCAL_ATOMS; i += 1) {
    const atom = atoms[i]!;
    if (isSymbol(atom, 'at') || atAfterAside(atoms, i) !== -1) {
      at = i;
      break;
    }
    if (isWholeWord(atom)) {
      // Once digits or letters closed the local part, a word starts talk, not the address.
      if (!plain || !isPlainLocalWord(atom) || (words += 1) > MAX_LOCAL_WORDS) return null;
    } else if (atom.kind === 'word' && atom.lower.length === 1) {
      // An initial opening the words ("j okafor drives"), between them ("maria j santos") or
      // closing them ("nadia f at gmail …").
      plain = plain && !isSymbol(atoms[i + 1], 'at');
    } else if (atom.kind === 'letters' || isPlainDigits(atom)) {
      plain = false;
    } else return null;
  }
  if (at === -1 || at - start < 2 || words < 1) return null;
  const local = atoms.slice(start, at);
  // Every word must be one a name or handle is made of: "it's now sam at …" is not "nowsam".
  if ((plain && words < 2) || local.some((atom) => isWholeWord(atom) && isOrdinaryWord(atom.lower))) {
    return null;
  }
  return readAtDomain(
    atoms,
    at,
    local.flatMap((atom) => atom.spans),
  );
}

/** A word of ordinary talk, which does not begin or fill a spoken address ("now", "still"). */
function isOrdinaryWord(lower: string): boolean {
  return STOP_WORDS.has(lower) || COMMON_WORDS.has(lower);
}

function isPlainLocalWord(atom: Atom): boolean {
  return atom.kind === 'word' && !ADDRESS_STOPWORDS.has(atom.lower) && isSegmentAtom(atom);
}

/**
 * "at" (or "at sign") and a domain at atoms[i], appended to the local part's spans; an aside
 * before "at" is said with the "@".
 */
function readAtDomain(atoms: readonly Atom[], i: number, spans: Span[]): AtomRead | null {
  const atIndex = isSymbol(atoms[i], 'at') ? i : atAfterAside(atoms, i);
  if (atIndex === -1) return null;
  const atEnd = atSignEnd(atoms, atIndex);
  const read = (from: number, domain: Span[]): number => {
    let next = readDomain(atoms, from, domain, readLabel);
    if (next === -1) next = readDomain(atoms, from, domain, readWordsLabel);
    return next;
  };
  const domain: Span[] = [];
  let domainStart = atEnd + 1;
  let next = read(domainStart, domain);
  if (next === -1) {
    // "… at" / "okay" / "gmail dot com" in one stream: the other party's backchannel after "at".
    domainStart = afterAside(atoms, atEnd + 1, (_, end) => read(end, []) !== -1);
    if (domainStart !== -1) next = read(domainStart, domain);
  }
  if (next === -1) return null;
  const atTo = atoms[domainStart - 1]!.spans.at(-1)!.to;
  spans.push({ text: '@', from: atoms[i]!.spans[0]!.from, to: atTo }, ...domain);
  return { atom: addressAtom(spans), next };
}

/** The index of the last word of the "@" said at atoms[at]: "at", "at sign", "at the rate". */
function atSignEnd(atoms: readonly Atom[], at: number): number {
  const tail = atoms[at + 1];
  if (tail?.kind === 'word' && AT_SIGN_TAILS.has(tail.lower)) return at + 1;
  return isSymbol(tail, 'the') && isSymbol(atoms[at + 2], 'rate') ? at + 2 : at;
}

/** A host name ("example dot com", "www dot example dot com"), with an optional "slash" path. */
function readHost(atoms: readonly Atom[], start: number): AtomRead | null {
  const spans: Span[] = [];
  let i = readDomain(atoms, start, spans, readLabel);
  if (i === -1) return null;
  for (let parts = 0; parts < MAX_PARTS && isSymbol(atoms[i], 'slash'); parts += 1) {
    const pathSpans: Span[] = [];
    const next = readLabel(atoms, i + 1, pathSpans);
    if (next === -1) break;
    spans.push(symbolSpan(atoms[i]!, '/'), ...pathSpans);
    i = next;
  }
  // A host written as one word ("gmail.com") is already in written form.
  return i - start < 2 ? null : { atom: addressAtom(spans), next: i };
}

/**
 * Labels joined by "dot", ending in a top-level-domain-like label. Appends the domain's spans and
 * returns the index after it, or -1. Stops at the longest valid domain ("gmail dot com dot the"
 * ends after "com").
 */
function readDomain(
  atoms: readonly Atom[],
  start: number,
  spans: Span[],
  firstLabel: (atoms: readonly Atom[], start: number, spans: Span[]) => number,
): number {
  const domain: Span[] = [];
  let validEnd = -1;
  let validLength = 0;
  let i = firstLabel(atoms, start, domain);
  for (let parts = 0; i !== -1 && parts < MAX_PARTS; parts += 1) {
    if (isDomain(domain)) {
      validEnd = i;
      validLength = domain.length;
    }
    // "gmail dotcom": the dot and the top-level domain said as one word.
    const glued = atoms[i]?.kind === 'word' ? /^dot([a-z]{2,})$/.exec(atoms[i]!.lower)?.[1] : undefined;
    if (glued !== undefined && TOP_LEVEL_DOMAINS.has(glued)) {
      domain.push({ text: `.${glued}`, from: atoms[i]!.spans[0]!.from, to: atoms[i]!.spans.at(-1)!.to });
      validEnd = i + 1;
      validLength = domain.length;
      break;
    }
    const said = dotWidth(atoms, i);
    if (said === 0) {
      // "hotmail dot co uk": the engine dropped the dot before the country code.
      const country = atoms[i];
      const last = domain
        .map((span) => span.text)
        .join('')
        .split('.')
        .at(-1)!
        .toLowerCase();
      if (
        validEnd === i &&
        SECOND_LEVEL.has(last) &&
        country?.kind === 'word' &&
        COUNTRY_CODES.has(country.lower)
      ) {
        domain.push({
          text: `.${country.lower}`,
          from: country.spans[0]!.from,
          to: country.spans.at(-1)!.to,
        });
        validEnd = i + 1;
        validLength = domain.length;
      }
      break;
    }
    // "gmail dot uh com", or in one stream "gmail dot" / "uh huh" / "com": said between the dot and its label.
    let from = i + said;
    const aside = afterAside(atoms, from, (_, end) => segmentEnd(atoms, end) !== -1);
    if (aside !== -1) from = aside;
    else if (atoms[from]?.kind === 'word' && isFiller(atoms[from]!.lower)) from += 1;
    const labelStart = domain.length;
    domain.push({ text: '.', from: atoms[i]!.spans[0]!.from, to: atoms[from - 1]!.spans.at(-1)!.to });
    let next = readLabel(atoms, from, domain);
    if (next === -1) {
      domain.length = labelStart;
      break;
    }
    // "… dot com. K A T H Y": a top-level domain ends the address before a spelling said after it.
    const label = atoms[from]!;
    if (next > from + 1 && !isDomain(domain) && label.kind === 'word' && TOP_LEVEL_DOMAINS.has(label.lower)) {
      domain.length = labelStart + 1;
      domain.push(...label.spans);
      next = from + 1;
    }
    i = next;
  }
  if (validEnd === -1) return -1;
  for (let k = 0; k < validLength; k += 1) spans.push(domain[k]!);
  return validEnd;
}

/** A domain has a dot and ends in a known top-level domain or a two-letter country code. */
function isDomain(spans: readonly Span[]): boolean {
  let text = '';
  for (const span of spans) text += span.text;
  const lastDot = text.lastIndexOf('.');
  if (lastDot <= 0) return false;
  const tld = text.slice(lastDot + 1).toLowerCase();
  return TOP_LEVEL_DOMAINS.has(tld) || /^[a-z]{2}$/.test(tld);
}

/** One label: segments joined by "dash" or "underscore" ("my dash site"). */
function readLabel(atoms: readonly Atom[], start: number, spans: Span[]): number {
  return readJoined(atoms, start, LABEL_JOINERS, spans);
}

/** The most words a first label said as words apart may hold ("taste of lagos catering"). */
const MAX_LABEL_WORDS = 4;
/** Words that tie the words of such a label: "salt and stone", "taste of lagos". */
const LABEL_TIES: ReadonlySet<string> = new Set(['and', 'of']);

/**
 * A first label said as plain words, maybe tied by "and" or "of": "bayside ortho" →
 * "baysideortho", "salt and stone" → "saltandstone", "taste of lagos catering" →
 * "tasteoflagoscatering".
 */
function readWordsLabel(atoms: readonly Atom[], start: number, spans: Span[]): number {
  const label: Span[] = [];
  let i = start;
  let words = 0;
  while (words < MAX_LABEL_WORDS) {
    const tied = words > 0 && atoms[i]?.kind === 'word' && LABEL_TIES.has(atoms[i]!.lower);
    const word = atoms[tied ? i + 1 : i];
    if (word === undefined || !isPlainLocalWord(word)) break;
    if (tied) label.push(...atoms[i]!.spans);
    label.push(...word.spans);
    i += tied ? 2 : 1;
    words += 1;
  }
  if (words < 2) return -1;
  spans.push(...label);
  return i;
}

/**
 * Segments joined by the spoken separators in `separators`. Appends the spans and returns the
 * index after the last segment, or -1 when no segment starts at `start`.
 */
function readJoined(
  atoms: readonly Atom[],
  start: number,
  separators: ReadonlySet<string>,
  spans: Span[],
): number {
  let i = readSegment(atoms, start, spans);
  const width = (k: number): number => {
    const separator = atoms[k];
    if (separators.has('dot') && dotWidth(atoms, k) > 0) return dotWidth(atoms, k);
    return separator?.kind === 'word' && separators.has(separator.lower) ? 1 : 0;
  };
  for (let parts = 0; i !== -1 && parts < MAX_PARTS; parts += 1) {
    // "nadia" / "yes" / "dot fenwick" in one stream: the other party's backchannel before a separator.
    const at = width(i) > 0 ? i : afterAside(atoms, i, (_, end) => width(end) > 0);
    if (at === -1) break;
    const said = width(at);
    const segment: Span[] = [];
    const next = readSegment(atoms, at + said, segment);
    if (next === -1) break;
    const separator = atoms[at]!;
    const symbol = said > 1 || DOT_WORDS.has(separator.lower) ? '.' : SYMBOL_WORDS.get(separator.lower)!;
    spans.push({ text: symbol, from: atoms[i]!.spans[0]!.from, to: atoms[at + said - 1]!.spans.at(-1)!.to });
    spans.push(...segment);
    i = next;
  }
  return i;
}

/** How many words say a dot at atoms[i]: "dot", "point", "period", or the British "full stop"; else 0. */
function dotWidth(atoms: readonly Atom[], i: number): number {
  const atom = atoms[i];
  if (atom?.kind !== 'word') return 0;
  if (DOT_WORDS.has(atom.lower)) return 1;
  return atom.lower === 'full' && isSymbol(atoms[i + 1], 'stop') ? 2 : 0;
}

/** Appends the spans of the segment starting at atoms[start]; returns the index after it, or -1. */
function readSegment(atoms: readonly Atom[], start: number, spans: Span[]): number {
  const end = segmentEnd(atoms, start);
  for (let i = start; i < end; i += 1) spans.push(...atoms[i]!.spans);
  return end;
}

/**
 * The end of the segment starting at atoms[start], or -1 when none starts there. A segment is
 * address-safe words, letter runs and digit groups spoken one after another, with at most one word
 * ("j o h n 7 7" → "john77", "john seven seven" → "john77", "h o t mail" → "hotmail"); a
 * one-letter word is a spelled initial, not that word ("s kwan" → "skwan"). A stopword
 * is not absorbed after the first atom ("a b c is at…" keeps "is").
 */
function segmentEnd(atoms: readonly Atom[], start: number): number {
  const first = atoms[start];
  if (first === undefined || !isSegmentAtom(first)) return -1;
  let hasWord = isWholeWord(first);
  let i = start + 1;
  for (; i < atoms.length && i - start < MAX_PARTS; i += 1) {
    const atom = atoms[i]!;
    if (atom.kind === 'word') {
      if (hasWord || ADDRESS_STOPWORDS.has(atom.lower) || !isSegmentAtom(atom)) break;
      hasWord = isWholeWord(atom);
    } else if (atom.kind !== 'letters' && !isPlainDigits(atom)) break;
  }
  return i;
}

/** A word of more than one letter: a one-letter word ("s" of "r dot s kwan") is a spelled initial. */
function isWholeWord(atom: Atom): boolean {
  return atom.kind === 'word' && (atom.lower.length > 1 || atom.lower === 'a' || atom.lower === 'i');
}

function isSegmentAtom(atom: Atom): boolean {
  switch (atom.kind) {
    case 'letters':
      return true;
    case 'digits':
      return isPlainDigits(atom);
    case 'word':
      return ADDRESS_WORD.test(atom.lower) && !SYMBOL_WORDS.has(atom.lower);
    case 'address':
    case 'dictated':
      return false;
  }
}

function isSymbol(atom: Atom | undefined, word: string): boolean {
  return atom?.kind === 'word' && atom.lower === word;
}

function symbolSpan(atom: Atom, symbol: string): Span {
  return { text: symbol, from: atom.spans[0]!.from, to: atom.spans[0]!.to };
}

function addressAtom(spans: readonly Span[]): Atom {
  return makeAtom(
    'address',
    spans.map((span) => ({
      text: span.text.toLowerCase().replace(/['’]/g, ''),
      from: span.from,
      to: span.to,
    })),
  );
}
