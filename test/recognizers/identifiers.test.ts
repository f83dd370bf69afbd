import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, found, foundOfType, mono } from './conversation.js';

describe('PIN', () => {
  test('the code of a gate, garage or lockbox', () => {
    assert.deepEqual(foundOfType(call(agent('and the lockbox code?'), customer('2 9 0 6')), 'PIN'), [
      'PIN:2906',
    ]);
  });

  test('4–6 digits after a PIN question', () => {
    assert.deepEqual(
      foundOfType(call(agent('can you give me your four digit pin'), customer('four three two one')), 'PIN'),
      ['PIN:4321'],
    );
    assert.deepEqual(foundOfType(call(customer('my pin is 908172')), 'PIN'), ['PIN:908172']);
  });

  test('negatives: no pin cue, too long', () => {
    assert.deepEqual(foundOfType(call(customer('it is 4321')), 'PIN'), []);
    assert.deepEqual(foundOfType(call(agent('your pin'), customer('12345678')), 'PIN'), []);
  });

  test('a second go after a wrong one, and the digits the caller set', () => {
    const retry = call(
      agent("what's your account pin"),
      customer('one nine eight two'),
      agent("sorry, that's not matching, do you want to try again"),
      customer('um, 6 6 0 2'),
    );
    assert.deepEqual(foundOfType(retry, 'PIN'), ['PIN:1982', 'PIN:6602']);
    assert.deepEqual(
      foundOfType(
        call(agent('give me the four digits you set up for phone banking'), customer('8 3 5 0')),
        'PIN',
      ),
      ['PIN:8350'],
    );
  });

  test('negatives: a retry with no PIN asked for, a year', () => {
    const code = call(
      agent('can you read me the code I just texted you'),
      customer('4 8 2 9 1 7'),
      agent("that's not right, try again"),
      customer('4 8 2 9 1 1'),
    );
    assert.deepEqual(foundOfType(code, 'PIN'), []);
    assert.deepEqual(
      foundOfType(call(agent('what is your pin'), customer('I set it up back in 2019')), 'PIN'),
      [],
    );
  });
});

describe('PIN as callers give it', () => {
  test('single digits listed after a bank asked for some positions', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('just digits two, four and five of your passcode please'), customer('8, 0 and 3')),
        'PIN',
      ),
      ['PIN:8 0 and 3'],
    );
    assert.deepEqual(
      foundOfType(
        call(agent('how many cats do you have'), customer('2, 3 and 4 of them over the years')),
        'PIN',
      ),
      [],
    );
  });

  test("an alarm panel's codes", () => {
    assert.deepEqual(
      found(
        call(
          agent('the system is armed, please put in your alarm code to stop it'),
          customer('doing it now, 6 0 2 8'),
        ),
      ),
      ['PIN:6028'],
    );
    assert.deepEqual(
      found(call(agent('shall I set up a keypad code for your lodger?'), customer('yes, use 1 9 7 7'))),
      ['PIN:1977'],
    );
  });

  test('said again after "say that again", and corrected', () => {
    const transcript = call(
      agent('and the four digit passcode for phone banking?'),
      customer('4 4 1 8'),
      agent('the line broke up, say that again please'),
      customer('4 4 1 8, no sorry, 4 4 8 1'),
    );
    assert.deepEqual(found(transcript), ['PIN:4418', 'PIN:4418', 'PIN:4481']);
  });

  test('a digit homophone ends a dictation before a new clause', () => {
    assert.deepEqual(
      found(
        call(agent('what pin did you choose'), customer('six six two for, no hang on, six six four two')),
      ),
      ['PIN:6624', 'PIN:6642'],
    );
  });
});

