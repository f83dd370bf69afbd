import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Atom, AtomKind } from '../../src/core/normalise/atoms.js';
import { makeAtom } from '../../src/core/normalise/atoms.js';
import { mayHoldDictation } from '../../src/core/normalise/dictation.js';
import { normaliseTurns, spoken, wordsBehind } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('dictated case', () => {
  test('a case word gives the case of the letter after it, and of the word that letter starts', () => {
    expectAll({
      'capital d': 'D',
      'lowercase k': 'k',
      'upper case k w o n g': 'KWONG',
      'my password is capital d dragon': 'my password is Dragon',
      'big m marmalade': 'Marmalade',
      'Capital D, dragon': 'Dragon',
    });
  });

  test('a word followed by the capital of its first letter is that word capitalised', () => {
    expectAll({
      'maple, capital M, 4 4': 'Maple44',
      'falcon with a capital F then 7 hash': 'Falcon then 7 hash',
    });
  });

  test('negatives: a capital that starts a spelling or a word of its own, a lower case after a word', () => {
    expectAll({
      'password, capital p q 7': 'password P q 7',
      'tiger, capital t tiger': 'tiger Tiger',
      'maple, lowercase m': 'maple m',
    });
  });

  test('a NATO word or "as in" after the letter only confirms it', () => {
    expectAll({ 'capital d delta': 'D', 'capital d as in david one two': 'D12' });
  });

  test('weak case words and weak letters need the word the letter starts', () => {
    expectAll({
      'the capital a city': 'the capital a city',
      'capital i think': 'capital i think',
      'capital a apple': 'Apple',
      'a big m': 'a big m',
      'small s': 'small s',
      'big deal': 'big deal',
      'capital one': 'capital 1',
    });
  });
});

describe('dictated symbols', () => {
  test('symbol names tie dictated items into what the speaker would type', () => {
    expectAll({
      'uppercase d dragon dollar sign one nine nine two': 'Dragon$1992',
      'capital r river exclamation mark two oh one two': 'River!2012',
      'dragon ampersand meadow 4': 'dragon&meadow4',
      'falcon exclamation mark velvet seven.': 'falcon!velvet7',
      'falcon underscore stormy eighteen': 'falcon_stormy18',
      'k w o n g underscore seven seven': 'KWONG_77',
      'john at sign one two three': 'john@123',
    });
  });

  test('names that are also words are symbols only inside a marked dictation', () => {
    expectAll({
      'capital d dragon hash one nine nine five': 'Dragon#1995',
      'capital t tiger star 2012': 'Tiger*2012',
      'dragon hash one nine nine five': 'dragon hash 1995',
      'blue dash velvet two': 'blue dash velvet 2',
      "it's a five star hotel": "it's a 5 star hotel",
      'hash browns': 'hash browns',
      'mohammed dot johnson': 'mohammed dot johnson',
    });
  });

  test('a symbol needs an item on both sides, and words beside a dictation stay apart', () => {
    expectAll({
      'I have a question mark here': 'I have a question mark here',
      'what about lima question mark': 'what about lima question mark',
      'password capital d dragon': 'password Dragon',
      'capital d dragon dollar sign one nine nine two I see you called': 'Dragon$1992 I see you called',
    });
  });

  test('email addresses and digit separators keep their own reading', () => {
    expectAll({
      'john at sign gmail dot com': 'john@gmail.com',
      'four one one one dash one one one one': '4111-1111',
    });
  });

  test('every character maps back to the words that said it', () => {
    const normalised = normaliseTurns([
      { text: 'it is uppercase d dragon dollar sign one nine nine two okay' },
    ]);
    assert.equal(normalised.views[0]!.text, 'it is Dragon$1992 okay');
    assert.equal(wordsBehind(normalised, 'Dragon$1992'), 'uppercase d dragon dollar sign one nine nine two');
    assert.equal(wordsBehind(normalised, '$'), 'dollar sign');
    assert.equal(wordsBehind(normalised, 'Dragon'), 'uppercase d dragon');
  });
});

describe('dictation after the name of the item', () => {
  test('"username" or "password" before a dictation stays a word of its own', () => {
    expectAll({
      'username j p m underscore 83': 'username JPM_83',
      'password k w underscore 9': 'password KW_9',
    });
  });
});

describe('which turns may hold a dictation (asked once per turn)', () => {
  const atom = (kind: AtomKind, text: string): Atom => makeAtom(kind, [{ text, from: 0, to: 0 }]);
  const words = (text: string): Atom[] => text.split(' ').map((word) => atom('word', word));

  test('plain words, letters and digits hold none: nothing marks where one starts', () => {
    assert.equal(mayHoldDictation(words('my cat is called dragon')), false);
    assert.equal(
      mayHoldDictation([atom('word', 'dragon'), atom('digits', '1992'), atom('letters', 'KW')]),
      false,
    );
  });

  test('a symbol name or a cased item may', () => {
    assert.equal(mayHoldDictation(words('dragon dollar sign 1992')), true);
    assert.equal(mayHoldDictation(words('trout 74 exclamation')), true);
    assert.equal(mayHoldDictation([atom('word', 'password'), atom('dictated', 'D')]), true);
  });

  test('turns read whole are normalised as before', () => {
    expectAll({
      'dragon dollar sign one nine nine two': 'dragon$1992',
      'my dragon is 1992 years old': 'my dragon is 1992 years old',
    });
  });
});
