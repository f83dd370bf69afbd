import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';
import { spansOf } from './spans.js';

// Made-up times (test/helpers/transcript.ts): a turn starts 200 ms after the previous one ends,
// words are 300 ms long with 200 ms between them.
const answers = (...turns: Parameters<typeof call>): string[] =>
  foundOfType(call(...turns), 'SECURITY_ANSWER');

describe('SECURITY_ANSWER', () => {
  test('a bare answer, with exact words and times', () => {
    // Agent: 5 words, 200 to 2500; customer: "Oh," 2700, "um," 3200, "Fitzgerald." 3700-4000.
    const transcript = call(agent("What's your mother's maiden name?"), customer('Oh, um, Fitzgerald.'));
    assert.deepEqual(spansOf(transcript, 'SECURITY_ANSWER'), ['1:Fitzgerald.@3700-4000']);
  });

  test('the answer part only, when the caller restates the question', () => {
    assert.deepEqual(
      answers(
        agent('What was the name of your first pet?'),
        customer('My first pet was called Mr Whiskers.'),
      ),
      ['SECURITY_ANSWER:Mr Whiskers'],
    );
    assert.deepEqual(
      answers(agent('What city were you born in?'), customer('I was born in Dublin, actually.')),
      ['SECURITY_ANSWER:Dublin'],
    );
    assert.deepEqual(
      answers(agent('Which primary school did you go to?'), customer('I went to Oakwood Primary.')),
      ['SECURITY_ANSWER:Oakwood Primary'],
    );
    assert.deepEqual(
      answers(agent('And your favourite teacher?'), customer('That would be Mrs Abernathy, I think.')),
      ['SECURITY_ANSWER:Mrs Abernathy'],
    );
  });

  test('a question announced first, then put', () => {
    assert.deepEqual(
      answers(
        agent('I just need to ask you a security question. What was the make of your first car?'),
        customer("Ha, okay, it's a Ford Fiesta."),
      ),
      ['SECURITY_ANSWER:a Ford Fiesta'],
    );
    assert.deepEqual(answers(agent('And the memorable place on your account?'), customer('Lake Como')), [
      'SECURITY_ANSWER:Lake Como',
    ]);
  });

  test('an answer given after a moment to think', () => {
    assert.deepEqual(
      answers(
        agent("What's your mother's maiden name?"),
        customer('Hold on, let me think.'),
        agent('Take your time.'),
        customer('Brennan.'),
      ),
      ['SECURITY_ANSWER:Brennan'],
    );
  });

  test('negatives', () => {
    assert.deepEqual(answers(agent("What's your mother's maiden name?")), []);
    assert.deepEqual(
      answers(agent("Your security question is mother's maiden name."), customer('Okay.')),
      [],
    );
    assert.deepEqual(
      answers(agent('What was the name of your first pet?'), customer("I don't remember, sorry.")),
      [],
    );
    assert.deepEqual(
      answers(agent('Is your security answer still the same?'), customer("Yes that's right.")),
      [],
    );
    assert.deepEqual(
      answers(agent('What city were you born in?'), customer("Sorry, it's not working, can you hear me?")),
      [],
    );
  });
});

describe('SECURITY_ANSWER: letters of a memorable word asked for by position', () => {
  test('the single letters of the answer, first to last, and a position asked for alone later', () => {
    const transcript = call(
      agent('could you tell me letters two and six of your memorable word'),
      customer('the second one is K and the sixth one is t'),
      agent('great, and the eighth letter please'),
      customer('W'),
    );
    assert.deepEqual(foundOfType(transcript, 'SECURITY_ANSWER'), [
      'SECURITY_ANSWER:K and the 6 1 is t',
      'SECURITY_ANSWER:W',
    ]);
  });

  test('negatives: positions of something else, letters not asked for by position', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('can I have the first and the second lines of your address'),
          customer('it is flat B, 14 Hill Road'),
        ),
        'SECURITY_ANSWER',
      ),
      [],
    );
    assert.deepEqual(
      foundOfType(
        call(
          agent('is your memorable word still set up?'),
          customer('yes, I think so, plan B is to reset it'),
        ),
        'SECURITY_ANSWER',
      ),
      [],
    );
  });
});

describe('SECURITY_ANSWER: letters by position in a mono stream', () => {
  test('request and answer in one turn: the letters after the request', () => {
    assert.deepEqual(
      foundOfType(
        mono(
          'and from your secret word the third and the last letters please third is M last is Q okay thanks',
        ),
        'SECURITY_ANSWER',
      ),
      ['SECURITY_ANSWER:M last is Q'],
    );
  });

  test('negatives: positions of something else in one turn', () => {
    assert.deepEqual(
      foundOfType(
        mono('the first and second lines of the address please flat B on Mill Street'),
        'SECURITY_ANSWER',
      ),
      [],
    );
  });
});

describe('SECURITY_ANSWER asked after its topic, taken back, and given as a two-word name', () => {
  test('a wh-question after "your security question" asks it', () => {
    assert.deepEqual(
      answers(
        agent('okay your security question, which town did you go to school in'),
        customer('fort william'),
      ),
      ['SECURITY_ANSWER:fort william'],
    );
  });

  test('a non-answer taken back restarts the answer, and the naming words are not cut', () => {
    const found = answers(
      agent('what was the model of your first car'),
      customer("I never had one, oh wait, I think I registered my uncle's saab nine hundred turbo"),
    );
    assert.equal(found.length, 1);
    assert.match(found[0]!, /saab/);
  });
});

describe('SECURITY_ANSWER: relayed answers and a question restated as its own topic', () => {
  test('an answer passed on from someone beside the caller', () => {
    assert.deepEqual(
      answers(
        agent('What was the name of your first school?'),
        customer('oh my wife set that up hang on she says Larkfield'),
      ),
      ['SECURITY_ANSWER:Larkfield'],
    );
  });

  test('a security question named again is not its answer', () => {
    assert.deepEqual(
      answers(agent('your second security question is still the street you grew up on, fine to leave it?')),
      [],
    );
  });
});

describe('SECURITY_ANSWER volunteered after "the answer is", and said again in full', () => {
  test('an answer given unasked after the speaker names the security question', () => {
    assert.deepEqual(
      answers(
        customer('by the way for my secret question the answer is mt pleasant i set that up in march'),
        agent('noted'),
      ),
      ['SECURITY_ANSWER:mt pleasant'],
    );
  });

  test('a later mention spelling out the short form, with its possessive', () => {
    assert.deepEqual(
      answers(
        agent('Which primary school did you go to?'),
        customer("St Bridget's."),
        agent("Thanks, I have Saint Bridget's here."),
      ),
      ["SECURITY_ANSWER:St Bridget's", "SECURITY_ANSWER:Saint Bridget's"],
    );
  });

  test('a question put as "<what the cue names>\'s name", answered in another turn or the same stream', () => {
    assert.deepEqual(answers(agent("And for security, your oldest cousin's name?"), customer('Ferdinand.')), [
      'SECURITY_ANSWER:Ferdinand',
    ]);
    assert.deepEqual(
      foundOfType(mono("and your favourite teacher's name please", 'mr okonjo'), 'SECURITY_ANSWER'),
      ['SECURITY_ANSWER:mr okonjo'],
    );
  });

  test('negatives: "the answer is" without a security question, and the question asked with "\'s name"', () => {
    assert.deepEqual(answers(customer('the answer is no, I did not order it')), []);
    assert.deepEqual(answers(agent("To verify, your favourite teacher's name?")), []);
    assert.deepEqual(answers(agent("Okay, and your grandmother's name, for the security question?")), []);
  });
});
