import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

describe('IP_ADDRESS', () => {
  test('IPv4, spoken and written', () => {
    assert.deepEqual(
      foundOfType(
        call(customer('the router ip is one nine two dot one six eight dot one dot one')),
        'IP_ADDRESS',
      ),
      ['IP_ADDRESS:192.168.1.1'],
    );
    assert.deepEqual(foundOfType(call(customer('ping 10.0.0.254 for me')), 'IP_ADDRESS'), [
      'IP_ADDRESS:10.0.0.254',
    ]);
  });

  test('IPv4 given over two turns, the dot at the break said as a word or not at all', () => {
    for (const [second, parts] of [
      ['dot four dot two hundred', '172.31|dot 4.200'],
      ['four dot two hundred', '172.31|4.200'],
    ] as const) {
      const transcript = call(
        agent('can you read me the IP address'),
        customer('it shows one seventy two dot thirty one'),
        agent('uh huh'),
        customer(second),
      );
      assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), [`IP_ADDRESS:${parts}`]);
    }
  });

  test('negatives: dotted numbers over two turns without an IP cue', () => {
    const transcript = call(customer('the first was 12.5'), agent('okay'), customer('then 7.25'));
    assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), []);
  });

  test('IPv6 written', () => {
    assert.deepEqual(foundOfType(call(customer('address 2001:db8::8a2e:370:7334 is ours')), 'IP_ADDRESS'), [
      'IP_ADDRESS:2001:db8::8a2e:370:7334',
    ]);
  });

  test('negatives: octets over 255, version numbers, times', () => {
    assert.deepEqual(foundOfType(call(customer('it is 300.1.1.1')), 'IP_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('update to version 1.2.3.4')), 'IP_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('at 10:30 tomorrow')), 'IP_ADDRESS'), []);
  });
});
