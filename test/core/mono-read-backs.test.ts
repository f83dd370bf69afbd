import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foundOfType, mono } from '../recognizers/conversation.js';

describe('a mono file: a value and its read-back, its question and its false starts in one stream', () => {
  test('a new PIN asked for in the same stream, said twice in one run of digits', () => {
    const transcript = mono(
      'the gate code is only yours, keep 1 9 8 8 or change it',
      'change it please',
      'what would you like the new one to be',
      'seven one three six',
      'seven one three six',
      'then press hash at the gate',
    );
    assert.deepEqual(foundOfType(transcript, 'PIN'), ['PIN:1988', 'PIN:7136', 'PIN:7136']);
  });

  test('a number broken off with "hold on" leaves the question before it standing', () => {
    const transcript = mono(
      'and her social security number please',
      'I have her card somewhere here',
      'five two seven',
      'hold on, I lost my place',
      'five two seven three one eight eight four two',
      'thank you',
    );
    assert.ok(foundOfType(transcript, 'US_SSN').includes('US_SSN:527318842'));
  });

  test('an identifier taken back after its last letter leaves the question standing for the next', () => {
    const transcript = mono(
      'and the licence number please',
      'it is D 4 1 2 0 7 3 9 8 W, no sorry, that is the old one',
      '5 1 0 8 8 2 7 3',
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), [
      'DRIVERS_LICENSE:D 41207398 W',
      'DRIVERS_LICENSE:51088273',
    ]);
  });

  test('a licence, its read-back and the count of its digits in one run', () => {
    const transcript = mono(
      'do you have a local driver licence yet',
      'yes, it is 6 2 0 8 1 5 3',
      '6 2 0 8 1 5 3, 7 digits, good',
      'and your date of birth',
    );
    // Both sayings are covered; the count is no part of them.
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:6208153 6208153']);
  });

  test('the last four asked for and given in one stream', () => {
    const transcript = mono(
      'I need his social as well, just the last four.',
      'Zero three nine seven.',
      'Thanks.',
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN_LAST4'), ['US_SSN_LAST4:0397']);
  });

  test('a number the asker names in the question ("the card ending …") does not cut the question off', () => {
    const transcript = mono(
      'the hearing test is booked for friday',
      'we have a card on file ending 7 3 0 2, would you like me to keep it on that one',
      "no no, that one is my husband's now",
      'keep it on mine, ending 5 5 1 8',
      'okay',
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_LAST4'), ['CARD_LAST4:7302', 'CARD_LAST4:5518']);
  });

  test('a postcode and its read-back whose spelled letters the normaliser ran together', () => {
    const transcript = mono(
      'and the address on the account',
      'twelve mill lane, bradford',
      'b d seven four j w',
      'b d seven four j w',
      'lovely',
    );
    assert.deepEqual(
      foundOfType(transcript, 'POSTAL_CODE').map((entry) => entry.replace(/ /g, '')),
      ['POSTAL_CODE:BD74JW', 'POSTAL_CODE:BD74JW'],
    );
  });

  test('a postcode said once is left as it was', () => {
    const transcript = mono(
      'and the address on the account',
      'twelve mill lane, bradford',
      'b d seven four j w',
      'lovely',
    );
    assert.deepEqual(
      foundOfType(transcript, 'POSTAL_CODE').map((entry) => entry.replace(/ /g, '')),
      ['POSTAL_CODE:BD74JW'],
    );
  });
});
