import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallLabels } from '../../scripts/corpus/labels.js';
import { changedRanges } from '../../scripts/eval/diff.js';
import { hushType } from '../../scripts/eval/peers.js';
import { covered, scoreCall } from '../../scripts/eval/score.js';
import type { PredictedEntity } from '../../scripts/eval/systems.js';

describe('coverage', () => {
  test('a span is covered only by regions on its channel or on all channels, without gaps', () => {
    const part = { start: 1000, end: 2000, channel: 1 };
    assert.ok(covered(part, [{ start: 900, end: 2100, channel: null }]));
    assert.ok(
      covered(part, [
        { start: 900, end: 1500, channel: 1 },
        { start: 1500, end: 2000, channel: null },
      ]),
    );
    assert.ok(!covered(part, [{ start: 900, end: 2100, channel: 0 }]));
    assert.ok(
      !covered(part, [
        { start: 900, end: 1400, channel: 1 },
        { start: 1500, end: 2100, channel: 1 },
      ]),
    );
    assert.ok(!covered(part, [{ start: 1001, end: 2100, channel: null }]));
  });
});

describe('diffing a redactor output', () => {
  test('finds the replaced run and its placeholder, ignoring case changes', () => {
    const text = 'my card is 4111 1111 1111 1111 thanks';
    const changes = changedRanges(text, 'My card is CREDIT_CARD_NUMBER thanks');
    assert.deepEqual(changes, [{ start: 11, end: 30, placeholder: 'CREDIT_CARD_NUMBER' }]);
    assert.equal(hushType(changes[0]!.placeholder), 'CREDIT_CARD');
  });

  test('reports nothing when nothing changed', () => {
    assert.deepEqual(changedRanges('hello there', 'Hello there'), []);
  });
});

describe('scoring a call', () => {
  const labels: CallLabels = {
    call: 'c',
    file: 'calls/c.hush.json',
    format: 'hush',
    family: 'payment',
    locale: 'US',
    channels: 2,
    durationMs: 20000,
    spans: [
      {
        type: 'CARD_CVV',
        start: 1000,
        end: 2000,
        channel: 1,
        role: 'customer',
        text: 'seven three seven',
        form: 'words',
        parts: [{ start: 1000, end: 2000, channel: 1 }],
      },
      {
        type: 'PERSON_NAME',
        start: 5000,
        end: 6000,
        channel: 1,
        role: 'customer',
        text: 'Ana Smith',
        form: 'plain',
        parts: [{ start: 5000, end: 6000, channel: 1 }],
      },
    ],
    negatives: [{ kind: 'price', start: 9000, end: 9500, channel: 0, role: 'agent', text: '$49.99' }],
  };
  const entity = (type: string, start: number, end: number, channel: number): PredictedEntity => ({
    type,
    parts: [{ start, end, channel }],
    interpolated: false,
    tokens: [],
    text: '',
  });

  test('recall by coverage, precision by overlap, false alarms on look-alikes', () => {
    const score = scoreCall(labels, {
      entities: [
        entity('PIN', 1000, 2000, 1),
        entity('PERSON_NAME', 5200, 5800, 1),
        entity('PAYMENT_DIGITS', 9000, 9500, 0),
      ],
      regions: [
        { start: 750, end: 2350, channel: null },
        { start: 4950, end: 6150, channel: null },
        { start: 8750, end: 9850, channel: null },
      ],
    });
    const cvv = score.byType.get('CARD_CVV')!;
    assert.equal(cvv.found, 1);
    assert.equal(cvv.typed, 0, 'found by a PIN entity: wrong type');
    const name = score.byType.get('PERSON_NAME')!;
    assert.equal(name.found, 1);
    assert.equal(name.typed, 1);
    assert.equal(score.byType.get('PAYMENT_DIGITS')!.correct, 0);
    assert.equal(score.byType.get('PAYMENT_DIGITS')!.onNegatives, 1);
    assert.deepEqual(score.negatives.get('price'), { total: 1, hit: 1 });
    assert.deepEqual(
      score.falseAlarms.map(({ entity, lookAlike }) => [entity.type, lookAlike]),
      [['PAYMENT_DIGITS', 'price']],
    );
  });

  test('a false alarm touching no look-alike is listed without a kind', () => {
    const score = scoreCall(labels, { entities: [entity('PHONE_NUMBER', 12000, 13000, 0)], regions: [] });
    assert.deepEqual(
      score.falseAlarms.map(({ entity: alarm, lookAlike }) => [alarm.type, lookAlike]),
      [['PHONE_NUMBER', null]],
    );
  });

  test('a detected span whose regions fall short is a miss, marked detected', () => {
    const score = scoreCall(labels, {
      entities: [entity('CARD_CVV', 1000, 2000, 1)],
      regions: [{ start: 1200, end: 2350, channel: null }],
    });
    assert.equal(score.byType.get('CARD_CVV')!.found, 0);
    assert.equal(score.byType.get('CARD_CVV')!.detected, 1);
    assert.equal(score.missed.find((miss) => miss.span.type === 'CARD_CVV')?.detected, true);
  });

  test('an interpolated entity matches a nearby span only when it shares a word', () => {
    const shifted = (tokens: string[]): PredictedEntity => ({
      ...entity('PERSON_NAME', 7000, 7500, 1),
      interpolated: true,
      tokens,
    });
    const near = scoreCall(labels, { entities: [shifted(['smith'])], regions: [] });
    assert.equal(near.byType.get('PERSON_NAME')!.correct, 1);
    const unrelated = scoreCall(labels, { entities: [shifted(['thanks'])], regions: [] });
    assert.equal(unrelated.byType.get('PERSON_NAME')!.correct, 0);
  });
});
