import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType } from './conversation.js';
import { buildTranscript } from '../helpers/transcript.js';

const mono = (...texts: string[]) => buildTranscript(texts.map((text) => ({ text })));

describe('long identifiers read digit by digit', () => {
  test('the whole run is taken, letters included', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('what is the licence number'), customer("it's 7 3 1 0 5 5 8 2")),
        'DRIVERS_LICENSE',
      ),
      ['DRIVERS_LICENSE:73105582'],
    );
    assert.deepEqual(
      foundOfType(call(agent('your member id please'), customer('Q R 6 0 3 1 8 8 4 2 7')), 'MEMBER_ID'),
      ['MEMBER_ID:QR 603188427'],
    );
    assert.deepEqual(
      foundOfType(call(agent('and the passport number'), customer('8 1 4 0 2 2 7 6 3')), 'PASSPORT'),
      ['PASSPORT:814022763'],
    );
  });

  test('negatives: no cue, or longer than the type allows', () => {
    assert.deepEqual(foundOfType(call(customer("it's 7 3 1 0 5 5 8 2")), 'DRIVERS_LICENSE'), []);
    assert.deepEqual(
      foundOfType(call(agent('and the passport number'), customer('8 1 4 0 2 2 7 6 3 5 5 1')), 'PASSPORT'),
      [],
    );
  });
});

describe('UK dates of birth, "of the Nth" month', () => {
  test('day of the month with a two-digit year', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('can I take your date of birth'), customer('yes the fourth of the eleventh, sixty one')),
        'DATE_OF_BIRTH',
      ),
      ['DATE_OF_BIRTH:the 4 of the 11 61'],
    );
  });

  test('negatives: no birth cue, impossible month', () => {
    assert.deepEqual(
      foundOfType(call(customer('the fourth of the eleventh, sixty one')), 'DATE_OF_BIRTH'),
      [],
    );
    assert.deepEqual(
      foundOfType(
        call(agent('date of birth'), customer('the fourth of the fourteenth, sixty one')),
        'DATE_OF_BIRTH',
      ),
      [],
    );
  });
});

describe('phone numbers named later in the statement', () => {
  test('a cue after the number, or "we will call"', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('your order ships on monday'),
          customer('great, thanks for letting me know'),
          agent('is 212-555-0188 still your best number'),
        ),
        'PHONE_NUMBER',
      ),
      ['PHONE_NUMBER:212-555-0188'],
    );
    assert.deepEqual(
      foundOfType(
        call(
          agent('your order ships on monday'),
          customer('ok'),
          agent("we'll ring 212 555 0199 if it's late"),
        ),
        'PHONE_NUMBER',
      ),
      ['PHONE_NUMBER:212 555 0199'],
    );
  });

  test('negative: a number the statement names as something else', () => {
    assert.deepEqual(
      foundOfType(call(agent('your order number is 212 555 0188 and it ships monday')), 'PHONE_NUMBER'),
      [],
    );
  });
});

describe('routing numbers a mono transcript runs together', () => {
  test('a routing number and its read-back in one stream', () => {
    assert.deepEqual(
      foundOfType(
        mono('what is the routing number', 'the routing number is 021000021', '021-000-021'),
        'ROUTING_NUMBER',
      ),
      ['ROUTING_NUMBER:021000021', 'ROUTING_NUMBER:021-000-021'],
    );
  });

  test('a value and read-back that fail the ABA checksum are kept as a failed routing number', () => {
    const entities = detectIn(
      mono('what is the routing number', 'the routing number is 021000022', '021-000-022'),
    ).entities;
    assert.deepEqual(
      entities.map((entity) => [entity.type, entity.reasons[0]]),
      [
        ['ROUTING_NUMBER', 'pattern:aba-failed'],
        ['ROUTING_NUMBER', 'pattern:aba-failed'],
      ],
    );
  });
});

describe('look-alikes', () => {
  test('a passport or licence expiry is not a card expiry', () => {
    assert.deepEqual(
      foundOfType(call(agent('when does the passport expire'), customer('june 2031')), 'CARD_EXPIRY'),
      [],
    );
    assert.deepEqual(
      foundOfType(call(agent('and the expiry date on the licence'), customer('04/29')), 'CARD_EXPIRY'),
      [],
    );
    assert.deepEqual(
      foundOfType(call(agent('and the expiry date on the card'), customer('04/29')), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:04/29'],
    );
  });

  test('one-time codes and IMEI endings are not PINs', () => {
    assert.deepEqual(
      foundOfType(call(agent('read me the one time passcode we sent'), customer('7 2 9 1')), 'PIN'),
      [],
    );
    assert.deepEqual(foundOfType(call(agent('the imei ends 8 8 1 0 right')), 'PIN'), []);
    assert.deepEqual(foundOfType(call(agent('and your pin'), customer('7 2 9 1')), 'PIN'), ['PIN:7291']);
  });

  test('an IMEI is not a card even when Luhn-valid', () => {
    // 490154203237518 is Luhn-valid.
    assert.deepEqual(
      foundOfType(
        call(agent('can you read me the imei'), customer('4 9 0 1 5 4 2 0 3 2 3 7 5 1 8')),
        'CREDIT_CARD',
      ),
      [],
    );
  });

  test('phone, utility and store account numbers are not bank accounts', () => {
    assert.deepEqual(
      foundOfType(
        call(agent("what's your mobile account number"), customer('6 6 1 0 2 9 4 8')),
        'BANK_ACCOUNT',
      ),
      [],
    );
    assert.deepEqual(
      foundOfType(call(agent('and your bank account number'), customer('6 6 1 0 2 9 4 8')), 'BANK_ACCOUNT'),
      ['BANK_ACCOUNT:66102948'],
    );
  });

  test('a meter reading is not a phone number', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('can you give me the meter reading'), customer('0 7 7 0 0 9 0 0 1 3 6')),
        'PHONE_NUMBER',
      ),
      [],
    );
  });
});

describe('document dates', () => {
  test('a passport expiry is neither a passport number nor a card expiry', () => {
    const transcript = call(agent('and when does the passport expire'), customer('08 2031'));
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), []);
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), []);
  });
});
