/**
 * The peer libraries, used as a new user would: each gets one speaker turn's text at a time and
 * reports character ranges (through its detection API when it has one, otherwise by diffing its
 * redacted output against the input), typed in Hush's entity names where a type corresponds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedRanges } from './diff.js';
import { REPO_DIR } from '../corpus/paths.js';

export interface TextFinding {
  /** Character range in the turn text, [start, end). */
  start: number;
  end: number;
  /** A Hush entity type when the peer's type corresponds to one, else the peer's own name. */
  type: string;
}

export interface Peer {
  name: string;
  version: string;
  find(text: string): Promise<TextFinding[]>;
}

function versionOf(packageName: string): string {
  const manifest = JSON.parse(
    readFileSync(join(REPO_DIR, 'node_modules', packageName, 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}

/** Peer type names (placeholders and detection types) → Hush types, first match wins. */
const TYPE_MAP: readonly [RegExp, string][] = [
  [/^CVV/, 'CARD_CVV'],
  [/^CARD_EXPIRY$/, 'CARD_EXPIRY'],
  [/CREDIT_CARD/, 'CREDIT_CARD'],
  [/^(US_SOCIAL_SECURITY_NUMBER|SSN|US_SSN)$/, 'US_SSN'],
  [/PHONE/, 'PHONE_NUMBER'],
  [/^EMAIL/, 'EMAIL_ADDRESS'],
  [/^(DATE_OF_BIRTH|DOB)$/, 'DATE_OF_BIRTH'],
  [/IBAN/, 'IBAN'],
  [/SORT_CODE/, 'SORT_CODE'],
  [/ROUTING/, 'ROUTING_NUMBER'],
  [/BANK_ACCOUNT/, 'BANK_ACCOUNT'],
  [/PASSPORT/, 'PASSPORT'],
  [/DRIVING_LICEN[CS]E|DRIVERS?_LICEN[CS]E/, 'DRIVERS_LICENSE'],
  [/HEALTH_PLAN|MEMBER(SHIP)?_(ID|NUMBER)/, 'MEMBER_ID'],
  [/POSTCODE|ZIP/, 'POSTAL_CODE'],
  [/^IP(V[46]|_ADDRESS)$/, 'IP_ADDRESS'],
  [/^(NAME|PERSON_NAME)$/, 'PERSON_NAME'],
  [/^(ADDRESS_STREET|STREET_ADDRESS)$/, 'STREET_ADDRESS'],
  [/USERNAME/, 'USERNAME'],
  [/PASSWORD|CREDENTIALS/, 'PASSWORD'],
];

export function hushType(peerType: string): string {
  const upper = peerType.toUpperCase();
  return TYPE_MAP.find(([pattern]) => pattern.test(upper))?.[1] ?? upper;
}

/** A redactor that only returns redacted text: findings are the runs it changed. */
function diffPeer(name: string, packageName: string, redact: (text: string) => string): Peer {
  return {
    name,
    version: versionOf(packageName),
    find: (text) =>
      Promise.resolve(
        changedRanges(text, redact(text)).map((change) => ({
          start: change.start,
          end: change.end,
          type: change.placeholder ? hushType(change.placeholder) : 'UNKNOWN',
        })),
      ),
  };
}

/** Loads the three peers with their default settings (no cloud services). */
export async function loadPeers(): Promise<Peer[]> {
  const { SyncRedactor } = await import('redact-pii');
  const { OpenRedaction } = await import('openredaction');
  const { Redactor } = await import('@redactpii/node');

  const redactPii = new SyncRedactor();
  const openRedaction = new OpenRedaction();
  const redactPiiNode = new Redactor();

  return [
    diffPeer('redact-pii', 'redact-pii', (text) => redactPii.redact(text)),
    {
      name: 'openredaction',
      version: versionOf('openredaction'),
      async find(text) {
        const result = await openRedaction.detect(text);
        return result.detections.map((detection) => ({
          start: detection.position[0],
          end: detection.position[1],
          type: hushType(detection.type),
        }));
      },
    },
    diffPeer('@redactpii/node', '@redactpii/node', (text) => redactPiiNode.redact(text)),
  ];
}
