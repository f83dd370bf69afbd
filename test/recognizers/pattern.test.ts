import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createContextProbe } from '../../src/core/context/index.js';
import type { Finding } from '../../src/core/detection.js';
import { normaliseConversation } from '../../src/core/normalise/index.js';
import type { PatternRecognizerSpec } from '../../src/core/recognizers/pattern.js';
import { patternRecognizer } from '../../src/core/recognizers/pattern.js';
import { divideConversation } from '../../src/core/streams.js';
import type { TurnSpec } from '../helpers/transcript.js';
import { buildTranscript } from '../helpers/transcript.js';
import { agent, customer } from './conversation.js';

/** Runs one recognizer over the customer's stream. */
function run(spec: Partial<PatternRecognizerSpec>, ...turns: TurnSpec[]): Finding[] {
  const transcript = buildTranscript(turns);
  const conversation = divideConversation(transcript);
  const views = normaliseConversation(transcript, conversation);
  const context = createContextProbe(transcript, conversation, views);
  const recognizer = patternRecognizer({
    name: 'widget',
    type: 'WIDGET',
    patterns: [{ name: 'w', regex: /\bW-\d{3}\b/g, score: 0.5 }],
    cues: ['widget code'],
    ...spec,
  });
  const view = views.find((candidate) => candidate.stream.role === 'customer')!;
  return recognizer.recognize({ transcript, conversation, views, view, context, defaultCountry: 'US' });
}

const summary = (findings: Finding[]): [string, number, string[]][] =>
  findings.map((finding) => [finding.value, Number(finding.score.toFixed(2)), finding.reasons]);

describe('patternRecognizer', () => {
  test('base score without context, raised by a cue in the lead-in', () => {
    assert.deepEqual(summary(run({}, customer('it is W-123'))), [['W-123', 0.5, ['pattern:w']]]);
    assert.deepEqual(summary(run({}, customer('my widget code is W-123'))), [
      ['W-123', 0.8, ['pattern:w', 'cue:widget code']],
    ]);
  });

  test("a cue in the other party's question counts as asked", () => {
    assert.deepEqual(summary(run({}, agent('whats the widget code'), customer('W-123'))), [
      ['W-123', 0.8, ['pattern:w', 'asked', 'cue:widget code']],
    ]);
  });

  test('a cue right after the match counts', () => {
    assert.deepEqual(summary(run({ cueBoost: 0.2 }, customer('W-123 is my widget code'))), [
      ['W-123', 0.7, ['pattern:w', 'cue:widget code']],
    ]);
  });

  test('requireContext drops bare matches', () => {
    assert.deepEqual(run({ requireContext: true }, customer('it is W-123')), []);
    assert.equal(run({ requireContext: true }, customer('widget code W-123')).length, 1);
  });

  test('negative context suppresses a match unless a positive cue is nearer', () => {
    assert.deepEqual(run({}, customer('the order number is W-123')), []);
    assert.deepEqual(run({}, agent('whats the reference number'), customer('W-123')), []);
    assert.equal(run({}, customer('for the order my widget code is W-123')).length, 1);
    assert.deepEqual(run({}, customer('it is W-123 dollars')), []);
    assert.equal(
      run({ negatives: [], trailNegatives: [] }, customer('the order number is W-123 dollars')).length,
      1,
    );
  });

  test('digits patterns see every grouping of the same digits', () => {
    const spec = { patterns: [{ name: 'd', digits: [4, 4] as const, score: 0.5 }] };
    assert.deepEqual(
      run(spec, customer('1 2 3 4 and 12 34 and 1234 and 12345')).map((finding) => finding.value),
      ['1234', '1234', '1234'],
    );
  });

  test('validate, invalidate and support hooks', () => {
    assert.deepEqual(run({ validate: (value) => value.endsWith('9') }, customer('W-123')), []);
    assert.deepEqual(run({ invalidate: (value) => value.endsWith('3') }, customer('W-123')), []);
    const supported = run({ support: () => 'extra', requireContext: true }, customer('W-123'));
    assert.deepEqual(summary(supported), [['W-123', 0.8, ['pattern:w', 'extra']]]);
  });

  test('paymentIsContext', () => {
    const turns = [agent('I can take a payment now'), customer('W-123')];
    assert.deepEqual(run({ requireContext: true }, ...turns), []);
    assert.deepEqual(summary(run({ requireContext: true, paymentIsContext: true }, ...turns)), [
      ['W-123', 0.8, ['pattern:w', 'payment-context']],
    ]);
  });
});
