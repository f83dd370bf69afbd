import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_IN_DIGITS,
  CVV,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  bySegment,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const full = fixture('whisper-cpp', 'call-full.json');
const plain = fixture('whisper-cpp', 'call.json');

interface Token {
  text: string;
  id?: number;
  p?: number;
  offsets?: { from: number; to: number };
  timestamps?: { from: string; to: string };
}
interface CppJson {
  transcription: { text: string; offsets: { from: number; to: number }; tokens?: Token[] }[];
}

describe('whisper.cpp import', () => {
  test('-ojf: sub-word tokens join into words timed by their token offsets', () => {
    const { format, transcript } = importTranscript(full.text, full.origin);
    assert.equal(format.id, 'whisper-cpp');
    assert.equal(transcript.words.length, 29);
    const word = wordsSaying(transcript, '4111')[0]!;
    // Tokens " 411" (7384–7820) and "1" (7822–8256) make one word.
    assert.equal(word.text, '4111');
    assert.equal(word.start, 7384);
    assert.equal(word.end, 8256);
    assert.equal(word.timing, 'native');
    assert.equal(word.confidence, 0.95, 'the least certain piece');
    assert.deepEqual(word.source, ['transcription', 2, 'tokens', 5]);
    assert.ok(!transcript.words.some((w) => w.text.includes('[_')), 'special tokens are not words');
    assert.equal(
      transcript.words.find((w) => w.text.startsWith('Bank'))!.text,
      'Bank,',
      'punctuation joins its word',
    );
  });

  test('-oj without tokens: the segment text spread over the segment, interpolated', () => {
    const { transcript } = importTranscript(plain.text, plain.origin);
    assert.equal(transcript.words.length, 29);
    assert.ok(transcript.words.every((word) => word.timing === 'interpolated'));
    const segment = transcript.words.filter((word) => word.source[1] === 2);
    assert.equal(segment[0]!.start, 5600);
    assert.equal(segment[segment.length - 1]!.end, 11400);
  });

  test('tokens without offsets are timed from their neighbours within the segment', () => {
    const untimed = edited(full.text, (doc: CppJson) => {
      for (const token of doc.transcription[2]!.tokens!.slice(5, 7)) delete token.offsets;
    });
    const { transcript } = importTranscript(untimed, 'calls/untimed.json');
    const word = wordsSaying(transcript, '4111')[0]!;
    assert.equal(word.timing, 'interpolated');
    assert.ok(word.start >= 7364 && word.end <= 8276, `${word.start}-${word.end}`);
  });

  test('a diarised segment speaker is kept; "?" means unknown', () => {
    const diarised = edited(plain.text, (doc: { transcription: Record<string, unknown>[] }) => {
      doc.transcription[0]!.speaker = '0';
      doc.transcription[1]!.speaker = '?';
    });
    const { transcript } = importTranscript(diarised, 'calls/stereo.json', 'whisper-cpp');
    assert.equal(transcript.words[0]!.speaker, '0');
    assert.equal(transcript.words.find((word) => word.source[1] === 1)!.speaker, null);
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('whisper-cpp', full.text, plain.text);
  });
});

describe('whisper.cpp errors', () => {
  test('a segment without offsets names the JSON path', () => {
    const bad = edited(plain.text, (doc: { transcription: Record<string, unknown>[] }) => {
      delete doc.transcription[3]!.offsets;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'transcription[3].offsets');
  });

  test('a token offset of the wrong type names the token', () => {
    const bad = edited(full.text, (doc: CppJson) => {
      (doc.transcription[2]!.tokens![5]!.offsets as unknown as Record<string, unknown>).from = '7384';
    });
    assertSafeImportError(bad, 'calls/bad.json', 'transcription[2].tokens[5].offsets.from');
  });

  test('a truncated file names the line', () => {
    assertSafeImportError(
      full.text.slice(0, Math.floor(full.text.length * 0.6)),
      'calls/cut.json',
      TRUNCATED_JSON,
    );
  });
});

describe('whisper.cpp redaction', () => {
  test('-ojf: the redacted words become one token with no id; text and tokens leak nothing', () => {
    const before = JSON.parse(full.text) as CppJson;
    const { output } = redactRoundTrip(full, {
      format: 'whisper-cpp',
      runs: [CARD_IN_DIGITS, CVV],
      // "411" and "11" are the card's token pieces; 1000+ ids of those tokens must go too.
      absent: [' 411', '"11"'],
    });
    const doc = JSON.parse(output) as CppJson;
    const segment = doc.transcription[2]!;
    assert.equal(segment.text, ' My card number is [CARD_NUMBER]');
    const replaced = segment.tokens!.find((token) => token.text.includes('[CARD_NUMBER]'))!;
    assert.equal(replaced.text, ' [CARD_NUMBER]');
    assert.equal(replaced.id, undefined, 'a token id would decode to the original piece');
    assert.deepEqual(replaced.offsets, { from: 7384, to: 11378 });
    assert.deepEqual(replaced.timestamps, { from: '00:00:07,384', to: '00:00:11,378' });
    const removedIds = before.transcription[2]!.tokens!.slice(5, 14).map((token) => token.id);
    const keptIds = new Set(segment.tokens!.map((token) => token.id));
    assert.ok(removedIds.every((id) => !keptIds.has(id)));
    assert.equal(
      segment.tokens!.at(-1)!.text.startsWith('[_TT_'),
      true,
      'special tokens after the words stay',
    );
    assert.deepEqual(doc.transcription[0], before.transcription[0], 'untouched segments stay as they were');
  });

  test('-oj: the segment text is rewritten', () => {
    const { output } = redactRoundTrip(plain, {
      format: 'whisper-cpp',
      runs: [CARD_IN_DIGITS],
      spreadIn: bySegment,
    });
    assert.equal((JSON.parse(output) as CppJson).transcription[2]!.text, ' My card number is [CARD_NUMBER]');
  });
});
