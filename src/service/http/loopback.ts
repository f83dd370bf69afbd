/**
 * Whether a listen address keeps the API on this machine. The composer refuses to bind anything
 * else without API keys; `0.0.0.0` and `::` (every interface) are not loopback.
 */
import ipaddr from 'ipaddr.js';

export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (bare === 'localhost') return true;
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.process(bare); // IPv4-mapped IPv6 (::ffff:127.0.0.1) as the IPv4 it carries
  return address.range() === 'loopback';
}
