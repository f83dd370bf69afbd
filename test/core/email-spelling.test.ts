import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseTurns, spoken, wordsBehind } from '../normalise/support.js';

describe('a spelling of part of an email address said after it belongs to the address', () => {
  test('a spelled part, with a few words before it', () => {
    const normalised = normaliseTurns([
      { text: "it's j pell at corbin freight dot com, Corbin is C O R B I N." },
    ]);
    assert.equal(normalised.views[0]!.text, "it's jpell@corbinfreight.com");
    assert.equal(
      wordsBehind(normalised, 'jpell@corbinfreight.com'),
      'j pell at corbin freight dot com, Corbin is C O R B I N.',
    );
  });

  test('letters spelled with words, and digits said again', () => {
    const letters = normaliseTurns([
      { text: 'nadia underscore kq at gmail dot com, K for Kilo, Q for Quebec' },
    ]);
    assert.equal(letters.views[0]!.text, 'nadia_kq@gmail.com');
    const digits = normaliseTurns([{ text: 'lee forty two at gmail dot com. four two.' }]);
    assert.equal(wordsBehind(digits, 'lee42@gmail.com'), 'lee forty two at gmail dot com. four two.');
  });

  test('an address written as one word, then spelled', () => {
    const normalised = normaliseTurns([{ text: 'ada.quill@outlook.com. Q U I L L.' }]);
    assert.equal(wordsBehind(normalised, 'ada.quill@outlook.com'), 'ada.quill@outlook.com. Q U I L L.');
  });

  test('letters that are not part of the address, and an address alone, stay as they were', () => {
    assert.equal(
      spoken('bo at gmail dot com, and my postcode is L S 6'),
      'bo@gmail.com and my postcode is LS 6',
    );
    assert.equal(spoken('write to ada.quill@outlook.com please'), 'write to ada.quill@outlook.com please');
    // The address said again after a written one is a second address, not a spelling of the first.
    assert.equal(spoken('rfox1962@aol.com R Fox 1962 at aol dot com'), 'rfox1962@aol.com rfox1962@aol.com');
  });
});