describe('PASSPORT', () => {
  test('letters and digits, or nine digits, after a passport question', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('and the passport number'), customer('A B one two three four five six seven')),
        'PASSPORT',
      ),
      ['PASSPORT:AB 1234567'],
    );
    assert.deepEqual(foundOfType(call(customer('passport 123456789')), 'PASSPORT'), ['PASSPORT:123456789']);
    assert.deepEqual(foundOfType(call(customer('my passport number is C12345678')), 'PASSPORT'), [
      'PASSPORT:C12345678',
    ]);
  });

  test('negatives: no passport cue, wrong shape', () => {
    assert.deepEqual(foundOfType(call(customer('AB 1234567')), 'PASSPORT'), []);
    assert.deepEqual(foundOfType(call(agent('passport number'), customer('1234')), 'PASSPORT'), []);
  });

  test('"yes, number …" answers the question: the answer word names no other kind', () => {
    const transcript = call(
      agent('have you got your passport to hand?'),
      customer('yeah, number 6 0 3 1 1 8 4 2 7'),
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:603118427']);
  });

  test('negatives: a number named as another kind in the answer', () => {
    const transcript = call(
      agent('have you got your passport to hand?'),
      customer('yes, application number 603118427'),
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), []);
  });

  test('letters echoed by the other party in a mono file are said once in the value', () => {
    const transcript = mono('what is the passport number', 'it starts K T', 'K T', '5 5 0 1 9 3 8');
    assert.deepEqual(
      detectIn(transcript)
        .entities.filter((entity) => entity.type === 'PASSPORT')
        .map((entity) => entity.value),
      ['KT5501938'],
    );
  });

  test('a bare number read back after the passport was asked for is the passport, not the licence asked before', () => {
    const transcript = call(
      agent("what's your driver's license number?"),
      customer('W 4 4 0 2 1 9 7 7 3'),
      agent('and do you have your passport with you?'),
      customer("yes it's 7 1 2 0 5 5 3 8 4"),
      agent('okay, seven one two, oh five five, three eight four'),
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:W 440219773']);
    assert.equal(foundOfType(transcript, 'PASSPORT').length, 2);
  });

  test('an expired passport still gives its number; its expiry date is no number', () => {
    const expired = call(
      agent('your passport number?'),
      customer("it's expired, but it was X C 4 4 0 2 9 1 7"),
    );
    assert.deepEqual(foundOfType(expired, 'PASSPORT'), ['PASSPORT:XC 4402917']);
    const date = call(agent('and when does your passport expire?'), customer('1 2 0 3 2 0 3 0'));
    assert.deepEqual(foundOfType(date, 'PASSPORT'), []);
  });
});

describe('DRIVERS_LICENSE', () => {
  test('alphanumeric after a licence question', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('and your drivers license'), customer('D one two three four five six seven eight')),
        'DRIVERS_LICENSE',
      ),
      ['DRIVERS_LICENSE:D 12345678'],
    );
    assert.deepEqual(
      foundOfType(call(customer("my driver's license number is S530 4602 8193")), 'DRIVERS_LICENSE'),
      ['DRIVERS_LICENSE:S530 4602 8193'],
    );
    assert.deepEqual(foundOfType(call(customer('driving licence MORGA753116SM9IJ')), 'DRIVERS_LICENSE'), [
      'DRIVERS_LICENSE:MORGA753116SM9IJ',
    ]);
  });

  test('groups set apart by dashes said between pauses', () => {
    assert.deepEqual(
      foundOfType(
        call(agent("what's your licence number?"), customer('M 2 0 0 - 4 5 5 - 1 7 - 9 0 2')),
        'DRIVERS_LICENSE',
      ),
      ['DRIVERS_LICENSE:M 200 - 455 - 1 7 - 902'],
    );
  });

  test('a licence said to have expired, or to expire soon, still gives its number', () => {
    const expired = call(
      agent("what's your driver's license number?"),
      customer("the old one's expired, the new one is K 4410 2291 7733"),
    );
    assert.deepEqual(foundOfType(expired, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:K 4410 2291 7733']);
    const soon = call(
      agent('I see your driving licence expires next month, have you got the new one?'),
      customer('yes, B 771-2093-4418'),
    );
    assert.deepEqual(foundOfType(soon, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:B 771-2093-4418']);
  });

  test('negatives: its expiry date, digits alone', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('when does your driving licence expire?'), customer('it expires 0 4 1 1 2 0 2 9')),
        'DRIVERS_LICENSE',
      ),
      [],
    );
  });

  test('negatives: a vehicle registration given when both were asked for', () => {
    const transcript = call(
      agent('I need the vehicle registration and also your driving licence number'),
      customer('sure, the reg is L M 19 T P Z'),
      agent('L M one nine T P Z, and the licence?'),
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), []);
  });

  test('negatives: a daily price after a licence was mentioned', () => {
    const transcript = call(
      customer('my wife will drive too, she has a licence from Spain'),
      agent('okay, adding a driver is eleven forty nine a day'),
    );
    assert.deepEqual(found(transcript), []);
  });

  test('the end of a licence said alone after a pause starts with a spoken "oh"', () => {
    const transcript = call(
      agent('and his licence number'),
      customer('it starts W A L S H 9'),
      agent('okay'),
      customer('six two one oh eight'),
      agent('mm hmm'),
      customer('oh j k four t x'),
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:WALSH 9|62108|0 JK 4 TX']);
  });

  test('negatives: no licence cue, letters only, too short', () => {
    assert.deepEqual(foundOfType(call(customer('D 12345678')), 'DRIVERS_LICENSE'), []);
    assert.deepEqual(foundOfType(call(customer('order A 200 - 455 - 17')), 'DRIVERS_LICENSE'), []);
    assert.deepEqual(foundOfType(call(agent('license number'), customer('OK')), 'DRIVERS_LICENSE'), []);
    assert.deepEqual(foundOfType(call(agent('license number'), customer('D12')), 'DRIVERS_LICENSE'), []);
  });
});

