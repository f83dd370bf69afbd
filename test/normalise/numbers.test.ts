import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { writtenNumber } from '../../src/core/normalise/tokens.js';
import { spoken } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('spoken numbers become one digit group', () => {
  test('digit by digit, and number by number', () => {
    expectAll({
      'four one one one': '4111',
      'forty one eleven': '4111',
      'nineteen eighty five': '1985',
      'twenty twenty four': '2024',
      'one two three four five six seven eight nine': '123456789',
      'twenty one twenty two': '2122',
      'four fifty': '450',
      'Four One One One': '4111',
      'I have two kids': 'I have 2 kids',
    });
  });

  test('teens and tens are told apart', () => {
    expectAll({
      'fourteen forty': '1440',
      'forty fourteen': '4014',
      'fifteen fifty': '1550',
      'sixteen sixty six': '1666',
      'seventy seventeen': '7017',
      'ten twenty': '1020',
    });
  });

  test('hundreds, thousands and "a hundred"', () => {
    expectAll({
      'one hundred and five': '105',
      'a hundred': '100',
      'a hundred and twenty': '120',
      'five hundred': '500',
      'two thousand and five': '2005',
      'four thousand one hundred eleven': '4111',
      'nineteen hundred': '1900',
      'twenty five hundred': '2500',
      'one hundred thousand': '100000',
      'a million': '1000000',
      'two hundred twenty three': '223',
      'one million two hundred thousand': '1200000',
      'one thousand one thousand': '1001 1000',
      'four and five': '4 and 5',
      'a dog': 'a dog',
    });
  });

  test('a compound after a number said as a number, or after a flat or suite, is a number of its own', () => {
    expectAll({
      'apartment ten two thousand one hundred forty seven Elm Drive': 'apartment 10 2147 Elm Drive',
      'Flat fifteen two hundred and fifty eight Kingsley Road': 'Flat 15 258 Kingsley Road',
      'flat four two hundred and fifty eight': 'flat 4 258',
      'suite two hundred': 'suite 200',
      'flat four': 'flat 4',
      'flat one two': 'flat 12',
      'four one eleven two hundred': '4111 200',
    });
  });

  test('a compound after digits said one by one continues them, as in dates and codes', () => {
    expectAll({
      'zero eight two four two thousand three': '08242003',
      'oh three oh five two thousand and one': '03052001',
      'five five five two thousand': '5552000',
      'nineteen eighty five': '1985',
      'twenty twenty four': '2024',
    });
  });

  test('"oh" is zero only among, before or closing spoken digits; zero and nought always are', () => {
    expectAll({
      'oh four': '04',
      'nineteen oh five': '1905',
      'oh oh seven': '007',
      'o one two': '012',
      'oh okay': 'oh okay',
      'Oh, four five': 'Oh 45',
      'nine oh two one oh': '90210',
      'forty six oh oh?': '4600',
      'oh oh': 'oh oh',
      'room four oh': 'room 40',
      'five oh okay': '5 oh okay',
      'i e eight oh a i b k three two': 'IE 80 AIBK 32',
      'twenty oh I think': '20 oh I think',
      'five oh a lot': '5 oh a lot',
      'six two five oh oh, wait a second': '62500 wait a second',
      'six two five oh wait a second': '625 oh wait a second',
      'oh j k four t x': '0 JK 4 TX',
      'oh j k': 'oh JK',
      'oh, j k four': 'oh JK 4',
      zero: '0',
      'nought four': '04',
      'four zero four': '404',
    });
  });

  test('"double" and "triple" repeat the next digit, and are words otherwise', () => {
    expectAll({
      'double five': '55',
      'triple seven': '777',
      'four double five six': '4556',
      'double oh seven': '007',
      'double check that': 'double check that',
      'a double': 'a double',
      'double twenty': 'double 20',
    });
  });

  test('hyphenated spoken numbers read like separate words', () => {
    expectAll({ 'twenty-five': '25', 'forty-one eleven': '4111', 'one-two-three': '123' });
  });

  test('fillers inside a digit run do not break it', () => {
    expectAll({ 'four um one one uh one': '4111', 'four one, um, one one': '41 11' });
  });

  test('a comma, full stop or other pause ends the group', () => {
    expectAll({
      'four one one one, one one one one': '4111 1111',
      'four one. One one': '41 11',
      'four one? one one': '41 11',
    });
    // Some sources write punctuation as words of its own.
    assert.equal(spoken('four one , one one'), '41 11');
  });
});

describe('numbers the recogniser wrote in digits', () => {
  test('stay as written, one group per word', () => {
    expectAll({
      '4111 1111': '4111 1111',
      '3 1 2 1': '3121',
      '6 2 days or 7 3': '6 2 days or 7 3',
      '4111-1111': '4111-1111',
      '04/27': '04/27',
      '192.168.1.1.': '192.168.1.1',
      '10:30': '10:30',
    });
  });

  test('a spoken group next to a written number is a separate group', () => {
    expectAll({ '4111 one one one one': '4111 1111', 'four one 11': '41 11', '41 eleven': '41 11' });
  });

  test('keep currency and percent signs, drop thousands commas and brackets', () => {
    expectAll({
      'it was $49.99.': 'it was $49.99',
      '£20 or €15': '£20 or €15',
      '10% off': '10% off',
      '1,250 dollars': '1250 dollars',
      '$1,250,000': '$1250000',
      '(555) 0100': '555 0100',
      '4111,1111': '4111 1111',
    });
  });

  test('written ordinals lose their suffix', () => {
    expectAll({ 'the 3rd': 'the 3', 'March 21st.': 'march 21', '2nd floor': '2 floor' });
  });
});

