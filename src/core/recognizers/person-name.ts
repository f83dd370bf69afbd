/**
 * PERSON_NAME: a caller's name, from
 * - answers to name questions ("can I have your full name", "who am I speaking with", "and the
 *   name on the card?", "could you spell your surname"), bare or after a lead-in ("it's ...");
 * - introductions in the speaker's own turn ("my name is ...", "this is ...", "I'm ...", "hi, it's
 *   ...") and the name they go by ("everyone calls me Frankie");
 * - courtesy titles ("thank you Mr Kwong", "Doctor Mensah");
 * - a listed first name addressing someone ("thanks, Helen", "Raj, can I ..."), or any name after
 *   a greeting or thanks that ends the sentence ("You're welcome, Odalys. Have a good night"), or
 *   set off by a comma at the end of a question ("Anything else, Odalys?");
 * - a name after a relation ("my husband Declan", "our son, Tobias Wren", "my son is Tobi", "the
 *   landlord's Gary Pike"), and each child's name in an answer to "and the kids?";
 * - a capitalised listed first name said anywhere, but not as a town or street ("with Marcus", not
 *   "in Austin"), a little lower; a capitalised name paired with a person ("for you and Tobias");
 * - the same name, or any part of it, said again elsewhere in the call ("so that's Sarah Jones?",
 *   "anything else, Samuel?", "Dale's", the agent's own name), with the name words right before and
 *   after it ("Daniel Walter Pruitt", "Liam Hughes" once "Hughes" is known), which become known too;
 *   a relative's form of a known surname counts as it ("Zofia Kowalczyka" after "Mr Kowalczyk").
 * Answers that name an organisation ("Midwest Title and Escrow LLC") are left out.
 * An agent introducing themselves is reported too, a little lower and marked `agent-introduction`
 * (see docs/recognizers.md): their name is personal data, and the project's labelled corpus counts it.
 */
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { ValueSite } from './dialogue/answers.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue, skipLeadIns } from './dialogue/dialogue.js';
import type { SiteValue } from './dialogue/findings.js';
import { agentSpeaks, keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import type { Token } from './dialogue/tokens.js';
import { foldedWords, isLetterWord } from './dialogue/tokens.js';
import { findCues } from './dialogue/topics.js';
import { VALUE_CUES } from '../lexicon/topic-cues.js';
import {
  ADDRESSING_WORDS,
  AFTER_ADDRESS_WORDS,
  AFTER_NAME_WORDS,
  COURTESY_WORDS,
  FIRST_NAMES,
  NAME_STAND_INS,
  NICKNAME_CUES,
  ORGANISATION_WORDS,
  RELATION_OWNERS,
  RELATION_WORDS,
  SURNAMES,
  TITLES,
} from '../lexicon/names.js';
import { ACRONYMS, COMMON_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';
import { STREET_SUFFIXES, US_STATE_WORDS } from '../lexicon/places.js';

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
const RELATION_SCORE = 0.8;
/** How many times the known names grow by the name words found beside them ("Liam" of "Liam Hughes"). */
const KNOWN_ROUNDS = 3;
/** How far past the last name part an organisation word still marks the answer as a company's. */
const ORGANISATION_REACH = 3;
/** Score lost when no word of the name is capitalised, listed or spelled. */
const PLAIN_PENALTY = 0.1;
/** How far into an answer a name may start after other words ("the other driver was ..."), and what that costs. */
const SEEK_WORDS = 7;
const LATER_PENALTY = 0.05;
/** An agent's greeting opens their stream: only there does a lower-case "i'm ..." name them. */
const GREETING_TURNS = 2;
/** Courtesy words that address someone only after their partner: "thank you", "take care". */
const PAIRED_COURTESY = new Map([
  ['you', 'thank'],
  ['care', 'take'],
  ['welcome', "you're"],
]);
/**
 * Words that open the next sentence after a name addressing someone, which case would show
 * elsewhere: "you're welcome jaylen have a good night", "thanks priya I'll ring back".
 */
const AFTER_ADDRESSED = wordSet("have take bye goodbye see talk speak enjoy i i'll i'm we we'll");

/** Introductions that carry little evidence by themselves ("this is ...", "I'm ..."), unlike a nickname's. */
const WEAK_INTRODUCTIONS = new Set(VALUE_CUES.name.filter((cue) => !NICKNAME_CUES.includes(cue)));
/**
 * Introductions after which only a listed first name counts ("I'm Sarah", not "I'm fine"); "im" is
 * how engines without punctuation write "I'm".
 */
const FIRST_NAME_INTRODUCTIONS = new Set(["i'm", 'im', 'i am']);
/** Introductions that name the speaker. */
const SELF_INTRODUCTIONS = new Set([
  'this is',
  "i'm",
  'im',
  'i am',
  'call me',
  "you're speaking with",
  'you are speaking with',
  "you're speaking to",
]);
/** Titles after which an unlisted lower-case word still counts ("mr kwong"), unlike "miss" or "doctor". */
const CLEAR_TITLES = wordSet('mr mister mrs missus ms mx');
/** Words before a title that make it a noun: "the doctor", "your officer". */
const DETERMINERS = wordSet('the a an your my his her their our this that');
/** Words an agent says after their own name: "Dave speaking", "Priya here". */
const SPEAKING = wordSet('speaking here');
/**
 * Words between two parts of one answer: "John, and the surname is Smith", "Kwong, that's K W O N G",
 * "Pryce hyphen Jones", "Elena or Viktor", "I'm Ada, and he's Tom Reyes".
 */
const LINKS = wordSet(
  `and it's that's is 's spelled spelt spelling as in like so that the my with then hyphen dash or he's she's`,
);
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
    const dialogue = readDialogue(input);
    const own = ownFindings(dialogue, input);
    const known = knownNameWords(input);
    return keepBest([...own, ...(settledRepeats.get(dialogue) ?? repeatedNames(dialogue, input, known))]);
  },
};

