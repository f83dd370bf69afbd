import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, found, foundOfType } from '../recognizers/conversation.js';

describe('card expiry as callers say it', () => {
  test('the digits of a slashed date said apart', () => {
    assert.deepEqual(foundOfType(call(agent('the expiry on the card'), customer('1 1/2 9')), 'CARD_EXPIRY'), [
      'CARD_EXPIRY:1 1/2 9',
    ]);
  });

  test('"oh" and a homophone before a year: "oh to thirty"', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the expiration date?'), customer('oh to thirty.')), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:0230'],
    );
  });

  test('a month "of" a year after "credit or debit?", a licence talked about before', () => {
    const transcript = call(
      agent('your driving licence runs until march 2030, and the fee is by card, credit or debit'),
      customer('debit, 4111 1111 1111 1111'),
      agent('the expiration'),
      customer('october of 31'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), ['CARD_EXPIRY:october of 31']);
  });
});

describe('digits ASR writes among words', () => {
  test('"oh" before a spoken dash closes a group of a licence number', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('do you have a driver license with you'),
          customer('yes, it is k two six oh dash five five one three dash eight oh two'),
        ),
        'DRIVERS_LICENSE',
      ),
      ['DRIVERS_LICENSE:k 260-5513-802'],
    );
  });

  test('a homophone ending a number written in groups: "9578 064 to"', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the card number'), customer("it's a mastercard 5301 2288 1346 750 to")),
        'CREDIT_CARD',
      ),
      ['CREDIT_CARD:5301 2288 1346 750 2'],
    );
  });

  test('negatives: "zero to sixty" and a range stay words and a range', () => {
    assert.deepEqual(found(call(customer('it goes zero to sixty in five seconds'))), []);
    assert.deepEqual(found(call(customer('from 100 to 200 dollars'))), []);
  });
});

describe('cues said around the value', () => {
  test('an Irish Eircode after its cue', () => {
    assert.deepEqual(found(call(agent('and the eircode'), customer("it's T12 X4PK"))), [
      'POSTAL_CODE:T12 X4PK',
    ]);
  });

  test('a look-alike named as where the ID is printed ("from your prescription card")', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('what is your member ID from your prescription card'),
          customer("it's Q X R 5 5 0 1 9 2 8 4"),
        ),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:QXR 55019284'],
    );
  });

  test('"this step" is part of a process, not a numbered step', () => {
    assert.deepEqual(
      found(
        call(
          agent('before the transfer I need the last four of your social for this step'),
          customer('3 0 9 2'),
        ),
      ),
      ['US_SSN_LAST4:3092'],
    );
  });

  test('a look-alike only mentioned after the request ("to send a confirmation number")', () => {
    assert.deepEqual(
      found(
        call(
          agent("what's your contact number, for a confirmation number by text"),
          customer('oh seven seven oh oh, nine oh oh, three one eight'),
        ),
      ),
      ['PHONE_NUMBER:07700 900 318'],
    );
  });

  test('"on my phone" says where the number is, not what it is', () => {
    assert.deepEqual(
      found(
        call(
          agent('can you read me your passport number'),
          customer("I have a picture of it on my phone, it's four seven one, two two nine, oh eight six"),
        ),
      ),
      ['PASSPORT:471 229 086'],
    );
  });

  test('"the card on the account" names where the card is, not the account', () => {
    assert.deepEqual(
      found(call(agent('can you confirm the card on the account, the last 4 digits'), customer('7 7 1 0'))),
      ['CARD_LAST4:7710'],
    );
  });

  test('"and the children?" asks a question of its own: the exchange before it is not looked at', () => {
    const transcript = call(
      agent('I need passport numbers for the whole family, yours first'),
      customer('mine is 5 5 0 1 2 7 7 3 9'),
      agent('and your date of birth'),
      customer('june 3 1984'),
      agent('and the children'),
      customer('they are 5 5 0 1 2 7 8 0 4 and 5 5 0 1 2 7 8 1 2'),
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), [
      'PASSPORT:550127739',
      'PASSPORT:550127804',
      'PASSPORT:550127812',
    ]);
  });
});
