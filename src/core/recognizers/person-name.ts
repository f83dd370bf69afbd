/**
 * PERSON_NAME: a caller's name, from
 * - answers to name questions ("can I have your full name", "who am I speaking with", "and the
 *   name on the card?", "could you spell your surname"), bare or after a lead-in ("it's ...");
 * - introductions in the speaker's own turn ("my name is ...", "this is ...", "I'm ...");
 * - courtesy titles ("thank you Mr Kwong", "Doctor Mensah");
 * - a listed first name addressing someone ("thanks, Helen", "Raj, can I ...");
 * - the same name, or any part of it, said again elsewhere in the call ("so that's Sarah Jones?",
 *   "anything else, Samuel?"), with the name words right after it ("Daniel Walter Pruitt").
 * Answers that name an organisation ("Midwest Title and Escrow LLC") are left out.
 * An agent introducing themselves is reported too, a little lower and marked `agent-introduction`
 * (see docs/recognizers.md): their name is personal data, and the project's labelled corpus counts it.
 */
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { ValueSite } from './dialogue/answers.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue } from './dialogue/dialogue.js';
import type { SiteValue } from './dialogue/findings.js';
import { agentSpeaks, keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import type { Token } from './dialogue/tokens.js';
import { foldedWords } from './dialogue/tokens.js';
import { VALUE_CUES } from '../lexicon/topic-cues.js';
import {
  ADDRESSING_WORDS,
  AFTER_ADDRESS_WORDS,
  FIRST_NAMES,
  ORGANISATION_WORDS,
  SURNAMES,
  TITLES,
} from '../lexicon/names.js';
import { ACRONYMS, COMMON_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';

const NAME = 'person-name';
const TYPE = 'PERSON_NAME';
/** Words a name runs to, not counting a spelled echo ("Kwong K-W-O-N-G"). */
const MAX_NAME_WORDS = 4;
/** How far into an answer further name parts are looked for ("John, last name Smith"). */
const ANSWER_WORDS = 14;
/** An agent's own name: redacted by default, marked so a review can tell it from the customer's. */
const AGENT_INTRODUCTION_SCORE = 0.7;
const AGENT_INTRODUCTION = 'agent-introduction';
const TITLE_SCORE = 0.85;
const REPEATED_SCORE = 0.75;
const ADDRESSED_SCORE = 0.8;
/** How far past the last name part an organisation word still marks the answer as a company's. */
const ORGANISATION_REACH = 3;
/** Score lost when no word of the name is capitalised, listed or spelled. */
const PLAIN_PENALTY = 0.1;
/** How far into an answer a name may start after other words ("the other driver was ..."), and what that costs. */
const SEEK_WORDS = 7;
const LATER_PENALTY = 0.05;

/** Introductions that carry little evidence by themselves ("this is ...", "I'm ..."). */
const WEAK_INTRODUCTIONS = new Set(VALUE_CUES.name);
/** Introductions after which only a listed first name counts ("I'm Sarah", not "I'm fine"). */
const FIRST_NAME_INTRODUCTIONS = new Set(["i'm", 'i am']);
/** Introductions that name the speaker. */
const SELF_INTRODUCTIONS = new Set([
  'this is',
  "i'm",
  'i am',
  'call me',
  "you're speaking with",
  'you are speaking with',
  "you're speaking to",
]);
/** Titles after which an unlisted lower-case word still counts ("mr kwong"), unlike "miss" or "doctor". */
const CLEAR_TITLES = wordSet('mr mister mrs missus ms mx');
/** Words an agent says after their own name: "Dave speaking", "Priya here". */
const SPEAKING = wordSet('speaking here');
/** Words between two parts of one answer: "John, and the surname is Smith", "Kwong, that's K W O N G". */
const LINKS = wordSet(`and it's that's is 's spelled spelt spelling as in like so that the my with then`);
/** Words that announce the next part is a name: "last name Smith". */
const PART_NAMES = wordSet('first last surname middle second name family given forename');

type Strength = 'strong' | 'plain' | 'initial';

interface NameGroup {
  from: number;
  to: number;
  strong: boolean;
}

export const personNameRecognizer: Recognizer = {
  name: NAME,
  types: [TYPE],
  recognize(input) {
    const own = ownFindings(readDialogue(input));
    const known = knownNameWords(input);
    return keepBest([...own, ...repeatedNames(readDialogue(input), known)]);
  },
};

const ownCache = new WeakMap<Dialogue, Finding[]>();

/** Names found in one view from its own cues and titles (computed once per view). */
function ownFindings(dialogue: Dialogue): Finding[] {
  const cached = ownCache.get(dialogue);
  if (cached) return cached;
  const fromSites = siteFindings(dialogue, 'name', NAME, TYPE, { asked: 0.9, stated: 0.9 }, (site) =>
    siteNames(dialogue, site),
  );
  const found = [
    ...fromSites,
    ...titledNames(dialogue),
    ...speakingIntroductions(dialogue),
    ...addressedNames(dialogue),
  ];
  ownCache.set(dialogue, found);
  return found;
}

/** "Hello, Dave speaking, how can I help?": an agent naming themselves before "speaking" or "here". */
function speakingIntroductions(dialogue: Dialogue): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 1; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (!SPEAKING.has(token.lower) || tokens[k - 1]!.turn !== token.turn) continue;
    if (!agentSpeaks(dialogue, k)) continue;
    if (!isNameWord(tokens[k - 1]!)) continue;
    // "Dev Sharma speaking": a first name before the surname is part of it.
    const before = tokens[k - 2];
    const from = before && before.turn === token.turn && isNameWord(before) ? k - 2 : k - 1;
    findings.push(
      tokenFinding(dialogue, NAME, TYPE, from, k, AGENT_INTRODUCTION_SCORE, [AGENT_INTRODUCTION]),
    );
  }
  return findings;
}

