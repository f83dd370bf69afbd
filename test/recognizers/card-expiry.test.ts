import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

describe('CARD_EXPIRY', () => {
  const answers: [string, string][] = [
    ['oh four twenty seven', '0427'],
    ['oh four slash twenty seven', '04/27'],
    ['04 27', '04 27'],
    ['twelve twenty six', '1226'],
    ['four twenty seven', '427'],
    ['april twenty twenty seven', 'april 2027'],
    ['04/2027', '04/2027'],
  ];
  for (const [answer, value] of answers) {
    test(`"${answer}" after an expiry question`, () => {
      assert.deepEqual(foundOfType(call(agent('and the expiry date'), customer(answer)), 'CARD_EXPIRY'), [
        `CARD_EXPIRY:${value}`,
      ]);
    });
  }

  test('named by the customer', () => {
    assert.deepEqual(foundOfType(call(customer('it expires 09/28')), 'CARD_EXPIRY'), ['CARD_EXPIRY:09/28']);
    assert.deepEqual(foundOfType(call(customer('expiration is march 2029')), 'CARD_EXPIRY'), [
      'CARD_EXPIRY:march 2029',
    ]);
  });

  test('negatives: no expiry cue, month 13, dates without a cue', () => {
    assert.deepEqual(foundOfType(call(customer('see you on 04/27')), 'CARD_EXPIRY'), []);
    assert.deepEqual(foundOfType(call(agent('and the expiry'), customer('13/27')), 'CARD_EXPIRY'), []);
    assert.deepEqual(foundOfType(call(customer('we moved in april 2019')), 'CARD_EXPIRY'), []);
  });
});

describe('CARD_EXPIRY as callers give it', () => {
  test('the leading zero of the month said apart', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the expiry on the card?'), customer('0 8 29')), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:0 8 29'],
    );
  });

  test('negatives: a date asked about while documents, not a card, were talked about last', () => {
    const transcript = call(
      agent('the passport numbers are noted'),
      customer('and when do they run out'),
      agent('yours is fine, it is valid until march 2029'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), []);
  });
  test('"valid to" names the expiry, written with a hyphen as on the card', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the valid-to date on the card?'), customer('08/28')), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:08/28'],
    );
    assert.deepEqual(
      foundOfType(call(agent('what is it valid to?'), customer('it says 11 29')), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:11 29'],
    );
  });

  test('negatives: "valid to" before a day of the month is no expiry', () => {
    assert.deepEqual(
      foundOfType(call(agent('the quote is valid to the 14 of this month'), customer('okay')), 'CARD_EXPIRY'),
      [],
    );
  });
});
