/**
 * EMAIL_ADDRESS: written addresses, and spoken ones once normalised ("john dot smith at gmail dot
 * com"); and the local part of an address found in the call said again on its own, written,
 * spelled or with its joiners said ("sam_fielding@…" / "sam_fielding, thank you"; "ellie whitby at
 * …" / "E L L I E W H I T B Y"): it gives away most of the address.
 */
import type { Finding } from '../detection.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { StreamView } from '../normalise/view.js';
import { patternRecognizer } from './pattern.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import { readDialogue } from './dialogue/dialogue.js';
import { tokenFinding } from './dialogue/findings.js';
import type { Token } from './dialogue/tokens.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';

const NAME = 'email-address';
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}])/uy;

interface Range {
  start: number;
  end: number;
}

/** Addresses found from each `@` outwards, so text without one costs a single scan. */
function findEmails(view: StreamView): Range[] {
  const { text } = view;
  const found: Range[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // The recogniser may print the sign as a word of its own: "nadia.fenwick @ gmail.com".
    const localEnd = text[at - 1] === ' ' ? at - 1 : at;
    const domainStart = text[at + 1] === ' ' ? at + 2 : at + 1;
    let start = localEnd;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
    DOMAIN.lastIndex = domainStart;
    const domain = DOMAIN.exec(text);
    if (start === localEnd || !domain) continue;
    found.push({ start, end: domainStart + domain[0].length });
  }
  return found;
}

/**
 * A local part said as words at the end of one turn and "at" and its host at the start of the next,
 * after the other party's backchannel ("dana dot reeves" / "mm hmm" / "at gmail dot com"): the
 * normaliser reads each turn alone, so only the host is written.
 */
