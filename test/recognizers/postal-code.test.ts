import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType } from './conversation.js';

const postcodes = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'POSTAL_CODE');

describe('POSTAL_CODE in spoken forms', () => {
  test('a UK postcode in NATO words, a lone NATO word included', () => {
    assert.deepEqual(postcodes(agent('And the postcode?'), customer('lima one seven nine echo zulu.')), [
      'POSTAL_CODE:L 179 EZ',
    ]);
    assert.deepEqual(postcodes(agent('Postcode please.'), customer('lima seventeen seven romeo november.')), [
      'POSTAL_CODE:L 177 RN',
    ]);
    assert.deepEqual(
      postcodes(agent("What's your postcode?"), customer('whiskey one alpha zero alpha x-ray')),
      ['POSTAL_CODE:W 1 A 0 AX'],
    );
  });

  test('the number of a flat or suite is not a ZIP', () => {
    assert.deepEqual(
      postcodes(
        agent('And the new address?'),
        customer(
          'apartment twenty three six hundred sixty eight Elm Drive Austin California four eight five one two',
        ),
      ),
      ['POSTAL_CODE:48512'],
    );
    assert.deepEqual(postcodes(agent('And the zip?'), customer('six two seven oh four')), [
      'POSTAL_CODE:62704',
    ]);
  });

  test('a closing "oh" with talk after it is the zip\'s last zero, unless it breaks off', () => {
    assert.deepEqual(postcodes(agent('What zip code?'), customer('three three one four oh is that okay')), [
      'POSTAL_CODE:3314 oh',
    ]);
    assert.deepEqual(
      postcodes(agent('What zip code?'), customer('three three one four oh wait let me check')),
      [],
    );
  });

  test('negatives: NATO words without letters to pair with, a golf score', () => {
    assert.deepEqual(postcodes(agent('And the postcode?'), customer('golf one seven nine')), []);
    assert.deepEqual(postcodes(customer('I played golf seventeen times last year')), []);
  });

  test('negatives: a time said with an hour and "pm" or "am" after a street word', () => {
    assert.deepEqual(postcodes(customer('the car park on Mill Road shuts by 11 PM on weekdays')), []);
    assert.deepEqual(postcodes(customer('the van reaches Elm Close around 9 a.m. tomorrow')), []);
    // A postcode spelled in capitals keeps its shape.
    assert.deepEqual(postcodes(customer('it is 4 Mill Road, BY11 7PM')), ['POSTAL_CODE:BY11 7PM']);
  });
});

describe('Irish Eircodes', () => {
  test('at the end of a street address, with no postcode cue', () => {
    assert.deepEqual(postcodes(customer('it is 3 Marine Terrace in Bray, A98 K2P4')), [
      'POSTAL_CODE:A98 K2P4',
    ]);
  });

  test('negatives: the same shape with no address or postcode cue', () => {
    assert.deepEqual(postcodes(customer('the code on the box is A98 K2P4')), []);
  });
});
