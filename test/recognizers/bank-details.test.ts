import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found, foundOfType, mono } from './conversation.js';

describe('BANK_ACCOUNT', () => {
  test('digits after an account-number question or cue', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('thanks for calling Harbor Bank, and the account number'),
          customer('one two three four five six seven eight'),
        ),
        'BANK_ACCOUNT',
      ),
      ['BANK_ACCOUNT:12345678'],
    );
    assert.deepEqual(foundOfType(call(customer('my checking account is 000123456789')), 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:000123456789',
    ]);
  });

  test('negatives: no account cue, too short, an order number', () => {
    assert.deepEqual(foundOfType(call(customer('it is 12345678')), 'BANK_ACCOUNT'), []);
    assert.deepEqual(foundOfType(call(agent('account number'), customer('12345')), 'BANK_ACCOUNT'), []);
    assert.deepEqual(
      foundOfType(call(customer('the account number on the order number 12345678')), 'BANK_ACCOUNT'),
      [],
    );
  });
});

describe('BANK_ACCOUNT where banking is talked about', () => {
  test('"account number" names a bank account only in a call about banking', () => {
    const asked = (company: string) =>
      foundOfType(
        call(
          agent(`thanks for calling ${company}, what is your account number`),
          customer('3 0 0 4 7 2 9 1 5'),
        ),
        'BANK_ACCOUNT',
      );
    assert.deepEqual(asked('Harbor Bank'), ['BANK_ACCOUNT:300472915']);
    assert.deepEqual(asked('Midstate Power'), []);
  });

  test('"and the account?" after the routing number', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('got the routing number, now your account?'), customer('4 4 0 1 9 2 8 3')),
        'BANK_ACCOUNT',
      ),
      ['BANK_ACCOUNT:44019283'],
    );
  });

  test('the last four of an account that was asked for', () => {
    assert.deepEqual(
      found(
        call(
          agent('Cedar Credit Union here. Which account do you want to use?'),
          customer('savings please, it ends in 3 3 0 9'),
        ),
      ),
      ['BANK_ACCOUNT:3309'],
    );
    assert.deepEqual(
      found(
        call(agent('your mobile account ending 3 3 0 9 is paid up, thanks for calling'), customer('great')),
      ),
      [],
    );
  });

  test('an account number named as such is not the SSN the question asked for', () => {
    const transcript = call(
      agent('can you verify the last 4 digits of your SSN'),
      customer('7 7 0 2'),
      agent('got it, and the account number is 3 1 8 6 0 4 2 2 5'),
    );
    assert.deepEqual(foundOfType(transcript, 'US_SSN'), []);
  });
});

describe('BANK_ACCOUNT paired with a sort code', () => {
  test('eight digits soon after a sort code are its account, however the caller leads in', () => {
    const transcript = call(
      agent('and which bank is it with'),
      customer('the sort code is thirty, ninety two, fourteen'),
      agent('30 92 14'),
      customer('then the number, 5 5 1 8 9 0 2 3'),
      agent('55189023, lovely'),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:55189023',
      'BANK_ACCOUNT:55189023',
    ]);
  });

  test('a read-back without commas keeps the sort code whole up to its last zero', () => {
    const transcript = call(
      agent('and the sort code'),
      customer('four oh two one one oh'),
      agent('and the account'),
      customer('five five one two three four five six'),
      agent('right so four oh two one one oh account five five one two three four five six'),
    );
    const values = found(transcript).map((entry) => entry.split(':')[1]);
    assert.equal(values.filter((value) => value === '402110').length, 2);
    assert.ok(!values.includes('40211'));
  });

  test('in one mono stream, the number and its read-back run together', () => {
    const transcript = mono(
      'sort code is 30 92 14',
      '30 92 14',
      'then the number, 5 5 1 8 9 0 2 3',
      '55189023 and when',
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), ['BANK_ACCOUNT:55189023 55189023']);
  });

  test('not when another item is asked for, nor without a sort code', () => {
    assert.deepEqual(
      foundOfType(
        call(
          customer('sort code 30 92 14'),
          agent('thanks, and your membership number with us'),
          customer('55189023'),
        ),
        'BANK_ACCOUNT',
      ),
      [],
    );
    assert.deepEqual(foundOfType(call(customer('then the number, 5 5 1 8 9 0 2 3')), 'BANK_ACCOUNT'), []);
  });
});

