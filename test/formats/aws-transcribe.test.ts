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

const channels = fixture('aws-transcribe', 'call-channels.json');
const diarized = fixture('aws-transcribe', 'call-diarized.json');

describe('AWS Transcribe import', () => {
  test('channel identification: words from each channel, times in ms, no punctuation words', () => {
    const { format, transcript } = importTranscript(channels.text, channels.origin);
    assert.equal(format.id, 'aws-transcribe');
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
      source: ['results', 'channel_labels', 'channels', 0, 'items', 0],
    });
    assert.ok(
      transcript.words.every((word) => /\w/.test(word.text)),
      'no punctuation words',
    );
    const card = wordsSaying(transcript, CARD_IN_WORDS.spoken);
    assert.ok(card.every((word) => word.channel === 1));
    assert.equal(transcript.words.length, 44);
  });

  test('a punctuation item is read on the word before it on its own channel', () => {
    const { transcript } = importTranscript(channels.text, channels.origin);
    const agent = transcript.words.filter((word) => word.channel === 0).map((word) => word.text);
    assert.deepEqual(agent.slice(4, 8), ['Bank.', 'Can', 'I', 'take']);
    assert.ok(agent.includes('please?'));
    const customer = transcript.words.filter((word) => word.channel === 1).map((word) => word.text);
    assert.deepEqual(customer.slice(0, 3), ['Sure,', "it's", 'four']);
  });

  test('diarization: speaker per word from the items, or from speaker_labels in older output', () => {
    const { transcript } = importTranscript(diarized.text, diarized.origin);
    assert.equal(transcript.channels, 1);
    assert.deepEqual(
      [...new Set(transcript.words.map((word) => `${word.channel}/${word.speaker}`))],
      ['null/spk_0', 'null/spk_1'],
    );
    const older = edited(diarized.text, (doc) => {
      for (const item of doc.results.items) delete item.speaker_label;
    });
    const fromSegments = importTranscript(older, diarized.origin).transcript;
    assert.deepEqual(
      fromSegments.words.map((word) => word.speaker),
      transcript.words.map((word) => word.speaker),
    );
  });

  test('only this format claims the files, and it can be named instead of sniffed', () => {
    assertOnlyClaimedBy('aws-transcribe', channels.text, diarized.text);
    const named = importTranscript(channels.text, channels.origin, 'aws-transcribe');
    assert.equal(named.transcript.words.length, 44);
    assert.throws(() => importTranscript(channels.text, channels.origin, 'hush'));
  });
});

describe('AWS Transcribe malformed input', () => {
  test('a wrong type names the file and the JSON path, never the words', () => {
    const bad = edited(channels.text, (doc) => {
      doc.results.items[3].start_time = true;
    });
    assertSafeImportError(bad, 'calls/a.json', 'results.items[3].start_time');
  });

  test('a pronunciation item without times and a missing transcript list are named', () => {
    const untimed = edited(diarized.text, (doc) => {
      delete doc.results.items[0].end_time;
    });
    assertSafeImportError(untimed, 'b.json', 'results.items[0].end_time');
    const noTranscripts = edited(diarized.text, (doc) => {
      delete doc.results.transcripts;
    });
    assertSafeImportError(noTranscripts, 'c.json', 'results.transcripts', 'aws-transcribe');
  });

  test('a truncated file is reported as such', () => {
    assertSafeImportError(channels.text.slice(0, 4000), 'd.json', TRUNCATED_JSON);
  });
});

describe('AWS Transcribe redaction', () => {
  test('channel identification: items, channel lists and transcript all redacted', () => {
    const { output } = redactRoundTrip(channels, { format: 'aws-transcribe', runs: CARD_AND_EMAIL_IN_WORDS });
    const doc = JSON.parse(output);
    assert.equal(
      doc.results.transcripts[0].transcript,
      "Thanks for calling Acme Bank. Can I take the card number, please? Sure, it's [CARD_NUMBER]. " +
        "Thank you. And your email address? It's [EMAIL].",
    );
    const customer = doc.results.channel_labels.channels[1].items;
    assert.deepEqual(
      customer.map((item: { alternatives: { content: string }[] }) => item.alternatives[0]!.content),
      ['Sure', ',', "it's", '[CARD_NUMBER]', '.', "It's", '[EMAIL]', '.'],
    );
    assert.equal(customer[3].start_time, '5.774');
    assert.match(output, /^\{\n {2}"jobName"/, 'stays pretty-printed');
  });

  test('newer diarized output: ids renumbered, audio segments and speaker segments follow', () => {
    const { output, after } = redactRoundTrip(diarized, {
      format: 'aws-transcribe',
      runs: CARD_AND_EMAIL_IN_WORDS,
    });
    assert.ok(!output.includes('\n'), 'stays compact');
    const { results } = JSON.parse(output);
    results.items.forEach((item: { id: number }, position: number) => assert.equal(item.id, position));
    const segment = results.audio_segments[1];
    assert.equal(segment.transcript, "Sure, it's [CARD_NUMBER].");
    assert.deepEqual(
      segment.items.map((id: number) => results.items[id].alternatives[0].content),
      ['Sure', ',', "it's", '[CARD_NUMBER]', '.'],
    );
    const customerWords = after.words.filter((word) => word.speaker === 'spk_1').length;
    const labelled = results.speaker_labels.segments
      .filter((entry: { speaker_label: string }) => entry.speaker_label === 'spk_1')
      .flatMap((entry: { items: unknown[] }) => entry.items).length;
    assert.equal(labelled, customerWords);
  });

  test('alternative transcriptions are redacted by time', () => {
    const withAlternatives = edited(diarized.text, (doc) => {
      doc.results.segments = [
        {
          start_time: '5.0',
          end_time: '10.9',
          alternatives: [
            {
              transcript: 'sure for one one one',
              items: [
                { start_time: '5.0', end_time: '5.2', content: 'sure', type: 'pronunciation' },
                { start_time: '5.6', end_time: '5.8', content: 'for', type: 'pronunciation' },
                { start_time: '5.9', end_time: '6.1', content: 'one', type: 'pronunciation' },
                { content: ',', type: 'punctuation' },
                { start_time: '6.3', end_time: '6.5', content: 'one', type: 'pronunciation' },
                { start_time: '6.6', end_time: '6.8', content: 'one', type: 'pronunciation' },
              ],
            },
          ],
        },
      ];
    });
    const { output } = redactRoundTrip(
      { ...diarized, text: withAlternatives },
      { format: 'aws-transcribe', runs: CARD_AND_EMAIL_IN_WORDS },
    );
    const alternative = JSON.parse(output).results.segments[0].alternatives[0];
    assert.equal(alternative.transcript, 'sure [CARD_NUMBER]');
    assert.deepEqual(
      alternative.items.map((item: { content: string }) => item.content),
      ['sure', '[CARD_NUMBER]'],
    );
  });
});