/** A word that reads as a name: capitalised and not ordinary talk, or a listed first name. */
function isNameWord(token: Token): boolean {
  return strengthOf(token) === 'strong' || FIRST_NAMES.has(token.lower);
}

function siteNames(dialogue: Dialogue, site: ValueSite): SiteValue[] {
  const { tokens, words } = dialogue;
  const limit = Math.min(site.limit, site.start + ANSWER_WORDS);
  const firstNameOnly = FIRST_NAME_INTRODUCTIONS.has(site.cue);
  if (site.source === 'stated' && isSelfIntroduction(dialogue, site) && agentSpeaks(dialogue, site.cueAt)) {
    // An agent's "I'm Harriet": a capitalised name counts too, listed or not.
    const groups = firstNameOnly
      ? [nameGroup(tokens, site.start, limit, true)].filter((group) => group !== undefined)
      : agentName(tokens, site.start, limit);
    return groups.map((group) => ({
      from: group.from,
      to: group.to,
      score: AGENT_INTRODUCTION_SCORE,
      reasons: [AGENT_INTRODUCTION],
    }));
  }
  if (firstNameOnly && !FIRST_NAMES.has(words[site.start]!)) return [];
  const weak = site.source === 'stated' && WEAK_INTRODUCTIONS.has(site.cue);
  let groups = answerGroups(tokens, site.start, limit, weak);
  let later = 0;
  // "My son, Diego Nguyen": an answer may say whose name it is first; then only a clear name counts.
  for (
    let k = site.start + 1;
    groups.length === 0 && site.source === 'asked' && k < site.start + SEEK_WORDS;
    k += 1
  ) {
    groups = answerGroups(tokens, k, limit, true);
    later = LATER_PENALTY;
  }
  if (namesOrganisation(tokens, site.start, Math.min(limit, (groups.at(-1)?.to ?? 0) + ORGANISATION_REACH))) {
    return [];
  }
  const weakness = weak ? (FIRST_NAME_INTRODUCTIONS.has(site.cue) ? 0.2 : 0.1) : 0;
  return groups.map((group) => ({
    from: group.from,
    to: group.to,
    adjust: -weakness - later - (group.strong ? 0 : PLAIN_PENALTY),
    reasons: group.strong ? [] : ['unlisted'],
  }));
}

