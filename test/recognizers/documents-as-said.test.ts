import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType, mono } from './conversation.js';

describe('IBANs as callers say them', () => {
  test('a false start before the whole IBAN does not hide it', () => {
    const transcript = call(
      agent('can I take the IBAN of the account you are paying'),
      customer('GB59 MIDL, sorry, GB59 MIDL 4005 1522 1178 30'),
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:GB59 MIDL', 'IBAN:GB59 MIDL 4005 1522 1178 30']);
  });

  test('an "oh" left as a word after the last group is its last zero, when the check then passes', () => {
    const said = 'N L two one I N G B oh oh oh six eight one two three four oh';
    assert.deepEqual(
      foundOfType(mono('what is the IBAN', said, 'thank you'), 'IBAN').map((entry) => entry.endsWith(' oh')),
      [true],
    );
    // The check failing with that zero: no IBAN is made up.
    const misheard = 'N L two one I N G B oh oh oh six eight one two three five oh';
    assert.deepEqual(foundOfType(mono('what is the IBAN', misheard, 'thank you'), 'IBAN'), []);
    // "oh wait" breaks off to correct: no zero, even where the check would pass with one.
    const brokenOff = 'N L two one I N G B oh oh oh six eight one two three four oh wait let me look';
    const found = foundOfType(mono('what is the IBAN', brokenOff, 'sure'), 'IBAN');
    assert.ok(found.every((entry) => !entry.endsWith(' oh')));
  });

  test('a "then" between two groups stays inside the IBAN', () => {
    const transcript = call(
      agent('and the IBAN?'),
      customer('the first part is GB59 MIDL, then 4005 1522 1178 30'),
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:GB59 MIDL then 4005 1522 1178 30']);
  });

  test('letters printed as the words an engine heard', () => {
    const transcript = call(
      agent('and the iban'),
      customer(
        'gee bee five nine em eye dee el four oh oh five one five two two one one seven eight three oh',
      ),
    );
    assert.deepEqual(
      foundOfType(transcript, 'IBAN').map((entry) => entry.replace(/\s/g, '')),
      ['IBAN:GB59MIDL40051522117830'],
    );
  });
});

describe('passports of many countries', () => {
  test('nine letters and digits mixed, as EU passports have', () => {
    for (const said of ['C 0 1 X 0 0 T 4 7', '1 2 A B 3 4 5 6 7', 'N P F H 7 K L 8 3', 'A A B 1 2 3 4 5 6']) {
      const entities = foundOfType(call(agent('what is your passport number'), customer(said)), 'PASSPORT');
      assert.equal(entities.length, 1, said);
    }
  });

  test('spelled with NATO words between the digit groups', () => {
    const transcript = call(
      agent('the number in your passport?'),
      customer('charlie 0 1, x-ray zero zero, tango 4 7.'),
    );
    assert.deepEqual(
      detectIn(transcript)
        .entities.filter((entity) => entity.type === 'PASSPORT')
        .map((entity) => entity.value),
      ['C01X00T47'],
    );
  });

  test('not without a passport cue, nor a shorter code', () => {
    assert.deepEqual(foundOfType(call(customer('it is C 0 1 X 0 0 T 4 7')), 'PASSPORT'), []);
    assert.deepEqual(foundOfType(call(agent('your passport number'), customer('A B 1 2 C')), 'PASSPORT'), []);
  });
});

describe('UK driving licences written in lower case', () => {
  test('the check characters as a word of their own stay in the licence', () => {
    const transcript = call(
      agent("what's your driving licence number"),
      customer("sure it's patel 861224 ak8 tr"),
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:patel 861224 ak8 tr']);
  });

  test('a two-letter word after it is not its check characters', () => {
    const transcript = call(
      agent("what's your driving licence number"),
      customer('patel 861224 ak8 is that okay'),
    );
    assert.deepEqual(
      foundOfType(transcript, 'DRIVERS_LICENSE').filter((entry) => entry.includes(' is')),
      [],
    );
  });

  test('a US licence with a letter said as a word', () => {
    const transcript = call(
      agent('and your license number'),
      customer('kay three six two five one nine zero seven eight four three'),
    );
    assert.deepEqual(
      foundOfType(transcript, 'DRIVERS_LICENSE').map((entry) => entry.replace(/\s/g, '')),
      ['DRIVERS_LICENSE:K36251907843'],
    );
  });
});