const ownCache = new WeakMap<Dialogue, Finding[]>();

/** Names found in one view from its own cues and titles (computed once per view). */
function ownFindings(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const cached = ownCache.get(dialogue);
  if (cached) return cached;
  const fromSites = siteFindings(dialogue, 'name', NAME, TYPE, { asked: 0.9, stated: 0.9 }, (site) =>
    siteNames(dialogue, site),
  );
  const found = [
    ...fromSites,
    ...titledNames(dialogue),
    ...speakingIntroductions(dialogue, input),
    ...greetedIntroductions(dialogue),
    ...addressedNames(dialogue, input),
    ...listedNames(dialogue, input),
    ...pairedNames(dialogue),
    ...relationNames(dialogue),
    ...relationAnswers(dialogue),
  ];
  ownCache.set(dialogue, found);
  return found;
}

/** "Hello, Dave speaking, how can I help?": an agent naming themselves before "speaking" or "here". */
function speakingIntroductions(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 1; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (!SPEAKING.has(token.lower) || tokens[k - 1]!.turn !== token.turn) continue;
    if (!agentSpeaks(dialogue, k)) continue;
    if (!isNameWord(tokens[k - 1]!)) {
      // Without capitals only the word itself can say it is a name: "northgate pensions alistair speaking".
      const uncased = token.lower === 'speaking' && uncasedTurn(dialogue, token.turn);
      if (uncased && uncasedNameWord(tokens[k - 1]!)) {
        findings.push(
          tokenFinding(dialogue, NAME, TYPE, k - 1, k, AGENT_INTRODUCTION_SCORE, [AGENT_INTRODUCTION]),
        );
      }
      continue;
    }
    // "Dev Sharma speaking": a first name before the surname is part of it; not the company's
    // name before a comma ("Severn Vale Water, Leanne speaking").
    const before = tokens[k - 2];
    const joined = before && !writtenAt(dialogue, input, before.end - 1).endsWith(',');
    const from = joined && before.turn === token.turn && isNameWord(before) ? k - 2 : k - 1;
    findings.push(
      tokenFinding(dialogue, NAME, TYPE, from, k, AGENT_INTRODUCTION_SCORE, [AGENT_INTRODUCTION]),
    );
  }
  return findings;
}

/** Greetings a caller opens with before saying who they are: "hi, it's ...", "hey Marco, it's ...". */
const GREETINGS = wordSet('hi hello hey hiya heya morning afternoon evening');
/** Greetings that are also times of day: one only after "good" or opening the turn, not "this morning". */
const DAY_GREETINGS = wordSet('morning afternoon evening');
const GREETED_SCORE = 0.8;

/**
 * "Hi, it's Dana Whitcomb", "hey walt it's dana kowalczyk": "it's" right after a greeting, or after
 * a greeting and the name of the one greeted, introduces the speaker. Only a clear name counts (two
 * name words or a listed first name without capitals), not "hi, it's about my bill".
 */
function greetedIntroductions(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 1; k + 1 < tokens.length; k += 1) {
    const at = words[k] === "it's" ? k + 1 : words[k] === 'it' && words[k + 1] === 'is' ? k + 2 : k;
    const turn = tokens[k]!.turn;
    const end = dialogue.turnEnd[turn]!;
    if (at === k || at >= end || !greetedBefore(dialogue, k)) continue;
    const group = uncasedTurn(dialogue, turn)
      ? uncasedFullName(dialogue, at)[0]
      : nameGroup(tokens, at, Math.min(end, at + MAX_NAME_WORDS), true);
    // Letters in capitals are a code read out ("hi, it's P S 0 0 8 8"), not a name.
    if (
      group?.from !== at ||
      !/\p{Ll}/u.test(tokens[at]!.text) ||
      namesOrganisation(tokens, at, Math.min(end, group.to + ORGANISATION_REACH))
    ) {
      continue;
    }
    const agent = agentSpeaks(dialogue, k);
    findings.push(
      tokenFinding(
        dialogue,
        NAME,
        TYPE,
        group.from,
        group.to,
        agent ? AGENT_INTRODUCTION_SCORE : GREETED_SCORE,
        agent ? [AGENT_INTRODUCTION] : ['greeted'],
      ),
    );
  }
  return findings;
}

