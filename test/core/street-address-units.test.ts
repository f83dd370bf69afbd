import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from '../recognizers/conversation.js';

const addresses = (...turns: Parameters<typeof call>): string[] =>
  foundOfType(call(...turns), 'STREET_ADDRESS');

describe('STREET_ADDRESS: units, numbered streets and two-word suffixes', () => {
  test('a numbered street the normaliser wrote as digits, with a unit after it', () => {
    assert.deepEqual(
      addresses(agent("What's the new address?"), customer('5310 West 63rd Street, number 12, Omaha.')),
      ['STREET_ADDRESS:5310 West 63 Street number 12 Omaha'],
    );
  });

  test('a street name that holds a suffix word before the suffix', () => {
    assert.deepEqual(addresses(customer('We live at 48 Birch Hollow Lane now.')), [
      'STREET_ADDRESS:48 Birch Hollow Lane',
    ]);
  });

  test('a unit the answer gives a few words after the street', () => {
    assert.deepEqual(
      addresses(
        agent('And the service address?'),
        customer("It's 917 Larchmont Drive, and um, the apartment is 3C."),
      ),
      ['STREET_ADDRESS:917 Larchmont Drive and the apartment is 3C'],
    );
  });

  test('"flat three, twelve …" read as "flat 312": the flat number starts the address', () => {
    assert.deepEqual(
      addresses(agent('First line of the address please?'), customer('flat three twelve harcourt vale')),
      ['STREET_ADDRESS:flat 312 harcourt vale'],
    );
  });

  test('more street suffixes: knoll, run, ridge', () => {
    assert.deepEqual(addresses(agent('We will post it to 2207 Fenwick Knoll, Macon 31204.')), [
      'STREET_ADDRESS:2207 Fenwick Knoll Macon 31204',
    ]);
  });
});

describe('STREET_ADDRESS: a unit in a stream that does not tell the speakers apart', () => {
  test('"number" of a unit right after the street does not cut the answer', () => {
    assert.deepEqual(
      foundOfType(
        mono('and the address we have for you 6021 Birchmont Road East number 118 okay'),
        'STREET_ADDRESS',
      ),
      ['STREET_ADDRESS:6021 Birchmont Road East number 118'],
    );
  });
});
