import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

const firstDob = [agent('and your date of birth?'), customer('twelfth of march sixty six')];

describe('dates of birth while dates of birth are being collected', () => {
  test("a second person's date with no cue of its own", () => {
    assert.deepEqual(
      foundOfType(
        call(...firstDob, agent('and your partner?'), customer('Sam, eighth of October seventy')),
        'DATE_OF_BIRTH',
      ),
      ['DATE_OF_BIRTH:12 of march 66', 'DATE_OF_BIRTH:8 of october 70'],
    );
  });

  test('negatives: a future or recent date, an issue date, no date of birth asked', () => {
    const only = ['DATE_OF_BIRTH:12 of march 66'];
    assert.deepEqual(
      foundOfType(
        call(...firstDob, agent('and when do you fly out?'), customer('eighth of October twenty thirty')),
        'DATE_OF_BIRTH',
      ),
      only,
    );
    assert.deepEqual(
      foundOfType(
        call(
          ...firstDob,
          agent('and when was the passport issued?'),
          customer('issued on the eighth of October two thousand fifteen'),
        ),
        'DATE_OF_BIRTH',
      ),
      only,
    );
    assert.deepEqual(
      foundOfType(
        call(agent('when did you move in?'), customer('eighth of October two thousand nine')),
        'DATE_OF_BIRTH',
      ),
      [],
    );
  });
});

const firstPassport = [agent('your passport number please'), customer('6 1 7 2 0 4 4 8 3')];

describe('passport numbers later in a call about passports', () => {
  test('a bare nine-digit number for the next traveller', () => {
    assert.deepEqual(
      foundOfType(
        call(...firstPassport, agent('thanks, and your daughter?'), customer('3 9 1 0 5 5 2 7 8')),
        'PASSPORT',
      ),
      ['PASSPORT:617204483', 'PASSPORT:391055278'],
    );
  });

  test('negatives: asked for as something else, or passports never mentioned', () => {
    assert.deepEqual(
      foundOfType(
        call(
          ...firstPassport,
          agent('ok'),
          customer('fine'),
          agent('and the routing number?'),
          customer('3 9 1 0 5 5 2 7 8'),
        ),
        'PASSPORT',
      ),
      ['PASSPORT:617204483'],
    );
    assert.deepEqual(
      foundOfType(call(agent('thanks, and your daughter?'), customer('3 9 1 0 5 5 2 7 8')), 'PASSPORT'),
      [],
    );
  });
});

describe('member ids confirmed after a partial read-back', () => {
  const asked = [agent('what is the member id on your card?'), customer('it is Q T R 5 5 0 1 9 2 8')];

  test('"was that QTR 550?" "yes, QTR 5501928"', () => {
    assert.deepEqual(
      foundOfType(
        call(...asked, agent('sorry, was that Q T R 5 5 0?'), customer('yes, Q T R 5 5 0 1 9 2 7')),
        'MEMBER_ID',
      ),
      // The agent's partial read-back is taken too: it asked for the ID, and the start gives some away.
      ['MEMBER_ID:QTR 5501928', 'MEMBER_ID:QTR 550', 'MEMBER_ID:QTR 5501927'],
    );
  });

  test('negatives: the whole ID read back, or a read-back of something else', () => {
    assert.deepEqual(
      foundOfType(
        call(...asked, agent('the postcode was B 4 1 7 Q X?'), customer('yes B 4 1 7 Q X')),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:QTR 5501928'],
    );
    assert.deepEqual(
      foundOfType(
        call(...asked, agent('and the reference R F 2 2?'), customer('R F 2 2 8 1 9 0')),
        'MEMBER_ID',
      ),
      ['MEMBER_ID:QTR 5501928'],
    );
  });
});