/** True when a greeting comes right before token k, or before the greeted one's name: "hey Marco". */
function greetedBefore(dialogue: Dialogue, k: number): boolean {
  const { tokens, words } = dialogue;
  const first = dialogue.turnFirst[tokens[k]!.turn]!;
  const greets = (at: number): boolean =>
    at >= first &&
    GREETINGS.has(words[at]!) &&
    (!DAY_GREETINGS.has(words[at]!) || at === first || words[at - 1] === 'good');
  if (greets(k - 1)) return true;
  if (!greets(k - 2)) return false;
  const name = tokens[k - 1]!;
  return isNameWord(name) || (uncasedTurn(dialogue, name.turn) && uncasedNameWord(name));
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
      ? [nameGroup(tokens, site.start, limit, true) ?? greetingName(dialogue, site.start)].filter(
          (group) => group !== undefined,
        )
      : agentName(tokens, site.start, limit, strictIn(dialogue, tokens[site.start]!.turn));
    return groups.map((group) => ({
      from: group.from,
      to: group.to,
      score: AGENT_INTRODUCTION_SCORE,
      reasons: [AGENT_INTRODUCTION],
    }));
  }
  // "I'm Sarah", and a full name in capitals ("I'm Colleen Brady"), not "I'm fine".
  if (firstNameOnly && !FIRST_NAMES.has(words[site.start]!) && !fullName(tokens, site.start, limit)) {
    return [];
  }
  const weak = site.source === 'stated' && WEAK_INTRODUCTIONS.has(site.cue);
  const strict = strictIn(dialogue, tokens[site.start]!.turn);
  let groups = answerGroups(tokens, site.start, limit, weak && strict, strict);
  if (groups.length === 0 && weak) groups = uncasedFullName(dialogue, site.start);
  let later = 0;
  // "My son, Diego Nguyen": an answer may say whose name it is first; then only a clear name counts.
  for (
    let k = site.start + 1;
    groups.length === 0 && site.source === 'asked' && k < site.start + SEEK_WORDS;
    k += 1
  ) {
    groups = answerGroups(tokens, k, limit, strict, strict);
    later = LATER_PENALTY;
  }
  if (
    groups.length > 0 &&
    site.source === 'asked' &&
    dialogue.prompts[tokens[site.start]!.turn]!.includes('names')
  ) {
    groups = [...groups, ...namesAfterAnd(tokens, groups.at(-1)!.to, limit, strict)];
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

/**
 * Asked for several names, a speaker may say something of each before the next: "Alfie, he's
 * nine, and Poppy, she's eleven". A clear name after "and" later in the answer is the next one.
 */
function namesAfterAnd(
  tokens: readonly Token[],
  from: number,
  limit: number,
  strict: Strictness,
): NameGroup[] {
  const groups: NameGroup[] = [];
  for (let k = from; k + 1 < limit; k += 1) {
    if (tokens[k]!.lower !== 'and') continue;
    const group = nameGroup(tokens, k + 1, limit, strict);
    if (group?.from !== k + 1) continue;
    groups.push(group);
    k = group.to - 1;
  }
  return groups;
}

/** True when two or more capitalised name words start at `at`: "Colleen Brady", not "Sorry". */
function fullName(tokens: readonly Token[], at: number, limit: number): boolean {
  const group = nameGroup(tokens, at, limit, true);
  return group !== undefined && group.from === at && group.to - group.from >= 2;
}

function namesOrganisation(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (ORGANISATION_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

/**
 * The name an agent introduces themselves with: a clear name, or a single unlisted word ("this is
 * gareth, how may I help"); two unlisted words after "this is" are more likely the company.
 */
function agentName(tokens: readonly Token[], start: number, limit: number, strict: Strictness): NameGroup[] {
  const clear = nameGroup(tokens, start, limit, strict);
  if (clear) return [clear];
  const loose = nameGroup(tokens, start, limit, false);
  return loose && loose.to - loose.from === 1 ? [loose] : [];
}

function isSelfIntroduction(dialogue: Dialogue, site: ValueSite): boolean {
  return SELF_INTRODUCTIONS.has(site.cue) || dialogue.words[site.cueAt - 1] === 'my';
}

/**
 * The name parts of an answer: the first right at its start (any word that is not ordinary talk
 * when `strict` is false), then further parts after linking words, read as strictly as `later`
 * ("hey jasmine, it's tyler brandt": in a turn without capitals the surname is plain).
 */
function answerGroups(
  tokens: readonly Token[],
  start: number,
  limit: number,
  strict: Strictness,
  later: Strictness,
): NameGroup[] {
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
    group = at > group.to ? nameGroup(tokens, at, limit, announced ? false : later) : undefined;
  }
  return groups;
}

/** A capital, then a small letter: how a name starts in cased text (one expression, not one per word). */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** How much a token looks like part of a name; undefined when it cannot be one. */
function strengthOf(token: Token): Strength | undefined {
  const { text, lower } = token;
  if (
    !isLetterWord(text) ||
    STOP_WORDS.has(lower) ||
    isFunctionContraction(lower) ||
    TITLES.has(lower) ||
    ORGANISATION_WORDS.has(lower)
  ) {
    return undefined;
  }
  if (/^\p{Lu}\.?$/u.test(text)) return 'initial';
  if (/^\p{Lu}{2,}$/u.test(text)) return ACRONYMS.has(lower) ? undefined : 'strong';
  const listed = FIRST_NAMES.has(lower) || SURNAMES.has(lower);
  if (COMMON_WORDS.has(lower)) return listed ? 'plain' : undefined;
  return listed || CAPITALISED.test(text) ? 'strong' : 'plain';
}

/** "he'd", "she'll", "they'd": a function word with a contraction, which no name is. */
function isFunctionContraction(lower: string): boolean {
  const apostrophe = lower.indexOf("'");
  return apostrophe > 0 && STOP_WORDS.has(lower.slice(0, apostrophe));
}

/**
 * How strictly a name's words are read: `true` admits only strong words; `'first'` only a strong
 * first word, then words that may be names where case cannot tell ("craig brookes" in a turn
 * without capitals); `false` any word that is not ordinary talk.
 */
type Strictness = boolean | 'first';

/** Strict reading, relaxed after the first word in a turn written without capitals. */
function strictIn(dialogue: Dialogue, turn: number): Strictness {
  return uncasedTurn(dialogue, turn) ? 'first' : true;
}

/**
 * The name starting at `at` (after any title): up to MAX_NAME_WORDS words, middle initials
 * included, a spelled echo of the previous word not counted.
 */
function nameGroup(
  tokens: readonly Token[],
  at: number,
  limit: number,
  strict: Strictness,
): NameGroup | undefined {
  while (at < limit && TITLES.has(tokens[at]!.lower)) at += 1;
  let end = at;
  let counted = 0;
  let strong = false;
  for (let k = at; k < limit && counted < MAX_NAME_WORDS; k += 1) {
    if (k > at && isInnerParticle(tokens, k, limit)) continue;
    const strength = strengthOf(tokens[k]!);
    const uncasedLater = strict === 'first' && k > at && uncasedNameWord(tokens[k]!);
    if (strength === undefined || (strict && strength === 'plain' && !uncasedLater)) break;
    if (strength !== 'initial') end = k + 1;
    strong ||= strength === 'strong';
    if (!(k > at && tokens[k]!.lower === tokens[k - 1]!.lower)) counted += 1;
  }
  return end > at ? { from: at, to: end, strong } : undefined;
}

/** Lower-case words inside a family name: "Jan van Berkel", "María de la Cruz", "Anna von Berg". */
const NAME_PARTICLES = wordSet('van von der den de del della di da dos das du la le ter ten');

/** True for a name particle at k that leads, maybe through more particles, to a capitalised name word. */
function isInnerParticle(tokens: readonly Token[], k: number, limit: number): boolean {
  let next = k;
  while (next < limit && NAME_PARTICLES.has(tokens[next]!.text)) next += 1;
  const word = tokens[next];
  return next > k && next < limit && CAPITALISED.test(word!.text) && strengthOf(word!) === 'strong';
}

/** "Mr Kwong", "Mrs Sarah Jones", "Doctor Patel": the name after a courtesy title, within the turn. */
function titledNames(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (!TITLES.has(token.lower) || (token.lower === 'dr' && followsNumber(tokens, k))) continue;
    const limit = Math.min(dialogue.turnEnd[token.turn]!, k + 1 + MAX_NAME_WORDS);
    // In a turn written without capitals, the title is the only evidence there is: "doctor szymanski";
    // not after a determiner, where it is the noun ("have the ordering doctor send ...").
    const determined = DETERMINERS.has(words[k - 1] ?? '') || DETERMINERS.has(words[k - 2] ?? '');
    const cased = !uncasedTurn(dialogue, token.turn);
    const strict = !CLEAR_TITLES.has(token.lower) && (determined || cased);
    const read = nameGroup(tokens, k + 1, limit, strict);
    const group = read && cased ? withoutPlainTail(tokens, read) : read;
    if (!group) continue;
    const score = TITLE_SCORE - (group.strong ? 0 : PLAIN_PENALTY);
    findings.push(tokenFinding(dialogue, NAME, TYPE, group.from, group.to, score, [`title:${token.lower}`]));
  }
  return findings;
}

/**
 * A name read loosely in a turn with capitals, ended at its last capitalised word: "Mr Okonkwo wants
 * her passport" is Okonkwo, "Mr de Vries" keeps its particle; a name of plain words stays whole.
 */
function withoutPlainTail(tokens: readonly Token[], group: NameGroup): NameGroup {
  if (!group.strong) return group;
  let to = group.to;
  while (to - 1 > group.from && strengthOf(tokens[to - 1]!) !== 'strong') to -= 1;
  return { ...group, to };
}

/**
 * A capitalised listed first name addressing someone: after a greeting or thanks ("thanks, Helen"),
 * alone in a turn ("Samuel?"), or opening a turn before a question ("Raj, can I ..."). The name
 * words right after it are taken too ("hi Helen Marsh"). A capitalised name outside the lists
 * addresses someone after a greeting, thanks or goodbye when the sentence ends with it.
 */
function addressedNames(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const turn = tokens[k]!.turn;
    if (uncasedTurn(dialogue, turn)) {
      const to = uncasedAddressed(dialogue, k);
      if (to === undefined) continue;
      findings.push(tokenFinding(dialogue, NAME, TYPE, k, to, ADDRESSED_SCORE, ['addressed']));
      k = to - 1;
      continue;
    }
    const listed = isListedFirstName(tokens[k]!);
    const vocative = closingVocative(dialogue, input, k);
    // "Oh dear. Noted.": "dear" there exclaims, it addresses no one.
    const courtesy =
      COURTESY_WORDS.has(words[k - 1] ?? '') && !(words[k - 1] === 'dear' && words[k - 2] === 'oh');
    if (!listed && !vocative && !courtesy) continue;
    const first = dialogue.turnFirst[turn]!;
    const end = dialogue.turnEnd[turn]!;
    // "Hello, Thistle Home Insurance": a greeting before the company's name addresses no one.
    if (namesOrganisation(tokens, k + 1, Math.min(end, k + 1 + ORGANISATION_REACH))) continue;
    const addressed = listed
      ? (k > first && (ADDRESSING_WORDS.has(words[k - 1]!) || vocative)) ||
        end - first === 1 ||
        (k === first && AFTER_ADDRESS_WORDS.has(words[k + 1] ?? '') && k + 1 < end)
      : k > first && isCapitalisedName(tokens[k]!) && (vocative || endsSentence(tokens, k, end));
    if (!addressed) continue;
    const group = nameGroup(tokens, k, end, true);
    const to = group && group.to <= k + 2 ? group.to : k + 1;
    findings.push(tokenFinding(dialogue, NAME, TYPE, k, to, ADDRESSED_SCORE, ['addressed']));
    k = to - 1;
  }
  return findings;
}

