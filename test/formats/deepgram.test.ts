import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_AND_EMAIL_IN_WORDS,
  CARD_IN_WORDS,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const multichannel = fixture('deepgram', 'call-multichannel.json');
const diarized = fixture('deepgram', 'call-diarized.json');

describe('Deepgram import', () => {
  test('multichannel: channel from the channel index, punctuated words, seconds to ms', () => {
    const { format, transcript } = importTranscript(multichannel.text, multichannel.origin);
    assert.equal(format.id, 'deepgram');
    assert.equal(transcript.channels, 2);
    assert.deepEqual(transcript.words[0], {
      text: 'Thanks',
      start: 520,
      end: 838,
      channel: 0,
      speaker: null,
      role: 'unknown',
      confidence: 0.9987,
      timing: 'native',
      source: ['results', 'channels', 0, 'alternatives', 0, 'words', 0],
    });
    const card = wordsSaying(transcript, CARD_IN_WORDS.spoken);
    assert.ok(card.every((word) => word.channel === 1));
    assert.equal(card[3]!.text, 'one,', 'the punctuated form is the text');
    assert.equal(transcript.words.length, 44, 'utterances repeat words; they are not counted twice');
  });

  test('diarized mono: speaker from the word, one channel', () => {
    const { transcript } = importTranscript(diarized.text, diarized.origin);
    assert.equal(transcript.channels, 1);
    const speakers = wordsSaying(transcript, CARD_IN_WORDS.spoken).map((word) => word.speaker);
    assert.deepEqual([...new Set(speakers)], ['1']);
    assert.equal(transcript.words[0]!.speaker, '0');
  });

  test('words without punctuation use the plain word', () => {
    const plain = edited(multichannel.text, (doc) => {
      for (const channel of doc.results.channels) {
        for (const word of channel.alternatives[0].words) delete word.punctuated_word;
      }
    });
    assert.equal(importTranscript(plain, multichannel.origin).transcript.words[0]!.text, 'thanks');
  });

  test('only this format claims the files, and it can be named', () => {
    assertOnlyClaimedBy('deepgram', multichannel.text, diarized.text);
    assert.equal(importTranscript(diarized.text, diarized.origin, 'deepgram').transcript.words.length, 44);
  });
});

describe('Deepgram malformed input', () => {
  test('a word time of the wrong type is named by path, without the words', () => {
    const bad = edited(multichannel.text, (doc) => {
      doc.results.channels[1].alternatives[0].words[2].start = '5.774';
    });
    assertSafeImportError(bad, 'dg.json', 'results.channels[1].alternatives[0].words[2].start');
  });

  test('a missing word list is named by path', () => {
    const bad = edited(diarized.text, (doc) => {
      delete doc.results.channels[0].alternatives[0].words;
    });
    assertSafeImportError(bad, 'dg.json', 'results.channels[0].alternatives[0].words', 'deepgram');
  });

  test('a truncated file is reported as such', () => {
    assertSafeImportError(diarized.text.slice(0, 3000), 'dg.json', TRUNCATED_JSON);
  });
});

describe('Deepgram redaction', () => {
  test('multichannel: words, transcripts, paragraphs and utterances all redacted', () => {
    const { output } = redactRoundTrip(multichannel, { format: 'deepgram', runs: CARD_AND_EMAIL_IN_WORDS });
    const { results } = JSON.parse(output);
    const customer = results.channels[1].alternatives[0];
    assert.equal(customer.transcript, "Sure, it's [CARD_NUMBER] It's [EMAIL]");
    assert.equal(customer.paragraphs.transcript, "\nSure, it's [CARD_NUMBER]\n\nIt's [EMAIL]");
    assert.deepEqual(
      customer.paragraphs.paragraphs.map((paragraph: { num_words: number }) => paragraph.num_words),
      [3, 2],
    );
    assert.equal(results.utterances[1].transcript, "Sure, it's [CARD_NUMBER]");
    assert.deepEqual(
      results.utterances[1].words.map((word: { punctuated_word: string }) => word.punctuated_word),
      ['Sure,', "it's", '[CARD_NUMBER]'],
    );
    assert.equal(
      results.channels[0].alternatives[0].transcript,
      JSON.parse(multichannel.text).results.channels[0].alternatives[0].transcript,
    );
  });

  test('diarized: entities and sentiment segments follow the words; the summary goes', () => {
    const { output, after } = redactRoundTrip(diarized, {
      format: 'deepgram',
      runs: CARD_AND_EMAIL_IN_WORDS,
    });
    assert.ok(!output.includes('\n  '), 'stays compact');
    const { results } = JSON.parse(output);
    assert.equal(results.summary, undefined);
    const alternative = results.channels[0].alternatives[0];
    assert.match(alternative.paragraphs.transcript, /\nSpeaker 1: Sure, it's \[CARD_NUMBER\]\n/);
    const [card, email] = alternative.entities;
    assert.equal(card.value, '[CARD_NUMBER]');
    assert.equal(card.start_word, card.end_word);
    assert.equal(alternative.words[card.start_word].word, '[CARD_NUMBER]');
    assert.equal(email.value, '[EMAIL]');
    assert.equal(alternative.words[email.start_word].word, '[EMAIL]');
    const segment = results.sentiments.segments[0];
    assert.equal(segment.text, "Sure, it's [CARD_NUMBER]");
    assert.equal(alternative.words[segment.end_word].word, '[CARD_NUMBER]');
    assert.equal(after.words.length, 44 - 15 - 6);
  });

  test('a second alternative is redacted by time, and search hits over a redaction go', () => {
    const extra = edited(multichannel.text, (doc) => {
      const channel = doc.results.channels[1];
      channel.alternatives.push({
        transcript: 'sure its for one',
        confidence: 0.41,
        words: [
          { word: 'sure', start: 5.0, end: 5.27, confidence: 0.5 },
          { word: 'its', start: 5.46, end: 5.73, confidence: 0.4 },
          { word: 'for', start: 5.8, end: 6.0, confidence: 0.3 },
          { word: 'one', start: 6.1, end: 6.3, confidence: 0.3 },
        ],
      });
      channel.search = [
        { query: 'card', hits: [{ confidence: 0.9, start: 6.0, end: 7.0, snippet: 'one one one' }] },
      ];
    });
    const { output } = redactRoundTrip(
      { ...multichannel, text: extra },
      { format: 'deepgram', runs: CARD_AND_EMAIL_IN_WORDS },
    );
    const channel = JSON.parse(output).results.channels[1];
    assert.equal(channel.alternatives[1].transcript, 'sure its [CARD_NUMBER]');
    assert.deepEqual(channel.search[0].hits, []);
  });
});
