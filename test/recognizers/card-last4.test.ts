import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

describe('CARD_LAST4', () => {
  test('"card ending in"', () => {
    assert.deepEqual(foundOfType(call(agent('is that the visa ending in four two four two')), 'CARD_LAST4'), [
      'CARD_LAST4:4242',
    ]);
    assert.deepEqual(foundOfType(call(customer('use the card ending in 1234')), 'CARD_LAST4'), [
      'CARD_LAST4:1234',
    ]);
  });

  test('answer to "last four digits of the card"', () => {
    const transcript = call(agent('can you read me the last four digits of the card'), customer('5678'));
    assert.deepEqual(foundOfType(transcript, 'CARD_LAST4'), ['CARD_LAST4:5678']);
  });

  test('negatives: last four of a social, a phone ending, no card word', () => {
    assert.deepEqual(
      foundOfType(call(agent('the last four of your social'), customer('6789')), 'CARD_LAST4'),
      [],
    );
    assert.deepEqual(foundOfType(call(customer('my phone number ending in 4567')), 'CARD_LAST4'), []);
    assert.deepEqual(foundOfType(call(customer('the year ending in 2020')), 'CARD_LAST4'), []);
  });
  test('"ended in" points at the end of a number', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the visa we had on file ended in 7 7 0 2, is that still the one')),
        'CARD_LAST4',
      ),
      ['CARD_LAST4:7702'],
    );
  });
  test('a last four whose last zero is said "oh", with talk after it', () => {
    assert.deepEqual(
      foundOfType(call(agent('so the visa ending three eight two oh has been blocked')), 'CARD_LAST4'),
      ['CARD_LAST4:382 oh'],
    );
  });

  test('negatives: a closing "oh" after other numbers ending so', () => {
    assert.deepEqual(
      foundOfType(call(agent('your parcel ending three eight two oh was delivered')), 'CARD_LAST4'),
      [],
    );
    // "oh" breaking off to correct is no zero.
    const corrected = foundOfType(
      call(agent('the card ending three eight two oh no wait, three eight two one')),
      'CARD_LAST4',
    );
    assert.ok(!corrected.includes('CARD_LAST4:382 oh'), corrected.join());
  });
});
