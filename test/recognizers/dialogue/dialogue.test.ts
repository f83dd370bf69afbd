import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createContextProbe } from '../../../src/core/context/index.js';
import { normaliseConversation } from '../../../src/core/normalise/index.js';
import { readDialogue, turnCues } from '../../../src/core/recognizers/dialogue/dialogue.js';
import { findCues } from '../../../src/core/recognizers/dialogue/topics.js';
import { divideConversation } from '../../../src/core/streams.js';
import { agent, call, customer } from '../conversation.js';

function customerDialogue(...turns: Parameters<typeof call>) {
  const transcript = call(...turns);
  const conversation = divideConversation(transcript);
  const views = normaliseConversation(transcript, conversation);
  const context = createContextProbe(transcript, conversation, views);
  const view = views.find((candidate) => candidate.stream.role === 'customer')!;
  return readDialogue({ transcript, conversation, views, view, context, defaultCountry: 'US' });
}

describe("a turn's topic cues", () => {
  test('are the cues of its own words, at positions from its first word, read once', () => {
    const dialogue = customerDialogue(
      agent('what name is on the account?'),
      customer('it is under my maiden name, and my username is jdoe'),
      agent('thanks'),
      customer('nothing else'),
    );
    const first = turnCues(dialogue, 0);
    const words = dialogue.words.slice(dialogue.turnFirst[0], dialogue.turnEnd[0]);
    assert.deepEqual(first, findCues(words));
    assert.deepEqual(
      first.map((cue) => cue.topic),
      ['security', 'username'],
    );
    assert.equal(turnCues(dialogue, 0), first);
    assert.deepEqual(turnCues(dialogue, 1), []);
  });
});
