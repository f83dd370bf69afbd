import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType, mono } from './conversation.js';

describe('US_SSN', () => {
  test('nine digits after a social-security question, however grouped', () => {
    for (const answer of [
      'one two three four five six seven eight nine',
      '123 45 6789',
      '123-45-6789',
      '123456789',
    ]) {
      const found = foundOfType(
        call(agent('can I get your social security number'), customer(answer)),
        'US_SSN',
      );
      assert.equal(found.length, 1, answer);
    }
  });

  test('the dashed written form needs no cue', () => {
    assert.deepEqual(foundOfType(call(customer('it is 123-45-6789')), 'US_SSN'), ['US_SSN:123-45-6789']);
  });

  test('invalid areas, groups and serials are not SSNs, but redacted as the answer asked for', () => {
    for (const number of ['000-45-6789', '666-45-6789', '923-45-6789', '123-00-6789', '123-45-0000']) {
      assert.deepEqual(foundOfType(call(customer(`my number is ${number}`)), 'US_SSN'), [], number);
      const asked = detectIn(call(agent('your ssn please'), customer(number))).entities;
      assert.deepEqual(
        asked.map((entity) => [entity.type, entity.recognizer]),
        [['US_SSN', 'answer-to-request']],
        number,
      );
    }
  });

  test('the question still stands after the caller goes to fetch it and is told to take their time', () => {
    const transcript = call(
      agent('does the little one have a social security number yet'),
      customer('yes the card came last week, let me grab it from the drawer'),
      agent('of course, no rush, take your time'),
      customer("right, it's five two one"),
      agent('okay'),
      customer('oh seven'),
      agent('mm hmm'),
      customer('three three four one'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN'), ['US_SSN:521|07|3341']);
  });

  test("a second person's number in the 3-2-4 grouping while socials are the topic", () => {
    const transcript = call(
      agent('I will need the social security numbers for both applicants'),
      customer('mine is 287 51 4406'),
      agent('thanks, and for your wife?'),
      customer('hers is five one seven, three two, oh eight nine four'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN'), ['US_SSN:287 51 4406', 'US_SSN:517 32 0894']);
    // Other groupings on the topic stay unnamed: a phone number is 3-3-4.
    const phone = call(
      agent('your social security number, please'),
      customer('287 51 4406'),
      agent('and a number to reach you?'),
      customer('517 320 8941'),
    );
    assert.deepEqual(foundOfType(phone, 'US_SSN'), ['US_SSN:287 51 4406']);
  });

  test('negatives: nine digits without a cue, or as a case number', () => {
    assert.deepEqual(foundOfType(call(customer('it is 123456789')), 'US_SSN'), []);
    assert.deepEqual(foundOfType(call(customer('the case number is 123-45-6789')), 'US_SSN'), []);
  });
});

describe('US_SSN_LAST4', () => {
  test('answer to "last four of your social"', () => {
    const transcript = call(
      agent('can you verify the last four digits of your social security number'),
      customer('six seven eight nine'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN_LAST4'), ['US_SSN_LAST4:6789']);
  });

  test('the customer naming it', () => {
    assert.deepEqual(foundOfType(call(customer('last 4 of my ssn is 1234')), 'US_SSN_LAST4'), [
      'US_SSN_LAST4:1234',
    ]);
  });

  test('negatives: four digits without the social cue', () => {
    assert.deepEqual(
      foundOfType(call(agent('what are the last four digits of the card'), customer('1234')), 'US_SSN_LAST4'),
      [],
    );
    assert.deepEqual(foundOfType(call(customer('I paid 1234')), 'US_SSN_LAST4'), []);
  });
  test('"SSN, ending …" is its last four; a whole SSN said earlier keeps its type', () => {
    const turns = [
      agent('can I have your social security number'),
      customer('it is 4 1 2 dash 6 6 dash 3 0 5 8'),
      agent('the form we got lists a different SSN, ending 3 0 5 9'),
      customer('no, mine ends in 3 0 5 8'),
    ];
    assert.deepEqual(foundOfType(call(...turns), 'US_SSN'), ['US_SSN:412-6 6-3058']);
    assert.deepEqual(foundOfType(call(...turns), 'US_SSN_LAST4'), ['US_SSN_LAST4:3059', 'US_SSN_LAST4:3058']);
  });

  test('an SSN given in pieces with backchannels, its read-back run on in a mono file', () => {
    const transcript = mono(
      "what's his social security number",
      '5 1 7 okay 4 4 uh huh 2 0 8 3 five one seven four four two oh eight three. thanks',
    );
    // Both the pieces and the read-back are covered.
    const digits = detectIn(transcript)
      .entities.filter((entity) => entity.type === 'US_SSN')
      .map((entity) => entity.value.replace(/\D/g, ''))
      .join('');
    assert.equal(digits, '517442083517442083');
  });
  test('a number said in groups whose first group ends with a homophone for four', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('what is your social security number?'),
          customer('Okay. five two for, three one, eight eight two six.'),
        ),
        'US_SSN',
      ),
      ['US_SSN:524 31 8826'],
    );
  });

  test('the last four after a long cue in one mono stream', () => {
    assert.deepEqual(
      foundOfType(
        mono(
          'I just need the last four of her social for the benefits record please',
          'two nine seven one',
          'thank you',
        ),
        'US_SSN_LAST4',
      ),
      ['US_SSN_LAST4:2971'],
    );
  });
});
