import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decorateWords } from '../../src/formats/decoration.js';

describe('decorateWords', () => {
  test('bare lower-case words take the case and following punctuation the text gives them', () => {
    assert.deepEqual(decorateWords(['and', 'your', 'surname', 'okafor'], 'And your surname? Okafor.'), [
      'And',
      'your',
      'surname?',
      'Okafor.',
    ]);
  });

  test('words the text writes differently are skipped without losing step with the rest', () => {
    // The text writes the spoken digits as a number; the words after them still line up.
    const words = ['it', 'is', 'nine', 'one', 'two', 'thanks', 'so', 'what', 'now'];
    assert.deepEqual(decorateWords(words, 'It is 912. Thanks, so what now?'), [
      'It',
      'is',
      'nine',
      'one',
      'two',
      'Thanks,',
      'so',
      'what',
      'now?',
    ]);
  });

  test('punctuation a word carries itself, and brackets around a replacement, are kept', () => {
    assert.deepEqual(decorateWords(['[NAME]', 'ok.'], 'It was [NAME]! Ok?'), ['[NAME]', 'Ok.']);
  });

  test('leading quotes and dashes are not carried; only the case is when asked', () => {
    assert.deepEqual(decorateWords(['hello', 'there'], '"Hello, there-'), ['Hello,', 'there']);
    assert.deepEqual(decorateWords(['hello', 'there'], 'Hello, there.', false), ['Hello', 'there']);
  });

  test('a word the text does not hold within reach stays as it is', () => {
    assert.deepEqual(decorateWords(['maple'], 'one two three four five six seven Maple.'), ['maple']);
  });
});
