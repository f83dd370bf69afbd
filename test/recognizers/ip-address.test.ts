import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType, mono } from './conversation.js';

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

  test('an octet ending in a spoken "oh" before the next dot', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the login came from IP address one four four dot two one oh dot sixty dot two')),
        'IP_ADDRESS',
      ),
      ['IP_ADDRESS:144.210.60.2'],
    );
  });

  test('negatives: dotted numbers over two turns without an IP cue', () => {
    const transcript = call(customer('the first was 12.5'), agent('okay'), customer('then 7.25'));
    assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), []);
  });

  test('in one stream, a backchannel where the turn broke between octets', () => {
    for (const [first, bc, second, part] of [
      ['one seven two dot twenty', 'yep', 'dot nine dot forty', '172.20 yep dot 9.40'],
      ['one seven two dot twenty dot', 'okay', 'nine dot forty', '172.20 dot okay 9.40'],
    ] as const) {
      const transcript = mono('what ip address does it show', first, bc, second);
      assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), [`IP_ADDRESS:${part}`]);
      assert.deepEqual(
        detectIn(transcript).entities.map((entity) => entity.value),
        ['172.20.9.40'],
      );
    }
  });

  test('"period" said for the dot', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the ip of the box?'), customer('ten period four period nine period one')),
        'IP_ADDRESS',
      ),
      ['IP_ADDRESS:10.4.9.1'],
    );
  });

  test('octets said with no dot at all, written as one number, when the IP address was asked for', () => {
    assert.deepEqual(
      foundOfType(
        call(agent("what's your ip address?"), customer('one seven two one six three one one')),
        'IP_ADDRESS',
      ),
      ['IP_ADDRESS:17216311'],
    );
  });

  test('negatives: an undotted number near a router or asked as something else', () => {
    assert.deepEqual(
      foundOfType(call(agent('the serial number on the router?'), customer('it is 38416602')), 'IP_ADDRESS'),
      [],
    );
    assert.deepEqual(
      foundOfType(
        call(agent('what is the ip address?'), customer('no idea, the order number is 55120874')),
        'IP_ADDRESS',
      ),
      [],
    );
  });

  test('IPv6 written', () => {
    assert.deepEqual(foundOfType(call(customer('address 2001:db8::8a2e:370:7334 is ours')), 'IP_ADDRESS'), [
      'IP_ADDRESS:2001:db8::8a2e:370:7334',
    ]);
  });

  test('a letter "v" said in another item before it is no version', () => {
    const transcript = call(
      customer('my licence is V 220-4418-9031'),
      agent('thanks, and I see a sign-in from 198.51.100.23 last night'),
    );
    assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), ['IP_ADDRESS:198.51.100.23']);
  });

  test('an octet said "oh" between dots, with pauses', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the blocked IP was one seven two, dot oh, dot four four, dot nine')),
        'IP_ADDRESS',
      ),
      ['IP_ADDRESS:172.0.44.9'],
    );
  });

  test('negatives: octets over 255, version numbers, times', () => {
    assert.deepEqual(foundOfType(call(customer('it is 300.1.1.1')), 'IP_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('update to version 1.2.3.4')), 'IP_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('the firmware is v 2.10.4.1')), 'IP_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('at 10:30 tomorrow')), 'IP_ADDRESS'), []);
  });
});
