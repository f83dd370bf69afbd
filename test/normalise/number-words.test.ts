import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spoken } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('"one" standing for a thing named before', () => {
  test('is a word after a determiner or describing word, so it does not join the digits after it', () => {
    expectAll({
      'try the older one, 5 2 8 8 1': 'try the older one 52881',
      'maybe the four digit one, three three nine oh': 'maybe the 4 digit one 3390',
      'which one do you mean': 'which one do you mean',
      'the new one is nine nine two one': 'the new one is 9921',
      // No pause before written digits (a mono file): the recogniser would have written a digit "one" as 1.
      'I must have typed the old one 7 4 0 9': 'I must have typed the old one 7409',
      // Its pause lost (a source without punctuation): as many digits follow as "<n> digit" named.
      'you mean the five digit one eight two two six nine': 'you mean the 5 digit one 82269',
      'the 4 digit one 3 3 9 0': 'the 4 digit one 3390',
    });
  });

  test('is a word after a determiner and a describing word, before written digits or none', () => {
    expectAll({
      'or the Irish one, 087 555 2291': 'or the Irish one 087 555 2291',
      'try my work one 0161 496 0022': 'try my work one 0161 496 0022',
      'their spare one is fine': 'their spare one is fine',
    });
  });

  test('stays a digit when more of a number follows it, or after other words', () => {
    expectAll({
      // "<n> digit" then "one" and n digits in all: "one" is the first of them.
      'the five digit one eight two two six': 'the 5 digit 18226',
      'it is the one two three four': 'it is the 1234',
      'flat one, then 42 Elm Road': 'flat 1 then 42 Elm Road',
      'option one please': 'option 1 please',
      'my code one, two, three, four': 'my code 1 2 3 4',
      'the unit one, 9 Mill Street': 'the unit 1 9 Mill Street',
    });
  });
});

describe('"oh" between spoken separators', () => {
  test('is the zero of a part said alone', () => {
    expectAll({
      'ten dot oh dot four dot nine': '10.0.4.9',
      'one seven two dash oh dash five five': '172-0-55',
    });
  });

  test('is a word elsewhere', () => {
    expectAll({
      'dot oh dot': 'dot oh dot',
      'oh dot five': 'oh dot 5',
    });
  });
});

describe('digit homophones', () => {
  test('a turn that says a digit then its homophone is a doubled digit', () => {
    expectAll({ 'two too': '22', 'four for.': '44' });
  });

  test('not when the homophone says another digit, or the turn says more', () => {
    expectAll({ 'four to': '4 to', 'two to five': '2 to 5', 'room two too': 'room 2 too' });
  });

  test('"to" after a naming word before a phone-length number is the preposition', () => {
    expectAll({
      'please change my number to four one five five five five two nine eight one':
        'please change my number to 4155552981',
      'we sent a code to six one seven five five five oh one four four': 'we sent a code to 6175550144',
    });
  });

  test('a code-sized number after a naming word still takes the homophone', () => {
    expectAll({ 'the door code to five five one': 'the door code 2551' });
  });
});
