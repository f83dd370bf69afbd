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

describe('PASSWORD: announced, named, asked as a question, and not over-read', () => {
  test('a password announced in the turn before and dictated after a short go-on, then said back as words', () => {
    const transcript = call(
      agent("I'll read you a temporary password now, got a pen?"),
      customer('yep'),
      agent("it's lowercase m, a, p, l, e, then the number 9, capital K, exclamation point"),
      customer('so maple 9 K bang'),
    );
    const [given, back, ...rest] = spansOf(transcript, 'PASSWORD');
    assert.match(given!, /^0:lowercase m, .*exclamation point@/);
    assert.match(back!, /^1:maple 9 K bang@/);
    assert.deepEqual(rest, []);
  });

  test('a prompt that only names a password is answered by the value', () => {
    assert.deepEqual(
      passwords(agent('and a telephone password so only you can make changes'), customer('Copper Kettle 8')),
      ['PASSWORD:Copper Kettle 8'],
    );
    assert.deepEqual(passwords(customer('I forgot my password'), agent('Sounds awkward')), []);
  });

  test('a password offered as a question, or after "it was" later in the answer', () => {
    assert.deepEqual(passwords(customer("I can't recall the password, is it lantern 1987?")), [
      'PASSWORD:lantern 1987',
    ]);
    assert.deepEqual(
      passwords(
        agent('did you use that password on other sites'),
        customer('hmm possibly my music app it was oriole dash fern 2011'),
      ),
      ['PASSWORD:oriole dash fern 2011'],
    );
  });

  test('"let\'s say" and "I was using" give a password in password talk', () => {
    assert.deepEqual(
      passwords(agent('and a passcode for your son'), customer("let's say copper fox, all lower case")),
      ['PASSWORD:copper fox all lower case'],
    );
    assert.deepEqual(passwords(customer('should I reset my password? I was using Gannet#77')), [
      'PASSWORD:Gannet#77',
    ]);
  });

  test('one plain word after a set phrase outside password talk, short shaped words and code digits are no passwords', () => {
    assert.deepEqual(
      passwords(
        agent('The username is admin and the password is on the label.'),
        customer("Okay, I'm on the settings page now."),
        agent('Good, find the mode and change it to manual and press save.'),
      ),
      [],
    );
    assert.deepEqual(passwords(customer('My password stopped working after I filed my W-2.')), []);
    assert.deepEqual(
      passwords(agent("I've sent a passcode reset to your phone."), customer('It says 4 4 1 9 0 2.')),
      [],
    );
  });
});