/**
 * Where a name addressing someone at k ends, in a turn without capitals: a listed first name where a
 * cased one would count ("hi ben can I ..."), or name words after a greeting or thanks that end the
 * turn or the sentence ("thanks keisha", "you're welcome jaylen have a good night").
 */
function uncasedAddressed(dialogue: Dialogue, k: number): number | undefined {
  const { tokens, words } = dialogue;
  const turn = tokens[k]!.turn;
  const first = dialogue.turnFirst[turn]!;
  const end = dialogue.turnEnd[turn]!;
  const lower = tokens[k]!.lower;
  if (FIRST_NAMES.has(lower) && !COMMON_WORDS.has(lower)) {
    const addressed =
      (k > first && ADDRESSING_WORDS.has(words[k - 1]!)) ||
      end - first === 1 ||
      (k === first && AFTER_ADDRESS_WORDS.has(words[k + 1] ?? '') && k + 1 < end);
    if (addressed) return uncasedRun(tokens, k, Math.min(end, k + 2), () => true)?.to ?? k + 1;
  }
  // "thank you X" and "take care X", not "we'll email you X" or "primary care X".
  const before = words[k - 1] ?? '';
  const courtesy =
    COURTESY_WORDS.has(before) && (PAIRED_COURTESY.get(before) ?? words[k - 2]) === words[k - 2];
  if (k <= first || !courtesy) return undefined;
  return uncasedRun(tokens, k, end, (word) => AFTER_ADDRESSED.has(word))?.to;
}

/**
 * A capitalised word that reads as a name and not as ordinary talk or the name of a topic
 * ("Odalys", not "Great" or "Expiration").
 */
