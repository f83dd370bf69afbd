/** Detection of items whose spoken form the normaliser rewrites (see docs/normalisation.md). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTranscript } from '../helpers/transcript.js';
import { agent, call, customer, detectIn, foundOfType } from './conversation.js';

describe('spoken forms through the normaliser', () => {
  test('an IBAN with "oh" between its check digits and the spelled bank code', () => {
    const transcript = call(
      agent('Can I have the IBAN?'),
      customer('i e five oh a i b k nine three one one five two, one two three four five six eight eight.'),
    );
    assert.deepEqual(foundOfType(transcript, 'IBAN'), ['IBAN:IE 50 AIBK 931152 12345688']);
  });

  test('a flat number then a house number said as a compound', () => {
    const transcript = call(
      agent("What's the new address?"),
      customer('apartment ten two thousand one hundred forty seven Elm Drive, Springfield.'),
    );
    assert.deepEqual(foundOfType(transcript, 'STREET_ADDRESS'), [
      'STREET_ADDRESS:apartment 10 2147 Elm Drive Springfield',
    ]);
  });

  test('a dictated password, with case words and symbol names', () => {
    const transcript = call(
      agent("What's the password on the account?"),
      customer('uppercase d dragon dollar sign one nine nine two'),
    );
    const [password] = detectIn(transcript).entities.filter((entity) => entity.type === 'PASSWORD');
    assert.equal(password?.value, 'Dragon$1992');
    assert.equal(password.parts[0]!.words.length, 9);
  });

  test('a dictated password after the agent keeps talking, in a file that does not tell speakers apart', () => {
    const transcript = buildTranscript([
      {
        text:
          'And what is the Wi-Fi password set to? I need it to test the connection. ' +
          'uppercase d dragon dollar sign one nine nine two. I see you called about this on Thursday.',
      },
    ]);
    const passwords = detectIn(transcript).entities.filter((entity) => entity.type === 'PASSWORD');
    assert.deepEqual(
      passwords.map((entity) => entity.value),
      ['Dragon$1992'],
    );
    // Talk without a password-shaped token is still no password.
    const talk = buildTranscript([
      {
        text: 'And what is the Wi-Fi password set to? I need it to test the connection. I am not sure sorry.',
      },
    ]);
    assert.deepEqual(
      detectIn(talk).entities.filter((entity) => entity.type === 'PASSWORD'),
      [],
    );
  });
});
