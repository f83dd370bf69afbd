import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HARD_TURN_BREAK, SOFT_TURN_BREAK } from '../../src/core/normalise/view.js';
import type { TurnSpec } from '../helpers/transcript.js';
import { normaliseTurns } from './support.js';

const customer = (text: string, start?: number): TurnSpec => ({ channel: 1, role: 'customer', text, start });
const agent = (text: string, start?: number): TurnSpec => ({ channel: 0, role: 'agent', text, start });

/** The customer's view text (channel 1 is the second stream, the agent speaks first). */
function customerText(turns: TurnSpec[]): string {
  const { views } = normaliseTurns(turns);
  const view = views.find((candidate) => candidate.stream.role === 'customer');
  assert.ok(view);
  return view.text;
}

describe('turn breaks', () => {
  test('are soft across backchannels and prompts to go on', () => {
    for (const between of [
      'mm hmm',
      'Mm-hmm.',
      'uh-huh',
      'okay go on',
      'Yes, the next four?',
      'and then',
      'got it, thank you',
      'Right. Perfect. Keep going.',
      'um okay',
      'last 4',
    ]) {
      const text = customerText([
        agent('what is the card number'),
        customer('four one one one'),
        agent(between),
        customer('one one one one'),
      ]);
      assert.equal(text, `4111${SOFT_TURN_BREAK}1111`, between);
    }
  });

  test('are hard after a new question', () => {
    const text = customerText([
      agent('and the order number'),
      customer('my order is one two three four'),
      agent('and your zip?'),
      customer('nine oh two one oh'),
    ]);
    assert.equal(text, `my order is 1234${HARD_TURN_BREAK}90210`);
  });

  test('are hard after a long pause, even across a backchannel', () => {
    const text = customerText([
      customer('four one one one', 1_000),
      agent('mm hmm', 3_000),
      customer('one one one one', 13_000),
    ]);
    assert.equal(text, `4111${HARD_TURN_BREAK}1111`);
  });

  test('are soft just under the pause limit', () => {
    const text = customerText([
      customer('four one one one', 1_000),
      agent('mm hmm', 3_000),
      customer('one one one one', 11_000),
    ]);
    assert.equal(text, `4111${SOFT_TURN_BREAK}1111`);
  });

  test('look past a turn of fillers only', () => {
    const { views } = normaliseTurns([
      customer('four one one one'),
      agent('mm hmm'),
      customer('um'),
      agent('okay'),
      customer('one one one one'),
    ]);
    const view = views[0]!;
    assert.equal(view.text, '4111 1111');
    assert.deepEqual(
      view.turns.map((span) => view.text.slice(span.charStart, span.charEnd)),
      ['4111', '', '1111'],
    );
  });

  test('are hard when a third speaker says more than a backchannel', () => {
    const { views } = normaliseTurns([
      { speaker: 'A', text: 'four one one one' },
      { speaker: 'B', text: 'mm hmm' },
      { speaker: 'C', text: 'can I help' },
      { speaker: 'A', text: 'one one one one' },
    ]);
    assert.equal(views[0]!.text, `4111${HARD_TURN_BREAK}1111`);
  });

  test('turn spans cover each turn and nothing else; the first turn has no break', () => {
    const { views } = normaliseTurns([
      agent('Your card number please?'),
      customer('Sure, four one one one'),
      agent('mm hmm'),
      customer('one one one one.'),
      agent('And the expiry?'),
      customer('oh four slash twenty seven'),
    ]);
    const [agentView, customerView] = views;
    assert.equal(agentView!.text, 'Your card number please\nmm hmm\nAnd the expiry');
    assert.equal(customerView!.text, 'Sure 4111 1111\n04/27');
    assert.deepEqual(
      customerView!.turns.map((span) => customerView!.text.slice(span.charStart, span.charEnd)),
      ['Sure 4111', '1111', '04/27'],
    );
    assert.deepEqual(
      customerView!.turns.map((span) => span.turn.id),
      [1, 3, 5],
    );
  });
});
