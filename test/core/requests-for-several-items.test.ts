import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from '../recognizers/conversation.js';

const ASK_BOTH = "Okay, and what's the expiry and the security code on the back?";

describe('a request for several items stays open for those not yet answered (one stream)', () => {
  test('the code given after the expiry, far from the question, with a false start and a read-back', () => {
    const transcript = mono(
      ASK_BOTH,
      'The expiry is 07/28 and the code is, let me see, it is smudged, six one, er, six one four.',
      'Six one four, thanks.',
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:61 614 614']);
  });

  test('the code given after the expiry without a read-back', () => {
    const transcript = mono(
      ASK_BOTH,
      'The expiry is 07/28 and the code is, let me see, it is smudged a little, six one four.',
      'Super, thanks.',
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), ['CARD_CVV:614']);
  });

  test('negatives: the asker moving on after a read-back opens a request of its own', () => {
    const transcript = mono(
      'What is the member ID on the card?',
      'It is K 4 4 0 9 1 7 2 3.',
      'K440917 23, and the plan number, it should be printed just below it?',
      'Plan is 0 0 6 1 5 2 9.',
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:K 44091723', 'MEMBER_ID:K440917 23']);
  });
});

describe('a username tried and found taken', () => {
  test('the name the caller tried, in plain words, and the other party finding it', () => {
    const transcript = call(
      agent('Did the sign-up page let you in?'),
      customer("No, it told me my username's taken. I tried kestrel harbour goods."),
      agent("I see, there's already a kestrelharbourgoods on our side from last spring."),
    );
    assert.deepEqual(foundOfType(transcript, 'USERNAME'), [
      'USERNAME:kestrel harbour goods',
      'USERNAME:kestrelharbourgoods',
    ]);
  });

  test('"was taken" and "I wanted"', () => {
    const transcript = call(
      agent('Did the sign-up page let you in?'),
      customer('No, it said that username was already in use. I wanted copper fox designs.'),
    );
    assert.deepEqual(foundOfType(transcript, 'USERNAME'), ['USERNAME:copper fox designs']);
  });

  test('negatives: taken without a name tried, and talk after "I tried"', () => {
    for (const said of [
      "My username's taken, I don't know why.",
      "My username's taken. I tried to log in again.",
    ]) {
      assert.deepEqual(
        foundOfType(call(agent('Did the sign-up page let you in?'), customer(said)), 'USERNAME'),
        [],
        said,
      );
    }
  });
});
