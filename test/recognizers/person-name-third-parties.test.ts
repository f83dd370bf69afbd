import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

const names = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'PERSON_NAME');

describe('PERSON_NAME: people named in passing', () => {
  test('a capitalised listed first name names someone wherever it is said', () => {
    assert.deepEqual(names(agent('Your fitting is booked with Rebecca on the ninth.')), [
      'PERSON_NAME:Rebecca',
    ]);
    assert.deepEqual(names(customer('Our bookkeeper, Trevor Osei, keeps the receipts.')), [
      'PERSON_NAME:Trevor Osei',
    ]);
  });

  test('a listed first name that is a town, a street or stops at a comma', () => {
    assert.deepEqual(names(customer('We are relocating to Austin next month.')), []);
    assert.deepEqual(names(customer('I grew up near San Diego, actually.')), []);
    assert.deepEqual(names(customer('The depot is on Victoria Road.')), []);
    assert.deepEqual(names(customer('The driver was Omar Haddad, Copper Ridge Couriers.')), [
      'PERSON_NAME:Omar Haddad',
    ]);
  });

  test('a family name with a lower-case particle', () => {
    assert.deepEqual(names(customer("Hello, it's Anneke van der Berg about the invoice.")), [
      'PERSON_NAME:Anneke van der Berg',
    ]);
  });

  test('"im" without its apostrophe introduces the speaker, and the surname comes with a repeat', () => {
    assert.deepEqual(names(agent('i have rahul okonjo on the file is that you'), customer('yes im rahul')), [
      'PERSON_NAME:rahul okonjo',
      'PERSON_NAME:rahul',
    ]);
  });

  test('a relative before "can", and a relation after "the" in a turn with capitals', () => {
    assert.deepEqual(names(customer('my partner tomasz can sign for it')), ['PERSON_NAME:tomasz']);
    assert.deepEqual(names(customer("The landlord's Steven Okafor, he handles repairs.")), [
      'PERSON_NAME:Steven Okafor',
    ]);
  });

  test('asked about the children, each name in the answer', () => {
    assert.deepEqual(
      names(agent('And the children?'), customer('Odessa, she is nine, and Tobias, he is five.')),
      ['PERSON_NAME:Odessa', 'PERSON_NAME:Tobias'],
    );
  });

  test('a name paired with "you and"', () => {
    assert.deepEqual(names(agent('I have the booking here for you and Ifeoma.')), ['PERSON_NAME:Ifeoma']);
  });

  test('words that only sound like names in these places', () => {
    assert.deepEqual(names(customer('Oh thank God, that finally worked.')), []);
    assert.deepEqual(names(agent("And the account holder's name is yourself?")), []);
    assert.deepEqual(names(customer('no thank you baby')), []);
    assert.deepEqual(
      names(
        agent('Can you see the network name?'),
        customer('It lists "Linden5G" and one called "CASCADE".'),
      ),
      [],
    );
  });
});
