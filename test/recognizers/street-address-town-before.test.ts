import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foundOfType, mono } from './conversation.js';

describe('STREET_ADDRESS: a town and ZIP said before a street', () => {
  test('the town that ends one address is not the start of the next', () => {
    const found = foundOfType(
      mono(
        "What's the address of the property?",
        "It's 310 Alder Street, Unit... no, it's a house, sorry. Tempe, Arizona, 85281.",
        '310 Alder Street, 85281. And your name?',
      ),
      'STREET_ADDRESS',
    );
    assert.ok(
      found.every((value) => !value.includes('Tempe')),
      found.join(' | '),
    );
  });
});