function isCapitalisedName(token: Token): boolean {
  return (
    strengthOf(token) === 'strong' && CAPITALISED.test(token.text) && findCues([token.lower]).length === 0
  );
}

/**
 * ", Anjali?": a word set off by a comma that ends a question addresses someone, unless it names a
 * state. The view drops punctuation: it is read from the words as the engine wrote them.
 */
function closingVocative(dialogue: Dialogue, input: RecognizerInput, k: number): boolean {
  const { tokens } = dialogue;
  const token = tokens[k]!;
  // Asked of every token: the question mark first, the rarest and cheapest test.
  if (!writtenAt(dialogue, input, token.end - 1).endsWith('?')) return false;
  const before = tokens[k - 1];
  if (!before || before.turn !== token.turn || US_STATE_WORDS.has(token.lower)) return false;
  return writtenAt(dialogue, input, before.end - 1).endsWith(',');
}

/** The word, as the engine wrote it, behind character `char` of the view. */
function writtenAt(dialogue: Dialogue, input: RecognizerInput, char: number): string {
  return input.transcript.words[dialogue.view.wordTo[char]!]?.text ?? '';
}

/**
 * True when token k ends a sentence: last of its turn, or followed by a capitalised ordinary word
 * that starts the next one ("Have a good night", "I'm ..."); not "Thanks. Creditors will ..." or
 * "hello, Ridgeway Lettings".
 */
function endsSentence(tokens: readonly Token[], k: number, end: number): boolean {
  const next = tokens[k + 1];
  if (k + 1 >= end || !next) return true;
  return /^\p{Lu}/u.test(next.text) && (STOP_WORDS.has(next.lower) || COMMON_WORDS.has(next.lower));
}

/** Below an agent's introduction, which then keeps its mark when it names the same words. */
const LISTED_SCORE = 0.65;
const LISTED = 'listed';
/** Name words a listed first name takes after it: a surname, maybe a middle name. */
const LISTED_TAIL = 2;

/**
 * Words before a first name that make it a place's: "San Diego", "St Luke's", "Fort Collins",
 * "moving to Charlotte", "from Austin".
 */
const PLACE_BEFORE = wordSet(
  'san santa st saint fort port mount mt lake eau los las el new in into from near to',
);

/**
 * "One of our staff, Hannah, says ...", "your appointment with Marcus", "that'd be Gareth": in a
 * turn written with capitals, a capitalised listed first name names someone wherever it is said,
 * with the capitalised name words right after it; not a state ("Virginia"), a town ("San Diego",
 * "in Austin", "Charlotte, 28203"), a street ("12 Victoria Road") or a company's name.
 */
function listedNames(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (!isListedFirstName(token) || US_STATE_WORDS.has(token.lower) || uncasedTurn(dialogue, token.turn)) {
      continue;
    }
    const first = dialogue.turnFirst[token.turn]!;
    const end = dialogue.turnEnd[token.turn]!;
    const before = k > first ? tokens[k - 1]! : undefined;
    if (before && (PLACE_BEFORE.has(before.lower) || /\d/u.test(before.text))) continue;
    const group = nameGroup(tokens, k, Math.min(end, k + 1 + LISTED_TAIL), true);
    const to = commaBefore(dialogue, input, k, group?.to ?? k + 1);
    const after = to < end ? tokens[to]! : undefined;
    const street = tokens.slice(k + 1, Math.min(end, to + 1)).some((word) => STREET_SUFFIXES.has(word.lower));
    if (street || (after && (US_STATE_WORDS.has(after.lower) || /\d/u.test(after.text)))) continue;
    if (namesOrganisation(tokens, to, Math.min(end, to + ORGANISATION_REACH))) continue;
    findings.push(tokenFinding(dialogue, NAME, TYPE, k, to, LISTED_SCORE, [LISTED]));
    k = to - 1;
  }
  return findings;
}

/** Words paired with a person: "you and Tobias", "me and Aiyana". */
const PAIRED_PEOPLE = wordSet('you me');
const PAIRED_SCORE = 0.7;

/**
 * "The booking for you and Tobias", "me and Aiyana": in a turn written with capitals, a capitalised name
 * word paired by "and" with a person is one, with the name words after it.
 */
function pairedNames(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 2; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    if (words[k - 1] !== 'and' || !PAIRED_PEOPLE.has(words[k - 2]!) || tokens[k - 2]!.turn !== token.turn)
      continue;
    if (!isCapitalisedName(token) || uncasedTurn(dialogue, token.turn)) continue;
    const end = dialogue.turnEnd[token.turn]!;
    const group = nameGroup(tokens, k, Math.min(end, k + MAX_NAME_WORDS), true);
    const to = group?.to ?? k + 1;
    if (namesOrganisation(tokens, to, Math.min(end, to + ORGANISATION_REACH))) continue;
    findings.push(tokenFinding(dialogue, NAME, TYPE, k, to, PAIRED_SCORE, ['paired']));
    k = to - 1;
  }
  return findings;
}

/** A listed first name written with a capital that is not also an ordinary word ("Will", "Grace"). */
function isListedFirstName(token: Token): boolean {
  return FIRST_NAMES.has(token.lower) && !COMMON_WORDS.has(token.lower) && CAPITALISED.test(token.text);
}

/** Words between a relation and their name: "my son is Tobi", "that's my daughter's, Joanne". */
const RELATION_COPULAS = wordSet("is was 's named called");

/**
 * "my husband Declan", "your brother Ray", "our son, Tobias Wren", "my son is Tobi": a clear name
 * after a relation.
 */
function relationNames(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 1; k + 1 < tokens.length; k += 1) {
    if (!RELATION_WORDS.has(words[k]!) || !ownsRelation(dialogue, k - 1)) continue;
    const end = dialogue.turnEnd[tokens[k]!.turn]!;
    const group = relativeName(dialogue, k + 1, end) ?? copulaRelativeName(dialogue, k + 1, end);
    if (!group) continue;
    findings.push(tokenFinding(dialogue, NAME, TYPE, group.from, group.to, RELATION_SCORE, ['relation']));
    k = group.to - 1;
  }
  return findings;
}

