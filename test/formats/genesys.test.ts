import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Word } from '../../src/core/transcript.js';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_AND_EMAIL_IN_WORDS,
  CARD_IN_WORDS,
  EMAIL_IN_WORDS,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const call = fixture('genesys', 'call.json');
const RECORDING_START = 1718029351000;

describe('Genesys import', () => {
  test('epoch times become ms from the recording start; purpose gives the role; no channel', () => {
    const { format, transcript } = importTranscript(call.text, call.origin);
    assert.equal(format.id, 'genesys');
    assert.equal(transcript.channels, 1);
    assert.deepEqual(transcript.words[0], {
      // The raw word is "thanks"; the decorated text gives its case.
      text: 'Thanks',
      start: 520,
      end: 838,
      channel: null,
      speaker: null,
      role: 'agent',
      confidence: 0.9987,
      timing: 'native',
      source: ['transcripts', 0, 'phrases', 0, 'words', 0],
    });
    const card = wordsSaying(transcript, CARD_IN_WORDS.spoken);
    assert.ok(card.every((word) => word.role === 'customer'));
    assert.equal(card[0]!.start, 5774);
    assert.equal(transcript.words.length, 44);
  });

  test('raw lower-case words take case and punctuation from the decorated text; formatted numbers stay spoken', () => {
    const { transcript } = importTranscript(call.text, call.origin);
    const texts = transcript.words.map((word) => word.text);
    assert.deepEqual(texts.slice(0, 7), ['Thanks', 'for', 'calling', 'Acme', 'Bank.', 'Can', 'I']);
    assert.ok(texts.includes('number,') && texts.includes('please?') && texts.includes('address?'));
    // "4111 1111 …" and the written address do not spell the raw words: those keep the raw form.
    assert.deepEqual(wordsSaying(transcript, CARD_IN_WORDS.spoken)[0]!.text, 'four');
    assert.ok(texts.includes('john') && texts.includes('dot'));
  });

  test('an ISO startTime works the same; without one the earliest word is the start', () => {
    const iso = edited(call.text, (doc) => {
      doc.startTime = new Date(RECORDING_START).toISOString();
    });
    assert.equal(importTranscript(iso, call.origin).transcript.words[0]!.start, 520);
    const none = edited(call.text, (doc) => {
      delete doc.startTime;
    });
    const shifted = importTranscript(none, call.origin).transcript;
    assert.equal(shifted.words[0]!.start, 0);
    assert.equal(wordsSaying(shifted, CARD_IN_WORDS.spoken)[0]!.start, 5774 - 520);
  });

  test('a phrase without words has its text spread over the phrase', () => {
    const bare = edited(call.text, (doc) => {
      delete doc.transcripts[0].phrases[2].words;
    });
    const { transcript } = importTranscript(bare, call.origin);
    const phrase = transcript.words.filter((word) => word.source[4] === 'text');
    assert.deepEqual(
      phrase.map((word) => word.text),
      ['thank', 'you', 'and', 'your', 'email', 'address'],
    );
    assert.ok(phrase.every((word) => word.timing === 'interpolated' && word.role === 'agent'));
    assert.equal(phrase[0]!.start, 12300);
  });

  test('only this format claims the file, and it can be named', () => {
    assertOnlyClaimedBy('genesys', call.text);
    assert.equal(importTranscript(call.text, call.origin, 'genesys').transcript.words.length, 44);
  });
});

describe('Genesys malformed input', () => {
  test('a word time of the wrong type is named by path, without the words', () => {
    const bad = edited(call.text, (doc) => {
      doc.transcripts[0].phrases[1].words[3].startTimeMs = '1718029356774';
    });
    assertSafeImportError(bad, 'g.json', 'transcripts[0].phrases[1].words[3].startTimeMs');
  });

  test('an unreadable startTime and a word before it are named by path', () => {
    const unreadable = edited(call.text, (doc) => {
      doc.startTime = 'yesterday';
    });
    assertSafeImportError(unreadable, 'g.json', 'startTime');
    const early = edited(call.text, (doc) => {
      doc.startTime = RECORDING_START + 1000;
    });
    assertSafeImportError(early, 'g.json', 'transcripts[0].phrases[0].words[0].startTimeMs');
  });

  test('a truncated file is reported as such', () => {
    assertSafeImportError(call.text.slice(0, 1500), 'g.json', TRUNCATED_JSON);
  });
});

describe('Genesys redaction', () => {
  test('words, text, decorated words and decorated text are all redacted', () => {
    const { output } = redactRoundTrip(call, { format: 'genesys', runs: CARD_AND_EMAIL_IN_WORDS });
    const [, card, , email] = JSON.parse(output).transcripts[0].phrases;
    assert.equal(card.text, "sure it's [CARD_NUMBER]");
    assert.equal(card.decoratedText, "Sure, it's [CARD_NUMBER]");
    assert.deepEqual(
      card.decoratedWords.map((word: { word: string }) => word.word),
      ['Sure,', "it's", '[CARD_NUMBER]'],
    );
    assert.equal(card.words[2].startTimeMs, RECORDING_START + 5774);
    assert.equal(card.words[2].startTimeMs + card.words[2].duration.milliseconds, RECORDING_START + 10831);
    assert.equal(email.text, "it's [EMAIL]");
    assert.equal(
      email.decoratedText,
      "It's [EMAIL]",
      'rebuilt from the words, cased as the decorated text had them, when they cannot be found',
    );
  });

  test('a phrase without words is redacted in its text', () => {
    const bare = edited(call.text, (doc) => {
      delete doc.transcripts[0].phrases[3].words;
    });
    const byPhrase = (word: Word) => word.source.slice(0, 4).join('/');
    const { output, after } = redactRoundTrip(
      { ...call, text: bare },
      { format: 'genesys', runs: [EMAIL_IN_WORDS], spreadIn: byPhrase },
    );
    const phrase = JSON.parse(output).transcripts[0].phrases[3];
    assert.equal(phrase.text, "it's [EMAIL]");
    assert.ok(after.words.some((word) => word.text === '[EMAIL]'));
  });
});