describe('MEMBER_ID', () => {
  test('member, policy and Medicare ids', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('what is the member id on the card'),
          customer('X Y Z one two three four five six seven eight nine'),
        ),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:XYZ 123456789'],
    );
    assert.deepEqual(
      foundOfType(
        call(agent('thanks for calling Summit Health Plan'), customer('my policy number is 88412907')),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:88412907'],
    );
    assert.deepEqual(
      foundOfType(call(agent('your medicare number please'), customer('1EG4-TE5-MK73')), 'MEMBER_ID'),
      ['MEMBER_ID:1EG4-TE5-MK73'],
    );
  });

  test('is PHI', () => {
    const [entity] = detectIn(call(customer('member id 88412907'))).entities;
    assert.equal(entity?.category, 'PHI');
  });

  test('groups joined by a said dash', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('your medicare number please'), customer('1 E G 4 dash T E 5 dash M K 7 3')),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:1 EG 4 dash TE 5 dash MK 7 3'],
    );
  });

  test('a number the caller offered, after a reply about which part of a form it is for', () => {
    const transcript = call(
      customer('the letter said you may want my NHS number'),
      agent('only for the medical part, I can add it now'),
      customer('485 777 2306'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:485 777 2306']);
  });

  test("negatives: a form's number named after the member ID was read back", () => {
    const transcript = call(
      agent('and your Medicare number?'),
      customer('1EG4-TE5-MK73'),
      agent('thanks, that goes on the claim form. The form is 22 dash 4810.'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:1EG4-TE5-MK73']);
  });

  test('negatives: no member cue', () => {
    assert.deepEqual(foundOfType(call(customer('XYZ 123456789')), 'MEMBER_ID'), []);
    assert.deepEqual(foundOfType(call(customer('XYZ 123 dash 456789')), 'MEMBER_ID'), []);
  });
});

describe('MEMBER_ID of loyalty, frequent-flyer and club schemes', () => {
  const memberIds = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'MEMBER_ID');

  test('asked for by the kind of scheme, as digits, words or letters and digits', () => {
    assert.deepEqual(
      memberIds(agent("What's your frequent flyer number?"), customer('it is 4 4 1 9 0 2 8 7 3')),
      ['MEMBER_ID:441902873'],
    );
    assert.deepEqual(memberIds(agent('And the loyalty card number?'), customer('6 3 4 0 0 4 1 2 8 8 7 1')), [
      'MEMBER_ID:634004128871',
    ]);
    assert.deepEqual(
      memberIds(agent('what is your rewards number'), customer('eight one three, fifty two, sixty, oh four')),
      ['MEMBER_ID:813 52 60 04'],
    );
  });

  test("a club named by its brand, read out by the agent; a number taken so the miles post, and the next traveller's", () => {
    assert.deepEqual(
      memberIds(agent("I've added your Harbor Club number, 5 1 7 7 0 3 2 9 4, for this trip.")),
      ['MEMBER_ID:517703294'],
    );
    assert.deepEqual(
      memberIds(
        agent('can I take your Bluewing number so the points post'),
        customer('B W 3 8 8 1 0 2 7 5 4'),
        agent('and your husband'),
        customer('his is B W, three one one, five five two, nine oh'),
      ),
      ['MEMBER_ID:BW 388102754', 'MEMBER_ID:BW 311 552 90'],
    );
  });

  test('negatives: order, policy and phone numbers stay look-alikes', () => {
    assert.deepEqual(memberIds(agent("what's your order number?"), customer('4 4 1 9 0 2 8 7 3')), []);
    assert.deepEqual(memberIds(agent('and the policy number?'), customer('MP 4 4 1 9 0 2 8')), []);
    assert.deepEqual(
      memberIds(agent('can I get a phone number so the points post'), customer('0 7 7 0 0 9 0 0 1 2 3')),
      [],
    );
  });
});

describe('POSTAL_CODE', () => {
  test('US ZIP and ZIP+4 after a zip question', () => {
    assert.deepEqual(
      foundOfType(call(agent('and the zip'), customer('six two seven oh four')), 'POSTAL_CODE'),
      ['POSTAL_CODE:62704'],
    );
    assert.deepEqual(foundOfType(call(customer('zip code 62704-1234')), 'POSTAL_CODE'), [
      'POSTAL_CODE:62704-1234',
    ]);
  });

  test('a ZIP right after a street address (alone when only postal codes are asked for)', () => {
    const transcript = call(customer('I live at 12 Main Street Springfield Illinois 62704'));
    assert.deepEqual(foundOfType(transcript, 'POSTAL_CODE', { include: ['POSTAL_CODE'] }), [
      'POSTAL_CODE:62704',
    ]);
  });

  test('UK postcodes by shape, written or spelled', () => {
    assert.deepEqual(foundOfType(call(customer('it is SW1A 1AA')), 'POSTAL_CODE'), ['POSTAL_CODE:SW1A 1AA']);
    const spelled = detectIn(call(agent('and the postcode'), customer('S W one A one A A'))).entities;
    assert.deepEqual(
      spelled.map((entity) => [entity.type, entity.value]),
      [['POSTAL_CODE', 'SW1A1AA']],
    );
    assert.deepEqual(foundOfType(call(agent('postcode please'), customer('m1 1ae')), 'POSTAL_CODE'), [
      'POSTAL_CODE:m1 1ae',
    ]);
  });

  test("a state names the ZIP right after it, not digits after a plate's letters", () => {
    assert.deepEqual(
      foundOfType(
        call(agent('where are you based?'), customer('we are out in Peoria, Illinois 6 1 6 0 2')),
        'POSTAL_CODE',
      ),
      ['POSTAL_CODE:61602'],
    );
    assert.deepEqual(
      foundOfType(
        call(agent("what was on the other car's plate?"), customer('Ohio, K V 3 3 0 5 8')),
        'POSTAL_CODE',
      ),
      [],
    );
  });

  test('negatives: five digits without a zip cue, not a UK shape', () => {
    assert.deepEqual(foundOfType(call(customer('I have 62704 points')), 'POSTAL_CODE'), []);
    assert.deepEqual(foundOfType(call(customer('it is AB 1234567')), 'POSTAL_CODE'), []);
  });
});

describe('identifiers after a letter left as a word', () => {
  test('a NATO word or a lone letter before the digits belongs to the identifier', () => {
    const member = detectIn(call(agent('and your member number'), customer('victor 6328214415'))).entities;
    assert.deepEqual(
      member.map((entity) => [entity.type, entity.value]),
      [['MEMBER_ID', 'V6328214415']],
    );
    const licence = detectIn(call(agent('your license number please'), customer('s 26280214793'))).entities;
    assert.deepEqual(
      licence.map((entity) => [entity.type, entity.value]),
      [['DRIVERS_LICENSE', 'S26280214793']],
    );
  });

  test('a month is not a NATO letter', () => {
    const transcript = call(agent('when does your license expire'), customer('november 12 2027'));
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), []);
  });
});