function namesOrganisation(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (ORGANISATION_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

/**
 * The name an agent introduces themselves with: a clear name, or a single unlisted word ("this is
 * gareth, how may I help"); two unlisted words after "this is" are more likely the company.
 */
function agentName(tokens: readonly Token[], start: number, limit: number): NameGroup[] {
  const clear = nameGroup(tokens, start, limit, true);
  if (clear) return [clear];
  const loose = nameGroup(tokens, start, limit, false);
  return loose && loose.to - loose.from === 1 ? [loose] : [];
}

function isSelfIntroduction(dialogue: Dialogue, site: ValueSite): boolean {
  return SELF_INTRODUCTIONS.has(site.cue) || dialogue.words[site.cueAt - 1] === 'my';
}

/**
 * The name parts of an answer: the first right at its start (any word that is not ordinary talk
 * when `strict` is false), then further parts after linking words.
 */
function answerGroups(tokens: readonly Token[], start: number, limit: number, strict: boolean): NameGroup[] {
  const groups: NameGroup[] = [];
  let group = nameGroup(tokens, start, limit, strict);
  while (group) {
    groups.push(group);
    let at = group.to;
    let announced = false;
    while (at < limit && (LINKS.has(tokens[at]!.lower) || PART_NAMES.has(tokens[at]!.lower))) {
      announced ||= PART_NAMES.has(tokens[at]!.lower);
      at += 1;
    }
    group = at > group.to ? nameGroup(tokens, at, limit, !announced) : undefined;
  }
  return groups;
}

/** How much a token looks like part of a name; undefined when it cannot be one. */
function strengthOf(token: Token): Strength | undefined {
  const { text, lower } = token;
  if (
    !/^\p{L}[\p{L}'.-]*$/u.test(text) ||
    STOP_WORDS.has(lower) ||
    TITLES.has(lower) ||
    ORGANISATION_WORDS.has(lower)
  ) {
    return undefined;
  }
  if (/^\p{Lu}\.?$/u.test(text)) return 'initial';
  if (/^\p{Lu}{2,}$/u.test(text)) return ACRONYMS.has(lower) ? undefined : 'strong';
  const listed = FIRST_NAMES.has(lower) || SURNAMES.has(lower);
  if (COMMON_WORDS.has(lower)) return listed ? 'plain' : undefined;
  return listed || /^\p{Lu}\p{Ll}/u.test(text) ? 'strong' : 'plain';
}

/**
 * The name starting at `at` (after any title): up to MAX_NAME_WORDS words, middle initials
 * included, a spelled echo of the previous word not counted. `strict` admits only strong words.
 */
function nameGroup(
  tokens: readonly Token[],
  at: number,
  limit: number,
  strict: boolean,
): NameGroup | undefined {
  while (at < limit && TITLES.has(tokens[at]!.lower)) at += 1;
  let end = at;
  let counted = 0;
  let strong = false;
  for (let k = at; k < limit && counted < MAX_NAME_WORDS; k += 1) {
    const strength = strengthOf(tokens[k]!);
    if (strength === undefined || (strict && strength === 'plain')) break;
    if (strength !== 'initial') end = k + 1;
    strong ||= strength === 'strong';
    if (!(k > at && tokens[k]!.lower === tokens[k - 1]!.lower)) counted += 1;
  }
  return end > at ? { from: at, to: end, strong } : undefined;
}

/** "Mr Kwong", "Mrs Sarah Jones", "Doctor Patel": the name after a courtesy title, within the turn. */
function titledNames(dialogue: Dialogue): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (!TITLES.has(token.lower) || (token.lower === 'dr' && followsNumber(tokens, k))) continue;
    const limit = Math.min(dialogue.turnEnd[token.turn]!, k + 1 + MAX_NAME_WORDS);
    const group = nameGroup(tokens, k + 1, limit, !CLEAR_TITLES.has(token.lower));
    if (!group) continue;
    const score = TITLE_SCORE - (group.strong ? 0 : PLAIN_PENALTY);
    findings.push(tokenFinding(dialogue, NAME, TYPE, group.from, group.to, score, [`title:${token.lower}`]));
  }
  return findings;
}

/**
 * A capitalised listed first name addressing someone: after a greeting or thanks ("thanks, Helen"),
 * alone in a turn ("Samuel?"), or opening a turn before a question ("Raj, can I ..."). The name
 * words right after it are taken too ("hi Helen Marsh").
 */
function addressedNames(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (!isListedFirstName(tokens[k]!)) continue;
    const turn = tokens[k]!.turn;
    const first = dialogue.turnFirst[turn]!;
    const end = dialogue.turnEnd[turn]!;
    const addressed =
      (k > first && ADDRESSING_WORDS.has(words[k - 1]!)) ||
      end - first === 1 ||
      (k === first && AFTER_ADDRESS_WORDS.has(words[k + 1] ?? '') && k + 1 < end);
    if (!addressed) continue;
    const group = nameGroup(tokens, k, end, true);
    const to = group && group.to <= k + 2 ? group.to : k + 1;
    findings.push(tokenFinding(dialogue, NAME, TYPE, k, to, ADDRESSED_SCORE, ['addressed']));
    k = to - 1;
  }
  return findings;
}

