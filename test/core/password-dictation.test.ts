import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from '../recognizers/conversation.js';
import { spansOf } from '../recognizers/spans.js';

const passwords = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'PASSWORD');

describe('PASSWORD: dictations, said again in another form, and questions that follow up', () => {
  test('a dictation carried on by "then" is covered to its last piece', () => {
    const transcript = call(
      agent("I'll reset your password. The temporary one is kestrel2, then 9 4, then a capital W."),
      customer('Got it.'),
    );
    const [span] = spansOf(transcript, 'PASSWORD');
    assert.match(span!, /^0:kestrel2, then 9 4, then a capital W\./);
  });

  test('a password said again by the other party in another form', () => {
    assert.deepEqual(
      passwords(
        agent("I'm setting a temporary password. Ready?"),
        customer('Go ahead.'),
        agent("It's T V 9 3 1 8 K P, all capitals."),
        customer('TV9318KP.'),
      ),
      ['PASSWORD:TV 9318 KP all capitals', 'PASSWORD:TV9318KP'],
    );
  });

  test('"what would you like?" after the password came up asks for one', () => {
    assert.deepEqual(
      passwords(
        agent('Would you like to change the account password?'),
        customer('Yes, please.'),
        agent('Sure thing, what would you like?'),
        customer('marigold seventy four'),
      ),
      ['PASSWORD:marigold 74'],
    );
  });

  test('a reference a few words after its name and a question about another topic are no passwords', () => {
    assert.deepEqual(
      passwords(
        agent('I reset your password. Your case ID is QX-2291-05.'),
        customer('And what about the refund?'),
      ),
      [],
    );
  });
});
