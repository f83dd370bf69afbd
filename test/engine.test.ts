import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detect } from '../src/core/engine.js';
import type { Detection } from '../src/core/detection.js';
import { DEFAULT_POLICY } from '../src/core/policy.js';
import { HushError } from '../src/errors.js';
import { wordsText } from './helpers/transcript.js';
import {
  agent,
  call,
  customer,
  describe as describeEntity,
  detectIn,
  found,
} from './recognizers/conversation.js';

const summary = (detection: Detection): string[] => detection.entities.map(describeEntity);

describe('detect', () => {
  test('a card read over three turns with back-channels is one entity with three parts', () => {
    const transcript = call(
      agent('can I take the card number please'),
      customer('yeah it is four one one one'),
      agent('mm hmm'),
      customer('one one one one one one one one'),
      agent('okay'),
      customer('one one one one'),
    );
    const detection = detectIn(transcript);
    assert.equal(detection.entities.length, 1);
    const [card] = detection.entities;
    assert.equal(card!.type, 'CREDIT_CARD');
    assert.equal(card!.category, 'PCI');
    assert.equal(card!.role, 'customer');
    assert.equal(card!.channel, 1);
    assert.equal(card!.parts.length, 3);
    const partWords = card!.parts.map((part) => wordsText(transcript, part.words));
    assert.deepEqual(partWords, ['four one one one', 'one one one one one one one one', 'one one one one']);
    for (const part of card!.parts) {
      assert.equal(part.channel, 1);
      assert.equal(part.start, transcript.words[part.words[0]!]!.start);
      assert.equal(part.end, transcript.words[part.words.at(-1)!]!.end);
    }
    assert.equal(card!.start, card!.parts[0]!.start);
    assert.equal(card!.end, card!.parts[2]!.end);
    assert.equal(card!.value.replace(/\D/g, ''), '4111111111111111');
  });

  test("the agent's question makes the customer's bare answer sensitive", () => {
    assert.deepEqual(
      found(call(agent('can I take your date of birth'), customer('march third nineteen eighty five'))),
      ['DATE_OF_BIRTH:march 3 1985'],
    );
    assert.deepEqual(
      found(call(agent('how old is the account'), customer('march third nineteen eighty five'))),
      [],
    );
  });

  test("the agent's read-back is redacted too", () => {
    const transcript = call(
      agent('what email should we use'),
      customer('john dot smith at gmail dot com'),
      agent('so that is john dot smith at gmail dot com'),
    );
    const entities = detectIn(transcript).entities;
    assert.deepEqual(
      entities.map((entity) => [entity.type, entity.role]),
      [
        ['EMAIL_ADDRESS', 'customer'],
        ['EMAIL_ADDRESS', 'agent'],
      ],
    );
  });

  test("the agent's confirmation in another form is caught through the agent's own question", () => {
    const transcript = call(
      agent('can I get your date of birth'),
      customer("it's 05261953"),
      agent('just to confirm may 26 1953'),
    );
    const dates = detectIn(transcript).entities.filter((entity) => entity.type === 'DATE_OF_BIRTH');
    assert.deepEqual(
      dates.map((entity) => [entity.role, entity.value]),
      [
        ['customer', '05261953'],
        ['agent', 'may 26 1953'],
      ],
    );
    assert.ok(dates[1]!.reasons.includes('read-back'));
  });

  test('a value found once is sensitive wherever else it is spoken', () => {
    const transcript = call(
      agent('and your date of birth'),
      customer('march 3 1985'),
      agent('thanks what else can I do'),
      // Minutes later, past the date-of-birth topic: only propagation can find it.
      customer('oh and march 3 1985 is also our anniversary', 400_000),
    );
    const dates = detectIn(transcript).entities.filter((entity) => entity.type === 'DATE_OF_BIRTH');
    assert.equal(dates.length, 2);
    assert.ok(dates[1]!.reasons.includes('propagated'));
  });

  test('fail closed: a Luhn-invalid card in payment context is redacted', () => {
    const transcript = call(agent('I will take the payment now'), customer('sure 5500 0000 0000 0005'));
    const [entity] = detectIn(transcript).entities;
    assert.equal(entity?.type, 'CREDIT_CARD');
    assert.ok(entity.reasons.includes('fail-closed'));
  });

  test('include and exclude', () => {
    const transcript = call(customer('call 212 555 1234 or email jo@example.com'));
    assert.deepEqual(found(transcript), ['PHONE_NUMBER:212 555 1234', 'EMAIL_ADDRESS:jo@example.com']);
    assert.deepEqual(found(transcript, { include: ['EMAIL_ADDRESS'] }), ['EMAIL_ADDRESS:jo@example.com']);
    assert.deepEqual(found(transcript, { exclude: ['EMAIL_ADDRESS'] }), ['PHONE_NUMBER:212 555 1234']);
  });

  test('allow compares the normalised value without case or spaces', () => {
    const transcript = call(customer('email Jo@Example.com or call 212 555 1234'));
    assert.deepEqual(found(transcript, { allow: ['jo@example.COM'] }), ['PHONE_NUMBER:212 555 1234']);
    assert.deepEqual(found(transcript, { allow: ['2125551234'] }), ['EMAIL_ADDRESS:Jo@Example.com']);
  });

  test('minScore drops weaker findings', () => {
    const transcript = call(customer('it is 123-45-6789'));
    assert.deepEqual(found(transcript), ['US_SSN:123-45-6789']);
    assert.deepEqual(found(transcript, { minScore: 0.8 }), []);
  });

  test('custom entities: patterns, words, context cues and category', () => {
    const policy = {
      custom: [
        { name: 'EMPLOYEE_ID', patterns: ['\\bEMP-?\\d{5}\\b'], category: 'PII' as const },
        { name: 'PROJECT', words: ['blue falcon'], category: 'PII' as const },
        {
          name: 'CLAIM_CODE',
          patterns: ['\\b[A-Z]{2}\\d{4}\\b'],
          context: ['claim code'],
          category: 'PHI' as const,
        },
      ],
    };
    const transcript = call(
      customer('I am EMP-12345 on Blue Falcon'),
      agent('and the claim code'),
      customer('XY1234 and also ZZ9999'),
    );
    const entities = detectIn(transcript, policy).entities;
    assert.deepEqual(
      entities.map((entity) => [entity.type, entity.value, entity.category]),
      [
        ['EMPLOYEE_ID', 'EMP-12345', 'PII'],
        ['PROJECT', 'Blue Falcon', 'PII'],
        ['CLAIM_CODE', 'XY1234', 'PHI'],
        ['CLAIM_CODE', 'ZZ9999', 'PHI'],
      ],
    );
    assert.deepEqual(found(call(customer('ZZ9999')), policy), []);
  });

  test('an invalid custom pattern is a policy error that does not quote the pattern', () => {
    // Policy files are checked by the schema; a Policy built in code reaches the recognizer as is.
    const broken = {
      name: 'BROKEN',
      patterns: ['(unclosed'],
      words: [],
      context: [],
      category: 'PII' as const,
      score: 0.9,
    };
    const policy = { ...DEFAULT_POLICY, custom: [broken] };
    assert.throws(
      () => detect(call(customer('hello')), policy),
      (error: unknown) =>
        error instanceof HushError && error.code === 'POLICY_INVALID' && !error.message.includes('unclosed'),
    );
  });

  test('PCI-strict: every digit run in payment context becomes PAYMENT_DIGITS unless covered', () => {
    const transcript = call(
      agent('can I take the card number'),
      customer('4111 1111 1111 1111'),
      agent('and how many tickets'),
      customer('2 please and the total was 49.99'),
      agent('thanks that payment has been processed is there anything else'),
      customer('my order is 5512'),
    );
    assert.deepEqual(found(transcript), ['CREDIT_CARD:4111 1111 1111 1111']);
    assert.deepEqual(found(transcript, { pciStrict: true }), [
      'CREDIT_CARD:4111 1111 1111 1111',
      'PAYMENT_DIGITS:2',
      'PAYMENT_DIGITS:49.99',
    ]);
    // pciStrict passes include and minScore: it asked for every digit.
    assert.deepEqual(found(transcript, { pciStrict: true, include: ['CREDIT_CARD'], minScore: 0.95 }), [
      'CREDIT_CARD:4111 1111 1111 1111',
      'PAYMENT_DIGITS:2',
      'PAYMENT_DIGITS:49.99',
    ]);
  });

  test('overlapping findings: the best label over the union of their ranges', () => {
    const policy = { custom: [{ name: 'CARD_AND_MORE', patterns: ['1111 \\d+ extra'], score: 0.6 }] };
    const transcript = call(customer('number 4111 1111 1111 1111 extra words'));
    const entities = detectIn(transcript, policy).entities;
    assert.equal(entities.length, 1);
    assert.equal(entities[0]!.type, 'CREDIT_CARD');
    assert.equal(entities[0]!.parts[0]!.value, '4111 1111 1111 1111 extra');
    assert.ok(entities[0]!.reasons.includes('union'));
  });

  test('entities are in time order and detection is deterministic', () => {
    const transcript = call(
      customer('email me at a@b.co'),
      agent('and your phone'),
      customer('212 555 1234'),
      agent('and date of birth'),
      customer('1 2 1990'),
    );
    const first = detectIn(transcript);
    const second = detectIn(transcript);
    assert.deepEqual(summary(first), summary(second));
    assert.deepEqual(
      first.entities.map((entity) => entity.type),
      ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'DATE_OF_BIRTH'],
    );
    const starts = first.entities.map((entity) => entity.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  test('an empty transcript gives no entities', () => {
    const detection = detect({ format: 'hush', words: [], channels: 1 });
    assert.deepEqual(detection.entities, []);
  });
});
