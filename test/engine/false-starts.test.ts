import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found } from '../recognizers/conversation.js';

describe('false starts', () => {
  test('a value begun, broken off and given again: the broken-off piece takes its type', () => {
    assert.deepEqual(
      found(
        call(
          agent('and the card number?'),
          customer('five five one, hang on, wrong card, 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7'),
        ),
      ),
      ['CREDIT_CARD:551', 'CREDIT_CARD:4539148803436467'],
    );
    const routing = detectIn(
      call(
        agent('the routing number please'),
        customer("it is 3 1 1, sorry, I'll read it again, 0 2 1 0 0 0 0 2 1"),
      ),
    ).entities;
    assert.deepEqual(
      routing.map((entity) => [entity.type, entity.value, entity.reasons[0]]),
      [
        ['ROUTING_NUMBER', '311', 'false-start'],
        ['ROUTING_NUMBER', '021000021', 'pattern:aba'],
      ],
    );
  });

  test('a piece tied to its next part by "of" or "and" before the break-off is broken off too', () => {
    assert.deepEqual(
      found(
        call(
          agent('and the card number?'),
          customer('six oh one one and, sorry, 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7'),
        ),
      ),
      ['CREDIT_CARD:6011', 'CREDIT_CARD:4539148803436467'],
    );
  });

  test('a value begun and started over with only a pause between: the first go takes its type', () => {
    assert.deepEqual(
      found(
        call(agent('and the member number on the card?'), customer('it is k 58... K 5 8 2 0 6 6 1 3 9')),
      ).filter((entry) => entry.startsWith('MEMBER_ID')),
      ['MEMBER_ID:k 58', 'MEMBER_ID:K 582066139'],
    );
  });

  test("a value's end corrected in letters alone, the letters confirmed in another spelling", () => {
    const transcript = call(
      agent('and your licence number'),
      customer('H O W E S 4 1 0 2 7 6 J 9 9 T R, sorry, T P, T for tango, P for papa'),
    );
    assert.deepEqual(
      found(transcript).filter((entry) => entry.startsWith('DRIVERS_LICENSE')),
      ['DRIVERS_LICENSE:HOWES 410276 J 9 9 TR', 'DRIVERS_LICENSE:TP TP'],
    );
  });

  test('negatives: "one" said as a word before the break-off', () => {
    const transcript = call(
      agent('and the licence number'),
      customer('it is a really long one, hold on, D 4 1 2 7 7 0 9 3'),
    );
    assert.deepEqual(found(transcript), ['DRIVERS_LICENSE:D 41277093']);
  });

  test('negatives: a look-alike named as such, a number not broken off', () => {
    assert.deepEqual(
      found(
        call(
          agent('and the card number?'),
          customer('my order number is 3 3 1 9, sorry, the card is 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7'),
        ),
      ),
      ['CREDIT_CARD:4539148803436467'],
    );
    assert.deepEqual(
      found(
        call(
          agent('and the card number?'),
          customer('I have 3 of them, this one is 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7'),
        ),
      ),
      ['CREDIT_CARD:4539148803436467'],
    );
  });
});

describe('propagation of a normalised value', () => {
  test('a read-back of the value, not of its false start and joiners, is the same item', () => {
    const transcript = call(
      agent('what is your member number'),
      customer("it's R T 4, R T 4 4 0 9 1 7 2, okay, 5 5"),
      agent('okay, I have RT440917255 on the claim now', 200_000),
    );
    assert.deepEqual(
      detectIn(transcript).entities.map((entity) => [entity.type, entity.reasons[0]]),
      [
        ['MEMBER_ID', 'pattern:alnum'],
        ['MEMBER_ID', 'propagated'],
      ],
    );
  });
});
