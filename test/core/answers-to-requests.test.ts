import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found, foundOfType, mono } from '../recognizers/conversation.js';

describe('answers to a request, fail closed', () => {
  test('the last four of an account asked for: the digits take the asked type', () => {
    const entities = detectIn(
      call(
        agent('and the last four digits of the savings account number?'),
        customer('forty seven, nineteen'),
      ),
    ).entities;
    assert.deepEqual(
      entities.map((entity) => [entity.type, entity.value, entity.recognizer]),
      [['BANK_ACCOUNT', '4719', 'answer-to-request']],
    );
  });

  test('four digits given for a card named after them are its last four', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('which card would you like to use'), customer("7 7 1 0, it's my visa")),
        'CARD_LAST4',
      ),
      ['CARD_LAST4:7710'],
    );
  });

  test('a request still open after a reply that gave no number', () => {
    const transcript = call(
      agent('what are the last four of your social?'),
      customer('is that really needed'),
      agent('it is optional, it helps us find your file'),
      customer("fine, it's eight two one seven"),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN_LAST4'), ['US_SSN_LAST4:8217']);
  });

  test('a request still open after a longer explanation that gave no number', () => {
    const transcript = call(
      agent('could you read me the last four of your social please'),
      customer('how come you need that'),
      agent(
        'we are required to keep it on file for the annual statement, and the full number is never needed',
      ),
      customer('alright, three oh five one'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN_LAST4'), ['US_SSN_LAST4:3051']);
    // The speaker said more than a short question since: the older words were no open request.
    const moved = call(
      customer('i was sure my insurance covered the whole visit'),
      agent('they paid some of it and what remains is billed to you as the patient share of the cost'),
      customer('then can i spread the rest over a few months instead of paying it all at once'),
      agent('yes, we can do monthly payments of one twenty five fifty'),
    );
    assert.deepEqual(foundOfType(moved, 'MEMBER_ID'), []);
  });

  test('a number one digit too long after a phone cue, and its read-back', () => {
    const transcript = call(
      agent('is there a number we can reach you on'),
      customer('ring me on oh one two three four, five six seven, eight nine oh one'),
      agent('01234 567 8901, that is a digit too many'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), [
      'PHONE_NUMBER:01234 567 8901',
      'PHONE_NUMBER:01234 567 8901',
    ]);
  });

  test('one mono stream: a request a few sentences back, while nothing with a digit was said since', () => {
    const asked = mono(
      'can you choose a new pin for online banking',
      'does it have to be different from my old one',
      'yes it does',
      '7 3 6 1',
    );
    assert.deepEqual(found(asked), ['PIN:7361']);
    // Answered already: a number said after more talk answers nothing.
    const answered = mono(
      'and your pin for the app please',
      'three eight eight one',
      'thanks, I can see the trip on the fourth and then you took bike 5 5 2 1 0 from the dock',
    );
    assert.deepEqual(found(answered), ['PIN:3881']);
    // Unless the number said was turned down: the next one answers the request again. The one
    // turned down was offered as the PIN, as it is when the speakers have channels of their own.
    const turnedDown = mono(
      'now the new voicemail pin, which four digits would you like',
      'could it be one nine seven one',
      'it cannot be a birth year I am afraid',
      'fine then, three eight three eight',
    );
    assert.deepEqual(found(turnedDown), ['PIN:1971', 'PIN:3838']);
  });

  test('a value and its read-back run together in one mono stream: each half answers', () => {
    const transcript = mono(
      "I'll reset the phone banking pin now, what should the new one be, let's do 4 1 7 7 3 0 four one seven seven three oh, done",
    );
    assert.deepEqual(found(transcript), ['PIN:417730', 'PIN:417730']);
  });

  test('negatives: another kind of number named after the request, a year, a count', () => {
    assert.deepEqual(
      found(
        call(
          agent('what is the member id'),
          customer("it's K 4410 2298"),
          agent('and the group number'),
          customer('seven three oh five one'),
        ),
      ),
      ['MEMBER_ID:K 4410 2298'],
    );
    assert.deepEqual(found(call(agent('when does your passport expire'), customer('twenty thirty one'))), []);
    assert.deepEqual(
      found(call(agent('can I take the card number'), customer('give me a moment, I have 300 cards here'))),
      [],
    );
  });
  test('negatives: an amount put on the card is no last four', () => {
    const transcript = call(
      customer('can I pay some by check and some by card'),
      agent('sure, and the twelve hundred on the card?'),
      customer('yes'),
    );
    assert.deepEqual(found(transcript), []);
  });

  test('negatives: a request answered before the number, a question about what happened', () => {
    // One mono stream: the code was given, then an amount said in the same breath.
    const answered = mono('and the security code', '6 0 7 great, I have put 240 on that card');
    assert.deepEqual(foundOfType(answered, 'CARD_CVV'), ['CARD_CVV:607']);
    const event = call(
      agent('I can see your debit card was frozen this morning, what happened'),
      customer('I tried to move about 2500 onto it and it got blocked'),
    );
    assert.deepEqual(foundOfType(event, 'CARD_LAST4'), []);
    assert.deepEqual(foundOfType(event, 'CREDIT_CARD'), []);
  });
});
