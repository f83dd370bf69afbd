/** EMAIL_ADDRESS: written addresses, and spoken ones once normalised ("john dot smith at gmail dot com"). */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { StreamView } from '../normalise/view.js';
import { patternRecognizer } from './pattern.js';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}])/uy;

/** Addresses found from each `@` outwards, so text without one costs a single scan. */
function findEmails(view: StreamView): { start: number; end: number }[] {
  const { text } = view;
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (start === at || !domain) continue;
    found.push({ start, end: at + 1 + domain[0].length });
  }
  return found;
}

export const emailAddressRecognizer = patternRecognizer({
  name: 'email-address',
  type: 'EMAIL_ADDRESS',
  patterns: [{ name: 'address', find: findEmails, score: 0.9 }],
  cues: ENTITY_CUES.EMAIL_ADDRESS,
  cueBoost: 0.1,
  negatives: [],
  trailNegatives: [],
  value: (matched) => matched.toLowerCase(),
});
