import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spoken } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('spelled letters become one upper-case run', () => {
  test('single-letter words, with or without dots, commas or hyphens', () => {
    expectAll({
      'k w o n g': 'KWONG',
      'it is K. W. O. N. G. okay': 'it is KWONG okay',
      'K, W, O, N, G': 'KWONG',
      'k-w-o-n-g': 'KWONG',
      'k um w o': 'KWO',
      'p s': 'PS',
      'in the U.S.A. today': 'in the USA today',
    });
  });

  test('NATO alphabet words, alone or mixed with letters', () => {
    expectAll({
      'kilo whiskey oscar': 'KWO',
      'Kilo Whiskey Oscar November Golf': 'KWONG',
      'k whiskey o': 'KWO',
      'alfa x-ray': 'AX',
    });
  });

  test('"X as in word" and "X for word" spell one letter, even alone', () => {
    expectAll({
      's as in sam': 'S',
      'b for bravo': 'B',
      'k w as in william o n g': 'KWONG',
      'a as in apple b': 'AB',
      'i for one': 'i for 1',
      'b as in cat': 'b as in cat',
    });
  });

  test('a run is separate from the digit groups around it', () => {
    expectAll({
      'a b one two three four five six seven': 'AB 1234567',
      'one two a b': '12 AB',
      'j o h n 7 7': 'JOHN 7 7',
    });
  });

  test('"o" spells a letter inside a run and is zero before digits', () => {
    expectAll({ 'j o h n': 'JOHN', 'o one two': '012', 'o k': 'OK' });
  });

  test('"oh" between two letters of a run is the letter O', () => {
    expectAll({
      'j oh h n': 'JOHN',
      'k w oh n g': 'KWONG',
      'a b oh one': 'AB 01',
      'oh a b': 'oh AB',
      'plan b oh by the way': 'plan b oh by the way',
    });
  });

  test('a NATO word alone spells a letter inside an identifier of digits and letters', () => {
    expectAll({
      'lima one seven nine echo zulu': 'L 179 EZ',
      'lima seventeen seven romeo november': 'L 177 RN',
      'whiskey one alpha zero alpha x-ray': 'W 1 A 0 AX',
      'my postcode is november one two alpha bravo': 'my postcode is N 12 AB',
    });
  });

  test('a strong pause ends a run', () => {
    expectAll({ 'a b? c d': 'AB CD' });
  });
});

describe('doubled letters', () => {
  test('"double" or "triple" before a letter repeats it', () => {
    expectAll({ 'M four, one double B': 'M 4 1 BB', 'triple x 4': 'XXX 4' });
  });

  test('negatives: "double o" is two zeros, "double u" is W', () => {
    expectAll({ 'double o seven': '007', 'www dot double u': 'www dot double u' });
  });
});

describe('words that look like letters stay words', () => {
  test('"a" and "I" alone, or beside a NATO word', () => {
    expectAll({
      'I have a dog': 'I have a dog',
      'I booked a hotel': 'I booked a hotel',
      'I golf': 'I golf',
      'is it a b': 'is it AB',
      'I a': 'I a',
      'I need a a new card': 'I need a a new card',
      'one a a': '1 AA',
      'my postcode is s w one a one a a': 'my postcode is SW 1 a 1 AA',
    });
  });

  test('a run does not swallow a following pronoun after a full stop', () => {
    expectAll({ 'k w o n g. I think': 'KWONG I think', 'l i s a': 'LISA' });
  });

  test('one letter or one NATO word alone', () => {
    expectAll({
      'plan b': 'plan b',
      'Mike said': 'Mike said',
      'golf on sunday': 'golf on sunday',
      'november fifth': 'november 5',
      'kilo november': 'KN',
      'victor six three two eight': 'victor 6328',
      'I played golf three times': 'I played golf 3 times',
    });
  });
});

describe('letters said again to confirm them', () => {
  test('"X for word" letters said again as NATO words are two runs, not one twice as long', () => {
    expectAll({
      'm for mike t for tango mike tango': 'MT MT',
      'mike tango m t 4 4': 'MT MT 4 4',
      // One letter said twice, or said the same way twice, is still one run.
      'b bravo': 'BB',
      'm m 1 2': 'MM 1 2',
    });
  });

  test('one letter between two numbers is a letter of an identifier', () => {
    expectAll({ 'it is 5 0 1 1 2 9 k 9 9 t r': 'it is 501129 K 9 9 TR', 'plan b for now': 'plan b for now' });
  });

  test('a capital dictated with its word between numbers keeps the word, not a lone letter', () => {
    expectAll({
      '8 capital h hammer 6': '8Hammer6',
      'it is 3 3 capital w walnut 5 0 1': 'it is 33Walnut501',
    });
  });
});
