import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planRegions } from '../src/core/regions.js';
import { DEFAULT_POLICY, policySchema, type PolicyInput } from '../src/core/policy.js';
import { detectionOf, entity } from './redaction/entities.js';

const policy = (regions: PolicyInput['regions']) => policySchema.parse({ regions });
const exact = policy({ paddingBeforeMs: 0, paddingAfterMs: 0, mergeGapMs: 0 });

describe('planRegions', () => {
  test('pads each part by the policy and clamps at zero', () => {
    const regions = planRegions(detectionOf(entity('CARD_CVV', [{ start: 100, end: 900 }])), DEFAULT_POLICY);
    assert.deepEqual(regions, [{ start: 0, end: 1250, channel: null, types: ['CARD_CVV'], entities: [0] }]);
  });

  test('one region per part when parts are far apart', () => {
    const card = entity('CREDIT_CARD', [
      { start: 10_000, end: 12_000 },
      { start: 20_000, end: 22_000 },
    ]);
    const regions = planRegions(detectionOf(card), DEFAULT_POLICY);
    assert.deepEqual(
      regions.map((r) => [r.start, r.end]),
      [
        [9_750, 12_350],
        [19_750, 22_350],
      ],
    );
    assert.deepEqual(regions[1]!.entities, [0]);
  });

  test('merges regions closer than the merge gap, keeps those at or beyond it apart', () => {
    const detection = detectionOf(
      entity('CREDIT_CARD', [{ start: 0, end: 1000 }]),
      entity('CARD_EXPIRY', [{ start: 1999, end: 2500 }]),
      entity('CARD_CVV', [{ start: 3500, end: 4000 }]),
    );
    const regions = planRegions(
      detection,
      policy({ paddingBeforeMs: 0, paddingAfterMs: 0, mergeGapMs: 1000 }),
    );
    assert.deepEqual(regions, [
      { start: 0, end: 2500, channel: null, types: ['CARD_EXPIRY', 'CREDIT_CARD'], entities: [0, 1] },
      { start: 3500, end: 4000, channel: null, types: ['CARD_CVV'], entities: [2] },
    ]);
  });

  test('overlapping and touching regions merge even with no merge gap', () => {
    const detection = detectionOf(
      entity('PERSON_NAME', [{ start: 0, end: 1000 }]),
      entity('PERSON_NAME', [{ start: 1000, end: 1500 }]),
      entity('EMAIL_ADDRESS', [{ start: 1200, end: 1300 }]),
    );
    assert.deepEqual(
      planRegions(detection, exact).map((r) => [r.start, r.end, r.entities]),
      [[0, 1500, [0, 1, 2]]],
    );
  });

  test('speaker scope keeps channels apart; all scope silences every channel', () => {
    const detection = detectionOf(
      entity('CREDIT_CARD', [{ start: 0, end: 1000, channel: 1 }]),
      entity('PERSON_NAME', [{ start: 500, end: 800, channel: 0 }]),
    );
    const speaker = policy({ paddingBeforeMs: 0, paddingAfterMs: 0, mergeGapMs: 0, scope: 'speaker' });
    assert.deepEqual(
      planRegions(detection, speaker).map((r) => [r.channel, r.start, r.end]),
      [
        [1, 0, 1000],
        [0, 500, 800],
      ],
    );
    assert.deepEqual(
      planRegions(detection, exact).map((r) => [r.channel, r.start, r.end]),
      [[null, 0, 1000]],
    );
  });

  test('speaker scope: a part on an unknown channel silences all channels and absorbs what it overlaps', () => {
    const detection = detectionOf(
      entity('CREDIT_CARD', [{ start: 0, end: 1000, channel: null }]),
      entity('CARD_CVV', [{ start: 900, end: 2000, channel: 1 }]),
      entity('PERSON_NAME', [{ start: 1800, end: 2200, channel: 0 }]),
      entity('EMAIL_ADDRESS', [{ start: 5000, end: 6000, channel: 0 }]),
    );
    const speaker = policy({ paddingBeforeMs: 0, paddingAfterMs: 0, mergeGapMs: 0, scope: 'speaker' });
    // The CVV folds in and widens the all-channel region to 2000, which then overlaps the name.
    assert.deepEqual(planRegions(detection, speaker), [
      {
        start: 0,
        end: 2200,
        channel: null,
        types: ['CARD_CVV', 'CREDIT_CARD', 'PERSON_NAME'],
        entities: [0, 1, 2],
      },
      { start: 5000, end: 6000, channel: 0, types: ['EMAIL_ADDRESS'], entities: [3] },
    ]);
  });

  test('sorted by start then channel, whatever the entity order', () => {
    const detection = detectionOf(
      entity('EMAIL_ADDRESS', [{ start: 9000, end: 9500, channel: 1 }]),
      entity('PERSON_NAME', [{ start: 100, end: 200, channel: 1 }]),
      entity('PERSON_NAME', [{ start: 100, end: 300, channel: 0 }]),
    );
    const speaker = policy({ paddingBeforeMs: 0, paddingAfterMs: 0, mergeGapMs: 0, scope: 'speaker' });
    assert.deepEqual(
      planRegions(detection, speaker).map((r) => [r.start, r.channel]),
      [
        [100, 0],
        [100, 1],
        [9000, 1],
      ],
    );
  });

  test('no entities, no regions', () => {
    assert.deepEqual(planRegions(detectionOf(), DEFAULT_POLICY), []);
  });
});
