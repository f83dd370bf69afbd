import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseTurns, spoken, wordsBehind } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('digit homophones inside digit dictations', () => {
  test('between digits said one by one, in a long enough run', () => {
    expectAll({
      'nine one for two oh six': '914206',
      'three eight to five five one': '382551',
      'five won seven seven': '5177',
      'two ate six one': '2861',
      'L M for 3 to 8 8 2 0': 'LM 4328820',
    });
  });

  test('before the digits after a spelled letter, or as a clause of its own', () => {
    expectAll({
      'too too seven': '227',
      'For 6 1.': '461',
      'and the code. To 9 9.': 'and the code 299',
    });
  });

  test('after several digits at the end of a clause', () => {
    expectAll({ 'it is 3 8 1 for.': 'it is 3814' });
  });

  test('negatives: ordinary speech, ranges and deals keep their words', () => {
    expectAll({
      'I want to pay for 2 items': 'I want to pay for 2 items',
      'two to three days': '2 to 3 days',
      'buy 2 for 1': 'buy 2 for 1',
      'one to five': '1 to 5',
      'we won 3 1 today': 'we won 3 1 today',
      'For 3 days': 'For 3 days',
      'it is 3 8 for you': 'it is 3 8 for you',
      'me too': 'me too',
      'zero to sixty': '0 to 60',
      'two won one': '2 won 1',
    });
  });

  test('at the edge of a dictation: before a new clause, after a word naming the number, between pauses', () => {
    expectAll({
      'three three eight for and then three three eight one': '3384 and then 3381',
      'the gate code to oh four seven': 'the gate code 2047',
      'my pin is for four six eight eight': 'my pin is 44688',
      'four four, nine to, one one': '44 92 11',
    });
  });

  test('ending the first group of a number said in groups, a clause of its own with digits after the pause', () => {
    expectAll({
      'Right. eight oh to, three three, one nine four one.': 'Right 802 33 1941',
      'Okay. five one for, two two': 'Okay 514 22',
    });
  });

  test('negatives: a range or a count after a pause, a homophone after one digit or before words', () => {
    expectAll({
      'we waited three to, four hours': 'we waited 3 to 4 hours',
      'Yes. six to, seven people': 'Yes 6 to 7 people',
      'Sure. nine nine for, the others': 'Sure 99 for the others',
    });
  });

  test('negatives: prepositions after a word naming a number, a lone homophone between pauses', () => {
    expectAll({
      'the table is for two people': 'the table is for 2 people',
      'the code is for the side door': 'the code is for the side door',
      'one, to be honest, two': '1 to be honest 2',
    });
  });

  test('a homophone read as a digit maps to its own word', () => {
    const normalised = normaliseTurns([{ text: 'seven seven for two' }]);
    assert.equal(normalised.views[0]!.text, '7742');
    assert.equal(wordsBehind(normalised, '4'), 'for');
  });
});

describe('digits written one by one', () => {
  test('three or more make one group, with the letter before kept apart', () => {
    expectAll({
      '7 0 2 Birch Road': '702 Birch Road',
      'P.O. Box 4 1 6 7': 'PO Box 4167',
      'K... 3 3 0 1 8 6': 'K 330186',
      'one two 7': '127',
    });
  });

  test('negatives: two digits, pauses and numbers said as numbers stay apart', () => {
    expectAll({
      '4 4 1990': '4 4 1990',
      '2 7, 3 1': '2 7 3 1',
      'forty 5 6 7': '40 567',
      '1 2 3 hundred': '123 100',
    });
  });
});

describe('spelled letters', () => {
  test('a full stop after an undotted letter ends the run', () => {
    expectAll({ 'B T. M K': 'BT MK', 'J. O. E.': 'JOE' });
  });

  test('a filler in capitals after a written digit is letters', () => {
    expectAll({ 'NE1 7 ER.': 'NE1 7 ER', 'four er one': '41', 'ER doctors': 'doctors' });
  });
});

describe('dictation without symbols between every item', () => {
  test('cased items join one another, and a closing symbol joins a marked dictation', () => {
    expectAll({
      'lowercase p, uppercase Q, 7, lowercase z': 'pQ7z',
      'capital B A D G E R 1 9 exclamation.': 'BADGER19!',
      'capital L lion 5 hash': 'Lion5#',
      'q r 2 capital S dollar t 4': 'QR2S$t4',
    });
  });

  test('negatives: a plain word before, and unmarked symbol words, stay apart', () => {
    expectAll({
      'password capital D dragon': 'password Dragon',
      'Summer 88 hash': 'Summer 88 hash',
      'a ten dollar note': 'a 10 dollar note',
      'that was an exclamation': 'that was an exclamation',
    });
  });
});

describe('email local parts and domains', () => {
  test('initials, two words before any domain, two-word labels', () => {
    expectAll({
      'p dot j ortega at yahoo dot com': 'p.jortega@yahoo.com',
      'lena morris at outlook dot com': 'lenamorris@outlook.com',
      'lena morris at acme dot com': 'lenamorris@acme.com',
      'tom underscore lee at green valley dot org': 'tom_lee@greenvalley.org',
      // A one-word local part takes a two-word label too: people say "at green valley dot org".
      'tom at green valley dot org': 'tom@greenvalley.org',
    });
  });

  test('negatives: talk before the address and single plain words keep their words', () => {
    expectAll({
      'I told morris at acme dot com': 'I told morris@acme.com',
      'we met at the lake': 'we met at the lake',
    });
  });

  test('the address covers both words before "at"', () => {
    const normalised = normaliseTurns([{ text: 'lena morris at gmail dot com' }]);
    assert.equal(wordsBehind(normalised, 'lenamorris@gmail.com'), 'lena morris at gmail dot com');
  });
});