/**
 * True when the word at k makes the relation after it someone's: "my", "your", or "the" in a turn
 * with capitals, where only a capitalised name can follow ("the landlord's Martin Hale").
 */
function ownsRelation(dialogue: Dialogue, k: number): boolean {
  const word = dialogue.words[k]!;
  return RELATION_OWNERS.has(word) || (word === 'the' && !uncasedTurn(dialogue, dialogue.tokens[k]!.turn));
}

/** The name right after a relation at `at`, or undefined. */
function relativeName(dialogue: Dialogue, at: number, end: number): NameGroup | undefined {
  const { tokens } = dialogue;
  const turn = tokens[at - 1]!.turn;
  // Without capitals, a plain name counts when it has a surname or a listed first name ("my daughter
  // felicity blackwood"), not one word of talk ("my wife handles ...").
  const group =
    nameGroup(tokens, at, Math.min(end, at + MAX_NAME_WORDS), strictIn(dialogue, turn)) ??
    (uncasedTurn(dialogue, turn) ? uncasedRelative(tokens, at, end) : undefined);
  return group?.from === at ? group : undefined;
}

/**
 * The name after a relation and "is", "'s", "named" ("my son is Tobi"): a clear name, or without
 * capitals one with a surname or a listed first name ("my wife is pregnant" is no name). After "'s"
 * the name must start with a listed first name: "my daughter's Honda" is her car.
 */
function copulaRelativeName(dialogue: Dialogue, at: number, end: number): NameGroup | undefined {
  const { tokens, words } = dialogue;
  if (!RELATION_COPULAS.has(words[at] ?? '') || at + 1 >= end) return undefined;
  const from = at + 1;
  if (words[at] === "'s" && !FIRST_NAMES.has(words[from]!)) return undefined;
  const limit = Math.min(end, from + MAX_NAME_WORDS);
  const group = uncasedTurn(dialogue, tokens[at]!.turn)
    ? uncasedName(tokens, from, limit)
    : nameGroup(tokens, from, limit, true);
  return group?.from === from ? group : undefined;
}

/** Relations said of several people, asked about as one: "and the kids?", "your children's names?". */
const RELATION_GROUPS = wordSet('kids children sons daughters grandkids grandchildren');

/** How far from the end of a prompt its relation may be: "and your wife's details please?". */
const RELATION_PROMPT_TAIL = 4;

/**
 * The relation the end of a prompt asks about: "... your wife's details?", not "... money to my
 * sister in Spain" (nothing after the relation places it); the first one when several are.
 */
function askedRelation(prompt: readonly string[]): string | undefined {
  const from = Math.max(1, prompt.length - RELATION_PROMPT_TAIL);
  for (let k = from; k < prompt.length; k += 1) {
    const word = prompt[k]!;
    if (!RELATION_WORDS.has(word) && !RELATION_GROUPS.has(word)) continue;
    const owner = prompt[k - 1]!;
    if (
      (RELATION_OWNERS.has(owner) || owner === 'the') &&
      !prompt.slice(k + 1).some((after) => STOP_WORDS.has(after))
    ) {
      return word;
    }
  }
  return undefined;
}

/**
 * "And your wife?" "Freya Lindqvist, she kept her name": a name opening the answer to a question
 * about someone's relation.
 */
function relationAnswers(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  dialogue.prompts.forEach((prompt, t) => {
    const asked = askedRelation(prompt);
    if (asked === undefined) return;
    const end = dialogue.turnEnd[t]!;
    const start = skipLeadIns(words, dialogue.turnFirst[t]!, end).at;
    const limit = Math.min(end, start + MAX_NAME_WORDS);
    const group =
      nameGroup(tokens, start, limit, strictIn(dialogue, t)) ??
      (uncasedTurn(dialogue, t) ? uncasedRelative(tokens, start, end) : undefined);
    if (!group || group.from !== start) return;
    // "And the kids?" "Mia, she's six, and Noah": each child's name after "and".
    const more = RELATION_GROUPS.has(asked)
      ? namesAfterAnd(tokens, group.to, end, strictIn(dialogue, t))
      : [];
    for (const { from: at, to } of [group, ...more]) {
      findings.push(tokenFinding(dialogue, NAME, TYPE, at, to, RELATION_SCORE, ['relation-asked']));
    }
  });
  return findings;
}

/** A plain name in a turn without capitals: two name words, or a listed first name. */
function uncasedName(tokens: readonly Token[], at: number, limit: number): NameGroup | undefined {
  const group = nameGroup(tokens, at, limit, false);
  if (!group) return undefined;
  return group.to - group.from >= 2 || FIRST_NAMES.has(tokens[group.from]!.lower) ? group : undefined;
}

/**
 * A relative's name without capitals: two name words or a listed first name, or one word that ends
 * the turn or is followed by what follows a name ("my wife ishbel", "my son dominic is ...").
 */
function uncasedRelative(tokens: readonly Token[], at: number, end: number): NameGroup | undefined {
  const limit = Math.min(end, at + MAX_NAME_WORDS);
  return uncasedName(tokens, at, limit) ?? uncasedRun(tokens, at, end, (word) => AFTER_NAME_WORDS.has(word));
}

/**
 * A full name after a weak introduction in a turn without capitals ("is this amara lindqvist"):
 * two name words, or a listed first name, ending the turn or a sentence.
 */
function uncasedFullName(dialogue: Dialogue, at: number): NameGroup[] {
  const { tokens } = dialogue;
  const turn = tokens[at]?.turn;
  if (turn === undefined || !uncasedTurn(dialogue, turn)) return [];
  const group = uncasedRun(tokens, at, dialogue.turnEnd[turn]!, (word) => STOP_WORDS.has(word));
  if (!group) return [];
  return group.to - group.from >= 2 || FIRST_NAMES.has(tokens[at]!.lower) ? [group] : [];
}

