import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

describe('CARD_CVV', () => {
  test('a bare answer to a security-code question', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('and the 3 digit security code'), customer('um it is one two three')),
        'CARD_CVV',
      ),
      ['CARD_CVV:123'],
    );
    assert.deepEqual(
      foundOfType(call(agent('and the three digits on the back'), customer('seven oh nine')), 'CARD_CVV'),
      ['CARD_CVV:709'],
    );
    assert.deepEqual(foundOfType(call(agent('whats the cvv'), customer('4521')), 'CARD_CVV'), [
      'CARD_CVV:4521',
    ]);
  });

  test('the customer naming it', () => {
    assert.deepEqual(foundOfType(call(customer('the security code is 321')), 'CARD_CVV'), ['CARD_CVV:321']);
    assert.deepEqual(foundOfType(call(customer('321 is the code on the back')), 'CARD_CVV'), [
      'CARD_CVV:321',
    ]);
  });

  test('the question still counts after a back-channel exchange', () => {
    const transcript = call(
      agent('and the security code please'),
      customer('hold on'),
      agent('sure'),
      customer('one two three'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:123']);
  });

  test('right after an expiry in payment context', () => {
    const transcript = call(
      agent('card number please'),
      customer('4111 1111 1111 1111'),
      agent('and the expiry'),
      customer('04 27 123'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:123']);
  });

  test('negatives: numbers without a code cue, quantities, prices', () => {
    assert.deepEqual(foundOfType(call(customer('I called 123 times')), 'CARD_CVV'), []);
    assert.deepEqual(foundOfType(call(agent('how many do you need'), customer('123')), 'CARD_CVV'), []);
    assert.deepEqual(
      foundOfType(call(agent('whats the security code'), customer('it was 123 dollars')), 'CARD_CVV'),
      [],
    );
  });
});

describe('CARD_CVV named with a hyphenated count', () => {
  test('"the three-digit code on the back"', () => {
    assert.deepEqual(
      foundOfType(call(agent('last thing, the three-digit code please'), customer('7 1 4')), 'CARD_CVV'),
      ['CARD_CVV:714'],
    );
  });
  test('"the last three on the back"', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the last three on the back'), customer('six two seven')), 'CARD_CVV'),
      ['CARD_CVV:627'],
    );
  });

  test('a bare code of two digits and a trailing "to" is read whole', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the security code?'), customer('nine one to')), 'CARD_CVV'),
      ['CARD_CVV:912'],
    );
  });
});
