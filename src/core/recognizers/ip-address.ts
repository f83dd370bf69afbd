/**
 * IP_ADDRESS: IPv4 with octets 0–255 (not a version number), dotted or, after an IP cue, said
 * apart or run together where some dots were not said; and written IPv6.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { hasNegativeTrail, patternRecognizer } from './pattern.js';
import { ViewRegex } from '../normalise/view-regex.js';
import { BACKCHANNEL_PHRASES } from '../normalise/lexicon.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// No leading look-ahead in either regex: it would stop the engine skipping straight to candidates.
const IPV4 = new ViewRegex(
  `(?<![\\p{L}\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{L}\\p{N}]|\\.\\p{N})`,
  'gu',
);
/** Four octets said or written apart, without "dot" ("185 220 101 47"): only after an IP cue. */
const SPACED_IPV4 = new ViewRegex(
  `(?<![\\p{L}\\p{N}.$£€])${OCTET}(?: ${OCTET}){3}(?![\\p{L}\\p{N}%]|[.,/:]\\p{N})`,
  'gu',
);
/** The other party's backchannels, which a mono transcript prints inside a value ("yep", "okay"). */
const BACKCHANNELS = BACKCHANNEL_PHRASES.filter(
  (phrase) => !/\d|\b(?:and|then|next|last|rest)\b/.test(phrase),
)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** Where a turn broke between octets: a space, with "dot" said or not and a backchannel either side. */
const BREAK = ` (?:(?:${BACKCHANNELS}) )?(?:dot )?(?:(?:${BACKCHANNELS}) )?`;
const BREAK_WORDS = new RegExp(BREAK, 'g');

/**
 * Four octets given over two turns ("one ninety two dot one sixty eight" / "yep" / "dot zero dot
 * ten"): each turn's dots are written, the one at the break is left a word or not said. Only
 * after an IP cue, and only with a break of that kind among written dots (one kind alone is IPV4's
 * or SPACED_IPV4's).
 */
const SPLIT_IPV4 = new ViewRegex(
  `(?<![\\p{L}\\p{N}.$£€])(?=[\\d.]+${BREAK}[\\d.]+\\.|[\\d.]+\\.[\\d.]+${BREAK})${OCTET}(?:(?:\\.|${BREAK})${OCTET}){3}(?![\\p{L}\\p{N}%]|[.,/:]\\p{N})`,
  'gu',
);

/**
 * Octets run together where only some dots were said ("one ninety two one sixty eight one dot two
 * oh five" is written `1921681.205`): only after an IP cue, and only when the digits split into
 * four octets between the dots (see splitsIntoOctets).
 */
const RUN_TOGETHER_IPV4 = /(?<![\p{L}\p{N}.$£€])\d{1,12}(?:\.\d{1,9}){0,2}(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;
const OCTET_ONLY = new RegExp(`^${OCTET}$`);

/** True when the dot-separated parts split, in order, into exactly four octets 0–255. */
function splitsIntoOctets(value: string): boolean {
  const parts = value.split('.');
  // How many octets each part could give, part by part: the sums reachable so far.
  let reachable = new Set([0]);
  for (const part of parts) {
    const next = new Set<number>();
    for (const count of octetCounts(part))
      for (const sum of reachable) if (sum + count <= 4) next.add(sum + count);
    reachable = next;
  }
  return reachable.has(4);
}

/** The numbers of octets a run of digits splits into (each 0–255, no leading zero). */
function octetCounts(digits: string, counts = new Set<number>(), depth = 0): Set<number> {
  if (digits === '') {
    counts.add(depth);
    return counts;
  }
  if (depth >= 4) return counts;
  for (let length = 1; length <= 3 && length <= digits.length; length += 1) {
    if (OCTET_ONLY.test(digits.slice(0, length))) octetCounts(digits.slice(length), counts, depth + 1);
  }
  return counts;
}
const ipCues = compileCues(ENTITY_CUES.IP_ADDRESS ?? []);
const addressCues = compileCues(['ip( address)?', 'i p( address)?']);
const lookAlikes = compileCues(NEGATIVE_CUES);
/** Digits run together need this many, in a part of at least RUN_PART_DIGITS: "12.50" is a price. */
const RUN_MIN_DIGITS = 6;
const RUN_PART_DIGITS = 4;
/**
 * With no dot said at all ("one nine two one six eight one one" is written `19216811`) it takes
 * more: four octets of one digit each are a short code, not an address.
 */
const UNDOTTED_MIN_DIGITS = 8;

/**
 * A run-together address is weak evidence: the IP cue must be said or asked right there (not only
 * in an older question), with no look-alike named nearer and nothing like "dollars" after it.
 */
function runTogetherFits(value: string, window: MatchWindow): boolean {
  const dotted = value.includes('.');
  if (value.replace(/\./g, '').length < (dotted ? RUN_MIN_DIGITS : UNDOTTED_MIN_DIGITS)) return false;
  if (!value.split('.').some((part) => part.length >= RUN_PART_DIGITS)) return false;
  if (hasNegativeTrail(window)) return false;
  // Undotted digits are any number's: only the address itself named will do, not "router" or "server".
  const cues = dotted ? ipCues : addressCues;
  const cue = window.leadInCue(cues);
  const lookAlike = window.leadInCue(lookAlikes);
  if (cue) return !lookAlike || lookAlike.end < cue.end;
  return !lookAlike && window.promptCue(cues) !== undefined;
}
const H = '[0-9a-f]{1,4}';
const IPV6 = new ViewRegex(
  `(?<![\\p{L}\\p{N}:.])(?=[0-9a-f]{0,4}:)(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:|(?:${H}:){1,6}:${H}|(?:${H}:){1,5}(?::${H}){1,2}|` +
    `(?:${H}:){1,4}(?::${H}){1,3}|(?:${H}:){1,3}(?::${H}){1,4}|(?:${H}:){1,2}(?::${H}){1,5}|${H}:(?::${H}){1,6}|` +
    `::(?:${H}(?::${H}){0,6})?)(?![\\p{L}\\p{N}:.])`,
  'giu',
);

export const ipAddressRecognizer = patternRecognizer({
  name: 'ip-address',
  type: 'IP_ADDRESS',
  patterns: [
    { name: 'ipv4', regex: IPV4, score: 0.6 },
    { name: 'ipv6', regex: IPV6, score: 0.7 },
    { name: 'ipv4 spaced', regex: SPACED_IPV4, score: 0.6, requireContext: true },
    { name: 'ipv4 split', regex: SPLIT_IPV4, score: 0.6, requireContext: true },
    {
      name: 'ipv4 run together',
      regex: RUN_TOGETHER_IPV4,
      score: 0.6,
      requireContext: true,
      validate: (value, window) => splitsIntoOctets(value) && runTogetherFits(value, window),
    },
  ],
  cues: ENTITY_CUES.IP_ADDRESS,
  // Four dotted octets are rarely anything else: only a version number is.
  negatives: ['version', 'firmware', 'release'],
  trailNegatives: [],
  value: (matched) => matched.toLowerCase().replace(BREAK_WORDS, '.'),
  // "::" alone and bare times like "10:30" are not addresses; digits alone are octets run together.
  validate: (value) =>
    /^[\d.]+$/.test(value) || ((value.match(/:/g) ?? []).length >= 2 && /[0-9a-f]{2}/.test(value)),
  // "v 10.2.0.1" is a version only with the "v" right before it: a lone letter further back or in the
  // question is part of something else (a licence "V 415…" given just before).
  invalidate: (_value, window) => /\bv$/.test(window.leadIn.trimEnd()),
});
