import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nonPublicRange } from '../../src/net/address.js';

describe('nonPublicRange', () => {
  test('public unicast addresses pass, IPv4 ones also inside IPv6 forms', () => {
    for (const address of [
      '8.8.8.8',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
    ]) {
      assert.equal(nonPublicRange(address), null, address);
    }
  });

  test('every special range is named', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['192.0.2.1', 'reserved'],
      ['240.0.0.1', 'reserved'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'linkLocal'],
      ['fd00::1', 'uniqueLocal'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'reserved'],
      ['::ffff:127.0.0.1', 'ipv4Mapped loopback'],
      ['::ffff:169.254.169.254', 'ipv4Mapped linkLocal'],
      ['::ffff:0:10.0.0.1', 'rfc6145 private'],
      ['64:ff9b::a00:1', 'rfc6052 private'],
      ['64:ff9b:1::1', 'rfc6052'],
      ['2002:7f00:1::1', '6to4 loopback'],
      ['2001::1', 'teredo'],
      ['::7f00:1', 'unallocated'],
      ['not an address', 'unparsable'],
    ];
    for (const [address, range] of cases) assert.equal(nonPublicRange(address), range, address);
  });
});
