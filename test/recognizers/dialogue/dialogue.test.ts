import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createContextProbe } from '../../../src/core/context/index.js';
import { normaliseConversation } from '../../../src/core/normalise/index.js';
import { readDialogue, turnCues } from '../../../src/core/recognizers/dialogue/dialogue.js';
import { cuesOfFixed, findCues, readQuestion } from '../../../src/core/recognizers/dialogue/topics.js';
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

describe("a prompt's topic cues", () => {
  test('are found once per prompt and read a question as its own words do', () => {
    const dialogue = customerDialogue(
      agent('can I take the last name on the licence and then your user id'),
      customer('sure'),
    );
    const prompt = dialogue.prompts[0]!;
    const cues = cuesOfFixed(prompt);
    assert.deepEqual(cues, findCues(prompt));
    assert.equal(cuesOfFixed(prompt), cues);
    assert.deepEqual(readQuestion(prompt, cues), readQuestion(prompt));
    // Reading the question drops a trailing qualifier's cue without changing the shared list.
    const qualified = ['your', 'name', 'on', 'the', 'account'];
    const found = cuesOfFixed(qualified);
    const before = [...found];
    assert.deepEqual(readQuestion(qualified, found), readQuestion(qualified));
    assert.deepEqual(found, before);
  });
});
