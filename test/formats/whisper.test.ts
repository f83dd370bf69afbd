import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import { whisperFormat } from '../../src/formats/whisper.js';
import { assertOnlyClaimedBy, assertSafeError, editOf, fixture, redactRoundTrip } from './format-harness.js';

const apiWords = fixture('whisper', 'api-words.json');
const apiSegments = fixture('whisper', 'api-segments.json');
const cliWords = fixture('whisper', 'cli-words.json');

interface Segment {
  text: string;
  tokens: number[];
  words?: { word: string; start: number; end: number }[];
}
interface WhisperJson {
  text: string;
  words?: { word: string; start: number; end: number }[];
  segments: Segment[];
}

const card = ['4111', '1111', '1111', '1111'];

describe('whisper import', () => {
  test('API verbose_json: top-level words in integer ms, no channel or speaker, timing native', () => {
    const { format, transcript } = importTranscript(apiWords, 'calls/api.json');
    assert.equal(format.id, 'whisper');
    assert.equal(transcript.words.length, 29);
    const [first] = editOf(transcript, ['4111'], '').words;
    assert.deepEqual(transcript.words[first!], {
      text: '4111',
      start: 8500,
      end: 9190,
      channel: null,
      speaker: null,
      role: 'unknown',
      confidence: null,
      timing: 'native',
      source: ['words', 19],
    });
    assert.equal(transcript.channels, 1);
  });

  test('CLI json: segment words trimmed of their leading space, probability as confidence', () => {
    const { transcript } = importTranscript(cliWords, 'calls/cli.json');
    const word = transcript.words[0]!;
    assert.equal(word.text, 'Thank');
    assert.equal(word.confidence, 0.98);
    assert.deepEqual(word.source, ['segments', 0, 'words', 0]);
    assert.equal(transcript.words.length, 29);
  });

  test('segments without words: every word of the text spread over its segment, marked interpolated', () => {
    const { transcript } = importTranscript(apiSegments, 'calls/segments.json');
    const doc = JSON.parse(apiSegments) as WhisperJson;
    const expected = doc.segments.flatMap((segment) => segment.text.trim().split(/\s+/));
    assert.deepEqual(
      transcript.words.map((word) => word.text),
      expected,
    );
    assert.ok(transcript.words.every((word) => word.timing === 'interpolated'));
    const digits = transcript.words.filter((word) => word.source[1] === 2);
    assert.equal(digits[0]!.start, 5600);
    assert.equal(digits[digits.length - 1]!.end, 11400);
  });

  test('the format can be named instead of detected', () => {
    assert.equal(importTranscript(apiWords, 'x.json', 'whisper').format.id, 'whisper');
  });

  test('detection leaves WhisperX and whisper.cpp files alone', () => {
    for (const [format, name] of [
      ['whisperx', 'call-diarized.json'],
      ['whisper-cpp', 'call.json'],
    ] as const) {
      const text = fixture(format, name);
      assert.equal(whisperFormat.sniff({ origin: name, text, json: JSON.parse(text) }), false);
    }
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('whisper', apiWords);
    assertOnlyClaimedBy('whisper', apiSegments);
    assertOnlyClaimedBy('whisper', cliWords);
  });
});

describe('whisper errors', () => {
  test('a segment time of the wrong type names the JSON path, not the text', () => {
    const doc = JSON.parse(apiSegments) as { segments: Record<string, unknown>[] };
    doc.segments[1]!.start = 'soon';
    assertSafeError(JSON.stringify(doc), 'calls/bad.json', /segments\[1\]\.start/);
  });

  test('a truncated file names the line', () => {
    assertSafeError(apiWords.slice(0, apiWords.length / 2), 'calls/cut.json', /truncated.*line \d+/);
  });

  test('a word without an end names the word', () => {
    const doc = JSON.parse(apiWords) as { words: Record<string, unknown>[] };
    delete doc.words[20]!.end;
    assertSafeError(JSON.stringify(doc), 'calls/bad.json', /words\[20\]\.end/, 'whisper');
  });
});

