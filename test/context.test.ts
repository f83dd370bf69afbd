import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileCues, createContextProbe } from '../src/core/context/index.js';
import { notAsPlace } from '../src/core/context/cue-matcher.js';
import type { ContextProbe } from '../src/core/context/index.js';
import { normaliseConversation } from '../src/core/normalise/index.js';
import type { StreamView } from '../src/core/normalise/view.js';
import { divideConversation } from '../src/core/streams.js';
import type { TurnSpec } from './helpers/transcript.js';
import { buildTranscript } from './helpers/transcript.js';

const agent = (text: string, start?: number): TurnSpec => ({ channel: 0, role: 'agent', text, start });
const customer = (text: string, start?: number): TurnSpec => ({ channel: 1, role: 'customer', text, start });

function probe(...turns: TurnSpec[]): {
  context: ContextProbe;
  agentView: StreamView;
  customerView: StreamView;
} {
  const transcript = buildTranscript(turns);
  const conversation = divideConversation(transcript);
  const views = normaliseConversation(transcript, conversation);
  const byRole = (role: string): StreamView => views.find((view) => view.stream.role === role)!;
  return {
    context: createContextProbe(transcript, conversation, views),
    agentView: byRole('agent'),
    customerView: byRole('customer'),
  };
}

/** Position of the last occurrence of a piece of a view's text. */
const at = (view: StreamView, piece: string): number => {
  const index = view.text.lastIndexOf(piece);
  assert.ok(index >= 0, `"${piece}" is in the view`);
  return index;
};

describe('compileCues', () => {
  const cues = compileCues(['card number', 'card', 'post ?code', 'last 4( digits)? of (your|my) social']);

  test('matches whole words, the longest cue first, optional and flexible whitespace', () => {
    assert.equal(cues.last('whats the card number')?.cue, 'card number');
    assert.equal(cues.last('my postcode')?.cue, 'postcode');
    assert.equal(cues.last('the post code')?.cue, 'post code');
    assert.equal(cues.last('the last 4 digits of your social')?.cue, 'last 4 digits of your social');
    assert.equal(cues.last('discard it'), undefined);
  });

  test('last, all and leading', () => {
    assert.equal(cues.last('card then card number')?.index, 10);
    assert.deepEqual(
      cues.all('card and card number').map((hit) => hit.cue),
      ['card', 'card number'],
    );
    assert.equal(cues.leading('  card number is')?.cue, 'card number');
    assert.equal(cues.leading('the card number'), undefined);
  });

  test('cues marked notAsPlace do not count after "on (the)" or "off (the)"', () => {
    const negatives = compileCues(notAsPlace(['prescription', 'order']));
    assert.equal(negatives.last('the member id on your prescription card'), undefined);
    assert.equal(negatives.test('it is printed off the order form'), false);
    assert.equal(negatives.last('what is the prescription number')?.cue, 'prescription');
    assert.equal(negatives.leading('order 5')?.cue, 'order');
    assert.equal(negatives.all('order on the order').length, 1);
    assert.equal(negatives.last('the member id from your prescription card'), undefined);
  });

  test('an empty lexicon never matches', () => {
    assert.equal(compileCues([]).test('anything'), false);
  });

  test('matches whatever the case of the text, at the same positions, naming the cue in lower case', () => {
    assert.deepEqual(cues.last('So, your CARD Number?'), { cue: 'card number', index: 9, end: 20 });
    assert.equal(cues.leading('  Post Code next')?.cue, 'post code');
    // "İ" lower-cases to two characters and the Kelvin sign to "k": positions and matches stay those
    // of a case-insensitive search of the text as given.
    assert.deepEqual(
      cues.all('İ card').map((hit) => hit.index),
      [2],
    );
    const kilo = compileCues(['kilo']);
    assert.equal(kilo.test('\u212Ailo'), false);
    assert.equal(kilo.test('KILO'), true);
  });

  test('a lexicon assembled again from the same cues shares the first matcher', () => {
    const words = ['sort code', 'routing number'];
    assert.equal(compileCues([...words]), compileCues([...words]));
    assert.notEqual(compileCues([...words]), compileCues([...words, 'iban']));
  });

  test('leading finds the same cue at the start of a long text as of a short one', () => {
    const tail = ' and then'.repeat(100);
    assert.equal(cues.leading(` card number${tail}`)?.end, 12);
    assert.equal(cues.leading(`the card number${tail}`), undefined);
  });

  test('a new matcher finds a cue at the start of the first text each method searches', () => {
    // Each matcher is new (a lexicon compiled nowhere else), so each first search builds its expression.
    let made = 0;
    const fresh = (): ReturnType<typeof compileCues> => compileCues([`gate pass ${(made += 1)}`, 'gate']);
    assert.equal(fresh().test('gate seven'), true);
    assert.deepEqual(fresh().last('gate seven'), { cue: 'gate', index: 0, end: 4 });
    assert.deepEqual(fresh().all('gate seven'), [{ cue: 'gate', index: 0, end: 4 }]);
    assert.deepEqual(fresh().leading('gate seven'), { cue: 'gate', index: 0, end: 4 });
    assert.deepEqual(fresh().leading(`gate${' seven'.repeat(60)}`), { cue: 'gate', index: 0, end: 4 });
  });
});

