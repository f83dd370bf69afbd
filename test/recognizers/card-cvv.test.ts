import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';

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

  test('right after an expiry said with the month name, in a read-back run together', () => {
    const transcript = mono(
      'what card will you be using today',
      'a mastercard',
      'expiry date and the code on the back',
      'ten thirty one and seven one two',
      'so october thirty one seven one two, thank you',
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:712', 'CARD_CVV:712']);
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
  test("the answer confirming the other party's read-back of the code", () => {
    const transcript = call(
      agent('and the three digits on the back?'),
      customer('5 0 9'),
      agent('you cut out there, did you say five oh nine?'),
      customer('five oh nine, that is it'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:509', 'CARD_CVV:509', 'CARD_CVV:509']);
  });

  test('negatives: a read-back of another kind of number, a number said after the code was given', () => {
    const roomNumber = call(
      agent('and the three digits on the back?'),
      customer('5 0 9'),
      agent('and the room you stayed in, was that room six one two?'),
      customer('six one two, yes'),
    );
    assert.deepEqual(foundOfType(roomNumber, 'CARD_CVV'), ['CARD_CVV:509']);
    const modelYear = mono(
      'okay and the security code five oh nine, thanks, and is it still the two thousand eleven model',
    );
    assert.deepEqual(foundOfType(modelYear, 'CARD_CVV'), ['CARD_CVV:509']);
  });

  test('a code given again after breaking off, or after the expiry, still counts', () => {
    assert.deepEqual(
      foundOfType(mono('and the code on the back four four one, sorry, four one four'), 'CARD_CVV'),
      ['CARD_CVV:441', 'CARD_CVV:414'],
    );
  });
  test("negatives: after the code was given, other digits in the asker's next turn are no read-back", () => {
    const transcript = call(
      agent('and the security code on the back?'),
      customer('six two eight'),
      agent('approved. and you still drive the two thousand twelve model, plate ending four four one?'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:628']);
    const readBack = call(
      agent('and the security code on the back?'),
      customer('six two eight'),
      agent('six two eight, thanks'),
    );
    assert.deepEqual(foundOfType(readBack, 'CARD_CVV'), ['CARD_CVV:628', 'CARD_CVV:628']);
  });
});
