import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_IN_DIGITS,
  CVV,
  SHORT_CARD_IN_WORDS,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  bySegment,
  claimants,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

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

describe('whisper import', () => {
  test('API verbose_json: top-level words in integer ms, no channel or speaker, timing native', () => {
    const { format, transcript } = importTranscript(apiWords.text, apiWords.origin);
    assert.equal(format.id, 'whisper');
    assert.equal(transcript.words.length, 29);
    assert.deepEqual(wordsSaying(transcript, '4111')[0], {
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
    const { transcript } = importTranscript(cliWords.text, cliWords.origin);
    const word = transcript.words[0]!;
    assert.equal(word.text, 'Thank');
    assert.equal(word.confidence, 0.98);
    assert.deepEqual(word.source, ['segments', 0, 'words', 0]);
    assert.equal(transcript.words.length, 29);
  });

  test('segments without words: every word of the text spread over its segment, marked interpolated', () => {
    const { transcript } = importTranscript(apiSegments.text, apiSegments.origin);
    const doc = JSON.parse(apiSegments.text) as WhisperJson;
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
    assert.equal(importTranscript(apiWords.text, 'x.json', 'whisper').format.id, 'whisper');
  });

  test('detection leaves WhisperX and whisper.cpp files alone', () => {
    for (const [format, name] of [
      ['whisperx', 'call-diarized.json'],
      ['whisper-cpp', 'call.json'],
    ] as const) {
      assert.ok(!claimants(fixture(format, name).text).includes('whisper'));
    }
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('whisper', apiWords.text, apiSegments.text, cliWords.text);
  });
});

describe('whisper errors', () => {
  test('a segment time of the wrong type names the JSON path, not the text', () => {
    const bad = edited(apiSegments.text, (doc: { segments: Record<string, unknown>[] }) => {
      doc.segments[1]!.start = 'soon';
    });
    assertSafeImportError(bad, 'calls/bad.json', 'segments[1].start');
  });

  test('a truncated file names the line', () => {
    assertSafeImportError(apiWords.text.slice(0, apiWords.text.length / 2), 'calls/cut.json', TRUNCATED_JSON);
  });

  test('a word without an end names the word', () => {
    const bad = edited(apiWords.text, (doc: { words: Record<string, unknown>[] }) => {
      delete doc.words[20]!.end;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'words[20].end', 'whisper');
  });
});

describe('whisper redaction', () => {
  test('API file: words, segment text, full text and token ids of the redacted segments', () => {
    const { output } = redactRoundTrip(apiWords, { format: 'whisper', runs: [CARD_IN_DIGITS, CVV] });
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
    const { output } = redactRoundTrip(cliWords, { format: 'whisper', runs: [CARD_IN_DIGITS] });
    const doc = JSON.parse(output) as WhisperJson;
    assert.equal(doc.segments[2]!.words![4]!.word, ' [CARD_NUMBER]');
    assert.equal(doc.segments[2]!.words!.length, 5);
    // The source's word is `1111.`: punctuation written on a word goes with it.
    assert.ok(doc.text.includes(' My card number is [CARD_NUMBER] Thanks.'));
  });

  test('segments without words: spoken digits replaced in the segment and full text', () => {
    const { output } = redactRoundTrip(apiSegments, {
      format: 'whisper',
      runs: [
        SHORT_CARD_IN_WORDS,
        { spoken: 'seven three seven', replacement: '[CVV]', traces: ['Seven', 'seven', 'three'] },
      ],
      spreadIn: bySegment,
    });
    const doc = JSON.parse(output) as WhisperJson;
    assert.equal(doc.segments[2]!.text, ' My card number is [CARD_NUMBER]');
    assert.equal(doc.segments[4]!.text, ' [CVV]');
    assert.ok(!output.includes('\n  '), 'compact source stays compact');
  });

  test('a word timed past its segment is still replaced in the segment whose text holds it', () => {
    const late = edited(apiWords.text, (doc: WhisperJson) => {
      Object.assign(doc.words![22]!, { start: 11.9, end: 12.3 });
    });
    const { output } = redactRoundTrip(
      { ...apiWords, text: late },
      { format: 'whisper', runs: [CARD_IN_DIGITS] },
    );
    const redacted = JSON.parse(output) as WhisperJson;
    assert.equal(redacted.segments[2]!.text, ' My card number is [CARD_NUMBER].');
    assert.equal(redacted.segments[3]!.text, ' Thanks. And the security code?');
    assert.notDeepEqual(redacted.segments[3]!.tokens, []);
  });

  test('a segment text that does not spell its words is rebuilt from them, leaking nothing', () => {
    const mismatch = edited(apiWords.text, (doc: WhisperJson) => {
      doc.segments[2]!.text =
        ' My card number is four one one one, one one one one, one one one one, one one one one.';
    });
    const { output } = redactRoundTrip(
      { ...apiWords, text: mismatch },
      { format: 'whisper', runs: [CARD_IN_DIGITS], absent: ['four one'] },
    );
    assert.equal((JSON.parse(output) as WhisperJson).segments[2]!.text, ' My card number is [CARD_NUMBER]');
  });
});