describe('MEMBER_ID in calls about health cover', () => {
  test('negatives: a pharmacy code read out after the member ID, its name spelled as letters', () => {
    const transcript = call(
      agent("what's the member ID on the card?"),
      customer('it is K M W 4 4 1 9 0 2 7 3, and under it R X B I N 6 1 0 2 7 9, do you want that?'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:KMW 44190273']);
  });

  test('a policy number or the ID on the card is a member ID where health cover is talked about', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent("Northside Vision Plan, what's the ID number on your card?"),
          customer('sure, 7 7 2 0 4 1 9 3 6'),
        ),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:772041936'],
    );
  });

  test('negatives: a motor policy number, a plan group number', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('thanks for calling Redwood Motor Insurance, can I have your policy number'),
          customer('it is K R 4 4 0 9 1 7 2'),
        ),
        'MEMBER_ID',
      ),
      [],
    );
    assert.deepEqual(
      foundOfType(
        call(agent('I have the member ID, and the group number please'), customer('0 4 4 1 9 2 7')),
        'MEMBER_ID',
      ),
      [],
    );
  });

  test('a look-alike named as the place the ID is printed does not make it a look-alike', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('is the member number on your prescription label the same one?'),
          customer('yes W K 5 5 0 1 9 3 2'),
        ),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:WK 5501932'],
    );
    const spoken = mono(
      'and what is the subscriber ID',
      "hang on, it's printed on her prescription bag, here we go, 8 8 1 3 0 4 4 2 9 1",
    );
    assert.deepEqual(foundOfType(spoken, 'MEMBER_ID'), ['MEMBER_ID:8813044291']);
  });
});

