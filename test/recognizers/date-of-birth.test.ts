import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';

describe('DATE_OF_BIRTH', () => {
  const answers: [string, string][] = [
    ['march third nineteen eighty five', 'march 3 1985'],
    ['the third of march eighty five', 'the 3 of march 85'],
    ['3 march 1985', '3 march 1985'],
    ['03/03/1985', '03/03/1985'],
    ['3 3 1985', '3 3 1985'],
    ['oh three oh three nineteen eighty five', '03031985'],
    ['1985-03-03', '1985-03-03'],
    ['december 31 1999', 'december 31 1999'],
  ];
  for (const [answer, value] of answers) {
    test(`"${answer}" after a date-of-birth question`, () => {
      const transcript = call(agent('can I take your date of birth please'), customer(answer));
      assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), [`DATE_OF_BIRTH:${value}`]);
    });
  }

  test('named by the customer', () => {
    assert.deepEqual(foundOfType(call(customer('I was born on july 4 1976')), 'DATE_OF_BIRTH'), [
      'DATE_OF_BIRTH:july 4 1976',
    ]);
  });

  test('negatives: a date without DOB context, impossible dates, future years', () => {
    assert.deepEqual(foundOfType(call(customer('the appointment is march 3 2024')), 'DATE_OF_BIRTH'), []);
    assert.deepEqual(
      foundOfType(call(agent('date of birth'), customer('february 30 1985')), 'DATE_OF_BIRTH'),
      [],
    );
    assert.deepEqual(
      foundOfType(call(agent('date of birth'), customer('march 3 2199')), 'DATE_OF_BIRTH'),
      [],
    );
    assert.deepEqual(foundOfType(call(agent('date of birth'), customer('13/13/1985')), 'DATE_OF_BIRTH'), []);
  });

  test('asked with another item in one breath, answered straight after it in one mono stream', () => {
    const transcript = mono(
      'to check it is you can I have your date of birth and the last four of your social',
      'august 9th 1952',
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), ['DATE_OF_BIRTH:august 9 1952']);
    // Digits named as the other item right before stay that item's.
    assert.deepEqual(
      foundOfType(mono('your date of birth was taken, and the sort code is 11 04 52'), 'DATE_OF_BIRTH'),
      [],
    );
  });
});

describe('DATE_OF_BIRTH for several people', () => {
  test('"dates of birth?" asks for each', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('I need dates of birth for both travellers'),
          customer('march 3 1961 for me, july 9 1958 for him'),
        ),
        'DATE_OF_BIRTH',
      ),
      ['DATE_OF_BIRTH:march 3 1961', 'DATE_OF_BIRTH:july 9 1958'],
    );
  });
});
