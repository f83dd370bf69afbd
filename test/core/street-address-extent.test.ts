import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from '../recognizers/conversation.js';

const addresses = (...turns: Parameters<typeof call>): string[] =>
  foundOfType(call(...turns), 'STREET_ADDRESS');
const postcodes = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'POSTAL_CODE');

describe('STREET_ADDRESS: the answer runs to where the address ends', () => {
  test('a house name or tenement flat before the street joins the answer', () => {
    assert.deepEqual(
      addresses(agent('What is the address there?'), customer('Ivy Lodge, 7 Brookfield Lane, Ripon.')),
      ['STREET_ADDRESS:Ivy Lodge 7 Brookfield Lane Ripon'],
    );
    assert.deepEqual(addresses(agent('And the new address?'), customer("It's 3F2, 88 Marchmont Road.")), [
      'STREET_ADDRESS:3F2 88 Marchmont Road',
    ]);
    assert.deepEqual(
      addresses(agent("What's the property's address?"), customer('The Old Bakery, Church Walk.')),
      ['STREET_ADDRESS:The Old Bakery Church Walk'],
    );
  });

  test('a floor and a flat number said after the street', () => {
    assert.deepEqual(
      addresses(agent('Where should we send it?'), customer('It goes to 610 Linden Avenue, second floor.')),
      ['STREET_ADDRESS:610 Linden Avenue second floor'],
    );
    assert.deepEqual(
      addresses(agent('Billing address?'), customer('88 Harbor Road, apartment one four oh two.')),
      ['STREET_ADDRESS:88 Harbor Road apartment 1402'],
    );
  });

  test('a flat, then the building, then the street', () => {
    // No question: the shape alone carries the flat and the building's name with the street.
    assert.deepEqual(addresses(agent("I'll post it to Flat 9, Beacon House, 31 Ferry Road then.")), [
      'STREET_ADDRESS:Flat 9 Beacon House 31 Ferry Road',
    ]);
    // "flat 5, 72 ..." said quickly: the flat number stays apart from the house number.
    assert.deepEqual(addresses(customer('We moved to flat 5, 72 Tanner Street.')), [
      'STREET_ADDRESS:flat 5 72 Tanner Street',
    ]);
  });

  test('a unit with no street word, when a flat or a postcode comes with it', () => {
    assert.deepEqual(addresses(agent('Is that still 5120 South Halsted, apartment 4 B?')), [
      'STREET_ADDRESS:5120 South Halsted apartment 4 B',
    ]);
    assert.deepEqual(addresses(customer('Send it to work, Unit 6, Ashton Business Park, BD4 7QT.')), [
      'STREET_ADDRESS:Unit 6 Ashton Business Park',
    ]);
  });

  test('street-first addresses abroad, with their units and postcodes', () => {
    assert.deepEqual(
      addresses(
        agent("What's her address in Munich?"),
        customer('Lindenstrasse 41, Wohnung 7, 80331 München.'),
      ),
      ['STREET_ADDRESS:Lindenstrasse 41 Wohnung 7 80331 München'],
    );
    assert.deepEqual(
      addresses(agent('And your address in Porto?'), customer('uh it is rua das flores ninety two, porto')),
      ['STREET_ADDRESS:rua das flores 92 porto'],
    );
    assert.deepEqual(
      addresses(agent("And the address where you're staying?"), customer('Calle del Sol 7, piso 2, Sevilla')),
      ['STREET_ADDRESS:Calle del Sol 7 piso 2 Sevilla'],
    );
    // By shape alone: a joined street name and its number.
    assert.deepEqual(addresses(customer('The flat is on Prinsengracht 212 near the canal.')), [
      'STREET_ADDRESS:Prinsengracht 212',
    ]);
    // A street word before the name, in the usual order.
    assert.deepEqual(addresses(customer('We stayed at 14 Heol y Nant last summer.')), [
      'STREET_ADDRESS:14 Heol y Nant',
    ]);
  });

  test('a street said again more briefly is found again', () => {
    assert.deepEqual(
      addresses(agent('We have you at 2318 Wexford Drive, is that right?'), customer('Yes, 2318 Wexford.')),
      ['STREET_ADDRESS:2318 Wexford Drive', 'STREET_ADDRESS:2318 Wexford'],
    );
  });

  test('negatives: counts, floors and "via" in ordinary talk', () => {
    assert.deepEqual(addresses(customer('I booked via Expedia 4 nights in March.')), []);
    assert.deepEqual(addresses(customer('The clinic is on the 3rd floor of the hospital.')), []);
    assert.deepEqual(addresses(customer('We had 30 people on the first floor.')), []);
    assert.deepEqual(addresses(customer("We're at 12000 signatures already.")), []);
    assert.deepEqual(addresses(customer('I sent it via Royal Mail 2 weeks ago.')), []);
    // A yes to a read-back is no address of its own.
    assert.deepEqual(
      addresses(agent('The address on file is 77 Juniper Lane, Tempe.'), customer('yes 85281')),
      ['STREET_ADDRESS:77 Juniper Lane Tempe'],
    );
  });
});

describe('POSTAL_CODE: spoken forms around an address', () => {
  test('a postcode after a street, though an older question named a reference', () => {
    assert.deepEqual(
      postcodes(
        customer('The crime reference is 4471.'),
        agent('Noted. And we post the SIM to 12 Orchard Walk, B 15 2 T T?'),
      ),
      ['POSTAL_CODE:B 15 2 TT'],
    );
  });

  test('a digit said as a word inside a spelled postcode', () => {
    assert.deepEqual(postcodes(agent('And the postcode?'), customer('K A nine, to B X')), [
      'POSTAL_CODE:KA 9 to BX',
    ]);
  });

  test('a ZIP whose last zero is said "oh"', () => {
    assert.deepEqual(postcodes(customer('I live at 52 Dover Lane in four three two one oh.')), [
      'POSTAL_CODE:43210',
    ]);
    // Without a ZIP's context, "oh" is only talk.
    assert.deepEqual(postcodes(customer('I waited 4321 oh never mind.')), []);
  });
});
