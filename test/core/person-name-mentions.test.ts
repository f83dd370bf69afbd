import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from '../recognizers/conversation.js';

const names = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'PERSON_NAME');

describe('PERSON_NAME said again, beside a known name, or after a relation', () => {
  test('a first name said before a known surname, and that first name later on its own', () => {
    assert.deepEqual(
      names(
        agent('Am I speaking with Mrs Okafor?'),
        customer('Yes, Ngozi Okafor.'),
        agent('How can I help today, Ngozi?'),
      ),
      ['PERSON_NAME:Okafor', 'PERSON_NAME:Ngozi Okafor', 'PERSON_NAME:Ngozi'],
    );
  });

  test('a lower-case word before a capitalised name is not taken with it', () => {
    const found = names(
      agent('And who is the patient?'),
      customer('My son Tobias.'),
      agent('I hope Tobias feels better.'),
    );
    assert.deepEqual(found, ['PERSON_NAME:Tobias', 'PERSON_NAME:Tobias']);
  });

  test('parts of a hyphenated surname and a possessive are mentions of it', () => {
    assert.deepEqual(
      names(
        agent('Can I take your full name?'),
        customer('Imelda Vance-Roper.'),
        agent('Thanks. Is that Roper with an e?'),
        customer("Yes. And Vance's with a c."),
      ),
      ['PERSON_NAME:Imelda Vance-Roper', 'PERSON_NAME:Roper', 'PERSON_NAME:Vance'],
    );
  });

  test("the agent's own name, said back by the customer", () => {
    const found = names(
      agent('Thanks for calling Corvel Water, this is Benedikt Sauer.'),
      customer('Hi. I need to read my meter.'),
      agent('Go ahead.'),
      customer('Thank you Benedikt.'),
    );
    assert.deepEqual(found, ['PERSON_NAME:Benedikt Sauer', 'PERSON_NAME:Benedikt']);
  });

  test('a name after a relation word, listed or capitalised', () => {
    assert.deepEqual(names(customer('the account is joint with my husband declan')), ['PERSON_NAME:declan']);
    assert.deepEqual(names(agent('Is your brother Casimir still the second contact?')), [
      'PERSON_NAME:Casimir',
    ]);
    assert.deepEqual(names(customer('Our daughter, Philippa Strand, will collect it.')), [
      'PERSON_NAME:Philippa Strand',
    ]);
    assert.deepEqual(names(customer('my husband said it was fine')), []);
  });

  test('an unlisted name after thanks or a greeting that ends the sentence', () => {
    assert.deepEqual(names(agent("You're welcome, Odalys. Have a lovely evening.")), ['PERSON_NAME:Odalys']);
    assert.deepEqual(names(customer("Hi Tamsin, I'm calling about a refund.")), ['PERSON_NAME:Tamsin']);
    assert.deepEqual(names(agent('Thank you. Creditors will see the freeze.')), []);
    assert.deepEqual(names(agent('Thank God that worked.')), []);
  });

  test('a name asked for by relation, or introduced with "named"', () => {
    assert.deepEqual(names(agent("Who's your landlord?"), customer('Augustin Pell.')), [
      'PERSON_NAME:Augustin Pell',
    ]);
    assert.deepEqual(names(agent('I see a booking for a traveller named Ilse Marlow.')), [
      'PERSON_NAME:Ilse Marlow',
    ]);
  });

  test('"or" and "he\'s" join the names of one answer', () => {
    assert.deepEqual(names(agent('Am I speaking with Greta or Hollis Brandvold?')), [
      'PERSON_NAME:Greta',
      'PERSON_NAME:Hollis Brandvold',
    ]);
    assert.deepEqual(
      names(
        agent('And the names of both travellers?'),
        customer("I'm Wilma Ashdown and he's Percival Greaves."),
      ),
      ['PERSON_NAME:Wilma Ashdown', 'PERSON_NAME:Percival Greaves'],
    );
  });

  test('"and your name as it appears on the form" asks for it', () => {
    assert.deepEqual(
      names(agent('And your name as it appears on the form?'), customer('Osric T. Vandermolen.')),
      ['PERSON_NAME:Osric T Vandermolen'],
    );
  });

  test("a doctor after a number in the speaker's turn before is a title, not a street", () => {
    assert.deepEqual(
      names(agent('The zip is 68110.'), customer('Okay.'), agent('Dr Quennell will call you.')),
      ['PERSON_NAME:Quennell'],
    );
  });

  test('a rank title: "Agent"', () => {
    assert.deepEqual(names(customer('Thanks so much, Agent Villaseñor.')), ['PERSON_NAME:Villaseñor']);
  });
});