/** An agent's "i'm harriet" in a greeting without capitals: one name word ending the turn or a sentence. */
function greetingName(dialogue: Dialogue, at: number): NameGroup | undefined {
  const { tokens } = dialogue;
  const turn = tokens[at]?.turn;
  if (turn === undefined || turn >= GREETING_TURNS || !uncasedTurn(dialogue, turn)) return undefined;
  const group = uncasedRun(tokens, at, dialogue.turnEnd[turn]!, (word) => STOP_WORDS.has(word));
  return group && group.to - group.from === 1 ? group : undefined;
}

/**
 * Up to MAX_NAME_WORDS words from `at` that may be a name in a turn without capitals, ending the
 * turn at `end` or followed by a word `fits`; case cannot mark where the name stops.
 */
function uncasedRun(
  tokens: readonly Token[],
  at: number,
  end: number,
  fits: (word: string) => boolean,
): NameGroup | undefined {
  let to = at;
  while (to < end && to - at < MAX_NAME_WORDS && uncasedNameWord(tokens[to]!)) to += 1;
  if (to === at || (to < end && !fits(tokens[to]!.lower))) return undefined;
  return { from: at, to, strong: false };
}

/**
 * A word that may be a name where case cannot tell: listed, or not ordinary talk, not a word said
 * in place of a name ("mate", "kindly"), not shaped like a verb or an adverb ("looking", "asked")
 * and not the name of a topic ("expiration").
 */
function uncasedNameWord(token: Token): boolean {
  const strength = strengthOf(token);
  if (strength === undefined || strength === 'initial') return false;
  if (FIRST_NAMES.has(token.lower) || SURNAMES.has(token.lower)) return true;
  return (
    !NAME_STAND_INS.has(token.lower) &&
    !/(?:ing|ed|ly)$/u.test(token.lower) &&
    findCues([token.lower]).length === 0
  );
}

const uncasedCache = new WeakMap<Dialogue, boolean[]>();

/**
 * True when turn t is written without capitals (some engines print lower case only); read once per
 * view. Capitals the normaliser writes itself (spelled letters "PRYCE", codes "GK 19") say nothing
 * of how the engine wrote the words; "I" does.
 */
function uncasedTurn(dialogue: Dialogue, t: number): boolean {
  let turns = uncasedCache.get(dialogue);
  if (!turns) {
    turns = dialogue.turnFirst.map((first, turn) =>
      dialogue.tokens
        .slice(first, dialogue.turnEnd[turn])
        .every(
          (token) => token.text === token.lower || (token.text !== 'I' && /^[\p{Lu}\d]+$/u.test(token.text)),
        ),
    );
    uncasedCache.set(dialogue, turns);
  }
  return turns[t]!;
}

/**
 * "12 Oak Dr": a "Dr" after a street's name shortly after a number in the same turn ends a street,
 * it is no title ("at 3:15 with Dr Amrit" is one).
 */
function followsNumber(tokens: readonly Token[], k: number): boolean {
  const turn = tokens[k]!.turn;
  const street = tokens[k - 1];
  if (!street || street.turn !== turn || !isLetterWord(street.text) || STOP_WORDS.has(street.lower))
    return false;
  return tokens
    .slice(Math.max(0, k - 4), k - 1)
    .some((token) => token.turn === turn && /\d/.test(token.text));
}

/**
 * A known name word: `agent` when only an agent's own introduction named it, `surname` when it was
 * said after another name word or a title ("Hughes" of "Darren Hughes", "Mr Kwong").
 */
interface KnownWord {
  agent: boolean;
  surname: boolean;
}

type Known = ReadonlyMap<string, KnownWord>;

/**
 * Words of names found with confidence in any stream of the call, grown by the name words said
 * right beside a known one ("Liam" of "Liam Hughes"). An agent's own name is known too, marked so
 * its repeats keep the agent-introduction score.
 */
function knownNameWords(input: RecognizerInput): Known {
  const cached = knownCache.get(input.views);
  if (cached) return cached;
  const known = new Map<string, KnownWord>();
  const learn = (finding: Finding): boolean => {
    // A listed first name said anywhere teaches nothing: the agent's own stays marked as theirs.
    if (finding.score < 0.5 || finding.reasons.includes(LISTED)) return false;
    const agent = finding.reasons.includes(AGENT_INTRODUCTION);
    const titled = finding.reasons.some((reason) => reason.startsWith('title:'));
    let grew = false;
    nameWords(finding.value).forEach(({ word, after }) => {
      const was = known.get(word);
      const now = {
        agent: agent && (was?.agent ?? true),
        surname: after || titled || (was?.surname ?? false),
      };
      if (was && was.agent === now.agent && was.surname === now.surname) return;
      known.set(word, now);
      grew = true;
    });
    return grew;
  };
  const dialogues = input.views.map((view) => readDialogue({ ...input, view }));
  for (const dialogue of dialogues) for (const finding of ownFindings(dialogue, input)) learn(finding);
  for (let round = 0; round < KNOWN_ROUNDS; round += 1) {
    let grew = false;
    const found: Finding[][] = [];
    for (const dialogue of dialogues) {
      const repeats = repeatedNames(dialogue, input, known);
      for (const finding of repeats) grew = learn(finding) || grew;
      found.push(repeats);
    }
    if (!grew) {
      // The round changed no known word: its repeats are the ones the final words find.
      dialogues.forEach((dialogue, i) => settledRepeats.set(dialogue, found[i]!));
      break;
    }
  }
  knownCache.set(input.views, known);
  return known;
}

const knownCache = new WeakMap<readonly StreamView[], Known>();
/** Each view's names said again, found with the final known words while they were learnt. */
const settledRepeats = new WeakMap<Dialogue, Finding[]>();

/**
 * The words of a name, with the parts of hyphenated ones ("pryce-jones" → also "pryce", "jones"),
 * each marked when another name word came before it.
 */
