import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import { webvttFormat } from '../../src/formats/webvtt.js';
import {
  assertOnlyClaimedBy,
  assertSafeError,
  bare,
  editOf,
  fixture,
  redactRoundTrip,
} from './format-harness.js';

const call = fixture('webvtt', 'call.vtt');
const card = ['4111', '1111', '1111', '1111'];
const byCue = (word: { source: readonly (string | number)[] }) => word.source[0];

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('webvtt import', () => {
  test('cue words spread over the cue, speakers from voice spans and labels', () => {
    const { format, transcript } = importTranscript(call, 'calls/call.vtt');
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
    const cardWords = editOf(transcript, card, '').words.map((index) => transcript.words[index]!);
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
    const { transcript } = importTranscript(call, 'calls/call.vtt');
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
    const crlf = `\uFEFF${call.replace(/\n/g, '\r\n')}`;
    const a = importTranscript(call, 'a.vtt').transcript.words;
    const b = importTranscript(crlf, 'b.vtt').transcript.words;
    assert.deepEqual(b, a);
  });

  test('named or detected; SRT and JSON are not claimed', () => {
    assert.equal(importTranscript(call, 'x.txt', 'webvtt').format.id, 'webvtt');
    const srt = fixture('srt', 'call-crlf.srt');
    assert.equal(webvttFormat.sniff({ origin: 'x', text: srt, json: undefined }), false);
    assert.equal(webvttFormat.sniff({ origin: 'x', text: '{"WEBVTT":1}', json: { WEBVTT: 1 } }), false);
  });

  test('no other format claims these files', () => {
    assertOnlyClaimedBy('webvtt', call);
  });
});

describe('webvtt errors', () => {
  test('no WEBVTT header: line 1', () => {
    assertSafeError(call.replace('WEBVTT', 'WEBVTX'), 'calls/bad.vtt', /line 1\b/, 'webvtt');
  });

  test('a bad timestamp names its line', () => {
    const bad = call.replace('00:00:12.000 -->', '00:00:12.0x0 -->');
    assertSafeError(bad, 'calls/bad.vtt', new RegExp(`line ${lineOf(bad, '00:00:12.0x0')}: .*start`));
  });

  test('a cue that ends before it starts names its line', () => {
    const bad = call.replace('00:00:05.600 --> 00:00:11.400', '00:00:11.400 --> 00:00:05.600');
    assertSafeError(
      bad,
      'calls/bad.vtt',
      new RegExp(`line ${lineOf(bad, '00:00:11.400 -->')}: .*ends before`),
    );
  });

  test('a file cut after a timing line is truncated', () => {
    const cut = call.slice(0, call.indexOf('CUSTOMER:'));
    assertSafeError(cut, 'calls/cut.vtt', new RegExp(`line ${lineOf(cut, '00:00:14.500')}: .*truncated`));
  });

  test('a file cut inside a timing line names that line', () => {
    const cut = call.slice(0, call.indexOf('00:00:14.500') + 8);
    assertSafeError(cut, 'calls/cut.vtt', new RegExp(`line ${cut.split('\n').length}\\b`));
  });

  test('text where a cue should start names its line', () => {
    const bad = call.replace('\n\n00:00:12.000', '\n\nstray caption text\nmore\n\n00:00:12.000');
    assertSafeError(bad, 'calls/bad.vtt', new RegExp(`line ${lineOf(bad, 'stray')}: .*timing`));
  });
});

describe('webvtt redaction', () => {
  test('only the replaced words change; tags between them stay, the rest is byte for byte', () => {
    const { output } = redactRoundTrip(
      call,
      'calls/call.vtt',
      (t) => [editOf(t, card, '[CARD_NUMBER]'), editOf(t, ['737'], '[CVV]')],
      ['4111', '1111', '737'],
      byCue,
    );
    const expected = call
      .replace('4111 1111 <i>1111</i> 1111.', '[CARD_NUMBER]<i></i>')
      .replace('<b>737</b>', '<b>[CVV]</b>');
    assert.equal(output, expected);
  });

  test('replacements are escaped as cue text', () => {
    const { output } = redactRoundTrip(
      call,
      'calls/call.vtt',
      (t) => [editOf(t, ['Sarah'], '<name&surname>')],
      ['Sarah'],
      byCue,
    );
    assert.ok(output.includes('this is &lt;name&amp;surname&gt;</v>'));
  });

  test('an edit across two cues replaces its words in each', () => {
    const crlf = call.replace(/\n/g, '\r\n');
    const { output, after } = redactRoundTrip(
      crlf,
      'calls/crlf.vtt',
      (t) => [editOf(t, ['Sarah', 'How'], '[X]')],
      ['Sarah', 'How'],
      byCue,
    );
    assert.ok(output.includes('this is [X]</v>\r\n'));
    assert.ok(output.includes('<v Agent>[X] can I help'));
    assert.deepEqual(after.words.filter((word) => bare(word) === 'X').map(byCue), [0, 1]);
  });
});
