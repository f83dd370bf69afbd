/**
 * What a URL fetch may reach, checked before every request (the first and each redirect): the
 * scheme, then the addresses the host resolves to. The addresses checked are returned so that the
 * connection goes to exactly those (a second DNS answer could otherwise point elsewhere).
 */
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { HushError } from '../errors.js';
import { nonPublicRange } from './address.js';

export interface UrlPolicy {
  /**
   * Hosts trusted by the operator: they may resolve to private addresses and may be fetched over
   * plain http. An entry is a name or an IP address, with an optional port (`minio.internal`,
   * `10.0.0.5:9000`, `[::1]:8080`, `::1`); without a port it matches every port. It is compared
   * with the URL's host as written, not with the addresses a name resolves to.
   */
  allowHosts: readonly string[];
  /** Every address may be reached (a deployment entirely inside a trusted network). */
  allowPrivate?: boolean;
  /** The most bytes of a response body; more is an error, found while streaming. */
  maxBytes: number;
  /** The whole exchange, from the first DNS lookup to the last byte of the last redirect's body. */
  timeoutMs: number;
  /** 0: a redirect is an error. */
  maxRedirects: number;
  /** Plain http to any host; without it, http only to allow-listed hosts. */
  allowHttp?: boolean;
}

/** A host as allow-listing compares it: `bareHostname`, and the port (explicit or the scheme's). */
interface HostPort {
  hostname: string;
  port: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** A hostname as `URL` writes it, without IPv6 brackets and without a trailing dot. */
export function bareHostname(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** An allow-list entry normalised the way `URL` normalises hosts (`127.1` is `127.0.0.1`). */
function parseEntry(entry: string): HostPort & { anyPort: boolean } {
  const trimmed = entry.trim();
  // A bare IPv6 address has several colons and no port.
  const bare6 = (trimmed.match(/:/g) ?? []).length > 1 && !trimmed.startsWith('[');
  const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(bare6 ? `[${trimmed}]` : trimmed);
  let hostname: string | undefined;
  try {
    hostname = match ? new URL(`http://${match[1]}/`).hostname : undefined;
  } catch {
    hostname = undefined;
  }
  if (!match || hostname === undefined) {
    throw new HushError(
      'USAGE',
      `allowed hosts: "${entry}" is not a host name or address with an optional port`,
    );
  }
  return { hostname: bareHostname(hostname), port: match[2] ?? '', anyPort: match[2] === undefined };
}

function hostPort(url: URL): HostPort {
  return { hostname: bareHostname(url.hostname), port: url.port || (DEFAULT_PORTS[url.protocol] ?? '') };
}

/** True when `url`'s host (and port, if the entry names one) is in `allowHosts`. */
export function isAllowListed(url: URL, allowHosts: readonly string[]): boolean {
  const target = hostPort(url);
  return allowHosts.some((entry) => {
    const allowed = parseEntry(entry);
    return allowed.hostname === target.hostname && (allowed.anyPort || allowed.port === target.port);
  });
}

/** Refuses schemes other than https (and http where allowed), and credentials inside the URL. */
export function checkUrl(url: URL, policy: UrlPolicy): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HushError('USAGE', `only https URLs are fetched, not ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !policy.allowHttp && !isAllowListed(url, policy.allowHosts)) {
    throw new HushError(
      'USAGE',
      `${url.host}: plain http is refused (https only, http for allow-listed hosts)`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new HushError('USAGE', `${url.host}: credentials inside a URL are not sent; use a header`);
  }
}

/** The addresses `url`'s host resolves to, each one allowed by the policy; resolution stops at `signal`. */
export async function allowedAddresses(
  url: URL,
  policy: UrlPolicy,
  signal: AbortSignal,
): Promise<LookupAddress[]> {
  const trusted = isAllowListed(url, policy.allowHosts) || policy.allowPrivate;
  const hostname = bareHostname(url.hostname);
  const family = isIP(hostname);
  const addresses =
    family !== 0 ? [{ address: hostname, family }] : await resolve(url.host, hostname, signal);
  if (trusted) return addresses;
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range !== null) {
      throw new HushError(
        'USAGE',
        `${url.host}: refused, ${address} is not a public address (${range}) and the host is not allow-listed`,
      );
    }
  }
  return addresses;
}

async function resolve(host: string, hostname: string, signal: AbortSignal): Promise<LookupAddress[]> {
  // dns.lookup cannot be cancelled: the deadline rejects without waiting for it.
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true, verbatim: true }), aborted]);
    if (found.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
    return found;
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new HushError('IO', `${host}: the name does not resolve (${code})`);
  }
}