describe('identifiers given on their topic, out of the question’s reach', () => {
  const asked = [
    agent("what's her member ID?"),
    customer('let me look in her purse, she keeps all the cards and letters in there'),
  ];

  test('a bare ID shaped like one, soon after it was asked for', () => {
    const transcript = call(
      ...asked,
      agent("that's fine, I'll wait while you look for it"),
      customer('okay here, Q D R 4 4 0 1 9 2 7'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:QDR 4401927']);
    assert.ok(detectIn(transcript).entities[0]?.reasons.includes('member-topic'));
  });

  test('negatives: a look-alike named since, another type asked for', () => {
    assert.deepEqual(
      foundOfType(
        call(
          ...asked,
          agent("while you look, what's the claim number on the letter?"),
          customer('okay here, Q D R 4 4 0 1 9 2 7'),
        ),
        'MEMBER_ID',
      ),
      [],
    );
    assert.deepEqual(
      foundOfType(
        call(...asked, agent('and a phone number for her?'), customer('sure, 4 1 5 2 2 0 9 9 1 3')),
        'MEMBER_ID',
      ),
      [],
    );
  });

  test('a licence restarted after a false start', () => {
    const transcript = mono(
      'can I have your drivers license number',
      'one second, it is in the car, my husband is getting it for me now, okay here it is W 4 4 0 2 1 9 7 7 3',
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:W 440219773']);
  });
});

describe('identifiers said in pieces', () => {
  test('pieces tied by "and then", or by the other party’s inline "mm-hmm" in a mono file', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('your member ID please'),
          customer('T P 7 7 0 3 1 5 8 2'),
          agent('so T P 7 7 0 3 1 5, and then 8 2?'),
        ),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:TP 77031582', 'MEMBER_ID:TP 770315 and then 8 2'],
    );
    assert.deepEqual(
      foundOfType(
        mono('what is the member ID on the card', "it's H R W 5 0 2 2 mm-hmm 8 1 7 3"),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:HRW 5022 mm-hmm 8173'],
    );
    assert.deepEqual(
      foundOfType(
        mono('and your driving licence number please', 'sure, it is P, okay, 4 4 9 0 2 1 7 7'),
        'DRIVERS_LICENSE',
      ),
      ['DRIVERS_LICENSE:P okay 44902177'],
    );
  });

  test('a forgotten part added after the rest', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('can I have the subscriber number'),
          customer('sure, 6 6 1 0 4 9 2 3, oh and it has two letters at the start, K P'),
        ),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:66104923 oh and it has 2 letters at the start KP'],
    );
  });

  test('a value and its read-back that a mono file runs together are two', () => {
    const transcript = mono(
      'do you have his health plan number',
      'sure, the letter from them is here 553 208 1174 5532081174 thanks',
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), [
      'MEMBER_ID:553 208 1174',
      'MEMBER_ID:5532081174',
    ]);
  });

  test('the last four named with "ending in" (not a card\'s, even in payment context)', () => {
    const licence = call(
      agent("I'll put the deposit on your visa, and we have your driving licence, the one ending 7 7 0 2"),
      customer('yes'),
    );
    assert.deepEqual(found(licence), ['DRIVERS_LICENSE:7702']);
  });

  test('negatives: a plate number, a police report number', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('what is your license plate number'), customer('it is K T 4 9 8 8 2')),
        'DRIVERS_LICENSE',
      ),
      [],
    );
    assert.deepEqual(
      foundOfType(
        call(
          agent('can I have your drivers license number'),
          customer('W 4 4 0 2 1 9 7 7 3'),
          agent('and the police report number?'),
          customer('J K 2 0 9 4 4 1'),
        ),
        'DRIVERS_LICENSE',
      ),
      ['DRIVERS_LICENSE:W 440219773'],
    );
  });
});

