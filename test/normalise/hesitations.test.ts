import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WordSpec } from '../helpers/transcript.js';
import { normaliseTurns, spoken } from './support.js';

/** Words without punctuation, said 250 ms each with 40 ms between: no silence long enough to pause. */
function unpunctuated(...said: string[]): WordSpec[] {
  return said.map((text, k) => ({ text, start: k * 290, end: k * 290 + 250 }));
}

const viewOf = (words: WordSpec[]): string => normaliseTurns([{ words }]).views[0]!.text;

describe('breaks a source without punctuation marks in other ways than silences', () => {
  test('a hesitation after which the digits before it are said again ends the false start', () => {
    assert.equal(viewOf(unpunctuated('nine', 'two', 'um', 'nine', 'two', 'five')), '92 925');
  });

  test('negatives: a hesitation inside a value said once keeps its digits together', () => {
    assert.equal(viewOf(unpunctuated('nine', 'two', 'um', 'two', 'five')), '9225');
    assert.equal(viewOf(unpunctuated('five', 'er', 'five', 'one')), '551');
  });

  test('a number word with a capital after a lower-case one starts a sentence: the read-back', () => {
    assert.equal(viewOf(unpunctuated('nine', 'two', 'five', 'Nine', 'two', 'five', 'fine')), '925 925 fine');
  });

  test('negatives: digits said straight on, a capital at the start, a punctuating source', () => {
    assert.equal(viewOf(unpunctuated('nine', 'two', 'five', 'nine', 'two', 'five')), '925925');
    assert.equal(viewOf(unpunctuated('Nine', 'two', 'five', 'okay')), '925 okay');
    assert.equal(viewOf(unpunctuated('seven', 'two.', 'Seven', 'two', 'then')), '72 72 then');
  });
});

describe('spelling hints and descriptions of a word', () => {
  test('"with a" before a letter is the article of a hint, not the letter A', () => {
    assert.equal(spoken('Maren with a k'), 'Maren with a k');
    assert.equal(spoken('it ends with a z'), 'it ends with a z');
    assert.equal(spoken('and without a h'), 'and without a h');
  });

  test('negatives: letters after the hint still spell, "a" beside other letters still counts', () => {
    assert.equal(spoken('with a b c 7'), 'with a BC 7');
    assert.equal(spoken('code a b 1'), 'code AB 1');
  });

  test('a capital letter and the rest of its word, said apart, are one word of a dictation', () => {
    assert.equal(
      spoken('so capital g, olden, capital t, ree, seven seven, exclamation mark'),
      'so GoldenTree77!',
    );
    assert.equal(spoken('capital m, oss'), 'Moss');
  });

  test('negatives: a word that leads on, a word of talk, a word with its own capital', () => {
    assert.equal(spoken('capital R, then lowercase x'), 'R then x');
    assert.equal(spoken('capital B, please'), 'B please');
    assert.equal(spoken('capital B, Sorry'), 'B Sorry');
  });
});
