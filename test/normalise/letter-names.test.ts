import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spoken } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('letters an engine prints as the words it heard', () => {
  test('letter names among dictated digits are letters', () => {
    expectAll({
      'gee bee five nine': 'GB 59',
      'it is see aitch nine two zero zero': 'it is CH 9200',
      'kay three six two five': 'K 3625',
      'double you five three one six': 'W 5316',
    });
  });

  test('the same words in talk stay words', () => {
    expectAll({
      'i see you two three four five': 'i see you 2345',
      'are you five six seven eight': 'are you 5678',
      'so see you at nine fifteen then': 'so see you at 915 then',
      'thank you one two three four': 'thank you 1234',
      'it was a double u turn': 'it was a double u turn',
      'me and jay went': 'me and jay went',
    });
  });
});
