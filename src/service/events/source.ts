/**
 * Inbound event sources: who may post to `POST /v1/events/:source`, how they prove it, and where the
 * data their events point at may be fetched from. Configured by the operator, never by a caller.
 */
import * as z from 'zod';
import { HushError } from '../../errors.js';
import { isAllowListed } from '../../net/url-policy.js';
import { policyError } from '../../policy/problems.js';
import { isWebhookSecret } from '../webhooks/signing.js';

export const INBOUND_KINDS = ['generic', 'genesys', 'symbl'] as const;
/** Which body a source sends: Hush's generic event, a Genesys relay, or Symbl's job webhook. */
export type InboundKind = (typeof INBOUND_KINDS)[number];

/**
 * `hmac`: Standard Webhooks signatures with a `whsec_` secret (senders that can sign). `token`: a
 * shared token in `Authorization: Bearer` or `?token=` (Symbl's webhook cannot sign, so a token in
 * its `webhookUrl` is all it can carry).
 */
export type InboundAuth = { scheme: 'hmac'; secret: string } | { scheme: 'token'; token: string };

export interface InboundSource {
  /** The `:source` of the route: lower-case letters, digits and dashes. */
  name: string;
  kind: InboundKind;
  auth: InboundAuth;
  /**
   * Hosts the recording and transcript an event points at may be fetched from, written as for the
   * URL guard (`host`, any port; `host:port`); an event pointing elsewhere is refused. The guard
   * still applies when the worker fetches.
   */
  allowHosts: string[];
}

/** Whether the URL guard can read `entry` (it refuses one it cannot). */
function isHostEntry(entry: string): boolean {
  try {
    isAllowListed(new URL('https://example.invalid/'), [entry]);
    return true;
  } catch {
    return false;
  }
}

/** Shortest token accepted: guessing must stay out of reach. */
const MIN_TOKEN_LENGTH = 32;

const inboundSourceSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  kind: z.enum(INBOUND_KINDS),
  auth: z.discriminatedUnion('scheme', [
    z.strictObject({
      scheme: z.literal('hmac'),
      secret: z.string().refine(isWebhookSecret, 'a whsec_ secret of at least 24 bytes in base64'),
    }),
    z.strictObject({ scheme: z.literal('token'), token: z.string().min(MIN_TOKEN_LENGTH) }),
  ]),
  allowHosts: z.array(z.string().refine(isHostEntry, 'a host name or address with an optional port')),
});

/** Validates the operator's list of sources; errors name the field, never a secret. */
export function parseInboundSources(value: unknown, origin: string): InboundSource[] {
  const result = z.array(inboundSourceSchema).safeParse(value);
  if (!result.success) {
    throw new HushError('USAGE', policyError(origin, result.error.issues, value).message);
  }
  const names = result.data.map((source) => source.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined)
    throw new HushError('USAGE', `${origin}: source "${repeated}" is defined twice`);
  return result.data;
}
