import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';

describe('pieces of a number already found', () => {
  test('the start read back and the end named are taken', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('routing number please'),
          customer('0 2 6 0 0 9 5 9 3'),
          agent('zero two six?'),
          customer('yes'),
        ),
        'ROUTING_NUMBER',
      ),
      ['ROUTING_NUMBER:026009593', 'ROUTING_NUMBER:026'],
    );
    assert.deepEqual(
      foundOfType(
        call(
          agent('which bank account number'),
          customer('8 3 0 5 1 7 4 4 9 2'),
          agent('so the account ending 4 4 9 2'),
        ),
        'BANK_ACCOUNT',
      ),
      ['BANK_ACCOUNT:8305174492', 'BANK_ACCOUNT:4492'],
    );
  });

  test('negatives: a middle piece, a piece too short, or a number said over a minute later', () => {
    const account = [agent('which bank account number'), customer('8 3 0 5 1 7 4 4 9 2')];
    assert.deepEqual(foundOfType(call(...account, agent('you have 517 points')), 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:8305174492',
    ]);
    assert.deepEqual(foundOfType(call(...account, agent('that is 92 dollars')), 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:8305174492',
    ]);
    assert.deepEqual(foundOfType(call(...account, agent('we will send 830 forms', 90_000)), 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:8305174492',
    ]);
  });
});

describe('the letters an identifier starts with, spelled back on their own', () => {
  test('take its type, within a minute of it', () => {
    const licence = [agent('and the licence number?'), customer('it is PRYCE 612094 KL7MN')];
    assert.deepEqual(foundOfType(call(...licence, agent('P R Y C E?'), customer('yes')), 'DRIVERS_LICENSE'), [
      'DRIVERS_LICENSE:PRYCE 612094 KL7MN',
      'DRIVERS_LICENSE:PRYCE',
    ]);
    assert.deepEqual(
      foundOfType(call(...licence, agent('P R Y C E?', 120_000), customer('yes')), 'DRIVERS_LICENSE'),
      ['DRIVERS_LICENSE:PRYCE 612094 KL7MN'],
    );
  });
});

describe('SSN last four after a bare "last four"', () => {
  test('the SSN was asked for just before', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('may I have your social security number'),
          customer("I'd rather not say it all"),
          agent('only the last four is fine'),
          customer('two eight oh one'),
        ),
        'US_SSN_LAST4',
      ),
      ['US_SSN_LAST4:2801'],
    );
  });

  test('negative: "last four" with no SSN in the call', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('which order was it'),
          customer('not sure'),
          agent('the last four is fine'),
          customer('two eight oh one'),
        ),
        'US_SSN_LAST4',
      ),
      [],
    );
  });
});

describe('false starts: a number begun, then said again whole', () => {
  test('the retry is the value and the false start is covered too', () => {
    const detected = foundOfType(
      call(agent('and the security code on the back?'), customer("it's 5 8... 5 8 4")),
      'CARD_CVV',
    );
    assert.deepEqual(detected, ['CARD_CVV:5 8 584']);
    assert.deepEqual(
      foundOfType(
        call(
          agent('can I have your passport number'),
          customer('6 1 7 2 0 4 4 8 3'),
          agent('and for your son?'),
          customer("he's 4 0 2... it's 4 0 2 7 1 5 5 3 9"),
        ),
        'PASSPORT',
      ),
      ['PASSPORT:617204483', 'PASSPORT:402', 'PASSPORT:402715539'],
    );
  });

  test('negatives: no cue, or digits that do not start over', () => {
    assert.deepEqual(foundOfType(call(customer("it's 5 8... 5 8 4")), 'CARD_CVV'), []);
    assert.deepEqual(
      foundOfType(call(agent('and the security code on the back?'), customer("it's 5 8 9 4 1")), 'CARD_CVV'),
      [],
    );
  });
});

describe('PIN digits given by position', () => {
  test('"the second is 7, the fifth is 3" after a PIN question', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('can you give me the second and fifth digits of your security number'),
          customer('second is seven, fifth is three'),
        ),
        'PIN',
      ),
      ['PIN:second is 7 5 is 3'],
    );
  });

  test('negative: positions without a PIN question', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('which items do you want?'), customer('the second one is 2 and the third is 4')),
        'PIN',
      ),
      [],
    );
  });
});

describe('a bank account named by its last four', () => {
  test('"the checking ending in 5 5 3 8"', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('is it from the savings account ending in 7 2 0 6?'), customer('yes')),
        'BANK_ACCOUNT',
      ),
      ['BANK_ACCOUNT:7206'],
    );
  });

  test('negatives: any company account, or a card', () => {
    assert.deepEqual(
      foundOfType(call(agent('is that the account ending in 7 2 0 6?'), customer('yes')), 'BANK_ACCOUNT'),
      [],
    );
    assert.deepEqual(
      foundOfType(call(agent('the card ending in 7 2 0 6?'), customer('yes')), 'BANK_ACCOUNT'),
      [],
    );
  });
});

describe('a part of a number asked for again', () => {
  const ssn = [
    agent('what is your social security number'),
    customer('four one two, seven seven, nine one zero six'),
  ];

  test('"what was the middle group?": the part answered takes the number\'s type', () => {
    assert.deepEqual(
      foundOfType(
        call(
          ...ssn,
          agent('I only caught the first bit, what was the middle group?'),
          customer('seven seven'),
        ),
        'US_SSN',
      ),
      ['US_SSN:412 77 9106', 'US_SSN:77'],
    );
  });

  test('an IP address read back in parts', () => {
    assert.deepEqual(
      foundOfType(
        mono('the gateway is 10.20.30.44', 'so 10.20.30, sorry, I missed the last part', 'dot 44'),
        'IP_ADDRESS',
      ),
      ['IP_ADDRESS:10.20.30.44', 'IP_ADDRESS:10.20.30', 'IP_ADDRESS:dot 44'],
    );
  });

  test('negatives: a part named without asking for it again', () => {
    assert.deepEqual(
      foundOfType(
        call(...ssn, agent('that is fine, see you at the end of the month'), customer('seven seven people')),
        'US_SSN',
      ),
      ['US_SSN:412 77 9106'],
    );
  });
});