function nameWords(value: string): { word: string; after: boolean }[] {
  const words = foldedWords(value).filter((word) => word.length > 1 && word !== "'s");
  return words.flatMap((word, k) => {
    const parts = word.includes('-') ? [word, ...word.split('-').filter((part) => part.length > 1)] : [word];
    return parts.map((part, p) => ({ word: part, after: k > 0 || p > 1 }));
  });
}

/**
 * A known name said again where no cue marks it: "thank you, Sarah Jones", "so that's Kwong",
 * with clear name words right after it ("Daniel Walter Pruitt" once "Daniel" is known) and one
 * name word, maybe with an initial, right before it ("Liam Hughes", "Jerome P Castellano").
 */
function repeatedNames(dialogue: Dialogue, input: RecognizerInput, known: Known): Finding[] {
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  const variants = new Set<number>();
  const stems = surnameStems(known);
  const isKnown = (k: number): boolean => {
    if (known.has(tokens[k]!.lower) || knownParts(tokens[k]!.lower, known)) return true;
    if (!surnameVariant(tokens[k]!, stems)) return false;
    variants.add(k);
    return true;
  };
  for (let k = 0; k < tokens.length; k += 1) {
    const strength = isKnown(k) ? strengthOf(tokens[k]!) : undefined;
    if (strength === undefined) continue;
    // An agent's introduction may hold their company's words: only a clear name of theirs is chased.
    if (known.get(tokens[k]!.lower)?.agent && strength !== 'strong') continue;
    const turn = tokens[k]!.turn;
    const turnFirst = dialogue.turnFirst[turn]!;
    const turnEnd = dialogue.turnEnd[turn]!;
    let end = k + 1;
    while (end < turnEnd && isKnown(end)) end += 1;
    const clear = nameGroup(tokens, k, Math.min(turnEnd, k + MAX_NAME_WORDS), strictIn(dialogue, turn));
    const surname = known.get(tokens[k]!.lower)?.surname ?? variants.has(k);
    if (clear && clear.to > end) end = clear.to;
    else if (end === k + 1 && end < turnEnd && !surname && uncasedTurn(dialogue, turn)) {
      // Without capitals, a known first name's surname is a word that may be a name: "for dev raman".
      if (uncasedNameWord(tokens[end]!)) end += 1;
    }
    // "Hi Dana, Lee Porter, Porter Haulage": a name said again stops at a comma.
    end = commaBefore(dialogue, input, k, end);
    const from = surname ? nameBefore(tokens, k, turnFirst) : k;
    const agentOnly = tokens.slice(k, end).every((token) => known.get(token.lower)?.agent ?? false);
    const score = agentOnly ? AGENT_INTRODUCTION_SCORE : REPEATED_SCORE;
    const reasons = agentOnly ? ['repeated', AGENT_INTRODUCTION] : ['repeated'];
    findings.push(tokenFinding(dialogue, NAME, TYPE, from, end, score, reasons));
    k = end - 1;
  }
  return findings;
}

/** Where a run of tokens from k to `to` ends: after its first word written with a comma, or at `to`. */
function commaBefore(dialogue: Dialogue, input: RecognizerInput, k: number, to: number): number {
  for (let at = k; at < to - 1; at += 1) {
    if (writtenAt(dialogue, input, dialogue.tokens[at]!.end - 1).endsWith(',')) return at + 1;
  }
  return to;
}

/** How many letters at its end a family name may change between relatives ("Wiśniewski", "Wiśniewska"). */
const SURNAME_ENDING = 2;
const MIN_VARIANT_LETTERS = 6;

/**
 * The stems a known surname of at least MIN_VARIANT_LETTERS letters lends its variants: its first
 * letters but one, two or three, the stem (all but SURNAME_ENDING letters) of a word one letter
 * shorter, as long or one letter longer. Read once per pass over a view, not once per word.
 */
function surnameStems(known: Known): ReadonlySet<string> {
  const stems = new Set<string>();
  for (const [word, { surname }] of known) {
    if (!surname || word.length < MIN_VARIANT_LETTERS) continue;
    for (let cut = 1; cut <= SURNAME_ENDING + 1; cut += 1) stems.add(word.slice(0, -cut));
  }
  return stems;
}

/**
 * True for a capitalised word that is a known surname with another ending, as relatives' names
 * are in several languages ("Wiśniewska" of "Wiśniewski", "Petrova" of "Petrov"); `stems` are the
 * known surnames' (surnameStems).
 */
function surnameVariant(token: Token, stems: ReadonlySet<string>): boolean {
  const { lower } = token;
  return (
    lower.length >= MIN_VARIANT_LETTERS &&
    CAPITALISED.test(token.text) &&
    stems.has(lower.slice(0, -SURNAME_ENDING))
  );
}

/** True for a hyphenated word whose parts are all known ("pryce-jones" once "pryce" and "jones" are). */
function knownParts(lower: string, known: Known): boolean {
  return lower.includes('-') && lower.split('-').every((part) => known.has(part));
}

/**
 * Where a name said before the known surname at k starts: a name word (and an initial) before it,
 * written in the same case ("Liam Hughes", "rafael alvarez", not "hope Malik"), or k.
 */
function nameBefore(tokens: readonly Token[], k: number, turnFirst: number): number {
  const cased = /^\p{Lu}/u.test(tokens[k]!.text);
  const fits = (at: number): boolean => {
    const token = tokens[at]!;
    const strength = strengthOf(token);
    if (cased) return strength === 'strong' && /^\p{Lu}/u.test(token.text);
    return strength === 'strong' || (strength === 'plain' && !COMMON_WORDS.has(token.lower));
  };
  if (k - 1 < turnFirst) return k;
  if (strengthOf(tokens[k - 1]!) === 'initial') return k - 2 >= turnFirst && fits(k - 2) ? k - 2 : k;
  return fits(k - 1) ? k - 1 : k;
}
