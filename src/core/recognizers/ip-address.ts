/** IP_ADDRESS: IPv4 with octets 0–255 (not a version number), and written IPv6. */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { patternRecognizer } from './pattern.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// No leading look-ahead in either regex: it would stop the engine skipping straight to candidates.
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{L}\\p{N}]|\\.\\p{N})`, 'gu');
const H = '[0-9a-f]{1,4}';
const IPV6 = new RegExp(
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
  ],
  cues: ENTITY_CUES.IP_ADDRESS,
  // Four dotted octets are rarely anything else: only a version number is.
  negatives: ['version', 'v', 'firmware', 'release'],
  trailNegatives: [],
  value: (matched) => matched.toLowerCase(),
  // "::" alone and bare times like "10:30" are not addresses.
  validate: (value) =>
    value.includes('.') || ((value.match(/:/g) ?? []).length >= 2 && /[0-9a-f]{2}/.test(value)),
});
