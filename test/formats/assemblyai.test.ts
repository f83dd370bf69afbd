import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importTranscript } from '../../src/formats/index.js';
import {
  SENSITIVE,
  assertAbsent,
  assertImportError,
  claimants,
  edited,
  fixture,
  findRun,
  redactRoundTrip,
} from './redaction-support.js';

const multichannel = fixture('assemblyai', 'call-multichannel.json');
const diarized = fixture('assemblyai', 'call-diarized.json');
const CARD = '4111 1111 1111 1111';
const EMAIL = 'john.smith@example.com';
const RUNS = [
  { spoken: CARD, replacement: '[CARD_NUMBER]' },
  { spoken: EMAIL, replacement: '[EMAIL]' },
];

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
    const card = findRun(transcript, CARD).map((index) => transcript.words[index]!);
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
    assert.deepEqual(claimants(multichannel.text), ['assemblyai']);
    assert.deepEqual(claimants(diarized.text), ['assemblyai']);
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
    assertImportError(bad, 'a.json', { path: 'words[14].channel', secrets: ['4111', 'Sure'] });
  });

  test('a word without a start is named by path', () => {
    const bad = edited(diarized.text, (doc) => {
      delete doc.words[0].start;
    });
    assertImportError(bad, 'a.json', { path: 'words[0].start', secrets: ['Thanks'] }, 'assemblyai');
  });

  test('a truncated file is reported as such', () => {
    assertImportError(multichannel.text.slice(0, 1200), 'a.json', {
      message: /ends early/,
      secrets: ['Thanks'],
    });
  });
});

describe('AssemblyAI redaction', () => {
  test('multichannel: words, text and utterances redacted', () => {
    const { output } = redactRoundTrip(multichannel, 'assemblyai', RUNS);
    assertAbsent(output, SENSITIVE);
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
    const { output } = redactRoundTrip(diarized, 'assemblyai', RUNS);
    assertAbsent(output, SENSITIVE);
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
