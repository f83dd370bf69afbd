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

  test('a date naming another month than the one just given is no read-back of it', () => {
    const given = 'DATE_OF_BIRTH:9 of april 1972';
    const after = (text: string) =>
      foundOfType(
        call(agent('and for security your date of birth'), customer('9th of April 1972'), agent(text)),
        'DATE_OF_BIRTH',
      );
    assert.deepEqual(after('thanks right so I can see the lease ended 30 of september'), [given]);
    assert.deepEqual(after('lovely so the lease ended 30th of September'), [given]);
    assert.deepEqual(after('lovely so that is 9th of April 1972'), [given, 'DATE_OF_BIRTH:9 of april 1972']);
  });

  test('a birth date the other party named and gave in one breath: another month after it is another date', () => {
    const after = (text: string) =>
      foundOfType(
        call(
          agent('how old is your daughter'),
          customer('she is nine, she was born 2nd of March 2016'),
          agent(text),
        ),
        'DATE_OF_BIRTH',
      );
    const given = 'DATE_OF_BIRTH:2 of march 2016';
    assert.deepEqual(after('great, her swimming lessons begin on the 12th of October'), [given]);
    assert.deepEqual(after('so that is 2nd of March 2016'), [given, given]);
  });

  test('while dates of birth are collected, a date said as when something happened is no birth date', () => {
    const later = (text: string) =>
      foundOfType(
        call(
          agent('can I have your date of birth'),
          customer('june 2 1964'),
          agent('thank you, and how can I help today'),
          customer(text),
        ),
        'DATE_OF_BIRTH',
      );
    assert.deepEqual(later('the bill is for a visit on may 5 2019'), ['DATE_OF_BIRTH:june 2 1964']);
    assert.deepEqual(later('my husband needs his card, he is may 5 1961'), [
      'DATE_OF_BIRTH:june 2 1964',
      'DATE_OF_BIRTH:may 5 1961',
    ]);
  });

  test('a date read back as bare numbers: four digits only when they are the date just given', () => {
    const readBack = (answer: string, back: string) =>
      foundOfType(
        call(agent('and his date of birth'), customer(answer), agent(`${back} okay, and his address`)),
        'DATE_OF_BIRTH',
      );
    assert.deepEqual(readBack('may second nineteen ninety eight', 'five two ninety eight'), [
      'DATE_OF_BIRTH:may 2 1998',
      'DATE_OF_BIRTH:5298',
    ]);
    assert.deepEqual(readBack('the 2nd of may 1998', 'two five ninety eight'), [
      'DATE_OF_BIRTH:the 2 of may 1998',
      'DATE_OF_BIRTH:2598',
    ]);
    assert.deepEqual(readBack('may second nineteen ninety eight', 'four four one seven'), [
      'DATE_OF_BIRTH:may 2 1998',
    ]);
  });

  test('a date run together with the start of its read-back in a mono file', () => {
    const transcript = mono(
      'and your date of birth please',
      'twenty one oh four oh two',
      'twenty first of april two thousand and two?',
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), [
      'DATE_OF_BIRTH:210402',
      'DATE_OF_BIRTH:21 of april 2002',
    ]);
  });

  test("a read-back of the answer is not judged by the caller's older words", () => {
    const transcript = call(
      customer('the invoice for her scan came to two hundred dollars and they turned the claim down'),
      agent('right, could you tell me her date of birth first'),
      customer('november fourth two thousand eleven'),
      agent('eleven four eleven, thanks, let me look'),
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), [
      'DATE_OF_BIRTH:november 4 2011',
      'DATE_OF_BIRTH:11411',
    ]);
  });

  test('a date with its month named is no amount, whatever money the question goes on about', () => {
    const answer = (text: string) =>
      foundOfType(
        call(
          agent("and the second driver's date of birth? under twenty five there is a surcharge fee"),
          customer(text),
        ),
        'DATE_OF_BIRTH',
      );
    assert.deepEqual(answer('she is march ninth 1999'), ['DATE_OF_BIRTH:march 9 1999']);
    // Said as numbers after naming an amount, it is the amount.
    assert.deepEqual(
      foundOfType(
        call(agent('your date of birth please'), customer('the balance is 31290')),
        'DATE_OF_BIRTH',
      ),
      [],
    );
  });
  test('negatives: after a numeric date of birth, another month the speaker goes on to', () => {
    const transcript = call(
      agent('your date of birth?'),
      customer('04/17/1982'),
      agent('thanks. I see a parking charge from March ninth, is that yours?'),
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), ['DATE_OF_BIRTH:04/17/1982']);
  });

  test('a numeric date of birth read back with its month named', () => {
    const transcript = call(
      agent('your date of birth?'),
      customer('04/17/1982'),
      agent('April seventeenth?'),
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), [
      'DATE_OF_BIRTH:04/17/1982',
      'DATE_OF_BIRTH:april 17',
    ]);
  });
  test('a date of birth read back written day first, the month given by name', () => {
    const transcript = call(
      agent('and your date of birth?'),
      customer('March fifth nineteen seventy'),
      agent('so 05/03/1970'),
    );
    assert.deepEqual(foundOfType(transcript, 'DATE_OF_BIRTH'), [
      'DATE_OF_BIRTH:march 5 1970',
      'DATE_OF_BIRTH:05/03/1970',
    ]);
  });
});
