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
  fixture,
  lineOf,
  redactRoundTrip,
  wordsSaying,
} from './harness.js';

const call = fixture('webvtt', 'call.vtt');

describe('webvtt import', () => {
  test('cue words spread over the cue, speakers from voice spans and labels', () => {
    const { format, transcript } = importTranscript(call.text, 'calls/call.vtt');
    assert.equal(format.id, 'webvtt');
    assert.equal(transcript.words.length, 29);
    const first = transcript.words[0]!;
    assert.deepEqual(
      { ...first },
      {
        text: 'Thank',
        start: 0,
        end: 410,
        channel: null,
        speaker: 'Agent',
        role: 'agent',
        confidence: null,
        timing: 'interpolated',
        window: { start: 0, end: 3200 },
        source: [0, 0],
      },
    );
    const cardWords = wordsSaying(transcript, CARD_IN_DIGITS.spoken);
    assert.deepEqual(
      cardWords.map((word) => [word.speaker, word.role, word.source]),
      [
        ['Customer', 'customer', [2, 4]],
        ['Customer', 'customer', [2, 5]],
        ['Customer', 'customer', [2, 6]],
        ['Customer', 'customer', [2, 7]],
      ],
    );
    assert.equal(cardWords[3]!.end, 11400, 'the cue text, over two lines, fills the cue');
    const cvv = transcript.words.at(-1)!;
    assert.deepEqual(
      [cvv.text, cvv.speaker, cvv.role, cvv.start, cvv.end],
      ['737', 'CUSTOMER', 'customer', 14500, 16000],
    );
  });

  test('header, NOTE, STYLE blocks, identifiers, settings and tags are not words; references decode', () => {
    const { transcript } = importTranscript(call.text, 'calls/call.vtt');
    const texts = transcript.words.map((word) => word.text);
    for (const absent of [
      'Exported',
      'Kind:',
      'color:',
      'intro',
      'card-read',
      'line:90%',
      'CUSTOMER:',
      'asks',
    ]) {
      assert.ok(!texts.includes(absent), absent);
    }
    assert.ok(texts.includes('&'));
    assert.ok(texts.includes('security'));
    assert.ok(transcript.words.every((word) => !/[<>]/.test(word.text)));
  });

  test('CRLF line breaks and a byte-order mark read the same', () => {
    const crlf = `\uFEFF${call.text.replace(/\n/g, '\r\n')}`;
    const a = importTranscript(call.text, 'a.vtt').transcript.words;
    const b = importTranscript(crlf, 'b.vtt').transcript.words;
    assert.deepEqual(b, a);
  });

  test('named or detected; SRT and JSON are not claimed', () => {
    assert.equal(importTranscript(call.text, 'x.txt', 'webvtt').format.id, 'webvtt');
    assert.ok(!claimants(fixture('srt', 'call-crlf.srt').text).includes('webvtt'));
    assert.ok(!claimants('{"WEBVTT":1}').includes('webvtt'));
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('webvtt', call.text);
  });
});

describe('webvtt errors', () => {
  test('no WEBVTT header: line 1', () => {
    assertSafeImportError(call.text.replace('WEBVTT', 'WEBVTX'), 'calls/bad.vtt', /line 1\b/, 'webvtt');
  });

  test('a bad timestamp names its line', () => {
    const bad = call.text.replace('00:00:12.000 -->', '00:00:12.0x0 -->');
    assertSafeImportError(bad, 'calls/bad.vtt', new RegExp(`line ${lineOf(bad, '00:00:12.0x0')}: .*start`));
  });

  test('a cue that ends before it starts names its line', () => {
    const bad = call.text.replace('00:00:05.600 --> 00:00:11.400', '00:00:11.400 --> 00:00:05.600');
    assertSafeImportError(
      bad,
      'calls/bad.vtt',
      new RegExp(`line ${lineOf(bad, '00:00:11.400 -->')}: .*ends before`),
    );
  });

  test('a file cut after a timing line is truncated', () => {
    const cut = call.text.slice(0, call.text.indexOf('CUSTOMER:'));
    assertSafeImportError(
      cut,
      'calls/cut.vtt',
      new RegExp(`line ${lineOf(cut, '00:00:14.500')}: .*truncated`),
    );
  });

  test('a file cut inside a timing line names that line', () => {
    const cut = call.text.slice(0, call.text.indexOf('00:00:14.500') + 8);
    assertSafeImportError(cut, 'calls/cut.vtt', new RegExp(`line ${cut.split('\n').length}\\b`));
  });

  test('text where a cue should start names its line', () => {
    const bad = call.text.replace('\n\n00:00:12.000', '\n\nstray caption text\nmore\n\n00:00:12.000');
    assertSafeImportError(bad, 'calls/bad.vtt', new RegExp(`line ${lineOf(bad, 'stray')}: .*timing`));
  });
});

describe('webvtt redaction', () => {
  test('only the replaced words change; tags between them stay, the rest is byte for byte', () => {
    const { output } = redactRoundTrip(call, {
      format: 'webvtt',
      runs: [CARD_IN_DIGITS, CVV],
      spreadIn: byCue,
    });
    const expected = call.text
      .replace('4111 1111 <i>1111</i> 1111.', '[CARD_NUMBER]<i></i>')
      .replace('<b>737</b>', '<b>[CVV]</b>');
    assert.equal(output, expected);
  });

  test('replacements are escaped as cue text', () => {
    const { output } = redactRoundTrip(call, {
      format: 'webvtt',
      runs: [{ spoken: 'sarah', replacement: '<name&surname>', traces: ['Sarah'] }],
      spreadIn: byCue,
    });
    assert.ok(output.includes('this is &lt;name&amp;surname&gt;</v>'));
  });

  test('an edit across two cues replaces its words in each', () => {
    const crlf = { ...call, text: call.text.replace(/\n/g, '\r\n') };
    const { output, after } = redactRoundTrip(crlf, {
      format: 'webvtt',
      runs: [{ spoken: 'sarah how', replacement: '[X]', traces: ['Sarah', 'How'] }],
      spreadIn: byCue,
    });
    assert.ok(output.includes('this is [X]</v>\r\n'));
    assert.ok(output.includes('<v Agent>[X] can I help'));
    assert.deepEqual(after.words.filter((word) => word.text === '[X]').map(byCue), [0, 1]);
  });
});
