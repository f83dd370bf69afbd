import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseTurns, spoken } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('ordinary words', () => {
  test('keep their case; surrounding punctuation and quotes are dropped', () => {
    expectAll({
      'Hello There': 'Hello There',
      'He said, "yes." Okay?': 'He said yes Okay',
      '“Right,” she said…': 'Right she said',
      "I'm sure it's fine (really)": "I'm sure it's fine really",
      "the customers' cards": 'the customers cards',
    });
  });

  test('are separated by exactly one space, however the source spaced or punctuated them', () => {
    const { views } = normaliseTurns([
      {
        words: [
          { text: 'yes', start: 0, end: 100 },
          { text: ',', start: 100, end: 100 },
          { text: ' no ', start: 200, end: 300 },
          { text: '—', start: 300, end: 300 },
          { text: 'maybe', start: 400, end: 500 },
        ],
      },
    ]);
    assert.equal(views[0]!.text, 'yes no maybe');
  });
});

describe('fillers', () => {
  test('produce no characters', () => {
    expectAll({ 'um yes uh no er erm uhm hmm ah ok': 'yes no ok', 'Umm, well': 'well', hmmm: '' });
  });

  test('a turn of fillers only is empty', () => {
    const { views } = normaliseTurns([{ text: 'um uh' }]);
    assert.equal(views[0]!.text, '');
    assert.deepEqual(
      views[0]!.turns.map((span) => [span.charStart, span.charEnd]),
      [[0, 0]],
    );
  });
});

describe('months', () => {
  test('are lower-case full names', () => {
    expectAll({
      'born in March': 'born in march',
      'Sept. fifth': 'september 5',
      sept: 'september',
      'Feb twenty nine': 'february 29',
      May: 'may',
    });
  });

  test('abbreviations that are also names need a dot or a number beside them', () => {
    expectAll({
      'Jan said hello': 'Jan said hello',
      'Jan 5': 'january 5',
      'the 3rd of Jan': 'the 3 of january',
      'Jan. the third': 'january the 3',
      'Dec twenty five': 'december 25',
    });
  });
});
