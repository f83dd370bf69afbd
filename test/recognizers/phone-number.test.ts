import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType, mono } from './conversation.js';

describe('PHONE_NUMBER', () => {
  test('a valid national number needs no cue', () => {
    assert.deepEqual(
      foundOfType(call(customer('it is two one two five five five one two three four')), 'PHONE_NUMBER'),
      ['PHONE_NUMBER:2125551234'],
    );
    assert.deepEqual(foundOfType(call(customer('try 1 800 555 1234')), 'PHONE_NUMBER'), [
      'PHONE_NUMBER:1 800 555 1234',
    ]);
  });

  test('a fictional 555 number is accepted when asked for', () => {
    const transcript = call(
      agent('whats a good callback number'),
      customer('five five five one two three four five six seven'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:5551234567']);
  });

  test('asked for with what it is for: a look-alike named after "for" does not name the digits', () => {
    const transcript = call(
      agent('and a mobile for booking updates?'),
      customer('three one two, five five five, oh one four four'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:312 555 0144']);
  });

  test('international numbers with plus', () => {
    const transcript = call(
      customer('my number is plus four four two zero seven nine four six zero nine five eight'),
    );
    const [entity] = detectIn(transcript).entities;
    assert.equal(entity?.type, 'PHONE_NUMBER');
    assert.equal(entity.value, '+442079460958');
    assert.equal(entity.parts[0]!.value, '+442079460958');
  });

  test('UK national numbers: 0-leading 11 digits with a US default', () => {
    assert.deepEqual(foundOfType(call(customer('ring me on 020 7946 0958')), 'PHONE_NUMBER'), [
      'PHONE_NUMBER:020 7946 0958',
    ]);
  });

  test('policy.defaultCountry decides national numbers', () => {
    const transcript = call(customer('mon numero est 01 23 45 67 89'));
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER', { defaultCountry: 'FR' }), [
      'PHONE_NUMBER:01 23 45 67 89',
    ]);
  });

  test("a mono transcript with the agent's back-channel inline", () => {
    const transcript = call({ text: "what's the best number to reach you on it's 07700 okay 900136" });
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:07700 okay 900136']);
  });

  test('a spoken extension belongs to the number', () => {
    assert.deepEqual(foundOfType(call(customer('call me at 212 555 1234 extension 22')), 'PHONE_NUMBER'), [
      'PHONE_NUMBER:212 555 1234 extension 22',
    ]);
  });

  test('seven-digit local numbers only when asked', () => {
    assert.deepEqual(
      foundOfType(call(agent('what is your phone number'), customer('867 5309')), 'PHONE_NUMBER'),
      ['PHONE_NUMBER:867 5309'],
    );
    assert.deepEqual(foundOfType(call(customer('ticket 867 5309')), 'PHONE_NUMBER'), []);
  });

  test('negatives: order numbers, lone extensions, prices, short numbers', () => {
    assert.deepEqual(
      foundOfType(call(agent('can I have your order number'), customer('212 555 1234')), 'PHONE_NUMBER'),
      [],
    );
    assert.deepEqual(foundOfType(call(customer('transfer me to extension 4521')), 'PHONE_NUMBER'), []);
    assert.deepEqual(foundOfType(call(customer('it costs 1234567 dollars')), 'PHONE_NUMBER'), []);
    assert.deepEqual(foundOfType(call(customer('I have 12345 points')), 'PHONE_NUMBER'), []);
  });
});

describe('PHONE_NUMBER named by its owner', () => {
  test('"update my number" names a phone, whatever the other party said last', () => {
    const transcript = call(
      agent('the reference for today is K 4 4 0 9 1'),
      customer('great, and please update my number to 503 555 0148'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:503 555 0148']);
  });

  test('"the UK one" before a written number lends it no digit, capitals or not', () => {
    for (const answer of [
      'my Dutch mobile is fine, or the UK one 07700 900415',
      'or the uk one, 07700 900415',
    ]) {
      const transcript = call(agent('and a number to reach you on while abroad'), customer(answer));
      assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:07700 900415'], answer);
    }
  });

  test('where a text message is sent is a phone, even after a look-alike', () => {
    const transcript = call(
      agent('the receipt will come by text to oh one one three four nine six oh seven three one'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:01134960731']);
  });

  test('a closing "oh" that is the speaker\'s exclamation does not spoil the number', () => {
    const transcript = call(
      agent(
        'and we can text it to oh one one three four nine six oh seven three one oh hang on, that is a landline',
      ),
    );
    const phones = detectIn(transcript).entities.filter((entity) => entity.type === 'PHONE_NUMBER');
    assert.deepEqual(
      phones.map((entity) => entity.recognizer),
      ['phone-number'],
    );
  });

  test('the dashed written form stays a phone number after a question about something else', () => {
    const transcript = mono('your new alarm passcode is saved', 'and your contact is Ravi at 617-555-0143');
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:617-555-0143']);
  });
});

describe('PHONE_NUMBER look-alikes', () => {
  test('negatives: a customer number, even after "telephone banking"', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('Harbor Bank telephone banking, can I take your customer number?'),
          customer('1 1 0 4 8 8 2 9 3 6'),
        ),
        'PHONE_NUMBER',
      ),
      [],
    );
  });
  test('the dotted written form, given after a phone question', () => {
    assert.deepEqual(
      foundOfType(call(agent('and a daytime phone number?'), customer('sure, 312.555.0147')), 'PHONE_NUMBER'),
      ['PHONE_NUMBER:312.555.0147'],
    );
    // A version or a price with dots is not a phone number.
    assert.deepEqual(foundOfType(call(customer('the app is on version 2.4.1 now')), 'PHONE_NUMBER'), []);
  });

  test('uncued digits given when another item was asked for are that item, not a phone number', () => {
    const answer = (question: string) => call(agent(question), customer('sure, 3125 5501 87'));
    assert.deepEqual(foundOfType(answer("what's your membership number with the club"), 'PHONE_NUMBER'), []);
    assert.deepEqual(foundOfType(answer('and the account number on the bill'), 'PHONE_NUMBER'), []);
    assert.deepEqual(foundOfType(answer('what number should we call you back on'), 'PHONE_NUMBER'), [
      'PHONE_NUMBER:3125 5501 87',
    ]);
  });

  test('ten digits inside a longer run said in one go are no phone number without a cue', () => {
    assert.deepEqual(foundOfType(call(agent("okay it's 31255 50187 442")), 'PHONE_NUMBER'), []);
    // Named as a phone number, it stays one.
    assert.equal(
      foundOfType(call(agent('and the number to ring is 31255 50187 442')), 'PHONE_NUMBER').length,
      1,
    );
  });
  test('a line on a phone account names a phone number', () => {
    const transcript = call(
      agent('your PIN has been reset. Is there anything else?'),
      customer("yes, add my husband's line, three one two, five five five, oh one eight eight"),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:312 555 0188']);
  });

  test('a look-alike named before its own digits does not name a phone number after them', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('your ticket number is 5 5 2 1 9 0. is 312-555-0188 still the best number?')),
        'PHONE_NUMBER',
      ),
      ['PHONE_NUMBER:312-555-0188'],
    );
  });

  test('negatives: a line of credit, a look-alike named right before the digits', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('what is the line of credit?'),
          customer('my line of credit is five five five one two three four five six seven'),
        ),
        'PHONE_NUMBER',
      ),
      [],
    );
    assert.deepEqual(
      foundOfType(call(agent('your order number 312 555 0188 is the best number')), 'PHONE_NUMBER'),
      [],
    );
  });
});