/** A listed first name written with a capital that is not also an ordinary word ("Will", "Grace"). */
function isListedFirstName(token: Token): boolean {
  return FIRST_NAMES.has(token.lower) && !COMMON_WORDS.has(token.lower) && /^\p{Lu}\p{Ll}/u.test(token.text);
}

/** "12 Oak Dr": a "Dr" shortly after a number ends a street, it is no title. */
function followsNumber(tokens: readonly Token[], k: number): boolean {
  return tokens.slice(Math.max(0, k - 4), k).some((token) => /\d/.test(token.text));
}

/** Words of names found with confidence in any stream of the call (agents' own names excepted). */
function knownNameWords(input: RecognizerInput): ReadonlySet<string> {
  const cached = knownCache.get(input.views);
  if (cached) return cached;
  const known = new Set<string>();
  for (const view of input.views) {
    for (const finding of ownFindings(readDialogue({ ...input, view }))) {
      if (finding.score < 0.5 || finding.reasons.includes(AGENT_INTRODUCTION)) continue;
      for (const word of foldedWords(finding.value)) if (word.length > 1 && word !== "'s") known.add(word);
    }
  }
  knownCache.set(input.views, known);
  return known;
}

const knownCache = new WeakMap<readonly StreamView[], ReadonlySet<string>>();

/**
 * A known name said again where no cue marks it: "thank you, Sarah Jones", "so that's Kwong",
 * with clear name words right after it ("Daniel Walter Pruitt" once "Daniel" is known).
 */
function repeatedNames(dialogue: Dialogue, known: ReadonlySet<string>): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (!known.has(tokens[k]!.lower) || strengthOf(tokens[k]!) === undefined) continue;
    const turnEnd = dialogue.turnEnd[tokens[k]!.turn]!;
    let end = k + 1;
    while (end < turnEnd && known.has(tokens[end]!.lower)) end += 1;
    const clear = nameGroup(tokens, k, Math.min(turnEnd, k + MAX_NAME_WORDS), true);
    if (clear && clear.to > end) end = clear.to;
    findings.push(tokenFinding(dialogue, NAME, TYPE, k, end, REPEATED_SCORE, ['repeated']));
    k = end - 1;
  }
  return findings;
}
