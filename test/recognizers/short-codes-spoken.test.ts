import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { regexFor } from '../../src/core/normalise/view-regex.js';
import { closingOh, digitsWithClosingOh, withHomophonesRead } from '../../src/core/recognizers/digits.js';
import { agent, call, customer, foundOfType, mono } from './conversation.js';

describe('short codes and their read-back run into one group in a mono file', () => {
  test('a security code said and read back as words', () => {
    assert.deepEqual(
      foundOfType(mono('security code', 'six three eight', 'six three eight cheers'), 'CARD_CVV'),
      ['CARD_CVV:638', 'CARD_CVV:638'],
    );
  });

  test('a PIN and the last four of a social, each read back', () => {
    assert.deepEqual(
      foundOfType(mono('your pin please', 'two nine oh six', 'two nine oh six thanks'), 'PIN'),
      ['PIN:2906', 'PIN:2906'],
    );
    assert.deepEqual(
      foundOfType(
        mono('last four of your social', 'three one one eight', 'three one one eight okay'),
        'US_SSN_LAST4',
      ),
      ['US_SSN_LAST4:3118', 'US_SSN_LAST4:3118'],
    );
  });

  test('an expiry read back, with or without the month zero', () => {
    assert.deepEqual(
      foundOfType(mono('and the expiry', 'oh nine thirty', 'oh nine thirty great'), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:09300930'],
    );
    assert.deepEqual(
      foundOfType(mono('expiration', 'eight twenty nine', 'eight twenty nine great'), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:829829'],
    );
  });

  test('a last four read back after the "last four" question', () => {
    assert.deepEqual(
      foundOfType(mono('last four of the card', 'five two oh six', 'five two oh six got it'), 'CARD_LAST4'),
      ['CARD_LAST4:5206', 'CARD_LAST4:5206'],
    );
  });

  test('negatives: a doubled number that is not a code read back, a number ending in another', () => {
    assert.deepEqual(foundOfType(mono('your order number', 'three one three one'), 'CARD_CVV'), []);
    assert.deepEqual(
      foundOfType(call(agent('the card ending in 5206'), customer('and my order is 7731')), 'CARD_LAST4'),
      ['CARD_LAST4:5206'],
    );
  });
});

describe('CARD_CVV said with a digit heard as a word', () => {
  const answers: [string, string][] = [
    ['six to nine', '6 to 9'],
    ['oh for three', 'oh for 3'],
    ['for thirty one', 'for 31'],
    ['fifty two too', '52 too'],
  ];
  for (const [answer, value] of answers) {
    test(`"${answer}" after a security-code question, two channels and mono`, () => {
      assert.deepEqual(foundOfType(call(agent('and the security code?'), customer(answer)), 'CARD_CVV'), [
        `CARD_CVV:${value}`,
      ]);
      assert.deepEqual(foundOfType(mono('and the code on the back', answer), 'CARD_CVV').length, 1);
    });
  }

  test('mono: the agent\'s next question runs on after "six to nine"', () => {
    assert.deepEqual(
      foundOfType(mono('security code', 'six to nine', 'and the name on the card'), 'CARD_CVV'),
      ['CARD_CVV:6 to 9'],
    );
  });

  test('negatives: a range, a count or a span of time after the question', () => {
    const replies = [
      'give me two to three minutes',
      'it took two to four business days',
      'I only need it for 2 weeks',
      'I was charged 2 to 3 times',
    ];
    for (const reply of replies) {
      assert.deepEqual(
        foundOfType(call(agent('and the security code?'), customer(reply)), 'CARD_CVV'),
        [],
        reply,
      );
    }
    assert.deepEqual(
      foundOfType(
        call(agent('the new card comes in three to five days, the security code is on the back')),
        'CARD_CVV',
      ),
      [],
    );
  });
});

describe('CARD_CVV asked with a long cue in a mono file', () => {
  test('"the four digit code on the front of your amex please" then the code', () => {
    assert.deepEqual(
      foundOfType(
        mono('and the four digit code on the front of your amex please', 'six oh six two'),
        'CARD_CVV',
      ),
      ['CARD_CVV:6062'],
    );
  });
});

describe('CARD_EXPIRY with a word between the month and the year', () => {
  test('"month … year …", a two-digit month "of" a year, a back-channel in a mono file', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('expiry on the card?'), customer('month oh three year twenty nine')),
        'CARD_EXPIRY',
      ),
      ['CARD_EXPIRY:03 year 29'],
    );
    assert.deepEqual(
      foundOfType(call(agent('and the expiry?'), customer('oh three of twenty nine')), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:03 of 29'],
    );
    assert.deepEqual(foundOfType(mono('and the expiry', 'oh three', 'mhm', 'twenty nine'), 'CARD_EXPIRY'), [
      'CARD_EXPIRY:03 mhm 29',
    ]);
  });

  test('negatives: a count "of" a total', () => {
    assert.deepEqual(
      foundOfType(call(agent('the expiry date?'), customer('wait, I am on page 2 of 15')), 'CARD_EXPIRY'),
      [],
    );
  });
});

describe('a last four said straight after "last four"', () => {
  test('the card and the social', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('which card is it?'), customer('the visa, last four three three six one')),
        'CARD_LAST4',
      ),
      ['CARD_LAST4:3361'],
    );
    assert.deepEqual(
      foundOfType(
        call(agent('to verify, your social?'), customer('the last four eight oh oh two')),
        'US_SSN_LAST4',
      ),
      ['US_SSN_LAST4:8002'],
    );
  });
});

