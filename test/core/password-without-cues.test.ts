import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from '../recognizers/conversation.js';

const passwords = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'PASSWORD');
const answers = (...turns: Parameters<typeof call>): string[] =>
  foundOfType(call(...turns), 'SECURITY_ANSWER');

describe('PASSWORD given without the usual cue words', () => {
  test('a code word asked for, changed with "make it" and read back', () => {
    assert.deepEqual(
      passwords(
        agent('Before we go on, what is the code word on the file?'),
        customer('silver otter'),
        agent('Thanks. I would like to swap that code word for a fresh one.'),
        customer('Fine, make it harbour seventy two.'),
        agent('Harbour 72, noted.'),
      ),
      ['PASSWORD:silver otter', 'PASSWORD:harbour 72', 'PASSWORD:Harbour 72'],
    );
  });

  test('a new value asked for after a reset, where the question names no password itself', () => {
    assert.deepEqual(
      passwords(
        agent(
          "I'll reset your password now. What would you like the new one to be? Please don't pick an old one.",
        ),
        customer('Um, Copper Kettle 1977, no spaces.'),
      ),
      ['PASSWORD:Copper Kettle 1977 no spaces'],
    );
  });

  test('a guess at an old password and a request to set one "for me"', () => {
    assert.deepEqual(
      passwords(
        agent('That older login still exists.'),
        customer("I don't recall the password. Might be Juniper sixty six, something like that."),
      ),
      ['PASSWORD:Juniper 66'],
    );
    assert.deepEqual(
      passwords(
        agent("You'll reset the password from the link we text you."),
        customer('Could you just change it for me to moonbeam forty?'),
      ),
      ['PASSWORD:moonbeam 40'],
    );
  });

  test('an answer that guesses after an opener gives the words after the guess', () => {
    assert.deepEqual(
      passwords(agent('What password is on the account?'), customer('oh dear, it might be rolling meadows')),
      ['PASSWORD:rolling meadows'],
    );
  });

  test('a password set unprompted that the other party declines to hear', () => {
    assert.deepEqual(
      passwords(
        customer("The reset link worked. I've made a new one, it's Tundra Fox 58."),
        agent("Oh, you don't need to tell me that!"),
      ),
      ['PASSWORD:Tundra Fox 58'],
    );
  });

  test('where a password is written, said before it, is left out', () => {
    assert.deepEqual(
      passwords(
        agent('Now it wants the wireless password.'),
        customer("It's printed under the modem, r4 t9 b b 2."),
      ),
      ['PASSWORD:r4 t9 BB 2'],
    );
  });

  test('no password: talk after a set phrase, an answer about another topic, an acknowledgement', () => {
    assert.deepEqual(
      passwords(
        agent('What do you want the new one to be? Please do not reuse one, and it should not be a date.'),
        customer("Sure, I won't."),
      ),
      [],
    );
    assert.deepEqual(
      passwords(
        agent('Can you see the network name on the screen?'),
        customer('It lists Maple7Net and another one.'),
        agent('Choose Maple7Net, then it will want the password.'),
      ),
      [],
    );
    assert.deepEqual(
      passwords(agent("You'll get a text with a link to set the password."), customer('sounds good')),
      [],
    );
    assert.deepEqual(
      passwords(
        agent("That's your password reset done. What would you like to do next?"),
        customer('uh, check my balance'),
      ),
      [],
    );
  });
});

describe('SECURITY_ANSWER: a question set before its answer, and a repeat with its number', () => {
  test('a caller who sets the question gives the answer after it; the reply is not an answer', () => {
    assert.deepEqual(
      answers(
        agent('I can also set up a security question. What would you like it to be?'),
        customer('Ask me the name of my first school. Kingsmead Primary.'),
        agent("Done. I'll also update the phone number on file."),
      ),
      ['SECURITY_ANSWER:Kingsmead Primary'],
    );
  });

  test('a later mention takes the number said with the answer', () => {
    assert.deepEqual(
      answers(
        agent('What was the make of your first car?'),
        customer('an 88 corolla'),
        agent('88 corolla, thanks.'),
      ),
      ['SECURITY_ANSWER:an 88 corolla', 'SECURITY_ANSWER:88 corolla'],
    );
  });
});