describe('PASSPORT', () => {
  test('passports asked for together', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('both passports please, starting with the lead traveller'), customer('4 4 0 1 9 2 8 3 7')),
        'PASSPORT',
      ),
      ['PASSPORT:440192837'],
    );
  });
});

describe('identifiers given in pieces and read back, as callers and engines write them', () => {
  test('a lower-case read-back of an ID with letters (a transcript without capitals) is the ID', () => {
    const transcript = call(
      agent('can you read me the member ID off her card'),
      customer('sure, it is Q W T'),
      agent('mm hmm'),
      customer('6 1 9 0 4 4 2 7 3'),
      agent('thanks, so the member ID is qwt 619044273'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), [
      'MEMBER_ID:QWT|619044273',
      'MEMBER_ID:qwt 619044273',
    ]);
  });

  test('an ID with letters written in lower case by the engine, first said or read back', () => {
    assert.deepEqual(
      foundOfType(call(agent('your medicare number?'), customer('sure it is 7kq4-hw2-ne88')), 'MEMBER_ID'),
      ['MEMBER_ID:7kq4-hw2-ne88'],
    );
  });

  test('negatives: a lower-case handle (a run of 4 letters or more) is not an ID', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('can you read me the member ID?'),
          customer('one second, I am logging in as dvance4471 to find it'),
        ),
        'MEMBER_ID',
      ),
      [],
    );
  });

  test('a piece the other party echoes back does not end the value ("… is C 4" / "C 4?" / "…")', () => {
    const transcript = call(
      agent('and the passport number, please?'),
      customer('the new one is C 4'),
      agent('C four'),
      customer('7 1 9 0 2 3 8'),
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:C 4|7190238']);
  });

  test('a zero closing a piece before the other party’s "yep" in a file that does not tell the speakers apart', () => {
    const transcript = mono(
      'and the passport number?',
      'it is six one oh yep four four two mm-hmm eight one three',
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:610 yep 442 mm-hmm 813']);
  });

  test('"reading it out" is how an ID is given, not a meter reading', () => {
    const transcript = call(
      agent('we need the licence of the second driver too'),
      customer('hang on, my son is reading it out, M O R G A 7 1 0 2 2 5 T J 8 K L'),
    );
    assert.deepEqual(foundOfType(transcript, 'DRIVERS_LICENSE'), ['DRIVERS_LICENSE:MORGA 710225 TJ 8 KL']);
    assert.deepEqual(
      foundOfType(
        call(agent('your licence number?'), customer('the meter reading is 4 4 0 1 9 2 7 7')),
        'DRIVERS_LICENSE',
      ),
      [],
    );
  });

  test('negatives: a bare number the speaker names as another kind, while IDs are the topic', () => {
    const transcript = call(
      agent("what's the member ID on the card?"),
      customer('X R T 5 5 0 1 9 2 3'),
      agent('thanks, your callback request number is 3 0 8 8 1 2 7 7 4'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:XRT 5501923']);
  });

  test('negatives: the answer to a question for another kind of number, after the caller named their passport', () => {
    const transcript = call(
      customer('hello, my passport still has not been sent back'),
      agent('I can look into it. your visa application number?'),
      customer('K L 4 4 0 9 1 2 8 3'),
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), []);
  });
});

describe('PINs, passports and licences as callers go over them', () => {
  test('"since" in the question is a conjunction: only a year said as one is dropped', () => {
    const codes = call(
      agent('the gate code, do you want a new one since the tenants moved out'),
      customer('it is 3 9 1 7 now and I would like 5 0 6 2'),
    );
    assert.deepEqual(foundOfType(codes, 'PIN'), ['PIN:3917', 'PIN:5062']);
    assert.deepEqual(
      foundOfType(call(agent('and your pin'), customer('I have had the same one since 2004')), 'PIN'),
      [],
    );
  });

  test('a bare PIN while PINs are the topic and nothing else was asked', () => {
    const carried = call(
      customer('will my phone banking pin still work after the move'),
      agent('yes it carries over to the new branch on its own, it is the same six digit one you picked'),
      customer('yeah, 7 1 4 4 0 9'),
    );
    assert.deepEqual(foundOfType(carried, 'PIN'), ['PIN:714409']);
    const asked = call(
      customer('will my phone banking pin still work after the move'),
      agent('yes it carries over to the new branch on its own, and how many cards do you need now'),
      customer('yeah, 2 0 0 0'),
    );
    assert.deepEqual(foundOfType(asked, 'PIN'), []);
  });

  test('a new PIN set, a PIN corrected, another offered or guessed while PINs are the topic', () => {
    const set = call(
      agent('your door code now is 5 1 5 1, what would you like the new one to be'),
      customer('what about 2 0 0 1'),
      agent('we advise against years people could guess, but it is up to you'),
      customer('okay then, make it 7 3 6 4 instead'),
    );
    assert.deepEqual(foundOfType(set, 'PIN'), ['PIN:5151', 'PIN:2001', 'PIN:7364']);
    const corrected = mono(
      'can I have the account pin please',
      "hmm is it 6 1 1 8, no wait, that's my locker one, it's 6 8 1 1",
    );
    assert.deepEqual(foundOfType(corrected, 'PIN'), ['PIN:6118', 'PIN:6811']);
    const offered = mono('can I have the account pin please', 'I think 3 3 0 2 or maybe it is 3 2 0 3');
    assert.deepEqual(foundOfType(offered, 'PIN'), ['PIN:3302', 'PIN:3203']);
    const guessed = mono(
      'the pin on the account please',
      'I changed it over the winter and it has gone, it could be the 6 digit one, 4 0 4 7 1 1',
    );
    assert.deepEqual(foundOfType(guessed, 'PIN'), ['PIN:404711']);
  });

  test('a bare answer when a new one is asked for while PINs are the topic', () => {
    const changed = call(
      customer('the garage code is 3 8 3 8 and everybody knows it'),
      agent('we can change that today, which new one would you like'),
      customer('9 0 6 2'),
    );
    assert.deepEqual(foundOfType(changed, 'PIN'), ['PIN:3838', 'PIN:9062']);
    // A new one of something else, with no PIN talked about, is no PIN.
    const other = call(
      customer('my old bike lock broke last week'),
      agent('sorry to hear it, and what is the number stamped on the new one'),
      customer('4 0 1 2'),
    );
    assert.deepEqual(foundOfType(other, 'PIN'), []);
  });

  test('a last "oh" after a doubled digit is a zero, in a mono file that runs on into the next words', () => {
    assert.deepEqual(
      detectIn(mono('and your four digit pin double seven three oh lovely and the postcode')).entities.map(
        (entity) => [entity.type, entity.value],
      ),
      [['PIN', '7730']],
    );
  });

  test('two letters an engine wrote lower case before the digits belong to the identifier', () => {
    const passport = detectIn(
      call(agent('your passport number please'), customer("it's gb 5521907")),
    ).entities;
    assert.deepEqual(
      passport.map((entity) => [entity.type, entity.value]),
      [['PASSPORT', 'GB5521907']],
    );
    // A word is not a letter pair: "ok" stays out.
    const bare = detectIn(call(agent('your passport number please'), customer('ok 55219073'))).entities;
    assert.deepEqual(
      bare.map((entity) => [entity.type, entity.value]),
      [['PASSPORT', '55219073']],
    );
  });

  test('one letter between digits, as a licence is read out, is a letter of it', () => {
    const licence = detectIn(
      call(agent('and your driving licence number'), customer('it is HOLTE 5 0 1 1 2 9 k 9 9 T R')),
    ).entities;
    assert.deepEqual(
      licence.map((entity) => [entity.type, entity.value]),
      [['DRIVERS_LICENSE', 'HOLTE501129K99TR']],
    );
    // Not a postcode: the letters and digits inside a parcel's tracking number.
    assert.deepEqual(
      foundOfType(call(customer('my parcel tracking is 1 z 9 9 0 a b 7 7 2 1 0 3 8')), 'POSTAL_CODE'),
      [],
    );
  });

  test('three consonants an engine wrote lower case before the digits, not a word', () => {
    const member = detectIn(call(agent('and your member number'), customer('it is pkw 6031877 2'))).entities;
    assert.deepEqual(
      member.map((entity) => [entity.type, entity.value]),
      [['MEMBER_ID', 'PKW60318772']],
    );
    const word = detectIn(
      call(agent('and your member number'), customer('the card is dry 60318772')),
    ).entities;
    assert.deepEqual(
      word.map((entity) => [entity.type, entity.value]),
      [['MEMBER_ID', '60318772']],
    );
  });

  test('letters spelled, then said again in a word with the digits, are one false start', () => {
    const member = detectIn(
      call(agent('the member number off the card please'), customer('it is T Q R, tqr5518 then 20934')),
    ).entities;
    assert.deepEqual(
      member.map((entity) => [entity.type, entity.value]),
      [['MEMBER_ID', 'TQR551820934']],
    );
  });

  test('an ID and its read-back run together after a word written as letters, in a mono file', () => {
    assert.deepEqual(
      foundOfType(
        mono('she is on my plan, member ID K W T 5 5 0 9 8 1 2 4 K W T 550981 24 okay'),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:KWT 55098124', 'MEMBER_ID:KWT 550981 24'],
    );
  });

  test('letters spelled "R for romeo" and said again as NATO words, before the digits', () => {
    const said = detectIn(
      call(agent('your passport number'), customer('R for romeo, H for hotel, romeo hotel 6 6 0 3 1 8 2')),
    ).entities;
    assert.deepEqual(
      said.map((entity) => [entity.type, entity.value]),
      [['PASSPORT', 'RH6603182']],
    );
  });

  test('a licence begun, broken off and given again is one licence, valued as the retry', () => {
    const licence = detectIn(
      call(agent('and your driving licence number'), customer('it is W E L L S, um, WELLS 604128 JK7AB')),
    ).entities;
    assert.deepEqual(
      licence.map((entity) => [entity.type, entity.value]),
      [['DRIVERS_LICENSE', 'WELLS604128JK7AB']],
    );
  });
});
