import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_AND_EMAIL_AS_WRITTEN,
  CARD_IN_DIGITS,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  claimants,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const multichannel = fixture('assemblyai', 'call-multichannel.json');
const diarized = fixture('assemblyai', 'call-diarized.json');

describe('AssemblyAI import', () => {
  test('multichannel: channels "1" and "2" become 0 and 1; times stay ms', () => {
    const { format, transcript } = importTranscript(multichannel.text, multichannel.origin);
    assert.equal(format.id, 'assemblyai');
    assert.equal(transcript.channels, 2);
    assert.deepEqual(transcript.words[0], {
      text: 'Thanks',
      start: 520,
      end: 838,
      channel: 0,
      speaker: '1',
      role: 'unknown',
      confidence: 0.9987,
      timing: 'native',
      source: ['words', 0],
    });
    const card = wordsSaying(transcript, CARD_IN_DIGITS.spoken);
    assert.deepEqual(
      card.map((word) => [word.text, word.channel]),
      [
        ['4111,', 1],
        ['1111,', 1],
        ['1111,', 1],
        ['1111.', 1],
      ],
    );
    assert.equal(transcript.words.length, 26);
  });

  test('diarized mono: speaker labels, no channel', () => {
    const { transcript } = importTranscript(diarized.text, diarized.origin);
    assert.equal(transcript.channels, 1);
    assert.deepEqual(
      [...new Set(transcript.words.map((word) => `${word.channel}/${word.speaker}`))],
      ['null/A', 'null/B'],
    );
  });

  test('only this format claims the files, and it can be named', () => {
    assertOnlyClaimedBy('assemblyai', multichannel.text, diarized.text);
    assert.equal(importTranscript(diarized.text, diarized.origin, 'assemblyai').transcript.words.length, 26);
    const whisperLike = JSON.stringify({
      text: 'hi',
      words: [{ word: 'hi', start: 0.1, end: 0.3 }],
      segments: [],
    });
    assert.ok(!claimants(whisperLike).includes('assemblyai'));
  });
});

describe('AssemblyAI malformed input', () => {
  test('a channel that is not a number from "1" is named by path', () => {
    const bad = edited(multichannel.text, (doc) => {
      doc.words[14].channel = 'right';
    });
    assertSafeImportError(bad, 'a.json', 'words[14].channel');
  });

  test('a word without a start is named by path', () => {
    const bad = edited(diarized.text, (doc) => {
      delete doc.words[0].start;
    });
    assertSafeImportError(bad, 'a.json', 'words[0].start', 'assemblyai');
  });

  test('a truncated file is reported as such', () => {
    assertSafeImportError(multichannel.text.slice(0, 1200), 'a.json', TRUNCATED_JSON);
  });
});

describe('AssemblyAI redaction', () => {
  test('multichannel: words, text and utterances redacted', () => {
    const { output } = redactRoundTrip(multichannel, {
      format: 'assemblyai',
      runs: CARD_AND_EMAIL_AS_WRITTEN,
    });
    const doc = JSON.parse(output);
    assert.equal(
      doc.text,
      "Thanks for calling Acme Bank. Can I take the card number, please? Sure, it's [CARD_NUMBER] " +
        "Thank you. And your email address? It's [EMAIL]",
    );
    assert.equal(doc.utterances[1].text, "Sure, it's [CARD_NUMBER]");
    assert.deepEqual(
      doc.utterances[1].words.map((word: { text: string; channel: string }) => [word.text, word.channel]),
      [
        ['Sure,', '2'],
        ["it's", '2'],
        ['[CARD_NUMBER]', '2'],
      ],
    );
  });

  test('diarized: sentences, paragraphs and analysis results follow; generated text goes', () => {
    const { output } = redactRoundTrip(diarized, { format: 'assemblyai', runs: CARD_AND_EMAIL_AS_WRITTEN });
    const doc = JSON.parse(output);
    assert.equal(doc.sentences[2].text, "Sure, it's [CARD_NUMBER]");
    assert.equal(doc.paragraphs[3].text, "It's [EMAIL]");
    assert.deepEqual(
      doc.entities.map((entity: { text: string }) => entity.text),
      ['[CARD_NUMBER]', '[EMAIL]'],
    );
    assert.equal(doc.sentiment_analysis_results[2].text, "Sure, it's [CARD_NUMBER]");
    assert.deepEqual(
      doc.auto_highlights_result.results.map((highlight: { text: string }) => highlight.text),
      ['card number'],
    );
    assert.equal(doc.summary, null);
  });
});