describe('BANK_ACCOUNT named by its own words', () => {
  test('"to end in" names an account\'s last four as "ending in" does', () => {
    const transcript = call(
      agent('the payroll deposit came back from your bank'),
      customer('I moved my savings account last month'),
      agent("then I'll set the account on file to end in 6 0 3 2"),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), ['BANK_ACCOUNT:6032']);
  });

  test('an ending given to a question that names an account, however it is described', () => {
    const asked = (question: string) =>
      foundOfType(
        call(
          customer('my wages are moving to a new bank from next month'),
          agent(question),
          customer('the one I had ends 8 0 4 7'),
        ),
        'BANK_ACCOUNT',
      );
    assert.deepEqual(asked('which of your two accounts is closing? the final four is enough'), [
      'BANK_ACCOUNT:8047',
    ]);
    assert.deepEqual(
      asked("and that account's debit card, the one being replaced? just the final four is enough"),
      [],
    );
    assert.deepEqual(
      foundOfType(
        mono(
          'my wages are moving to a new bank from next month. which of your two accounts is closing? the final four is enough. the one I had ends 8 0 4 7',
        ),
        'BANK_ACCOUNT',
      ),
      ['BANK_ACCOUNT:8047'],
    );
  });

  test('"the checking ending in" is undone only by a look-alike in the lead-in, not by an older one', () => {
    const transcript = call(
      agent('do they need a memo line or a reference number on the payment?'),
      customer('yes, invoice 4 4 7 1'),
      agent("noted, and we'll debit your checking ending in 6 6 2 0"),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), ['BANK_ACCOUNT:6620']);
  });
});

describe('ROUTING_NUMBER', () => {
  test('ABA-valid nine digits after a routing question', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the routing number please'), customer('oh two one oh oh oh oh two one')),
        'ROUTING_NUMBER',
      ),
      ['ROUTING_NUMBER:021000021'],
    );
  });

  test('right after a bank account number', () => {
    const transcript = call(customer('my bank account number 12345678 and 011000015'));
    assert.deepEqual(found(transcript), ['BANK_ACCOUNT:12345678', 'ROUTING_NUMBER:011000015']);
  });

  test('a failing checksum after a routing cue still counts, lower (a misread digit breaks it)', () => {
    const [entity] = detectIn(call(agent('routing number'), customer('021000022'))).entities;
    assert.equal(entity?.type, 'ROUTING_NUMBER');
    assert.ok(entity.score < 0.7);
    assert.ok(entity.reasons.includes('pattern:aba-failed'));
  });

  test('a valid one given soon after routing numbers were talked about', () => {
    const transcript = call(
      agent('the routing number you typed is not valid'),
      customer('oh no'),
      agent('grab one of her paper cheques and read me the first number printed on it'),
      customer('sure, 0 2 1 0 0 0 0 2 1'),
    );
    assert.deepEqual(foundOfType(transcript, 'ROUTING_NUMBER'), ['ROUTING_NUMBER:021000021']);
  });

  test('negatives: no routing context, a failing checksum said only after an account number', () => {
    assert.deepEqual(foundOfType(call(customer('it is 021000021')), 'ROUTING_NUMBER'), []);
    assert.deepEqual(
      foundOfType(call(customer('my bank account number is 12345678 and 021000022')), 'ROUTING_NUMBER'),
      [],
    );
  });
});