describe('createContextProbe', () => {
  test('leadIn: lower-case words of the same stream before a position, at most maxWords', () => {
    const { context, customerView } = probe(customer('My Card Number is 4111 1111 1111 1111'));
    const pos = at(customerView, '4111');
    assert.equal(context.leadIn(customerView, pos), 'my card number is');
    assert.equal(context.leadIn(customerView, pos, 2), 'number is');
  });

  test('leadIn stops at a hard turn break; trail reads on after a position', () => {
    const { context, customerView } = probe(
      customer('my order number is 5512'),
      agent('thank you and what is your date of birth'),
      customer('march 3 1985 thanks'),
    );
    const pos = at(customerView, 'march');
    assert.equal(context.leadIn(customerView, pos), '');
    assert.equal(context.trail(customerView, at(customerView, '1985') + 4), 'thanks');
  });

  test('prompt: what the other party said since this stream last spoke', () => {
    const { context, customerView } = probe(
      agent('hello'),
      customer('hi there'),
      agent('can I take your date of birth'),
      customer('march 3 1985'),
    );
    assert.equal(context.prompt(customerView, at(customerView, 'march')), 'can i take your date of birth');
  });

  test('prompt looks one exchange further back past a back-channel', () => {
    const { context, customerView } = probe(
      agent('and the security code'),
      customer('hold on'),
      agent('sure'),
      customer('123'),
    );
    assert.match(context.prompt(customerView, at(customerView, '123')), /security code/);
  });

  test('prompt looks past the listener saying they are ready to a short piece given after it', () => {
    const { context, customerView } = probe(
      agent('I have a new locker code for you, got a pen handy'),
      customer('yep, go ahead'),
      agent('it is 6'),
      customer('6 and then'),
    );
    assert.match(context.prompt(customerView, at(customerView, '6')), /locker code/);
    const asked = probe(
      agent('I have a new locker code for you'),
      customer('which floor is it on'),
      agent('floor 6 3'),
      customer('6 3 right'),
    );
    assert.doesNotMatch(asked.context.prompt(asked.customerView, at(asked.customerView, '6')), /locker code/);
  });

  test('prompt looks one exchange further back past a request to hear the answer again', () => {
    const { context, customerView } = probe(
      agent('and the zip code for the card'),
      customer('9 7 2 1 4'),
      agent('sorry, could you say that again for me'),
      customer('97214'),
    );
    const prompt = context.prompt(customerView, at(customerView, '97214'));
    assert.match(prompt, /zip code/);
    const moved = probe(
      agent('and the zip code for the card'),
      customer('9 7 2 1 4'),
      agent('thanks, and what is the amount you would like to pay today'),
      customer('97'),
    );
    assert.doesNotMatch(moved.context.prompt(moved.customerView, at(moved.customerView, '97')), /zip code/);
  });

  test('topicSince: the time of the last cue before a position, inside its own turn too', () => {
    const transcript = buildTranscript([
      {
        channel: null,
        role: 'unknown',
        text: 'what is your member id it is 4 4 1 2 9 0 7 what is the claim number 7 7 3',
      },
    ]);
    const conversation = divideConversation(transcript);
    const views = normaliseConversation(transcript, conversation);
    const context = createContextProbe(transcript, conversation, views);
    const [view] = views;
    const member = compileCues(['member id']);
    const claim = compileCues(['claim number']);
    // The whole call is one turn: only the cues said before the position count.
    assert.equal(context.topicSince(view!, at(view!, '4412907'), claim, 60_000), undefined);
    assert.equal(context.topicSince(view!, at(view!, '4412907'), member, 60_000), transcript.words[3]!.start);
    assert.equal(context.topicSince(view!, at(view!, '773'), claim, 60_000), transcript.words[17]!.start);
    assert.equal(context.topicRaised(view!, at(view!, '4412907'), claim, 60_000), false);
  });

  test('topicSince: the latest earlier turn holding a cue, only within reach, asked in any order', () => {
    const { context, customerView } = probe(
      agent('can you confirm the policy number', 0),
      customer('yes it is 5 5 1 8 2', 4_000),
      agent('and which policy number is the second one', 40_000),
      customer('that one is 7 7 2 1 9', 44_000),
      agent('thanks, anything else', 200_000),
      customer('no it was 3 3 9 1 4', 204_000),
    );
    const policy = compileCues(['policy number']);
    const none = compileCues(['sort code']);
    const last = at(customerView, '33914');
    const second = at(customerView, '77219');
    const first = at(customerView, '55182');
    // Latest position first: turns it tests are not tested again for the earlier ones.
    assert.equal(context.topicSince(customerView, last, policy, 60_000), undefined);
    assert.equal(context.topicSince(customerView, last, policy, Number.POSITIVE_INFINITY), 40_000);
    assert.equal(context.topicSince(customerView, second, policy, 60_000), 40_000);
    assert.equal(context.topicSince(customerView, first, policy, 60_000), 0);
    assert.equal(context.topicSince(customerView, first, policy, 1_000), undefined);
    // A lexicon said nowhere: the whole call searched, then searched no more, the same answer.
    assert.equal(context.topicSince(customerView, last, none, Number.POSITIVE_INFINITY), undefined);
    assert.equal(context.topicSince(customerView, second, none, Number.POSITIVE_INFINITY), undefined);
    assert.equal(context.topicRaised(customerView, first, none, Number.POSITIVE_INFINITY), false);
  });

  test('prompt does not look past a short question of its own ("and the van?")', () => {
    const { context, customerView } = probe(
      agent('the plates of both vehicles please, the car first'),
      customer('K 7 7 2 P'),
      agent('and the van'),
      customer('L 4 1 9 T'),
    );
    assert.equal(context.prompt(customerView, at(customerView, 'L')), 'and the van');
  });

  test('openRequest looks past a reply that gave no number; prompt does not', () => {
    const { context, customerView } = probe(
      agent('what is the zip code there'),
      customer('why would you need that'),
      agent('it is for the delivery van'),
      customer('6 0 6 1 4'),
    );
    const pos = at(customerView, '60614');
    assert.equal(context.prompt(customerView, pos), 'it is for the delivery van');
    assert.match(context.openRequest(customerView, pos), /zip code/);
    const answered = probe(
      agent('what is the zip code there'),
      customer('it is 6 0 6 1 4'),
      agent('and how many boxes'),
      customer('12'),
    );
    assert.doesNotMatch(
      answered.context.openRequest(answered.customerView, at(answered.customerView, '12')),
      /zip/,
    );
  });

  test('prompt ignores what was said more than 30 s before the turn', () => {
    const { context, customerView } = probe(agent('what is your pin', 0), customer('4321', 45_000));
    assert.equal(context.prompt(customerView, at(customerView, '4321')), '');
  });

  test('promptCue finds the last cue of a lexicon in the prompt', () => {
    const { context, customerView } = probe(
      agent('whats the expiry and the security code'),
      customer('04 27'),
    );
    const hit = context.promptCue(customerView, 0, compileCues(['expiry', 'security code']));
    assert.equal(hit?.cue, 'security code');
  });

  test('payment context opens on a cue from either speaker', () => {
    const { context, customerView, agentView } = probe(
      customer('i want to pay my bill'),
      agent('sure go ahead'),
      customer('4111 1111 1111 1111'),
    );
    assert.equal(context.inPaymentContext(customerView, at(customerView, '4111')), true);
    assert.equal(context.inPaymentContext(agentView, at(agentView, 'sure')), true);
  });

  test('payment context closes on a closure cue and lapses after 120 s', () => {
    const closed = probe(
      agent('what is the card number'),
      customer('4111 1111 1111 1111'),
      agent('thanks that payment went through is there anything else'),
      customer('my order is 5512 3344'),
    );
    assert.equal(closed.context.inPaymentContext(closed.customerView, at(closed.customerView, '4111')), true);
    assert.equal(
      closed.context.inPaymentContext(closed.customerView, at(closed.customerView, '5512')),
      false,
    );

    const lapsed = probe(
      agent('what is the card number', 0),
      customer('oh hang on', 2000),
      customer('5512 3344', 200_000),
    );
    assert.equal(
      lapsed.context.inPaymentContext(lapsed.customerView, at(lapsed.customerView, '5512')),
      false,
    );
  });

  test('no payment context without a payment cue', () => {
    const { context, customerView } = probe(
      agent('how can I help'),
      customer('my number is 4111 1111 1111 1111'),
    );
    assert.equal(context.inPaymentContext(customerView, at(customerView, '4111')), false);
  });

  test('turnAt and timeAt', () => {
    const { context, customerView } = probe(
      customer('first turn', 0),
      agent('ok', 2000),
      customer('second turn', 4000),
    );
    const pos = at(customerView, 'second');
    assert.equal(context.turnAt(customerView, pos).charStart, pos);
    assert.equal(context.timeAt(customerView, pos), 4000);
    assert.equal(context.turnAt(customerView, 0).turn.start, 0);
  });
});

