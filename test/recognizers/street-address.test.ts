import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found, foundOfType, mono } from './conversation.js';
import { spansOf } from './spans.js';

// Made-up times (test/helpers/transcript.ts): a turn starts 200 ms after the previous one ends,
// words are 300 ms long with 200 ms between them.
const addresses = (...turns: Parameters<typeof call>): string[] =>
  foundOfType(call(...turns), 'STREET_ADDRESS');

describe('STREET_ADDRESS', () => {
  test('the whole answer to an address question, spoken numbers included', () => {
    // Agent: 4 words, 200 to 2000; customer: "It's" 2200, "forty" 2700 … "Ohio." 5200-5500.
    const transcript = call(
      agent("What's the new address?"),
      customer("It's forty two Maple Avenue, Springfield, Ohio."),
    );
    assert.deepEqual(spansOf(transcript, 'STREET_ADDRESS'), [
      '1:forty two Maple Avenue, Springfield, Ohio.@2700-5500',
    ]);
    assert.deepEqual(foundOfType(transcript, 'STREET_ADDRESS'), [
      'STREET_ADDRESS:42 Maple Avenue Springfield Ohio',
    ]);
  });

  test('units, UK forms and a lead-in in the same turn', () => {
    assert.deepEqual(addresses(customer('I live at 42 Oak Street apartment 4 in Portland.')), [
      'STREET_ADDRESS:42 Oak Street apartment 4',
    ]);
    assert.deepEqual(
      addresses(agent('And your billing address?'), customer('Flat 3, 17 Station Road, Leeds.')),
      ['STREET_ADDRESS:Flat 3 17 Station Road Leeds'],
    );
    assert.deepEqual(addresses(customer('We moved to 9 The Green last month.')), [
      'STREET_ADDRESS:9 The Green',
    ]);
    assert.deepEqual(addresses(agent('Where do you live?'), customer('PO Box 4471, Tucson, Arizona.')), [
      'STREET_ADDRESS:PO Box 4471 Tucson Arizona',
    ]);
  });

  test('by shape alone, with a state and ZIP when they follow', () => {
    assert.deepEqual(
      addresses(agent('Where did it happen?'), customer('Outside 214 Orchard Way by the traffic lights.')),
      ['STREET_ADDRESS:214 Orchard Way'],
    );
    // The ZIP the address holds is reported as a POSTAL_CODE of its own (see engine/overlaps.ts).
    const readBack = call(agent('Let me read that back: 2027 Pine Street, Columbus, Ohio 43004?'));
    assert.deepEqual(found(readBack), ['STREET_ADDRESS:2027 Pine Street Columbus Ohio', 'POSTAL_CODE:43004']);
  });

  test('an address that runs on over a soft turn break', () => {
    const transcript = call(
      agent("What's your address?"),
      customer("It's 42 Maple Avenue"),
      agent('Okay.'),
      customer('Springfield, Ohio.'),
    );
    const entities = detectIn(transcript).entities.filter((entity) => entity.type === 'STREET_ADDRESS');
    assert.deepEqual(
      entities.map((entity) => entity.parts.map((part) => part.value)),
      [['42 Maple Avenue', 'Springfield Ohio']],
    );
  });

  test('a loose answer to an address question scores by what it holds', () => {
    const loose = call(agent('And the first line of your address?'), customer('Rose Cottage, Mill Lane.'));
    assert.deepEqual(foundOfType(loose, 'STREET_ADDRESS'), ['STREET_ADDRESS:Rose Cottage Mill Lane']);
    // A town alone is weak evidence: reported below the default minScore.
    const town = call(agent('Where do you live?'), customer('Oh, in Denver.'));
    assert.deepEqual(foundOfType(town, 'STREET_ADDRESS'), []);
    assert.deepEqual(foundOfType(town, 'STREET_ADDRESS', { minScore: 0.4 }), ['STREET_ADDRESS:Denver']);
  });

  test('negatives', () => {
    assert.deepEqual(addresses(agent("What's your email address?"), customer('john at gmail dot com')), []);
    assert.deepEqual(addresses(customer("I need to change the address on my account, I've moved.")), []);
    assert.deepEqual(addresses(agent("Sure, what's the new address?")), []);
    assert.deepEqual(addresses(customer("I've been waiting 20 minutes and it's 2 hours drive away.")), []);
    assert.deepEqual(addresses(customer('We moved to Denver last year and I work at 3 Court Lane.')), [
      'STREET_ADDRESS:3 Court Lane',
    ]);
    assert.deepEqual(
      addresses(agent("What's your address?"), customer("It hasn't changed, same as before.")),
      [],
    );
    assert.deepEqual(addresses(customer("I'm at work until 5 today.")), []);
  });
});

describe('STREET_ADDRESS: streets named with "the", a foreign street with its number announced', () => {
  test('a house number and a street called "the ..." after an address cue', () => {
    assert.deepEqual(addresses(agent('and are you still at fourteen the orchards'), customer('yes')), [
      'STREET_ADDRESS:14 the orchards',
    ]);
    // One stream holding both speakers: the name ends where the reply starts.
    assert.deepEqual(
      foundOfType(mono('so you are still at 6 the maltings', 'yes that is right'), 'STREET_ADDRESS'),
      ['STREET_ADDRESS:6 the maltings'],
    );
    // Talk after a time is no street.
    assert.deepEqual(addresses(customer("I'm at work until 5 the latest")), []);
  });

  test('a street first, then "number" and the house number, and the floor', () => {
    assert.deepEqual(
      addresses(
        customer('Before that I rented in Porto, Rua do Carmo, number 57, second floor, for a year.'),
      ),
      ['STREET_ADDRESS:Rua do Carmo number 57 second floor'],
    );
  });

  test('a street ending in Park after its house number', () => {
    assert.deepEqual(addresses(customer('It is 9 Hazelmere Park, Leeds.')), [
      'STREET_ADDRESS:9 Hazelmere Park',
    ]);
  });
});

describe('STREET_ADDRESS: a town and its postcode confirming an address', () => {
  test('a yes with the town and ZIP gives no street', () => {
    assert.deepEqual(
      addresses(
        agent('Okay. I also need to confirm your billing address. Is it still 41 Larchmont Avenue, Suite 9?'),
        customer('Yes, Tucson, 85719.'),
      ),
      ['STREET_ADDRESS:41 Larchmont Avenue Suite 9'],
    );
  });
});

describe('STREET_ADDRESS: a house number and street split by a go-on, and spelled codes', () => {
  test('the number, an "mm-hm" from the listener, then the street', () => {
    const transcript = call(
      agent('Where should the parcel go?'),
      customer('the new flat is 2760'),
      agent('mm-hm'),
      customer('Wexford Lane, Boise'),
    );
    const entities = detectIn(transcript).entities.filter((entity) => entity.type === 'STREET_ADDRESS');
    assert.deepEqual(
      entities.map((entity) => entity.parts.map((part) => part.value)),
      [['2760', 'Wexford Lane']],
    );
  });

  test('negatives: a plate or code spelled with letters that read as a suffix', () => {
    // "papa lima" becomes "PL", which is also "Place" written short.
    assert.deepEqual(addresses(customer('the plate is 44 x ray romeo delta'), agent('thanks')), []);
    assert.deepEqual(addresses(customer('my booking code is 12 zulu x ray alpha victor echo')), []);
    // Said as a word, or written short by the transcriber, it is still a street.
    assert.deepEqual(addresses(customer('it goes to 19 Oak Pl'), agent('thanks')), [
      'STREET_ADDRESS:19 Oak Pl',
    ]);
  });
});