describe('IBAN', () => {
  test('check digits said one by one', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('and the IBAN please'), customer('sure, G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6 5 4 3 2')),
        'IBAN',
      ),
      ['IBAN:GB 8 2 WEST 12345698765432'],
    );
  });

  test('written and spelled, spaces between groups', () => {
    assert.deepEqual(foundOfType(call(customer('my iban is GB82 WEST 1234 5698 7654 32')), 'IBAN'), [
      'IBAN:GB82 WEST 1234 5698 7654 32',
    ]);
    const spelled = call(
      customer(
        'it is G B eight two W E S T one two three four five six nine eight seven six five four three two',
      ),
    );
    assert.equal(foundOfType(spelled, 'IBAN').length, 1);
    assert.deepEqual(foundOfType(call(customer('DE89370400440532013000 thanks')), 'IBAN'), [
      'IBAN:DE89370400440532013000',
    ]);
  });

  test("in a mono file, the other party's backchannels between the groups stay inside it", () => {
    const transcript = mono(
      'what is the IBAN',
      'D E eight nine',
      'uh huh',
      'three seven oh four',
      'okay',
      '0044 0532 0130 00',
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:DE 89 uh huh 3704 okay 0044 0532 0130 00']);
  });

  test('pieces of an IBAN given over several turns, the bank code asked about and said again', () => {
    const transcript = call(
      customer('the IBAN starts I E 2 9, A I B K'),
      agent('A I B K?'),
      customer('A I B K, yes, then 9 3 1 1 5 2 1 2 3 4 5 6 7 8'),
      agent('so that is I E 2 9 A I B K 9 3 1 1 5 2 1 2 3 4 5 6 7 8'),
    );
    // The start and the agent's check of the bank code are one item said over two turns.
    assert.deepEqual(foundOfType(transcript, 'IBAN'), [
      'IBAN:IE 2 9 AIBK|AIBK',
      'IBAN:AIBK',
      'IBAN:93115212345678',
      'IBAN:IE 2 9 AIBK 93115212345678',
    ]);
  });

  test('the short end of an IBAN given in turns, after its last character checked and confirmed', () => {
    const transcript = call(
      agent('and the IBAN please'),
      customer('G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6'),
      agent('six?'),
      customer('that is right, 6. and 5 4 3 2'),
      agent('so G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6 5 4 3 2'),
    );
    // "6" only confirms the last character given; "5432" is too short to be a piece on its own.
    assert.deepEqual(foundOfType(transcript, 'IBAN'), [
      'IBAN:GB 8 2 WEST 1234569876',
      'IBAN:5432',
      'IBAN:GB 8 2 WEST 12345698765432',
    ]);
  });

  test('negatives: letters or digits that are no piece of an IBAN in the call', () => {
    const transcript = call(
      customer('my IBAN is IE29 AIBK 9311 5212 3456 78'),
      agent('thanks, your reference is I E 2 9 and the branch code is B K L M'),
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:IE29 AIBK 9311 5212 3456 78']);
  });

  test('negatives: the national account number that ends an IBAN, said on its own', () => {
    const transcript = call(
      customer('my IBAN is DE89 3704 0044 0532 0130 00'),
      agent('and the account number on its own?'),
      customer('0532013000'),
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:DE89 3704 0044 0532 0130 00']);
  });

  test('negatives: "is" before a number and words, which pass the check by chance', () => {
    // IS20072THANKSSOMUCHFORTHAT has Iceland's length and passes mod 97.
    assert.deepEqual(found(call(agent('your booking is 20072 thanks so much for that'))), []);
  });

  test('negatives: a time and a room after IBANs were talked about', () => {
    const transcript = call(
      customer('my iban is GB82 WEST 1234 5698 7654 32'),
      agent('lovely, and your appointment is at ten thirty on Thursday in room six'),
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:GB82 WEST 1234 5698 7654 32']);
  });

  test('a misheard character still counts after an IBAN cue, not without', () => {
    assert.equal(foundOfType(call(customer('the iban is GB82 WEST 1234 5698 7654 33')), 'IBAN').length, 1);
    assert.deepEqual(foundOfType(call(customer('GB82 WEST 1234 5698 7654 33')), 'IBAN'), []);
  });
});

describe('SORT_CODE', () => {
  test('six digits after a sort-code cue', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('what is your sort code'), customer('twelve thirty four fifty six')),
        'SORT_CODE',
      ),
      ['SORT_CODE:123456'],
    );
    assert.deepEqual(foundOfType(call(customer('sort code 12-34-56')), 'SORT_CODE'), ['SORT_CODE:12-34-56']);
  });

  test('given pair by pair then read back without a pause, in one mono stream', () => {
    const transcript = mono(
      'and the sort code please',
      'three one yep four four yep nine seven three one four four nine seven',
      'lovely',
    );
    assert.deepEqual(foundOfType(transcript, 'SORT_CODE'), [
      'SORT_CODE:31 yep 44 yep 97',
      'SORT_CODE:314497',
    ]);
  });

  test('negatives: no cue, a date-like group', () => {
    assert.deepEqual(foundOfType(call(customer('12-34-56')), 'SORT_CODE'), []);
    assert.deepEqual(foundOfType(call(customer('room 12 34 56')), 'SORT_CODE'), []);
  });
  test('an IBAN that fails its check still counts soon after IBANs were talked about', () => {
    // DE89370400440532013000 with two digits swapped: the checksum fails.
    const turns = [
      agent('the transfer came back, it says the IBAN was wrong'),
      customer('oh no, which one do you have'),
      agent('D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0'),
      customer('it should be D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 0 3 0 0'),
    ];
    assert.deepEqual(foundOfType(call(...turns), 'IBAN'), [
      'IBAN:DE 89370400440532013000',
      'IBAN:DE 89370400440532010300',
    ]);
    // The same shape with no IBAN talked about, failing its check, is left alone.
    assert.deepEqual(
      foundOfType(call(customer('my code is D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 0 3 0 0')), 'IBAN'),
      [],
    );
  });

  test("a value's end corrected straight after it takes the value's type", () => {
    const entities = detectIn(
      call(
        agent('your IBAN please'),
        customer('G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6 5 4 3 2, sorry, 7 6 5 4 3 3'),
      ),
    ).entities;
    assert.deepEqual(
      entities.map((entity) => [entity.type, entity.value]),
      [
        ['IBAN', 'GB82WEST12345698765432'],
        ['IBAN', '765433'],
      ],
    );
  });
});