describe('a closing "oh" before more talk is the last zero', () => {
  test('a social security number and a security code', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('your social security number?'),
          customer('five two one three three six four eight oh thank you'),
        ),
        'US_SSN',
      ),
      ['US_SSN:52133648 oh'],
    );
    assert.deepEqual(
      foundOfType(
        mono('and the security code', 'seven seven oh', 'okay and the name on the card'),
        'CARD_CVV',
      ),
      ['CARD_CVV:77 oh'],
    );
  });

  test('mono: the pieces of a social with a back-channel between, the last "oh" before thanks', () => {
    const transcript = mono(
      'and your social',
      'five two one three three',
      'okay',
      'six four eight oh',
      'thank you',
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN'), ['US_SSN:52133 okay 648 oh']);
  });

  test('negatives: an "oh" that breaks off to correct the number', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the security code?'), customer('seven seven oh wait no')), 'CARD_CVV'),
      [],
    );
  });
});

describe('digit helpers for codes said aloud', () => {
  test('a homophone or "oh" read as its digit', () => {
    assert.equal(withHomophonesRead('6 to 9'), '629');
    assert.equal(withHomophonesRead('oh for 3'), '043');
    assert.equal(withHomophonesRead('52 too'), '522');
  });

  test('each closing "oh" is read as a zero of the value', () => {
    assert.equal(digitsWithClosingOh('81 oh'), '810');
    assert.equal(digitsWithClosingOh('2 5 Oh oh'), '2500');
    assert.equal(digitsWithClosingOh('6 6 3'), '663');
  });

  test('digits with a closing "oh" match, unless the "oh" breaks off to correct', () => {
    const matches = (text: string, ohs?: number): string[] =>
      Array.from(text.matchAll(regexFor(closingOh(3, 4, ohs), text)), (match) => match[0]);
    assert.deepEqual(matches('it was 9 1 4 oh thanks'), ['9 1 4 oh']);
    assert.deepEqual(matches('6203 oh oh is that right'), ['6203 oh']);
    assert.deepEqual(matches('6203 oh oh is that right', 2), ['6203 oh oh']);
    assert.deepEqual(matches('5 2 8 oh wait, 5 2 9'), []);
    assert.deepEqual(matches('5 2 8 oh no'), []);
    assert.deepEqual(matches('53 oh okay'), []);
  });
});

describe('every digit said apart, as an engine prints them with commas', () => {
  test('an expiry and a PIN', () => {
    assert.deepEqual(foundOfType(call(agent('And the expiry?'), customer('1, 1, 2, 8.')), 'CARD_EXPIRY'), [
      'CARD_EXPIRY:1 1 2 8',
    ]);
    assert.deepEqual(foundOfType(call(agent('And your PIN?'), customer('5, 0, 6, 4.')), 'PIN'), [
      'PIN:5 0 6 4',
    ]);
  });

  test('negatives: digits listed for some positions only, or a month said apart from no year', () => {
    assert.deepEqual(foundOfType(call(agent('And your PIN?'), customer('3 and 8')), 'PIN'), []);
    assert.deepEqual(foundOfType(call(agent('And the expiry?'), customer('1 3 2 8')), 'CARD_EXPIRY'), []);
  });
});

describe('CARD_EXPIRY asked as when the card runs out', () => {
  test('"when does it run out"', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('and the card, when does it run out?'), customer('end of june twenty nine')),
        'CARD_EXPIRY',
      ),
      ['CARD_EXPIRY:june 29'],
    );
  });

  test('negatives: what ran out is no card', () => {
    const transcript = call(customer('he has run out of his inhaler'), agent('the 200 dose one, 2 of them?'));
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), []);
  });
});

describe('CARD_EXPIRY asked month first, then year', () => {
  test('two channels: the month, the agent asks for the year, the year', () => {
    const transcript = call(
      agent('the expiry month?'),
      customer('eleven'),
      agent('and the year?'),
      customer('thirty'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), ['CARD_EXPIRY:11|30']);
  });

  test('mono: the question for the year sits between', () => {
    assert.deepEqual(
      foundOfType(mono('the expiry month', 'eleven', 'and the year', 'thirty'), 'CARD_EXPIRY'),
      ['CARD_EXPIRY:11 and the year 30'],
    );
  });

  test('negatives: another question between, a number no card runs to', () => {
    const transcript = call(
      agent('the expiry month?'),
      customer('march'),
      agent('and how many tickets?'),
      customer('14'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), []);
  });
});

describe('CARD_LAST4 given again after breaking off', () => {
  test('mono: the question is out of reach of the corrected last four', () => {
    const transcript = mono(
      'and the last four of the card you pay with',
      'I think it is two two five one, no wait, that is the old one, I moved it to the credit card, so it is eight oh eight three',
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_LAST4'), ['CARD_LAST4:2251', 'CARD_LAST4:8083']);
  });

  test('negatives: a number given after the last four without breaking off', () => {
    const transcript = call(
      agent('the card ending in 2251?'),
      customer('yes, and the group number on my card is 7710, I have had it for years'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_LAST4'), ['CARD_LAST4:2251']);
  });
});
