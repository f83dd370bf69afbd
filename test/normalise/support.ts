/** Shared steps of the normalisation tests: hand-built transcript → views, and item → words. */
import assert from 'node:assert/strict';
import { wordsInRange } from '../../src/core/normalise/align.js';
import { normaliseConversation } from '../../src/core/normalise/index.js';
import type { StreamView } from '../../src/core/normalise/view.js';
import { divideConversation } from '../../src/core/streams.js';
import type { Transcript } from '../../src/core/transcript.js';
import type { TurnSpec } from '../helpers/transcript.js';
import { buildTranscript, wordsText } from '../helpers/transcript.js';

export interface Normalised {
  transcript: Transcript;
  views: StreamView[];
}

export function normaliseTurns(turns: readonly TurnSpec[]): Normalised {
  const transcript = buildTranscript(turns);
  return { transcript, views: normaliseConversation(transcript, divideConversation(transcript)) };
}

/** The view text of one speaker saying `text` in one turn. */
export function spoken(text: string): string {
  return normaliseTurns([{ text }]).views[0]!.text;
}

/** The transcript words behind the first occurrence of `item` in the view (the item must be there). */
export function wordsBehind(normalised: Normalised, item: string, view = normalised.views[0]!): string {
  const start = view.text.indexOf(item);
  assert.notEqual(start, -1, `"${item}" not in view "${view.text}"`);
  return wordsText(normalised.transcript, wordsInRange(view, start, start + item.length));
}
