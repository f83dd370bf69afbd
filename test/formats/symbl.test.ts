import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import { assertOnlyClaimedBy, assertSafeError, editOf, fixture, redactRoundTrip } from './format-harness.js';

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

const card = ['4111', '1111', '1111', '1111'];

describe('symbl import', () => {
  test('verbose messages: word times from timeOffset/duration, speaker (and role it names) from `from`, score as confidence', () => {
    const { format, transcript } = importTranscript(verbose, 'calls/symbl.json');
    assert.equal(format.id, 'symbl');
    assert.equal(transcript.words.length, 29);
    const [index] = editOf(transcript, ['4111'], '').words;
    assert.deepEqual(
      { ...transcript.words[index!]! },
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
    const doc = JSON.parse(verbose) as SymblJson;
    doc.messages[0]!.from = { userId: 'sarah@acme.example', id: 'u-1' };
    doc.messages[1]!.from = { id: 'u-1' };
    const { transcript } = importTranscript(JSON.stringify(doc), 'calls/symbl.json');
    assert.equal(transcript.words[0]!.speaker, 'sarah@acme.example');
    assert.equal(transcript.words.find((word) => word.source[1] === 1)!.speaker, 'u-1');
  });

  test('messages without words: the text spread over the message, interpolated', () => {
    const { transcript } = importTranscript(plain, 'calls/plain.json');
    assert.equal(transcript.words.length, 35);
    assert.ok(transcript.words.every((word) => word.timing === 'interpolated'));
    const message = transcript.words.filter((word) => word.source[1] === 2);
    assert.deepEqual([message[0]!.start, message.at(-1)!.end], [5600, 11400]);
  });

  test('responses without timeOffset are timed from the ISO times, relative to the first message', () => {
    const doc = JSON.parse(verbose) as SymblJson;
    for (const message of doc.messages) {
      delete message.timeOffset;
      delete message.duration;
      for (const word of message.words ?? []) {
        delete word.timeOffset;
        delete word.duration;
      }
    }
    const { transcript } = importTranscript(JSON.stringify(doc), 'calls/iso.json');
    const [index] = editOf(transcript, ['4111'], '').words;
    assert.deepEqual([transcript.words[index!]!.start, transcript.words[index!]!.end], [8500, 9190]);
  });

  test('the format can be named', () => {
    assert.equal(importTranscript(plain, 'x.json', 'symbl').format.id, 'symbl');
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('symbl', verbose);
    assertOnlyClaimedBy('symbl', plain);
  });
});

describe('symbl errors', () => {
  test('a message with no time at all names the message', () => {
    const doc = JSON.parse(plain) as SymblJson;
    delete doc.messages[3]!.timeOffset;
    delete doc.messages[3]!.startTime;
    assertSafeError(JSON.stringify(doc), 'calls/bad.json', /messages\[3\]\.timeOffset/);
  });

  test('an unreadable ISO time names its path', () => {
    const doc = JSON.parse(verbose) as SymblJson;
    doc.messages[2]!.words![4]!.startTime = 'yesterday';
    delete doc.messages[2]!.words![4]!.timeOffset;
    assertSafeError(JSON.stringify(doc), 'calls/bad.json', /messages\[2\]\.words\[4\]\.startTime/);
  });

  test('a word of the wrong type names its path', () => {
    const doc = JSON.parse(verbose) as { messages: { words: Record<string, unknown>[] }[] };
    doc.messages[2]!.words[5]!.word = 1111;
    assertSafeError(JSON.stringify(doc), 'calls/bad.json', /messages\[2\]\.words\[5\]\.word/);
  });

  test('a truncated file names the line', () => {
    assertSafeError(verbose.slice(0, 5000), 'calls/cut.json', /truncated.*line \d+/);
  });
});

describe('symbl redaction', () => {
  test('words, message text and phrases', () => {
    const { output } = redactRoundTrip(
      verbose,
      'calls/symbl.json',
      (t) => [editOf(t, card, '[CARD_NUMBER]'), editOf(t, ['Sarah'], '[NAME]')],
      ['4111', '1111', 'Sarah.'],
    );
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
    const doc = JSON.parse(verbose) as SymblJson;
    doc.messages[2]!.phrases = [{ type: 'action_phrase', text: 'card 4111-1111-1111-1111' }];
    const { output } = redactRoundTrip(
      JSON.stringify(doc, null, 2),
      'calls/phrase.json',
      (t) => [editOf(t, card, '[CARD_NUMBER]')],
      ['4111', '1111'],
    );
    assert.deepEqual((JSON.parse(output) as SymblJson).messages[2]!.phrases, []);
  });

  test('messages without words: the message text', () => {
    const { output } = redactRoundTrip(
      plain,
      'calls/plain.json',
      (t) => [editOf(t, ['four', 'one', 'one', 'one', 'one', 'one', 'one', 'one'], '[CARD_NUMBER]')],
      ['four', 'one one'],
      (word) => word.source[1],
    );
    assert.equal((JSON.parse(output) as SymblJson).messages[2]!.text, 'My card number is [CARD_NUMBER]');
  });
});
