import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from '../recognizers/conversation.js';

const usernames = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'USERNAME');

describe('USERNAME: handles after a cue, alternatives and repeats', () => {
  test('a handle with digits a few words after a username cue', () => {
    assert.deepEqual(usernames(agent('And your username on the app is pbright31?'), customer('Yes.')), [
      'USERNAME:pbright31',
    ]);
  });

  test('another username offered after "or"', () => {
    assert.deepEqual(usernames(agent('And your username?'), customer("It's tlocke_44, or tlocke44.")), [
      'USERNAME:tlocke_44 or tlocke44',
    ]);
  });

  test('a spelled username said back as one word', () => {
    assert.deepEqual(
      usernames(agent('What is your user ID?'), customer('r h a l l 7 7'), agent('So rhall77?')),
      ['USERNAME:RHALL 7 7', 'USERNAME:rhall77'],
    );
  });
});
