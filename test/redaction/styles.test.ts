import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planWordEdits } from '../../src/core/redaction/index.js';
import { policySchema, type PolicyInput } from '../../src/core/policy.js';
import { HushError } from '../../src/errors.js';
import { detectionOf, entity } from './entities.js';

const KEY = new TextEncoder().encode('a test key of at least sixteen bytes');
const withRedaction = (redaction: PolicyInput['redaction']) => policySchema.parse({ redaction });

const card = entity(
  'CREDIT_CARD',
  [
    { start: 0, end: 2000, words: [3, 4, 5, 6], value: '4111 1111' },
    { start: 5000, end: 7000, words: [9, 10], value: '1111-1111' },
  ],
  '4111111111111111',
);
const email = entity(
  'EMAIL_ADDRESS',
  [{ start: 9000, end: 9900, words: [20], value: 'ann.lee@example.com' }],
  'ann.lee@example.com',
);

describe('planWordEdits', () => {
  test('label: one edit per part, carrying the part words', () => {
    assert.deepEqual(planWordEdits(detectionOf(card), withRedaction({ style: 'label' })), [
      { words: [3, 4, 5, 6], replacement: '[CREDIT_CARD]' },
      { words: [9, 10], replacement: '[CREDIT_CARD]' },
    ]);
  });

  test('mask: each letter and digit of the part value, separators kept', () => {
    const edits = planWordEdits(detectionOf(card, email), withRedaction({ style: 'mask', maskChar: '*' }));
    assert.deepEqual(
      edits.map((edit) => edit.replacement),
      ['**** ****', '****-****', '***.***@*******.***'],
    );
  });

  test('mask: a part with nothing to mask falls back to the label', () => {
    const filler = entity('PERSON_NAME', [{ start: 0, end: 10, value: '' }]);
    assert.deepEqual(
      planWordEdits(detectionOf(filler), withRedaction({ style: 'mask' }))[0]!.replacement,
      '[PERSON_NAME]',
    );
  });

  test('hash: keyed, stable, the same token on every part, different per value, type and key', () => {
    const policy = withRedaction({ style: 'hash' });
    const [first, second] = planWordEdits(detectionOf(card), policy, { hashKey: KEY });
    assert.match(first!.replacement, /^\[CREDIT_CARD:[0-9a-f]{12}\]$/);
    assert.equal(second!.replacement, first!.replacement);
    // The same number spoken with other spacing is the same card.
    const spacedOut = entity('CREDIT_CARD', [{ start: 0, end: 1, value: 'x' }], '4111 1111 1111 1111');
    assert.equal(
      planWordEdits(detectionOf(spacedOut), policy, { hashKey: KEY })[0]!.replacement,
      first!.replacement,
    );
    const other = entity('CREDIT_CARD', [{ start: 0, end: 1 }], '5500000000000004');
    assert.notEqual(
      planWordEdits(detectionOf(other), policy, { hashKey: KEY })[0]!.replacement,
      first!.replacement,
    );
    const otherKey = new TextEncoder().encode('another key, also sixteen bytes+');
    assert.notEqual(
      planWordEdits(detectionOf(card), policy, { hashKey: otherKey })[0]!.replacement,
      first!.replacement,
    );
    // The type is hashed too: the same digits as another type give an unrelated token.
    const asDigits = entity('PAYMENT_DIGITS', [{ start: 0, end: 1 }], '4111111111111111');
    const [digits] = planWordEdits(detectionOf(asDigits), policy, { hashKey: KEY });
    assert.notEqual(digits!.replacement.split(':')[1], first!.replacement.split(':')[1]);
  });

  test('hash: the token never contains the value', () => {
    const [edit] = planWordEdits(detectionOf(email), withRedaction({ style: 'hash' }), { hashKey: KEY });
    assert.ok(!edit!.replacement.includes('ann'));
  });

  test('hash: no key or a short key is a usage error', () => {
    const policy = withRedaction({ style: 'hash' });
    assert.throws(
      () => planWordEdits(detectionOf(card), policy),
      (error: unknown) => {
        return error instanceof HushError && error.code === 'USAGE' && /key/.test(error.message);
      },
    );
    assert.throws(
      () => planWordEdits(detectionOf(card), policy, { hashKey: new Uint8Array(8) }),
      /at least 16 bytes/,
    );
  });

  test('custom: per-type replacement, then default, then the label', () => {
    const ssn = entity('US_SSN', [{ start: 0, end: 1 }]);
    const name = entity('PERSON_NAME', [{ start: 2, end: 3 }]);
    const policy = withRedaction({
      style: 'custom',
      replacements: { US_SSN: 'XXX-XX-XXXX', default: '<removed>' },
    });
    assert.deepEqual(
      planWordEdits(detectionOf(ssn, name), policy).map((edit) => edit.replacement),
      ['XXX-XX-XXXX', '<removed>'],
    );
    const noDefault = withRedaction({ style: 'custom', replacements: { US_SSN: 'XXX' } });
    assert.equal(planWordEdits(detectionOf(name), noDefault)[0]!.replacement, '[PERSON_NAME]');
  });

  test('styleByType overrides the style for its types only', () => {
    const policy = withRedaction({ style: 'label', styleByType: { EMAIL_ADDRESS: 'mask' } });
    assert.deepEqual(
      planWordEdits(detectionOf(card, email), policy).map((edit) => edit.replacement),
      ['[CREDIT_CARD]', '[CREDIT_CARD]', '###.###@#######.###'],
    );
  });

  test('no entities, no edits', () => {
    assert.deepEqual(planWordEdits(detectionOf(), withRedaction({})), []);
  });
});
