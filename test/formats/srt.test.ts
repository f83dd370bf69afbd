import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import {
  CARD_IN_DIGITS,
  CVV,
  assertOnlyClaimedBy,
  assertSafeImportError,
  byCue,
  claimants,
  editOf,
  fixture,
  lineOf,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const call = fixture('srt', 'call-crlf.srt');
const crlf = call.text;
const lf = crlf.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');

describe('srt import', () => {
  test('CRLF file with a byte-order mark: labels give speaker and role and are not words', () => {
    const { format, transcript } = importTranscript(crlf, 'calls/call.srt');
    assert.equal(format.id, 'srt');
    assert.equal(transcript.words.length, 28);
    assert.deepEqual(
      { ...transcript.words[0]! },
      {
        text: 'Thank',
        start: 0,
        end: 410,
        channel: null,
        speaker: 'AGENT',
        role: 'agent',
        confidence: null,
        timing: 'interpolated',
        window: { start: 0, end: 3200 },
        source: [0, 0],
      },
    );
    const texts = transcript.words.map((word) => word.text);
    assert.ok(!texts.some((text) => /AGENT|CUSTOMER|\\an8|<|>/.test(text)));
    const cardWords = wordsSaying(transcript, CARD_IN_DIGITS.spoken);
    assert.deepEqual(
      cardWords.map((word) => [word.role, word.source]),
      [
        ['customer', [2, 4]],
        ['customer', [2, 5]],
        ['customer', [2, 6]],
        ['customer', [2, 7]],
      ],
    );
    assert.equal(cardWords[3]!.end, 11400);
    assert.deepEqual([transcript.words.at(-1)!.text, transcript.words.at(-1)!.start], ['737', 14500]);
  });

  test('LF and CRLF read the same; unlabelled cues have no speaker', () => {
    assert.deepEqual(
      importTranscript(lf, 'a.srt').transcript.words,
      importTranscript(crlf, 'b.srt').transcript.words,
    );
    const plain = '1\n00:00:01,000 --> 00:00:02,500\nHello there\n';
    const word = importTranscript(plain, 'plain.srt').transcript.words[0]!;
    assert.deepEqual([word.speaker, word.role, word.start, word.end], [null, 'unknown', 1000, 1750]);
  });

  test('a mid-line colon is text, not a label', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nthe time is 10:30 today\n';
    assert.equal(importTranscript(text, 'x.srt').transcript.words.length, 5);
  });

  test('named or detected; WebVTT is not claimed', () => {
    assert.equal(importTranscript(lf, 'x.txt', 'srt').format.id, 'srt');
    assert.ok(!claimants(fixture('webvtt', 'call.vtt').text).includes('srt'));
    assert.ok(!claimants('1\nhello\n').includes('srt'));
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('srt', crlf, lf);
  });
});

describe('srt errors', () => {
  test('a bad timestamp names its line', () => {
    const bad = lf.replace('00:00:12,000 -->', '00:00:12;000 -->');
    assertSafeImportError(bad, 'calls/bad.srt', new RegExp(`line ${lineOf(bad, '00:00:12;000')}: .*start`));
  });

  test('a cue that ends before it starts names its line (CRLF counted as one break)', () => {
    const bad = crlf.replace('00:00:03,400 --> 00:00:05,000', '00:00:03,400 --> 00:00:01,000');
    assertSafeImportError(
      bad,
      'calls/bad.srt',
      new RegExp(`line ${lineOf(lf, '00:00:03,400')}: .*ends before`),
    );
  });

  test('a file cut after a cue number is truncated', () => {
    const cut = `${lf}\n6\n`;
    assertSafeImportError(
      cut,
      'calls/cut.srt',
      new RegExp(`line ${cut.trimEnd().split('\n').length}: .*truncated`),
    );
  });

  test('a file cut after a timing line is truncated', () => {
    const cut = lf.slice(0, lf.indexOf('CUSTOMER: {'));
    assertSafeImportError(
      cut,
      'calls/cut.srt',
      new RegExp(`line ${lineOf(cut, '00:00:14,500')}: .*truncated`),
    );
  });

  test('a cue number without a timing line names its line', () => {
    const bad = lf.replace('4\n00:00:12,000 --> 00:00:14,000\n', '4\n');
    assertSafeImportError(bad, 'calls/bad.srt', new RegExp(`line ${lineOf(bad, '4\nAGENT: And')}: .*timing`));
  });
});

describe('srt redaction', () => {
  test('only the replaced words change; CRLF, byte-order mark, tags and labels stay', () => {
    const { output } = redactRoundTrip(call, { format: 'srt', runs: [CARD_IN_DIGITS, CVV], spreadIn: byCue });
    const expected = crlf
      .replace('<i>4111 1111 1111 1111</i>.', '<i>[CARD_NUMBER]</i>')
      .replace('CUSTOMER: {\\an8}737', 'CUSTOMER: {\\an8}[CVV]');
    assert.equal(output, expected);
  });

  test('a replacement cannot forge a timing line', () => {
    const { format, content, transcript } = importTranscript(lf, 'calls/call.srt');
    const output = format.redact(content, transcript, [
      editOf(transcript, { spoken: 'sarah', replacement: '00:00:01,000 --> 00:00:02,000' }),
    ]);
    assert.ok(output.includes('this is 00:00:01,000 -> 00:00:02,000\n'));
    assert.equal(importTranscript(output, 'out.srt').transcript.words.length, transcript.words.length + 2);
  });
});
