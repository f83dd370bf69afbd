import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wordsInRange } from '../../src/core/normalise/align.js';
import { wordsText } from '../helpers/transcript.js';
import { normaliseTurns, wordsBehind } from './support.js';

/** For each character of the view: the text of the words it maps to, or null for an inserted separator. */
function charSources(text: string): (string | null)[] {
  const normalised = normaliseTurns([{ text }]);
  const view = normalised.views[0]!;
  return [...view.text].map((_, i) => {
    const from = view.wordFrom[i]!;
    const to = view.wordTo[i]!;
    if (from === -1) {
      assert.equal(to, -1);
      return null;
    }
    assert.ok(from <= to, `character ${i} maps backwards`);
    return wordsText(normalised.transcript, range(from, to));
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

describe('every character maps to the words it came from', () => {
  test('digit by digit, with inserted spaces mapping to no word', () => {
    assert.deepEqual(charSources('card four one, two'), [
      'card',
      'card',
      'card',
      'card',
      null,
      'four',
      'one,',
      null,
      'two',
    ]);
  });

  test('a multi-word number maps each digit to all its words', () => {
    assert.deepEqual(charSources('double five'), ['double five', 'double five']);
    assert.deepEqual(charSources('forty one'), ['forty one', 'forty one']);
    assert.deepEqual(charSources('a hundred'), ['a hundred', 'a hundred', 'a hundred']);
    assert.deepEqual(charSources('nineteen oh five'), ['nineteen', 'nineteen', 'oh', 'five']);
  });

  test('a written word maps all its characters to itself', () => {
    assert.deepEqual(charSources('(4111-1111).'), Array(9).fill('(4111-1111).'));
    assert.deepEqual(charSources('3rd'), ['3rd']);
  });

  test('letters, symbols and the parts of an address map to their own words', () => {
    assert.deepEqual(charSources('b as in bravo k'), ['b as in bravo', 'k']);
    assert.deepEqual(charSources('j o at sign x dot io'), ['j', 'o', 'at sign', 'x', 'dot', 'io', 'io']);
    assert.deepEqual(charSources('plus four four'), ['plus', 'four', 'four']);
    assert.deepEqual(charSources('oh four slash one'), ['oh', 'four', 'slash', 'one']);
    assert.deepEqual(charSources('Sept.'), Array(9).fill('Sept.'));
  });
});

describe('wordsInRange maps an item back to its words', () => {
  test('including fillers spoken inside the item, but not around it', () => {
    const normalised = normaliseTurns([{ text: 'um my card is four um one one uh one um' }]);
    assert.equal(normalised.views[0]!.text, 'my card is 4111');
    assert.equal(wordsBehind(normalised, '4111'), 'four um one one uh one');
  });

  test('for part of a digit group', () => {
    const normalised = normaliseTurns([{ text: 'four one one one one two three four' }]);
    const view = normalised.views[0]!;
    assert.equal(view.text, '41111234');
    assert.equal(wordsText(normalised.transcript, wordsInRange(view, 4, 8)), 'one two three four');
  });

  test('for an item running on across a soft turn break, without the other speaker', () => {
    const normalised = normaliseTurns([
      { channel: 1, role: 'customer', text: 'four one one one' },
      { channel: 0, role: 'agent', text: 'mm hmm' },
      { channel: 1, role: 'customer', text: 'one one one one' },
    ]);
    const view = normalised.views[0]!;
    assert.equal(view.text, '4111 1111');
    assert.equal(view.wordFrom[4], -1);
    assert.equal(wordsBehind(normalised, '4111 1111', view), 'four one one one one one one one');
  });

  test('for an email address and a spelled name', () => {
    const normalised = normaliseTurns([
      { text: 'it is k w o n g, and john dot smith at gmail dot com thanks' },
    ]);
    assert.equal(normalised.views[0]!.text, 'it is KWONG and john.smith@gmail.com thanks');
    assert.equal(wordsBehind(normalised, 'KWONG'), 'k w o n g,');
    assert.equal(wordsBehind(normalised, 'smith@gmail'), 'smith at gmail');
    assert.equal(wordsBehind(normalised, 'john.smith@gmail.com'), 'john dot smith at gmail dot com');
  });

  test('to nothing for a range of separators only', () => {
    const normalised = normaliseTurns([{ text: 'yes no' }]);
    assert.deepEqual(wordsInRange(normalised.views[0]!, 3, 4), []);
  });
});

describe('the map of a whole call', () => {
  test("inserted characters are exactly the separators; every other character lies in its own word's turn", () => {
    const normalised = normaliseTurns([
      { channel: 0, role: 'agent', text: 'Can I take the long number, please?' },
      { channel: 1, role: 'customer', text: 'Sure. Um, four one one one, one one one one' },
      { channel: 0, role: 'agent', text: 'Mm-hmm.' },
      {
        channel: 1,
        role: 'customer',
        text: 'double two three four, and the expiry is oh four slash twenty seven.',
      },
      { channel: 0, role: 'agent', text: 'And your email?' },
      { channel: 1, role: 'customer', text: 'uh' },
      { channel: 1, role: 'customer', text: 'k w o n g at h o t mail dot com', start: 60_000 },
      { channel: 0, role: 'agent', text: 'And date of birth?' },
      { channel: 1, role: 'customer', text: 'March third, nineteen eighty five' },
    ]);
    const [agentView, customerView] = normalised.views;
    assert.equal(
      customerView!.text,
      'Sure 4111 1111 2234 and the expiry is 04/27\nkwong@hotmail.com\nmarch 3 1985',
    );
    for (const view of normalised.views) {
      const turnOfWord = new Map<number, number>();
      view.turns.forEach((span, t) => span.turn.words.forEach((word) => turnOfWord.set(word, t)));
      for (let i = 0; i < view.text.length; i += 1) {
        const char = view.text[i]!;
        const from = view.wordFrom[i]!;
        const to = view.wordTo[i]!;
        if (char === ' ' || char === '\n') {
          assert.deepEqual([from, to], [-1, -1], `separator ${i}`);
          continue;
        }
        assert.ok(from >= 0 && from <= to, `character ${i} maps to a word range`);
        const span = view.turns[turnOfWord.get(from)!]!;
        assert.ok(span.charStart <= i && i < span.charEnd, `character ${i} lies in its word's turn`);
        assert.equal(turnOfWord.get(to), turnOfWord.get(from), `character ${i} maps inside one turn`);
      }
      for (const span of view.turns)
        assert.doesNotMatch(view.text.slice(span.charStart, span.charEnd), /^\s|\s$|\s\s/);
    }
    assert.equal(
      agentView!.text,
      'Can I take the long number please\nMm-hmm\nAnd your email\nAnd date of birth',
    );
    assert.equal(wordsBehind(normalised, '2234', customerView), 'double two three four,');
    assert.equal(wordsBehind(normalised, '04/27', customerView), 'oh four slash twenty seven.');
  });
});
