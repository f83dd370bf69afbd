/**
 * SECURITY_ANSWER: the answer to a security question ("mother's maiden name", "name of your first
 * pet", "city you were born in", "favourite teacher", "memorable place"…). When the caller repeats
 * the question before answering ("my first pet was called ..."), only the answer part counts.
 */
import type { Recognizer } from './recognizer.js';
import { readDialogue } from './dialogue/dialogue.js';
import { valueEnd } from './dialogue/answers.js';
import { keepBest, siteFindings } from './dialogue/findings.js';
import { findCues } from './dialogue/topics.js';
import { COMMON_WORDS, STOP_WORDS } from '../lexicon/words.js';

const NAME = 'security-answer';
const MAX_WORDS = 6;

export const securityAnswerRecognizer: Recognizer = {
  name: NAME,
  types: ['SECURITY_ANSWER'],
  recognize(input) {
    const dialogue = readDialogue(input);
    const { words } = dialogue;
    return keepBest(
      siteFindings(dialogue, 'security', NAME, 'SECURITY_ANSWER', { asked: 0.85, stated: 0.85 }, (site) => {
        const to = valueEnd(words, site.start, site.limit, MAX_WORDS);
        const value = words.slice(site.start, to);
        // An answer names something (a word that is not ordinary talk) and is not the question itself
        // ("your security question is mother's maiden name").
        const names = value.some((word) => !STOP_WORDS.has(word) && !COMMON_WORDS.has(word));
        const restatesQuestion = findCues(value).some((cue) => cue.topic === 'security');
        return names && !restatesQuestion ? [{ from: site.start, to }] : [];
      }),
    );
  },
};
