import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_IN_DIGITS,
  SHORT_CARD_IN_WORDS,
  TRUNCATED_JSON,
  assertOnlyClaimedBy,
  assertSafeImportError,
  bySegment,
  edited,
  fixture,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const verbose = fixture('symbl', 'messages-verbose.json');
const plain = fixture('symbl', 'messages.json');

interface SymblWord {
  word: string;
  startTime?: string;
  endTime?: string;
  timeOffset?: number;
  duration?: number;
  score?: number;
}
interface SymblJson {
  messages: {
    text: string;
    from?: Record<string, string>;
    startTime?: string;
    endTime?: string;
    timeOffset?: number;
    duration?: number;
    phrases?: { type: string; text: string }[];
    words?: SymblWord[];
  }[];
}

describe('symbl import', () => {
  test('verbose messages: word times from timeOffset/duration, speaker (and role it names) from `from`, score as confidence', () => {
    const { format, transcript } = importTranscript(verbose.text, verbose.origin);
    assert.equal(format.id, 'symbl');
    assert.equal(transcript.words.length, 29);
    assert.deepEqual(
      { ...wordsSaying(transcript, '4111')[0]! },
      {
        text: '4111',
        start: 8500,
        end: 9190,
        channel: null,
        speaker: 'Caller',
        role: 'customer',
        confidence: 0.95,
        timing: 'native',
        source: ['messages', 2, 'words', 4],
      },
    );
    assert.equal(transcript.words[0]!.speaker, 'Sarah Jones');
  });

  test('speaker falls back to userId, then id', () => {
    const anonymous = edited(verbose.text, (doc: SymblJson) => {
      doc.messages[0]!.from = { userId: 'sarah@acme.example', id: 'u-1' };
      doc.messages[1]!.from = { id: 'u-1' };
    });
    const { transcript } = importTranscript(anonymous, verbose.origin);
    assert.equal(transcript.words[0]!.speaker, 'sarah@acme.example');
    assert.equal(transcript.words.find((word) => word.source[1] === 1)!.speaker, 'u-1');
  });

  test('messages without words: the text spread over the message, interpolated', () => {
    const { transcript } = importTranscript(plain.text, plain.origin);
    assert.equal(transcript.words.length, 35);
    assert.ok(transcript.words.every((word) => word.timing === 'interpolated'));
    const message = transcript.words.filter((word) => word.source[1] === 2);
    assert.deepEqual([message[0]!.start, message.at(-1)!.end], [5600, 11400]);
  });

  test('responses without timeOffset are timed from the ISO times, relative to the first message', () => {
    const isoOnly = edited(verbose.text, (doc: SymblJson) => {
      for (const message of doc.messages) {
        delete message.timeOffset;
        delete message.duration;
        for (const word of message.words ?? []) {
          delete word.timeOffset;
          delete word.duration;
        }
      }
    });
    const { transcript } = importTranscript(isoOnly, 'calls/iso.json');
    const word = wordsSaying(transcript, '4111')[0]!;
    assert.deepEqual([word.start, word.end], [8500, 9190]);
  });

  test('the format can be named', () => {
    assert.equal(importTranscript(plain.text, 'x.json', 'symbl').format.id, 'symbl');
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('symbl', verbose.text, plain.text);
  });
});

describe('symbl errors', () => {
  test('a message with no time at all names the message', () => {
    const bad = edited(plain.text, (doc: SymblJson) => {
      delete doc.messages[3]!.timeOffset;
      delete doc.messages[3]!.startTime;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'messages[3].timeOffset');
  });

  test('an unreadable ISO time names its path', () => {
    const bad = edited(verbose.text, (doc: SymblJson) => {
      doc.messages[2]!.words![4]!.startTime = 'yesterday';
      delete doc.messages[2]!.words![4]!.timeOffset;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'messages[2].words[4].startTime');
  });

  test('a word of the wrong type names its path', () => {
    const bad = edited(verbose.text, (doc: { messages: { words: Record<string, unknown>[] }[] }) => {
      doc.messages[2]!.words[5]!.word = 1111;
    });
    assertSafeImportError(bad, 'calls/bad.json', 'messages[2].words[5].word');
  });

  test('a truncated file names the line', () => {
    assertSafeImportError(verbose.text.slice(0, 5000), 'calls/cut.json', TRUNCATED_JSON);
  });
});

describe('symbl redaction', () => {
  test('words, message text and phrases', () => {
    const { output } = redactRoundTrip(verbose, {
      format: 'symbl',
      runs: [CARD_IN_DIGITS, { spoken: 'sarah', replacement: '[NAME]', traces: ['Sarah.'] }],
    });
    const doc = JSON.parse(output) as SymblJson;
    const message = doc.messages[2]!;
    assert.equal(message.text, 'My card number is [CARD_NUMBER]');
    assert.deepEqual(message.phrases, [{ type: 'action_phrase', text: 'card number is [CARD_NUMBER]' }]);
    assert.deepEqual(message.words![4], {
      word: '[CARD_NUMBER]',
      startTime: '2024-07-03T09:46:48.500Z',
      endTime: '2024-07-03T09:46:51.360Z',
      score: 0.95,
      timeOffset: 8.5,
      duration: 2.86,
    });
    assert.equal(doc.messages[0]!.text, 'Thank you for calling Acme Bank, this is [NAME]');
    assert.deepEqual(doc.messages[0]!.phrases, [{ type: 'action_phrase', text: 'calling Acme Bank' }]);
    assert.equal(doc.messages[0]!.from!.name, 'Sarah Jones', 'speaker metadata is not transcript text');
  });

  test('a phrase that cannot be placed in its message is dropped, not kept', () => {
    const misplaced = edited(verbose.text, (doc: SymblJson) => {
      doc.messages[2]!.phrases = [{ type: 'action_phrase', text: 'card 4111-1111-1111-1111' }];
    });
    const { output } = redactRoundTrip(
      { ...verbose, text: misplaced },
      { format: 'symbl', runs: [CARD_IN_DIGITS] },
    );
    assert.deepEqual((JSON.parse(output) as SymblJson).messages[2]!.phrases, []);
  });

  test('messages without words: the message text', () => {
    const { output } = redactRoundTrip(plain, {
      format: 'symbl',
      runs: [SHORT_CARD_IN_WORDS],
      spreadIn: bySegment,
    });
    assert.equal((JSON.parse(output) as SymblJson).messages[2]!.text, 'My card number is [CARD_NUMBER]');
  });
});
