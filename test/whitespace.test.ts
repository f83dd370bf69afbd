import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, isWhitespace } from '../src/core/whitespace.js';

test('isWhitespace agrees with the regular-expression class \\s on every UTF-16 code unit', () => {
  for (let code = 0; code <= 0xffff; code += 1) {
    assert.equal(isWhitespace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  }
});

test('countWords counts runs of non-whitespace, as splitting on \\s+ does', () => {
  const texts = ['', ' ', 'one', ' one  two\nthree\t', '4111 1111\u00a0x', '\u3000a\u2028b\ufeff', 'a,b c.'];
  for (const text of texts) assert.equal(countWords(text), text.split(/\s+/).filter(Boolean).length, text);
  assert.equal(countWords(' one  two\nthree\t'), 3);
});
