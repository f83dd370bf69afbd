/**
 * SECURITY_ANSWER: the answer to a security question ("mother's maiden name", "name of your first
 * pet", "city you were born in", "favourite teacher", "memorable place"…). When the caller repeats
 * the question before answering ("my first pet was called ..."), only the answer part counts.
 * Also the letters of a memorable word a bank asks for by position ("letters two and six?"
 * "the second one is K and the sixth one is t"): single letters given in answer, first to last.
 */
import { compileCues } from '../context/cue-matcher.js';
import type { Finding } from '../detection.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue } from './dialogue/dialogue.js';
import { valueEnd } from './dialogue/answers.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import { findCues } from './dialogue/topics.js';
import { COMMON_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';
import { POSITION_REQUEST_CUES } from '../lexicon/entity-cues.js';
import { MEMORABLE_WORD_CUES } from '../lexicon/password-cues.js';

const NAME = 'security-answer';
const MAX_WORDS = 6;
const LETTERS_SCORE = 0.85;

const positionsAsked = compileCues(POSITION_REQUEST_CUES);
/** Words one of which a request for letters by position holds (later ordinals are digits in a view). */
const POSITION_WORDS = wordSet('first second third last letter letters character characters');
const memorableWord = compileCues(MEMORABLE_WORD_CUES);
/** How long (ms) after a memorable word was asked for a position asked alone ("and the seventh?") still is one of its letters. */
const MEMORABLE_TOPIC_MS = 60_000;
/** A spelled letter as an answer: not the article "a" or the pronoun "I". */
const SINGLE_LETTER = /^(?:[B-HJ-Zb-hj-z]|A)$/;

export const securityAnswerRecognizer: Recognizer = {
  name: NAME,
  types: ['SECURITY_ANSWER'],
  recognize(input) {
    const dialogue = readDialogue(input);
    const { words } = dialogue;
    return keepBest([
      ...siteFindings(
        dialogue,
        'security',
        NAME,
        'SECURITY_ANSWER',
        { asked: 0.85, stated: 0.85 },
        (site) => {
          const to = valueEnd(words, site.start, site.limit, MAX_WORDS);
          const value = words.slice(site.start, to);
          // An answer names something (a word that is not ordinary talk) and is not the question itself
          // ("your security question is mother's maiden name").
          const names = value.some((word) => !STOP_WORDS.has(word) && !COMMON_WORDS.has(word));
          const restatesQuestion = findCues(value).some((cue) => cue.topic === 'security');
          return names && !restatesQuestion ? [{ from: site.start, to }] : [];
        },
      ),
      ...lettersByPosition(dialogue, input),
    ]);
  },
};

/** The single letters of each turn answering a request for some letters of a memorable word. */
function lettersByPosition(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const findings: Finding[] = [];
  dialogue.prompts.forEach((prompt, t) => {
    if (!prompt.some((word) => POSITION_WORDS.has(word))) return;
    const asked = prompt.join(' ');
    if (!positionsAsked.test(asked)) return;
    const charStart = dialogue.view.turns[t]!.charStart;
    const onTopic =
      memorableWord.test(asked) ||
      input.context.topicRaised(dialogue.view, charStart, memorableWord, MEMORABLE_TOPIC_MS);
    if (!onTopic) return;
    let first = -1;
    let last = -1;
    for (let k = dialogue.turnFirst[t]!; k < dialogue.turnEnd[t]!; k += 1) {
      if (!SINGLE_LETTER.test(dialogue.tokens[k]!.text)) continue;
      if (first === -1) first = k;
      last = k;
    }
    if (first !== -1) {
      findings.push(
        tokenFinding(dialogue, NAME, 'SECURITY_ANSWER', first, last + 1, LETTERS_SCORE, [
          'letters-by-position',
        ]),
      );
    }
  });
  return findings;
}
