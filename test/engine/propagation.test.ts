import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../src/core/detection.js';
import { propagate } from '../../src/core/engine/propagation.js';
import { normaliseConversation } from '../../src/core/normalise/index.js';
import { divideConversation } from '../../src/core/streams.js';
import { agent, call, customer } from '../recognizers/conversation.js';

function viewsOf(...turns: Parameters<typeof call>) {
  const transcript = call(...turns);
  return normaliseConversation(transcript, divideConversation(transcript));
}

function findingAt(view: Finding['view'], text: string): Finding {
  const charStart = view.text.indexOf(text);
  assert.ok(charStart >= 0);
  const charEnd = charStart + text.length;
  return {
    recognizer: 'test',
    type: 'PERSON_NAME',
    view,
    charStart,
    charEnd,
    score: 0.9,
    value: text,
    reasons: [],
  };
}

describe('propagation and capitals', () => {
  test('a value spelled in capitals is found again said in lower case', () => {
    const views = viewsOf(customer('it is spelled T R E M A Y N E'), agent('thanks, so tremayne it is'));
    const spelled = views[1]!.text.includes('TREMAYNE') ? views[1]! : views[0]!;
    const added = propagate(views, [findingAt(spelled, 'TREMAYNE')]);
    assert.deepEqual(
      added.map((finding) => finding.value),
      ['tremayne'],
    );
  });

  test('a name written with a capital is not found in an ordinary lower-case word', () => {
    const views = viewsOf(customer('my name is Will Oduya'), agent('I will look that up'));
    const named = views.find((view) => view.text.includes('Will'))!;
    assert.deepEqual(propagate(views, [findingAt(named, 'Will')]), []);
  });
});
