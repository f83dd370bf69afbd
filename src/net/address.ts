/**
 * Which IP addresses a URL fetch may reach without being allow-listed: public unicast only.
 * Private, loopback, link-local, unique-local, carrier-grade NAT, multicast, unspecified, broadcast,
 * documentation and other reserved ranges are refused, and so are IPv4 addresses carried inside
 * IPv6 forms (IPv4-mapped, NAT64, 6to4), which reach the IPv4 address they carry.
 */
import ipaddr from 'ipaddr.js';

/** 2000::/3, the only IPv6 block allocated as global unicast; everything else is special or unallocated. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * The IPv4 address an IPv6 address carries, null when it carries none, or 'opaque' when it
 * carries one that cannot be judged (Teredo hides it; local-use NAT64 prefixes place it elsewhere).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null | 'opaque' {
  const parts = address.parts;
  const fromWords = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromWords(parts[6]!, parts[7]!);
    case 'rfc6052':
      // The well-known prefix 64:ff9b::/96 ends with the address; 64:ff9b:1::/48 is for local use.
      return parts[2] === 0 ? fromWords(parts[6]!, parts[7]!) : 'opaque';
    case '6to4':
      return fromWords(parts[1]!, parts[2]!);
    case 'teredo':
      return 'opaque';
    default:
      return null;
  }
}

/**
 * Why `address` (an IPv4 or IPv6 literal) is not a public address: its range's name (`loopback`,
 * `private`, `linkLocal`, `ipv4Mapped loopback`, …), or null when it is public.
 */
export function nonPublicRange(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'unparsable';
  }
  if (parsed instanceof ipaddr.IPv4) {
    const range = parsed.range();
    return range === 'unicast' ? null : range;
  }
  const range = parsed.range();
  const embedded = embeddedIPv4(parsed);
  if (embedded === 'opaque') return range;
  if (embedded !== null) {
    const inner = nonPublicRange(embedded.toString());
    return inner === null ? null : `${range} ${inner}`;
  }
  if (range !== 'unicast') return range;
  // Such as the deprecated IPv4-compatible ::a.b.c.d, which ipaddr.js calls unicast.
  return parsed.match(GLOBAL_UNICAST) ? null : 'unallocated';
}