describe('whisper redaction', () => {
  test('API file: words, segment text, full text and token ids of the redacted segments', () => {
    const { output } = redactRoundTrip(
      apiWords,
      'calls/api.json',
      (t) => [editOf(t, card, '[CARD_NUMBER]'), editOf(t, ['737'], '[CVV]')],
      ['4111', '1111', '737'],
    );
    const doc = JSON.parse(output) as WhisperJson;
    assert.equal(doc.segments[2]!.text, ' My card number is [CARD_NUMBER].');
    assert.equal(doc.segments[4]!.text, ' [CVV].');
    assert.deepEqual(doc.segments[2]!.tokens, []);
    assert.notDeepEqual(doc.segments[0]!.tokens, [], 'untouched segments keep their tokens');
    assert.match(doc.text, /My card number is \[CARD_NUMBER\]\. Thanks\./);
    assert.deepEqual(doc.words![19], { word: '[CARD_NUMBER]', start: 8.5, end: 11.36 });
    assert.equal(output.endsWith('\n'), true, 'pretty source stays pretty');
  });

  test('CLI file: segment words keep their leading space', () => {
    const { output } = redactRoundTrip(
      cliWords,
      'calls/cli.json',
      (t) => [editOf(t, card, '[CARD_NUMBER]')],
      ['4111', '1111'],
    );
    const doc = JSON.parse(output) as WhisperJson;
    assert.equal(doc.segments[2]!.words![4]!.word, ' [CARD_NUMBER]');
    assert.equal(doc.segments[2]!.words!.length, 5);
    // The source's word is `1111.`: punctuation written on a word goes with it.
    assert.ok(doc.text.includes(' My card number is [CARD_NUMBER] Thanks.'));
  });

  test('segments without words: spoken digits replaced in the segment and full text', () => {
    const { output } = redactRoundTrip(
      apiSegments,
      'calls/segments.json',
      (t) => [
        editOf(t, ['four', 'one', 'one', 'one', 'one', 'one', 'one', 'one'], '[CARD_NUMBER]'),
        editOf(t, ['Seven', 'three', 'seven'], '[CVV]'),
      ],
      ['four', 'one', 'Seven', 'seven', 'three'],
      (word) => word.source[1],
    );
    const doc = JSON.parse(output) as WhisperJson;
    assert.equal(doc.segments[2]!.text, ' My card number is [CARD_NUMBER]');
    assert.equal(doc.segments[4]!.text, ' [CVV]');
    assert.ok(!output.includes('\n  '), 'compact source stays compact');
  });

  test('a word timed past its segment is still replaced in the segment whose text holds it', () => {
    const doc = JSON.parse(apiWords) as WhisperJson;
    Object.assign(doc.words![22]!, { start: 11.9, end: 12.3 });
    const { output } = redactRoundTrip(
      JSON.stringify(doc, null, 2),
      'calls/late.json',
      (t) => [editOf(t, card, '[CARD_NUMBER]')],
      ['4111', '1111'],
    );
    const redacted = JSON.parse(output) as WhisperJson;
    assert.equal(redacted.segments[2]!.text, ' My card number is [CARD_NUMBER].');
    assert.equal(redacted.segments[3]!.text, ' Thanks. And the security code?');
    assert.notDeepEqual(redacted.segments[3]!.tokens, []);
  });

  test('a segment text that does not spell its words is rebuilt from them, leaking nothing', () => {
    const doc = JSON.parse(apiWords) as WhisperJson;
    doc.segments[2]!.text =
      ' My card number is four one one one, one one one one, one one one one, one one one one.';
    const { output } = redactRoundTrip(
      JSON.stringify(doc, null, 2),
      'calls/mismatch.json',
      (t) => [editOf(t, card, '[CARD_NUMBER]')],
      ['4111', '1111', 'four one'],
    );
    assert.equal((JSON.parse(output) as WhisperJson).segments[2]!.text, ' My card number is [CARD_NUMBER]');
  });
});