describe('spoken separators between digit groups', () => {
  test('dash, hyphen, slash, dot and point join groups', () => {
    expectAll({
      'four one one one dash one one one one': '4111-1111',
      'four one hyphen one one': '41-11',
      'oh four slash twenty seven': '04/27',
      'twelve slash oh five slash nineteen eighty': '12/05/1980',
      'one nine two dot one six eight dot one dot one': '192.168.1.1',
      'forty nine point nine nine': '49.99',
      '4111 dash 1111': '4111-1111',
    });
  });

  test('"oh" as a whole part between spoken dots, with a pause after each part', () => {
    expectAll({
      'one seven two, dot oh, dot four four, dot nine': '172.0.44.9',
      'ten dot oh, dot oh, dot one': '10.0.0.1',
    });
  });

  test('"oh" closing a group before a spoken dot or slash and a number', () => {
    expectAll({
      'seven one oh dot thirty dot two dot nine': '710.30.2.9',
      'three oh slash twelve': '30/12',
      'four oh dot': '4 oh dot',
    });
  });

  test('"oh" stays a word without a number before the first separator or a second one after it', () => {
    expectAll({
      'say dot oh, dot four': 'say.oh dot 4',
      'page six, dot oh, well, dot four': 'page 6.oh well dot 4',
    });
  });

  test('are words when not between digit groups', () => {
    expectAll({
      'a dash of salt': 'a dash of salt',
      'slash the price': 'slash the price',
      'the point is four': 'the point is 4',
      'four point': '4 point',
    });
  });

  test('"plus" before a phone number attaches', () => {
    expectAll({
      'plus four four seven seven double oh nine': '+4477009',
      'call plus 44 7700 900': 'call +44 7700 900',
      'plus 1 555 0100': '+1 555 0100',
      'plus four four dash seven seven': '+44-77',
    });
  });

  test('"plus" stays a word in sums and before a lone digit', () => {
    expectAll({ 'two plus two': '2 plus 2', 'zip plus four': 'zip plus 4', 'plus tax': 'plus tax' });
  });
});

describe('ordinals', () => {
  test('become digits and end their group', () => {
    expectAll({
      third: '3',
      'twenty first': '21',
      'march third nineteen eighty five': 'march 3 1985',
      'the third of march': 'the 3 of march',
      'thirty first twelve': '31 12',
      'one hundred and first': '101',
      'fourth floor': '4 floor',
      'twenty-first': '21',
    });
  });

  test('an ordinal said right after a number starts a group of its own', () => {
    // A year, then the date said again without a pause: the day is no part of the year.
    expectAll({
      'sixty four twenty first of march': '64 21 of march',
      'the eleventh of the third sixty four eleventh of march': 'the 11 of the 3 64 11 of march',
      'one two three fourth': '123 4',
    });
  });

  test('"first" and "second" are digits only after a tens word or beside a month', () => {
    expectAll({
      'my first name': 'my first name',
      'just a second': 'just a second',
      'one second': '1 second',
      'march first': 'march 1',
      'the first of may': 'the 1 of may',
      'second of June nineteen ninety': '2 of june 1990',
      'twenty second': '22',
      'Jan second': 'january 2',
    });
  });

  test('a day said as a number after a month ends before digits said one by one, unless they make a year', () => {
    expectAll({
      'october thirty, seven one two': 'october 30 712',
      'october twenty nine seven one two': 'october 29 712',
      'april nineteen eight eight': 'april 19 88',
      'july twelve one nine eight four': 'july 121984',
      'may twenty one nine eight seven': 'may 21987',
      'seventeen five five': '1755',
      'july three four four': 'july 344',
    });
  });
});

describe('"oh" between single digits said in groups', () => {
  test('is zero across the pauses, not a word', () => {
    assert.equal(spoken('eight, one, oh... two.'), '8 1 0 2');
    assert.equal(spoken('I was, oh, seven'), 'I was oh 7');
    assert.equal(spoken('five, oh, okay'), '5 oh okay');
  });

  test('is the last zero of digits said one by one, whatever follows it', () => {
    assert.equal(spoken('three, six, one, oh.'), '3 6 1 0');
    assert.equal(spoken('four one seven oh right'), '4170 right');
    assert.equal(spoken('seven one, oh.'), '71 oh');
    assert.equal(spoken('two oh five nine oh wait, no'), '2059 oh wait no');
  });

  test('is zero before the name of the next item read back without commas', () => {
    assert.equal(spoken('so six one oh four two oh account four four two one'), 'so 610420 account 4421');
    assert.equal(spoken('nine one oh card number four one one one'), '910 card number 4111');
    // Not when the field's name has no digits after it.
    assert.equal(spoken('two oh five nine oh account closed'), '2059 oh account closed');
  });
});

describe('numbers the recogniser wrote in digits', () => {
  test('start with a digit, a currency sign or a plus; a word is none', () => {
    assert.equal(writtenNumber('1,250'), '1250');
    assert.equal(writtenNumber('3rd'), '3');
    assert.equal(writtenNumber('$40'), '$40');
    assert.equal(writtenNumber('£12.50'), '£12.50');
    assert.equal(writtenNumber('€9'), '€9');
    assert.equal(writtenNumber('+447700'), '+447700');
    for (const word of ['hello', 'Rd', 'x3', '-5', '', '#4']) assert.equal(writtenNumber(word), null, word);
  });
});
