/**
 * Structured values found from how a call goes rather than from their shape alone: a second go
 * after a turned-down choice, a value given in pieces around a false start, a read-back run
 * together with the last piece, a number named by the words right before it; and look-alikes the
 * same context rules out.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found, foundOfType, mono } from './conversation.js';

/** Every word of the transcript that some entity of the type covers, joined. */
function coveredWords(transcript: ReturnType<typeof call>, type: string): string {
  return detectIn(transcript)
    .entities.filter((entity) => entity.type === type)
    .flatMap((entity) => entity.parts.flatMap((part) => part.words.map((i) => transcript.words[i]!.text)))
    .join(' ');
}

describe('PIN', () => {
  test('a second choice after the first was turned down, and its read-back', () => {
    const transcript = call(
      agent('what four digits would you like for the new phone banking PIN'),
      customer('could it be two zero one nine'),
      agent("sorry, that's too easy to guess"),
      customer('right, then eight three eight one'),
      agent('8381, all set'),
    );
    assert.deepEqual(foundOfType(transcript, 'PIN'), ['PIN:2019', 'PIN:8381', 'PIN:8381']);
  });

  test('a code keyed in with the pound key after it', () => {
    const transcript = call(agent('what is the entry code for the building'), customer('4 0 7 2 pound'));
    assert.deepEqual(foundOfType(transcript, 'PIN'), ['PIN:4072']);
  });

  test('a digit by position said as its homophone and corrected', () => {
    const transcript = call(
      agent('can I have the first and third digits of your security number'),
      customer('first is nine, third is to, sorry, two'),
    );
    assert.equal(coveredWords(transcript, 'PIN'), 'first is nine, third is to, sorry, two');
  });

  test('a read-back is the first number of the turn, not a later one', () => {
    const transcript = call(
      agent('and the four digit PIN for the app'),
      customer('six two zero eight'),
      agent('okay, 6208, thanks. I can see locker 4471 was opened at 9'),
    );
    assert.deepEqual(foundOfType(transcript, 'PIN'), ['PIN:6208', 'PIN:6208']);
  });

  test('a longer PIN named right before it is no phone number, nor its read-back', () => {
    const transcript = call(
      agent('to lift the freeze you will need a PIN. your PIN is 6 1 7 2 0 3 9 9 4 1'),
      customer('6 1 7 2, 0 3 9 9, 4 1, okay'),
    );
    assert.deepEqual(
      detectIn(transcript).entities.map((entity) => entity.type),
      ['PIN', 'PIN'],
    );
  });

  test('"the other one" before a six digit PIN does not lend it a digit', () => {
    const transcript = call(
      agent('I need the PIN on the account'),
      customer('it could be the other one, 3 3 0 9 1 5'),
    );
    assert.deepEqual(foundOfType(transcript, 'PIN'), ['PIN:330915']);
  });
});