describe('prompt in a mono file (one view holds every speaker)', () => {
  const unknown = (text: string): TurnSpec => ({ channel: null, role: 'unknown', text });
  function monoProbe(text: string): { context: ContextProbe; view: StreamView } {
    const transcript = buildTranscript([unknown(text)]);
    const conversation = divideConversation(transcript);
    const views = normaliseConversation(transcript, conversation);
    return { context: createContextProbe(transcript, conversation, views), view: views[0]! };
  }

  test('the question before the lead-in, a sentence or two back, digits describing what is asked included', () => {
    const { context, view } = monoProbe(
      'right, I will set up the voicemail pin for you now, how many, sorry, which 4 numbers do you want, let me think, 3 0 7 2',
    );
    const pos = at(view, '3072');
    assert.match(context.prompt(view, pos), /voicemail pin/);
    assert.equal(context.promptCue(view, pos, compileCues(['pin']))?.cue, 'pin');
    assert.equal(context.openRequest(view, pos), context.prompt(view, pos));
  });

  test('a number given since answered the question: a later one answers nothing', () => {
    const { context, view } = monoProbe(
      'what is the pin you chose for the card when you opened the account, 5 5 1 9, thanks, and the trip ended at dock 4 4 1 8 2',
    );
    assert.doesNotMatch(context.prompt(view, at(view, '44182')), /pin/);
    assert.match(context.prompt(view, at(view, '5519')), /pin/);
  });

  test('a value turned down, given in pieces, leaves the question standing', () => {
    const { context, view } = monoProbe(
      'which account should the refund go to, the IBAN please, it is GB 3 3 LOYD 6610 4489 0213 57, hmm that one is not valid, oh sorry then GB 71 MIDL 4005',
    );
    assert.match(context.prompt(view, at(view, 'GB 71')), /iban/);
  });
});
