import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, found, foundOfType, mono } from '../recognizers/conversation.js';

describe('a value and its read-back run together, and near copies', () => {
  test('a mono transcript runs a PIN and its read-back into one digit run: each half is the PIN', () => {
    assert.deepEqual(foundOfType(mono('the alarm code is 4826 4826 thanks'), 'PIN'), [
      'PIN:4826',
      'PIN:4826',
    ]);
  });

  test('so for a sort code, which a phone number does not claim', () => {
    assert.deepEqual(found(mono('and the sort code 20 44 91 20 44 91 yes that is right')), [
      'SORT_CODE:20 44 91',
      'SORT_CODE:20 44 91',
    ]);
  });

  test('negatives: a reading said twice is not one phone number', () => {
    assert.deepEqual(found(mono('the gas meter says 05812 05812 and the electric one')), []);
  });

  test('a read-back with two digits swapped or one misheard is the value too', () => {
    const transcript = call(
      agent('the bank account number please'),
      customer('4 3 9 0 2 7 1 5'),
      agent('I have 43902751, is that it'),
      customer('no, 43902715'),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:43902715',
      'BANK_ACCOUNT:43902751',
      'BANK_ACCOUNT:43902715',
    ]);
  });
});
