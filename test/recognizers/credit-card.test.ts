import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found, foundOfType, mono } from './conversation.js';

describe('CREDIT_CARD', () => {
  test('a Luhn- and IIN-valid number needs no context, written or spoken', () => {
    assert.deepEqual(foundOfType(call(customer('it is 4111 1111 1111 1111')), 'CREDIT_CARD'), [
      'CREDIT_CARD:4111 1111 1111 1111',
    ]);
    const spoken = call(
      customer('sure it is four one one one one one one one one one one one one one one one'),
    );
    assert.deepEqual(foundOfType(spoken, 'CREDIT_CARD'), ['CREDIT_CARD:4111111111111111']);
  });

  test('brands: Mastercard 2-series, Amex, Discover, JCB, Diners', () => {
    for (const number of [
      '2221 0000 0000 0009',
      '3782 822463 10005',
      '6011 1111 1111 1117',
      '3530 1113 3330 0000',
      '3056 9309 0259 04',
    ]) {
      const entities = detectIn(call(customer(`number ${number} thanks`))).entities;
      assert.equal(entities.length, 1, number);
      assert.equal(entities[0]!.type, 'CREDIT_CARD');
      assert.ok(entities[0]!.reasons.includes('luhn'));
      assert.ok(
        entities[0]!.reasons.some((reason) => reason.startsWith('iin:')),
        number,
      );
    }
  });

  test('"forty one eleven" groupings and hyphens', () => {
    const spoken = call(
      agent('what is the card number'),
      customer('forty one eleven eleven eleven eleven eleven eleven eleven'),
    );
    assert.deepEqual(foundOfType(spoken, 'CREDIT_CARD'), ['CREDIT_CARD:4111111111111111']);
    assert.deepEqual(foundOfType(call(customer('card 5555-5555-5555-4444')), 'CREDIT_CARD'), [
      'CREDIT_CARD:5555-5555-5555-4444',
    ]);
  });

  test('fails closed: a Luhn-invalid 16 digits after a card question is still a card', () => {
    const transcript = call(agent('can I take the card number please'), customer('4111 1111 1111 1112'));
    const [entity] = detectIn(transcript).entities;
    assert.equal(entity?.type, 'CREDIT_CARD');
    assert.ok(entity.reasons.includes('fail-closed'));
    assert.ok(!entity.reasons.includes('luhn'));
  });

  test('fails closed in payment context even without a card cue in the answer', () => {
    const transcript = call(
      agent('I can take that payment for you now'),
      customer('okay'),
      agent('go ahead when you are ready'),
      customer('9999 8888 7777 6666'),
    );
    assert.deepEqual(foundOfType(transcript, 'CREDIT_CARD'), ['CREDIT_CARD:9999 8888 7777 6666']);
  });

  test('outside payment context a Luhn-invalid or brandless number is not a card', () => {
    assert.deepEqual(foundOfType(call(customer('the serial is 4111 1111 1111 1112')), 'CREDIT_CARD'), []);
    assert.deepEqual(foundOfType(call(customer('it is 9999 9999 9999 9995 ok')), 'CREDIT_CARD'), []);
  });

  test('a card read over turns with back-channels is one entity', () => {
    const transcript = call(
      agent('what is the card number'),
      customer('four one one one'),
      agent('mm hmm'),
      customer('one one one one'),
      agent('yep'),
      customer('one one one one one one one one'),
    );
    const cards = detectIn(transcript).entities.filter((entity) => entity.type === 'CREDIT_CARD');
    assert.equal(cards.length, 1);
    assert.deepEqual(
      cards[0]!.parts.map((part) => part.value),
      ['4111', '1111', '11111111'],
    );
  });

  test('a mono file leaves the backchannel inline, however the engine spells it', () => {
    for (const backchannel of ['mm-hm', 'Mm hm', 'mmhmm']) {
      const transcript = mono('what is the card number', '5 4 5 4 5 4 5 4', backchannel, '5 4 5 4 5 4 5 4');
      assert.deepEqual(foundOfType(transcript, 'CREDIT_CARD'), [
        `CREDIT_CARD:54545454 ${backchannel} 54545454`,
      ]);
    }
  });

  test('a card split by the agent repeating digits (a hard break) is joined in payment context', () => {
    const transcript = call(
      agent('what is the card number'),
      customer('4111 1111'),
      agent('okay 4111 1111 go on'),
      customer('1111 1111'),
    );
    const card = detectIn(transcript).entities.find(
      (entity) => entity.type === 'CREDIT_CARD' && entity.role === 'customer',
    );
    assert.deepEqual(
      card?.parts.map((part) => part.value),
      ['4111 1111', '1111 1111'],
    );
  });

  test('card, expiry and code read without a pause are covered entirely and labelled', () => {
    const transcript = call(agent('can I take the card details'), customer('4111111111111111 0427 123'));
    assert.deepEqual(found(transcript), ['CREDIT_CARD:4111111111111111', 'CARD_EXPIRY:0427', 'CARD_CVV:123']);
    const glued = call(agent('card number please'), customer('41111111111111119999999'));
    const entities = detectIn(glued).entities;
    assert.equal(entities.length, 1);
    assert.equal(entities[0]!.value, '41111111111111119999999');
  });

  test('negatives: order and tracking numbers outside payment context', () => {
    assert.deepEqual(found(call(customer('my order number is 4111 1111 1111 1111'))), []);
    assert.deepEqual(found(call(agent('what is the tracking number'), customer('4111 1111 1111 1111'))), []);
  });

  test('digits ending a code that mixes letters and digits are not a card, even while paying', () => {
    const paying = (code: string) =>
      call(
        agent('I can take the card payment for the delivery now'),
        customer('first, the courier gave me a code'),
        agent(`yes it is ${code} and that is for the van`),
      );
    assert.deepEqual(foundOfType(paying('QX7 5531 2208 6614 90'), 'CREDIT_CARD'), []);
    assert.deepEqual(foundOfType(paying('visa 4111 1111 1111 1111'), 'CREDIT_CARD'), [
      'CREDIT_CARD:4111 1111 1111 1111',
    ]);
  });

  test('a checksum-valid run of no issuer range given for a device number is no card', () => {
    // 862173054192663 passes Luhn, as device serials do, and is in no card range.
    const asked = call(
      agent("I'll take the payment for the handset in a moment"),
      agent('before that, what is the imei'),
      customer('8 6 2 1 7 3 0 5 4 1 9 2 6 6 3'),
    );
    assert.deepEqual(foundOfType(asked, 'CREDIT_CARD'), []);
    const printed = call(
      agent('we can take payment by card today'),
      customer("it's the long number on the sticker, 862173054192663"),
    );
    assert.deepEqual(foundOfType(printed, 'CREDIT_CARD'), []);
    const card = call(
      agent('we can take payment by card today'),
      customer("it's the long number on the front, 862173054192663"),
    );
    assert.deepEqual(foundOfType(card, 'CREDIT_CARD'), ['CREDIT_CARD:862173054192663']);
  });

  test('reasons never hold the number', () => {
    const [entity] = detectIn(call(customer('4111 1111 1111 1111'))).entities;
    assert.ok(entity);
    for (const reason of entity.reasons) assert.doesNotMatch(reason, /\d{4}/);
  });
  test('negatives: a sort code and an account number read back in one breath are no card', () => {
    const transcript = call(
      agent('for the direct debit, what is the sort code?'),
      customer('sixty, twelve, forty four'),
      agent('and the account number?'),
      customer('five five one two oh nine eight three'),
      agent('so that is 60-12-44, 55120983, and the first payment is 40 pounds'),
    );
    assert.deepEqual(foundOfType(transcript, 'CREDIT_CARD'), []);
  });

  test('fourteen digits grouped six and eight stay a card when no sort code was talked about', () => {
    assert.deepEqual(
      foundOfType(call(agent('the card number please'), customer('401234 56789012')), 'CREDIT_CARD'),
      ['CREDIT_CARD:401234 56789012'],
    );
  });
});