describe('values given in pieces around a false start', () => {
  test('every piece before the break-off belongs to the value', () => {
    const transcript = call(
      agent('and your social security number please'),
      customer('four two'),
      agent('mm hmm'),
      customer('oh, four two, oh six... sorry, four two oh, six one, five five eight two'),
    );
    assert.equal(
      coveredWords(transcript, 'US_SSN'),
      'four two oh, four two, oh six... four two oh, six one, five five eight two',
    );
  });

  test('a look-alike named as what the number is for does not outweigh the request', () => {
    const transcript = call(
      agent('could you read me your social security number so I can open your claim'),
      customer('yes, 318-40-2261'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN'), ['US_SSN:318-40-2261']);
  });

  test('the social security number is no card security code', () => {
    const transcript = call(agent('what is your social security number'), customer('six one, oh two'));
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), []);
  });

  test('a doubled digit written as its homophone in a piece of its own', () => {
    const transcript = call(
      agent('I need the full social security number'),
      customer('six one eight'),
      agent('okay'),
      customer('two too'),
      agent('yep'),
      customer('five oh four one'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN'), ['US_SSN:618|22|5041']);
  });
});

describe('PHONE_NUMBER', () => {
  test('a read-back run into the last piece in a mono file: both numbers', () => {
    const transcript = mono(
      'what mobile should the driver call',
      'five one two',
      'mm hmm',
      'five five five oh one',
      'yep',
      'four eight five one two five five five oh one four eight',
    );
    assert.equal(foundOfType(transcript, 'PHONE_NUMBER').length, 2);
  });

  test("a look-alike in the speaker's older turn does not name a new number", () => {
    const transcript = call(
      agent('so that comes to one forty nine total'),
      customer('yes, that is what I expected'),
      agent('and for updates I have 4 1 5, 5 5 5, 2 9 8 1'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:415 555 2981']);
  });

  test('"two-step" is no numbered step', () => {
    const transcript = call(
      agent('which phone should get the two-step login codes'),
      customer('617-555-0144'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), ['PHONE_NUMBER:617-555-0144']);
  });

  test('the digits that end an identifier written with capitals are no phone number', () => {
    const transcript = call(
      customer('the label just says 1Z 552 R41 06 2207 9913 and nothing else'),
      agent('your plan agreement is K T 4 4 1 9 0 7 2'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), []);
  });

  test('look-alikes: part of a dashed order number, a case just opened', () => {
    const transcript = call(
      agent('I can see order 22-61755-50144 on your account'),
      agent("I've opened a billing case for you, it's B K 4 4 2 9 1 7 3"),
      customer('B K four four two nine one seven three, thanks'),
    );
    assert.deepEqual(foundOfType(transcript, 'PHONE_NUMBER'), []);
  });
});

describe('DATE_OF_BIRTH', () => {
  test('a date said later in a read-back turn is no date of birth', () => {
    const transcript = call(
      agent('can I take your date of birth'),
      customer('the third of may 1971'),
      agent('thanks. your train is the 8 15 and it leaves on the ninth of june'),
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), ['DATE_OF_BIRTH:the 3 of may 1971']);
  });
});

describe('CARD_EXPIRY and CARD_CVV', () => {
  test("an expiry asked right after passports is the passport's", () => {
    const transcript = call(
      agent('the deposit went through on your card'),
      customer('great'),
      agent('now, do you have your passports with you'),
      customer('yes, mine is 5 5 2 0 1 9 3 4 8'),
      agent('and expiration?'),
      customer('august 2031'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), []);
  });

  test('"ending" before four digits makes them a last four, not an expiry or a code', () => {
    const transcript = call(
      agent('and the three digits on the back?'),
      customer('2 7 1'),
      agent('thank you. so that is the card ending 0 9 2 6, expiring oh four twenty nine'),
    );
    assert.deepEqual(
      found(transcript).filter((entry) => entry.startsWith('CARD_')),
      ['CARD_CVV:271', 'CARD_LAST4:0926', 'CARD_EXPIRY:0429'],
    );
  });

  test('an "ending in" already used by a number does not name the next one', () => {
    const transcript = call(
      agent("we'll refund the card ending in 3 3 0 1"),
      customer('great'),
      agent('and your locker is B 5 5 2 0'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_LAST4'), ['CARD_LAST4:3301']);
  });

  test('a month digit written as its homophone after a zero answers the expiry question', () => {
    const transcript = call(agent('and the expiry on the new card?'), customer('0 for 28'));
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), ['CARD_EXPIRY:0 for 28']);
  });

  test('a relative month answers the expiry question', () => {
    const transcript = call(agent('and the expiry date'), customer('next october'));
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), ['CARD_EXPIRY:next october']);
  });

  test('look-alikes: a code expiring at a time, an amount with "total" after it', () => {
    const transcript = call(
      agent('your card payment is set up, and the one time code expires at four twenty'),
      agent('just to confirm the expiry, that is three ninety total'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_EXPIRY'), []);
  });

  test('the end of a card said again is no expiry and code', () => {
    const transcript = call(
      agent('what card are you paying with'),
      customer('visa, 4929 3071 0895 2264'),
      agent('say the last eight again'),
      customer('0895 2264'),
    );
    assert.deepEqual(foundOfType(transcript, 'CARD_CVV'), []);
    assert.match(coveredWords(transcript, 'CARD_LAST4'), /^0895 2264$/);
  });

  test('a number named as a ticket number that fails the checksum is no card, even when paying', () => {
    const transcript = call(
      agent('you can pay the fare by card today. your boarding ticket number is 6120 4471 8832 901'),
    );
    assert.deepEqual(foundOfType(transcript, 'CREDIT_CARD'), []);
  });
});

describe('CREDIT_CARD look-alikes in payment calls', () => {
  test('a gift card number, and a library card named before "the card number"', () => {
    const transcript = call(
      agent('you can pay by card or use store credit'),
      customer('I have a gift card'),
      agent("great, what's the gift card number?"),
      customer('7 7 1 0 2 8 3 3 9 1 0 4 5 5 1 2'),
      customer('oh and my library card too, for the discount'),
      agent('sure, the card number?'),
      customer('3 0 0 2 9 1 8 8 4 0 6 1 7 7'),
    );
    assert.deepEqual(foundOfType(transcript, 'CREDIT_CARD'), []);
  });

  test('the digits after an IBAN country code take the IBAN label, not the card', () => {
    const transcript = call(
      agent('you can pay the deposit by card, or send it from a euro IBAN'),
      customer("it's D E 2 7, 6 1 0 3, 8 8 4 2, 0 9 1 5, 5 7 3 0, 6 2"),
    );
    assert.deepEqual(
      detectIn(transcript).entities.map((entity) => entity.type),
      ['IBAN'],
    );
  });

  test('a nine digit number and its read-back run together are no card', () => {
    const transcript = mono(
      "I'll take the card off. what's the routing number",
      'zero two one, zero zero zero, zero two one oh two one, zero zero zero, zero two one',
    );
    assert.deepEqual(foundOfType(transcript, 'CREDIT_CARD'), []);
    assert.equal(foundOfType(transcript, 'ROUTING_NUMBER').length, 2);
  });
});

describe('answers to a request that names a look-alike', () => {
  test('the last four of a business tax ID, an EIN', () => {
    const transcript = call(
      agent('and the business tax ID, the last four?'),
      customer('3 9 0 1'),
      agent('and your own social, the last four'),
      customer('the EIN ends in 7 1 2 0, my social ends in 4 4 8 6'),
    );
    assert.deepEqual(
      found(transcript).filter((entry) => /LAST4|SSN/.test(entry)),
      ['US_SSN_LAST4:4486'],
    );
  });

  test('"the group number on your card" names no member ID', () => {
    const transcript = call(
      agent('this is the dental plan. we have the card ending in 4 0 2 2'),
      customer('yes'),
      agent('and the group number on your card is G 7 7 1 0'),
    );
    assert.deepEqual(
      found(transcript).filter((entry) => !entry.startsWith('PERSON_NAME')),
      ['CARD_LAST4:4022'],
    );
  });
});

describe('bank details', () => {
  test('"account" right before the digits where banking is talked about', () => {
    const transcript = mono(
      'your new bank details please',
      'sort code 20 44 91 and then the account, let me find it',
      'so that is sort code 20 44 91, account 61530097',
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), ['BANK_ACCOUNT:61530097']);
  });

  test('the same number said in two pieces with an inline "yes" is the account too', () => {
    const transcript = mono(
      'and the bank account number please',
      'it is eight digits, hold on, 6153 yes 0097',
      'so sort code 20 44 91, account 61530097',
    );
    assert.equal(foundOfType(transcript, 'BANK_ACCOUNT').length, 2);
  });

  test('"it ended 4471" while an account, not a card, is the topic', () => {
    const transcript = call(
      agent('and the new checking account number'),
      customer('5 5 3 0 1 9 2 8'),
      agent('five five three oh one nine two eight'),
      customer('yes'),
      agent('thanks, the old one ended 4471, so that was the problem'),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:55301928',
      'BANK_ACCOUNT:55301928',
      'BANK_ACCOUNT:4471',
    ]);
  });

  test('a read-back followed by the next question is not named by that question', () => {
    const transcript = call(
      agent('what is the sort code'),
      customer('forty, double one, sixty two'),
      agent('40-11-62, and the account number?'),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), []);
    assert.equal(foundOfType(transcript, 'SORT_CODE').length, 2);
  });

  test('a sort code said twice in a mono file, after a date of birth, is no date of birth', () => {
    const transcript = mono(
      'and your date of birth',
      'the ninth of may 1961',
      'and your bank details for the direct debit',
      "it's the Leeds. sort code 11-03-58. 11-03-58.",
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), ['DATE_OF_BIRTH:the 9 of may 1961']);
  });

  test('a sort code asked for after a date of birth is no date of birth', () => {
    const transcript = call(
      agent('your date of birth please'),
      customer('the ninth of may 1961'),
      agent('and the sort code of the new bank'),
      customer("it's 11-03-58"),
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), ['DATE_OF_BIRTH:the 9 of may 1961']);
    assert.deepEqual(foundOfType(transcript, 'SORT_CODE'), ['SORT_CODE:11-03-58']);
  });
});

describe('IP_ADDRESS', () => {
  test('octets said apart after an IP cue', () => {
    const transcript = call(agent('the sign-in came from the IP address 91 198 204 12'));
    assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), ['IP_ADDRESS:91 198 204 12']);
  });

  test('octets run together where some dots were not said, after an IP cue', () => {
    const transcript = call(
      agent("what's the camera's IP"),
      customer('one seventy two sixteen four dot twenty'),
      agent('and the repair was 1250.75 dollars'),
    );
    assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), ['IP_ADDRESS:172164.20']);
  });

  test('without a cue four numbers are not an address', () => {
    const transcript = call(customer('the scores were 91 198 204 12'));
    assert.deepEqual(foundOfType(transcript, 'IP_ADDRESS'), []);
  });
});
