import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WordSpec } from '../helpers/transcript.js';
import { normaliseTurns } from './support.js';

/** Words said 250 ms each, with the given silence (ms) after each one ("said" | "silence" pairs). */
function timed(...said: (string | number)[]): WordSpec[] {
  const words: WordSpec[] = [];
  let clock = 0;
  for (const item of said) {
    if (typeof item === 'number') {
      clock += item;
      continue;
    }
    words.push({ text: item, start: clock, end: clock + 250 });
    clock += 250 + 40;
  }
  return words;
}

const viewOf = (words: WordSpec[]): string => normaliseTurns([{ words }]).views[0]!.text;

describe('silences in a source that writes no punctuation', () => {
  test('a silence ends a number as a stop would: a value and its read-back stay apart', () => {
    const run = ['three', 'one', 'seven', 'five'];
    assert.equal(viewOf(timed(...run, ...run)), '31753175');
    assert.equal(viewOf(timed(...run, 600, ...run)), '3175 3175');
  });

  test('an "oh" ending a dictation before a silence is its last zero', () => {
    assert.equal(viewOf(timed('nine', 'two', 'oh', 500, 'great', 'thanks')), '920 great thanks');
  });

  test('a punctuating source decides by its punctuation, not by silences', () => {
    const words = timed('seven', 'seven', 500, 'one', 'two.', 500, 'okay');
    assert.equal(viewOf(words), '7712 okay');
  });
});
