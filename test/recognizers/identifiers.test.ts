import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType } from './conversation.js';

describe('PIN', () => {
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

  test('negatives: no licence cue, letters only, too short', () => {
    assert.deepEqual(foundOfType(call(customer('D 12345678')), 'DRIVERS_LICENSE'), []);
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
    assert.deepEqual(foundOfType(call(customer('my policy number is 88412907')), 'MEMBER_ID'), [
      'MEMBER_ID:88412907',
    ]);
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

  test('negatives: no member cue', () => {
    assert.deepEqual(foundOfType(call(customer('XYZ 123456789')), 'MEMBER_ID'), []);
    assert.deepEqual(foundOfType(call(customer('XYZ 123 dash 456789')), 'MEMBER_ID'), []);
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
