import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseTurns, spoken, wordsBehind } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('digit runs a mono engine writes together', () => {
  test('"oh" between written digits is a zero; not before a word', () => {
    expectAll({
      '5 2 8 oh 7 1 oh 4 4': '528071044',
      'I said 7 2 1 oh 4 9': 'I said 721049',
      'it was 3 5 8 oh okay': 'it was 358 oh okay',
    });
  });

  test('a value said twice without a pause is two values', () => {
    expectAll({
      'seven one four two eight eight oh three seven one four two eight eight oh three': '71428803 71428803',
      'two four six one three five two four six one three five': '246135 246135',
    });
    // Too short to be a value and its read-back: one number.
    assert.equal(spoken('one two three one two three'), '123123');
    const normalised = normaliseTurns([{ text: 'nine eight one two two six nine eight one two two six' }]);
    const second = normalised.views[0]!.text.lastIndexOf('981226');
    assert.equal(second, '981226 '.length);
    assert.equal(wordsBehind(normalised, '981226'), 'nine eight one two two six');
  });

  test('written digits, then digits said as words, are two runs', () => {
    expectAll({
      '4 4 1 7 nine two oh five': '4417 9205',
      // Words then written digits stay one run: engines write a last digit so.
      'six one 7': '617',
      // "oh" joins written digits as well as spoken ones.
      '3 6 6 oh 2 1': '366021',
    });
  });

  test('a written slash set apart joins the digits of a date', () => {
    expectAll({ 'born 14 / 3 / 88': 'born 14/3/88', 'it is 5 / 12': 'it is 5/12' });
  });

  test('a homophone after two digits ends the run when the turn is just the number', () => {
    expectAll({
      'six nine to': '692',
      'three one for.': '314',
      // Not inside a sentence: "to" stays a word.
      'eight five to the shop': '85 to the shop',
    });
  });
});
