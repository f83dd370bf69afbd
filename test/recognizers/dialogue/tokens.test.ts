import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { divideConversation } from '../../../src/core/streams.js';
import { normaliseConversation } from '../../../src/core/normalise/index.js';
import { foldedWords, tokenize } from '../../../src/core/recognizers/dialogue/tokens.js';
import { agent, call, customer } from '../conversation.js';

/** Folding as the rules say, written the plain way (split, strip, split "'s", lower-case). */
function referenceFold(text: string): string[] {
  const kept = new Set(["it's", "that's", "what's", "he's", "she's", "there's", "here's", "let's"]);
  const plain = (word: string): string => word.replace(/[’‘`]/g, "'").toLowerCase();
  return text.split(/\s+/).flatMap((raw) => {
    const core = raw.replace(/^[,.;:!?"()[\]{}…]+/, '').replace(/[,.;:!?"()[\]{}…]+$/, '');
    if (core === '') return [];
    const lower = plain(core);
    if (lower.length > 2 && lower.endsWith("'s") && !kept.has(lower)) {
      return [plain(core.slice(0, -2)), plain(core.slice(-2))];
    }
    return [lower];
  });
}

const SAMPLES = [
  'Hello, my name is John Smith.',
  "It's my MOTHER'S maiden name: Kowalski’s… (really)",
  'That’s right — “Sarah” said ‘yes’ `ok`',
  '  spaced\u00a0out\u2003words\nacross\tlines  ',
  "...!? ,, 's 'S X's it's IT'S let’s",
  'Ünïcödé Straße ÉMILE 4111-1111 john.smith@gmail.com',
];

describe('dialogue tokens', () => {
  test('foldedWords folds words as the plain rules do', () => {
    for (const text of SAMPLES) assert.deepEqual(foldedWords(text), referenceFold(text), text);
    assert.deepEqual(foldedWords("My Mother's NAME"), ['my', 'mother', "'s", 'name']);
  });

  test("a view's tokens are its turns' folded words, with exact character ranges", () => {
    const transcript = call(
      agent('Can I take your full name, please?'),
      customer("Sure, it's Anna O’Brien's."),
    );
    const views = normaliseConversation(transcript, divideConversation(transcript));
    for (const view of views) {
      const tokens = tokenize(view);
      const expected = view.turns.flatMap((span) =>
        foldedWords(view.text.slice(span.charStart, span.charEnd)),
      );
      assert.deepEqual(
        tokens.map((token) => token.lower),
        expected,
      );
      for (const token of tokens) assert.equal(view.text.slice(token.start, token.end), token.text);
    }
  });
});