const SPLIT_ADDRESS =
  /(?<![\p{L}\p{N}'])(?:[\p{L}\p{N}]+ (?:dot|underscore|dash|hyphen) )*([\p{L}\p{N}]+) at [\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}.@])/gu;

function findSplitEmails(view: StreamView): Range[] {
  const found: Range[] = [];
  for (const match of view.text.matchAll(SPLIT_ADDRESS)) {
    const start = match.index;
    const end = start + match[0].length;
    const atWord = start + match[0].lastIndexOf(' at ');
    // Only across a soft turn break before or after "at"; said in one turn, the normaliser decided.
    const crosses = view.turns.some((span) => span.charEnd === atWord || span.charEnd === atWord + 3);
    if (!crosses || !isNameWord(match[1]!)) continue;
    found.push({ start: namesBefore(view.text, start), end });
  }
  return found;
}

/** The most words a local part said as separate words may hold ("d reeves 71"). */
const MAX_LOCAL_PART_WORDS = 3;

function isNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  return /^[\p{L}\p{N}]+$/u.test(word) && !STOP_WORDS.has(lower) && !COMMON_WORDS.has(lower);
}

/** Where the words of a local part said apart begin, given where its last word begins. */
function namesBefore(text: string, start: number): number {
  let from = start;
  for (let words = 1; words < MAX_LOCAL_PART_WORDS; words += 1) {
    const space = from - 1;
    if (text[space] !== ' ') break;
    const wordStart = text.lastIndexOf(' ', space - 1) + 1;
    if (!isNameWord(text.slice(wordStart, space))) break;
    from = wordStart;
  }
  return from;
}

const addresses = patternRecognizer({
  name: NAME,
  type: 'EMAIL_ADDRESS',
  patterns: [
    { name: 'address', find: findEmails, score: 0.9 },
    { name: 'split-address', find: findSplitEmails, score: 0.85 },
  ],
  cues: ENTITY_CUES.EMAIL_ADDRESS,
  cueBoost: 0.1,
  negatives: [],
  trailNegatives: [],
  value: (matched) => matched.toLowerCase().replace(/ ?@ ?/, '@'),
});

/** The shortest local part chased through the call: shorter ones ("jo", "info") are ordinary words. */
const MIN_LOCAL_KEY = 6;
/** How many words a local part said again may take ("sam underscore fielding"). */
const MAX_LOCAL_WORDS = 5;
// Below a username said again (0.8): a local part that is also the username is labelled a username.
const LOCAL_SCORE = 0.75;
/** Joiners said as words between the pieces of a local part. */
const SPOKEN_JOINERS = new Set(['underscore', 'dot', 'dash', 'hyphen']);
const PLAIN_WORD = /^\p{L}\p{Ll}*$/u;

const compactOf = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const keysCache = new WeakMap<readonly StreamView[], ReadonlyMap<string, readonly string[]>>();

/**
 * The local parts of the addresses written in the call's views, as lower-case letters and digits,
 * each with the labels of its domains ("gmail", "com").
 */
function localKeys(views: readonly StreamView[]): ReadonlyMap<string, readonly string[]> {
  let keys = keysCache.get(views);
  if (!keys) {
    const found = new Map<string, string[]>();
    for (const view of views) {
      for (const { start, end } of findEmails(view)) {
        const at = view.text.indexOf('@', start);
        const key = compactOf(view.text.slice(start, at));
        if (key.length < MIN_LOCAL_KEY || end <= start) continue;
        const labels = found.get(key) ?? [];
        labels.push(
          ...view.text
            .slice(at + 1, end)
            .toLowerCase()
            .split('.'),
        );
        found.set(key, labels);
      }
    }
    keys = found;
    keysCache.set(views, keys);
  }
  return keys;
}

/**
 * The token after a local part said again that ends the address with it: "at" and the known
 * domain's labels, as far as the speaker says them ("… at fastmail", "… at fastmail dot com").
 */
function domainSaidAgain(tokens: readonly Token[], after: number, labels: readonly string[]): number {
  const says = (i: number, word: string): boolean =>
    tokens[i] !== undefined && tokens[i]!.breakBefore !== 'hard' && tokens[i]!.lower === word;
  const saysLabel = (i: number): boolean =>
    tokens[i] !== undefined &&
    tokens[i]!.breakBefore !== 'hard' &&
    labels.includes(compactOf(tokens[i]!.text));
  if (!says(after, 'at') || !saysLabel(after + 1)) return after;
  let end = after + 2;
  while (says(end, 'dot') && saysLabel(end + 1)) end += 2;
  return end;
}

/** True when a key starts with said (a plain loop: it runs at every word that may start a key). */
function startsAny(keys: readonly string[], said: string): boolean {
  for (const key of keys) if (key.startsWith(said)) return true;
  return false;
}

/** Words of the view that say a known local part again, alone (not the address itself). */
function localPartsSaidAgain(input: RecognizerInput): Finding[] {
  const known = localKeys(input.views);
  if (known.size === 0) return [];
  const keys = [...known.keys()];
  const starts = new Set(keys.map((key) => key[0]!));
  const dialogue = readDialogue(input);
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    // Most words cannot start a local part: their first character starts none.
    if (!starts.has(tokens[i]!.lower[0]!)) continue;
    let said = '';
    for (let j = i; j < Math.min(tokens.length, i + MAX_LOCAL_WORDS); j += 1) {
      const token = tokens[j]!;
      if (j > i && (token.breakBefore === 'hard' || token.text.includes('@'))) break;
      if (j > i && SPOKEN_JOINERS.has(token.lower)) continue;
      said += compactOf(token.text);
      if (!startsAny(keys, said)) break;
      const labels = known.get(said);
      if (labels === undefined) continue;
      // One ordinary-looking word ("claims" of claims@…) is talk; a spelled, written or joined form is not.
      if (j === i && PLAIN_WORD.test(token.text)) break;
      const end = domainSaidAgain(tokens, j + 1, labels);
      findings.push(
        tokenFinding(dialogue, NAME, 'EMAIL_ADDRESS', i, end, LOCAL_SCORE, ['local-part', 'repeated']),
      );
      i = end - 1;
      break;
    }
  }
  return findings;
}

export const emailAddressRecognizer: Recognizer = {
  name: NAME,
  types: ['EMAIL_ADDRESS'],
  recognize: (input) => [...addresses.recognize(input), ...localPartsSaidAgain(input)],
};
