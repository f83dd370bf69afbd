import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_IN_DIGITS,
  CVV,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const diarized = fixture('whisperx', 'call-diarized.json');

interface XWord {
  word: string;
  start?: number;
  end?: number;
  score?: number;
  speaker?: string;
}
interface XJson {
  segments: {
    start: number;
    end: number;
    text: string;
    speaker?: string;
    words: XWord[];
    chars?: unknown[];
  }[];
  word_segments?: XWord[];
}

describe('whisperx import', () => {
  test('aligned words in integer ms with speaker and score', () => {
    const { format, transcript } = importTranscript(diarized.text, diarized.origin);
    assert.equal(format.id, 'whisperx');
    const word = transcript.words[0]!;
    assert.deepEqual(
      { ...word },
      {
        text: 'Thank',
        start: 0,
        end: 320,
        channel: null,
        speaker: 'SPEAKER_00',
        role: 'unknown',
        confidence: 0.95,
        timing: 'native',
        source: ['segments', 0, 'words', 0],
      },
    );
  });

  test('digits without start/end are kept and interpolated between their neighbours', () => {
    const { transcript } = importTranscript(diarized.text, diarized.origin);
    const doc = JSON.parse(diarized.text) as XJson;
    assert.equal(
      transcript.words.length,
      doc.segments.reduce((sum, segment) => sum + segment.words.length, 0),
      'nothing dropped',
    );
    const digits = wordsSaying(transcript, CARD_IN_DIGITS.spoken);
    assert.ok(digits.every((word) => word.timing === 'interpolated' && word.confidence === null));
    // Between "is" (ends 8460) and the segment end (11400), in order.
    assert.equal(digits[0]!.start, 8460);
    assert.equal(digits[3]!.end, 11400);
    for (let i = 1; i < digits.length; i += 1) assert.ok(digits[i]!.start >= digits[i - 1]!.end);
    assert.ok(digits.every((word) => word.speaker === 'SPEAKER_01'));
    const cvv = wordsSaying(transcript, CVV.spoken)[0]!;
    assert.deepEqual([cvv.start, cvv.end, cvv.timing], [14500, 16000, 'interpolated']);
  });

  test('a segment whose alignment failed (no words) has its text spread over it', () => {
    const unaligned = edited(diarized.text, (doc: XJson) => {
      doc.segments[1]!.words = [];
    });
    const { transcript } = importTranscript(unaligned, diarized.origin);
    const words = transcript.words.filter((word) => word.source[1] === 1);
    assert.deepEqual(
      words.map((word) => word.text),
      ['How', 'can', 'I', 'help', 'you', 'today?'],
    );
    assert.ok(words.every((word) => word.timing === 'interpolated' && word.speaker === 'SPEAKER_00'));
  });

  test('detected without word_segments too, and by name', () => {
    const segmentsOnly = edited(diarized.text, (doc: XJson) => {
      delete doc.word_segments;
    });
    assert.equal(importTranscript(segmentsOnly, diarized.origin).format.id, 'whisperx');
    assert.equal(importTranscript(diarized.text, diarized.origin, 'whisperx').format.id, 'whisperx');
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('whisperx', diarized.text);
  });
});

describe('whisperx errors', () => {
  test('a word without text names its path', () => {
    const bad = edited(diarized.text, (doc: { segments: { words: Record<string, unknown>[] }[] }) => {
      delete doc.segments[2]!.words[4]!.word;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'segments[2].words[4].word');
  });

  test('a negative time names its path', () => {
    const bad = edited(diarized.text, (doc: XJson) => {
      doc.segments[3]!.start = -1;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'segments[3].start');
  });

  test('a truncated file names the line', () => {
    assertSafeImportError(diarized.text.slice(0, 3000), 'calls/cut.json', TRUNCATED_JSON);
  });
});

describe('whisperx redaction', () => {
  test('segment words, segment text and word_segments; untimed words get the time Hush gave them', () => {
    const { output } = redactRoundTrip(diarized, { format: 'whisperx', runs: [CARD_IN_DIGITS, CVV] });
    const doc = JSON.parse(output) as XJson;
    assert.equal(doc.segments[2]!.text, ' My card number is [CARD_NUMBER]');
    assert.deepEqual(doc.segments[2]!.words[4], {
      word: '[CARD_NUMBER]',
      speaker: 'SPEAKER_01',
      start: 8.46,
      end: 11.4,
    });
    assert.deepEqual(
      doc.word_segments,
      doc.segments.flatMap((segment) => segment.words),
    );
  });

  test('character alignments of a rewritten segment are dropped', () => {
    const withChars = edited(diarized.text, (doc: XJson) => {
      doc.segments[2]!.chars = [...' My card number is 4111'].map((char) => ({ char, start: 5.6, end: 5.7 }));
      doc.segments[0]!.chars = [{ char: 'T', start: 0, end: 0.1 }];
    });
    const { output } = redactRoundTrip(
      { ...diarized, text: withChars },
      { format: 'whisperx', runs: [CARD_IN_DIGITS] },
    );
    const redacted = JSON.parse(output) as XJson;
    assert.equal(redacted.segments[2]!.chars, undefined);
    assert.deepEqual(redacted.segments[0]!.chars, [{ char: 'T', start: 0, end: 0.1 }]);
  });

  test('word_segments that do not mirror the segments are rebuilt from them', () => {
    const partial = edited(diarized.text, (doc: XJson) => {
      doc.word_segments = doc.word_segments!.slice(10);
    });
    const { output } = redactRoundTrip(
      { ...diarized, text: partial },
      { format: 'whisperx', runs: [CARD_IN_DIGITS] },
    );
    const redacted = JSON.parse(output) as XJson;
    assert.deepEqual(
      redacted.word_segments,
      redacted.segments.flatMap((segment) => segment.words),
    );
  });
});
