/**
 * Identifiers, postcodes and emails as formats without speaker turns print them: a mono file runs
 * the question, the answer, the other party's backchannel and the read-back together in one turn.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';

describe('a value and its read-back run together', () => {
  test('split by the other party’s "ok" before the read-back', () => {
    const transcript = mono('and your passport number', "it's 731 ok 520846 731520846 and my name is");
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:731 ok 520846', 'PASSPORT:731520846']);
  });

  test('digits and the read-back in words that the normaliser wrote as one group', () => {
    const transcript = mono(
      'and the passport number for you',
      'sure, mine is 6 4 2 uh huh 8 1 5 0 3 7 six four two eight one five oh three seven thanks',
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), [
      'PASSPORT:642 uh huh 815037',
      'PASSPORT:642815037',
    ]);
  });

  test('a restart before the value and its read-back', () => {
    const transcript = mono(
      'what is your passport number',
      'one moment, I have it here, hmm, the new one is K 6 K 61037285 K 61037285 and it expires in',
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:K 6 K 61037285', 'PASSPORT:K 61037285']);
  });

  test('said dashes in the value, written ones in the read-back', () => {
    const transcript = mono('and the medicare number is', '7 RD 3 dash PW 5 dash KN 2 8 7RD3-PW5-KN28');
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), [
      'MEMBER_ID:7 RD 3 dash PW 5 dash KN 2 8',
      'MEMBER_ID:7RD3-PW5-KN28',
    ]);
  });

  test('two numbers that differ are not halves of one', () => {
    const transcript = mono('what is the member number', 'it is 55320811 55320812 thanks');
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:55320811 55320812']);
  });
});

describe('a question out of the lead-in’s reach', () => {
  test('a passport with letters given soon after passports were asked for', () => {
    const transcript = mono(
      'we also need her passport number please, whenever you have it ready',
      'okay, hers is TK 6203918 TK6203918 thanks',
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:TK 6203918', 'PASSPORT:TK6203918']);
  });

  test('a place the value is kept in does not name it as another kind', () => {
    const passport = mono(
      'do you know the number of the passport that was stolen',
      "I took a picture of it, it's on my phone, it is 318207465 318207465 I'll report it",
    );
    assert.deepEqual(foundOfType(passport, 'PASSPORT'), ['PASSPORT:318207465', 'PASSPORT:318207465']);
    const member = mono(
      'could you read me the member ID from the back of your card',
      "yes, it's QRT 5061173284 and the name on it is",
    );
    assert.deepEqual(foundOfType(member, 'MEMBER_ID'), ['MEMBER_ID:QRT 5061173284']);
  });

  test('a passport-shaped code named as another kind stays out', () => {
    const transcript = mono(
      'passport number first, then your booking reference',
      'the passport is in the safe, the booking reference is TK6203918',
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), []);
  });
});

describe('words before an identifier that the normaliser wrote as letters or digits', () => {
  test('"a UK one" before a UK driving licence', () => {
    const transcript = call(
      agent('and your driving licence number?'),
      customer("it's a UK one, MORGA 607153 JT9WX"),
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:MORGA 607153 JT9WX']);
  });

  test('the surname block a lower-case engine prints as a word', () => {
    const transcript = call(agent('your licence number please'), customer("okay it's pryce 702114 dm9rb"));
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:pryce 702114 dm9rb']);
  });

  test('an ordinary word before digits is not a surname block', () => {
    const transcript = call(agent('your licence number please'), customer('it is 5017 8823'));
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:5017 8823']);
  });
});

describe('postcodes said in pieces', () => {
  test('the other party’s backchannel between the two halves', () => {
    assert.deepEqual(foundOfType(mono('and the postcode', 'it is BN2 7 yeah QD thank you'), 'POSTAL_CODE'), [
      'POSTAL_CODE:BN2 7 yeah QD',
    ]);
  });

  test('a start broken off and said again whole', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the postcode?'), customer('CF10 3... CF10 3NP')), 'POSTAL_CODE'),
      ['POSTAL_CODE:CF10 3 CF10 3NP'],
    );
  });
});

describe('an email said again', () => {
  test('the local part, "at" and the domain without its ending', () => {
    const transcript = call(
      agent('I have r.okonjo@tidalmail.org on file'),
      customer('yes, r dot okonjo at tidalmail'),
    );
    assert.deepEqual(foundOfType(transcript, 'EMAIL_ADDRESS'), [
      'EMAIL_ADDRESS:r.okonjo@tidalmail.org',
      'EMAIL_ADDRESS:r dot okonjo at tidalmail',
    ]);
  });

  test('an initial, a dot, then a name said as two words', () => {
    const transcript = call(
      agent('what email should we use'),
      customer('please use m dot van dijk at gmail dot com'),
    );
    assert.deepEqual(foundOfType(transcript, 'EMAIL_ADDRESS'), ['EMAIL_ADDRESS:m.vandijk@gmail.com']);
  });
});
