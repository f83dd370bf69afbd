import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from '../recognizers/conversation.js';

describe('a mono file: the question sits in the same stream as its answer', () => {
  test('a value asked for more than a lead-in back is found as it is with two channels', () => {
    const question = 'I can add a guest keypad code for your cleaner, which 4 digits should she use';
    const answer = 'let me think, 6 0 4 9';
    const twoChannels = foundOfType(call(agent(question), customer(answer)), 'PIN');
    assert.deepEqual(twoChannels, ['PIN:6049']);
    assert.deepEqual(foundOfType(mono(question, answer), 'PIN'), twoChannels);
  });

  test('an identifier turned down in pieces, then given again', () => {
    const transcript = mono(
      'what IBAN should we pay the deposit into',
      'it is D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 1',
      'that one is not valid I am afraid',
      'oh sorry, then D E 4 4 5 0 0 1 0 5 1 7 5 4 0 7 3 2 4 9 3 1',
    );
    assert.equal(foundOfType(transcript, 'IBAN').length, 2);
  });
});
