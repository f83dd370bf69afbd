import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTranscript } from '../../src/formats/index.js';
import {
  buildHoldoutCall,
  buildHoldoutSet,
  HOLDOUT_SPECS,
  readHoldoutSources,
  thinTypes,
} from '../../scripts/corpus/holdout-build.js';
import { HoldoutSourceError, parseHoldoutSource } from '../../scripts/corpus/holdout-source.js';
import type { CallLabels } from '../../scripts/corpus/labels.js';
import { Random } from '../../scripts/corpus/random.js';
import { hushWriter } from '../../scripts/corpus/writers/hush.js';
import { srtWriter } from '../../scripts/corpus/writers/srt.js';

/** A valid source with `turns` filler turns after the interesting ones. */
function source(body: string, turns = 15): string {
  const filler = Array.from({ length: turns }, (_, index) => `${index % 2 ? 'A' : 'C'}: okay then`);
  return ['domain: bank', 'locale: UK', '---', body, ...filler].join('\n');
}

const CARD_CALL = source(
  [
    '# a card said over two turns, the agent backchannelling',
    'A: thanks for calling, it is [[PERSON_NAME: Callum]], how can I help?',
    'C: the card is [[CREDIT_CARD#card: 4539 8821]]',
    'A~: mm-hmm',
    '(hold 4s)',
    'C: [[CREDIT_CARD#card: 0467 3317]]. That is {{price: £49.99}} owed.',
  ].join('\n'),
);

describe('holdout source format', () => {
  const parsed = parseHoldoutSource(CARD_CALL, 'src/h99-test.call');

  test('reads the header, speakers, backchannels and holds', () => {
    assert.equal(parsed.name, 'h99-test');
    assert.equal(parsed.domain, 'bank');
    assert.equal(parsed.locale, 'UK');
    assert.equal(parsed.lines.length, 19);
    assert.deepEqual(
      parsed.lines.slice(0, 4).map((line) => line.speaker),
      ['agent', 'customer', 'agent', 'customer'],
    );
    assert.equal(parsed.lines[2]!.backchannel, true);
    assert.equal(parsed.lines[1]!.backchannel, undefined);
    assert.equal(parsed.lines[3]!.gapBefore, 4000);
  });

  test('punctuation touching a mark joins its last word; pieces of one item share a group', () => {
    const name = parsed.lines[0]!.pieces[1]!;
    assert.deepEqual(name.tokens, ['Callum,']);
    const first = parsed.lines[1]!.pieces[1]!;
    const second = parsed.lines[3]!.pieces[0]!;
    assert.deepEqual(second.tokens, ['0467', '3317.']);
    assert.ok(first.mark?.kind === 'gold' && second.mark?.kind === 'gold');
    assert.equal(first.mark.group, second.mark.group);
    assert.equal(first.mark.form, 'digits-split');
    assert.notEqual(name.mark?.kind === 'gold' && name.mark.group, first.mark.group);
    assert.deepEqual(parsed.lines[3]!.pieces[2], {
      tokens: ['£49.99'],
      mark: { kind: 'negative', type: 'price' },
    });
  });

  test('an explicit form is kept; a derived one says digits, words or mixed', () => {
    const forms = parseHoldoutSource(
      source('C: [[PIN|keypad: 4 9 0 3]] [[PIN: four 9]] [[PIN: four nine]]'),
      'f.call',
    ).lines[0]!.pieces.map((piece) => (piece.mark?.kind === 'gold' ? piece.mark.form : ''));
    assert.deepEqual(forms, ['keypad', 'mixed', 'words']);
  });

  const rejects = (text: string, line: number, problem: RegExp): void => {
    assert.throws(
      () => parseHoldoutSource(text, 'corpus/holdout/src/bad.call'),
      (error: unknown) =>
        error instanceof HoldoutSourceError &&
        error.message.startsWith(`corpus/holdout/src/bad.call:${line}: `) &&
        problem.test(error.message) &&
        !error.message.includes('4539'),
    );
  };

  test('bad sources are rejected naming the file and line, never the content', () => {
    rejects(source('C: my card [[CREDIT_CARD: 4539 8821'), 4, /not closed/);
    rejects(source('C: my card [[CARD_NUMBER: 4539 8821]]'), 4, /unknown entity type/);
    rejects(source('C: order {{order_id: 4539}}'), 4, /unknown look-alike kind/);
    rejects(source('C: [[PIN#x: 4539]]\nA: [[CARD_CVV#x: 123]]'), 5, /different types/);
    rejects(source('C: [[PIN: 4539]][[CARD_CVV: 123]]'), 4, /no space between/);
    rejects(source('X: 4539'), 4, /neither a turn/);
    rejects(source('C: hello', 3), 7, /4 turns, outside 15–60/);
    rejects('domain: bank\nlocale: FR\n---\nC: 4539', 1, /locale/);
  });
});

describe('building a holdout call', () => {
  const parsed = parseHoldoutSource(CARD_CALL, 'src/h99-test.call');

  test('labels carry the marked words, one part per turn, at the times written to the file', () => {
    const built = buildHoldoutCall(parsed, 0, hushWriter, new Random(5));
    const card = built.labels.spans.find((span) => span.type === 'CREDIT_CARD')!;
    assert.equal(card.text, '4539 8821 0467 3317.');
    assert.equal(card.parts.length, 2);
    assert.equal(card.channel, 1);
    assert.deepEqual(
      built.labels.negatives.map((negative) => [negative.kind, negative.text]),
      [['price', '£49.99']],
    );
    const { transcript } = importTranscript(built.content, 'h99.hush.json');
    const said = (start: number, end: number): string =>
      transcript.words
        .filter((word) => word.start >= start && word.end <= end)
        .map((word) => word.text)
        .join(' ');
    assert.equal(card.parts.map((part) => said(part.start, part.end)).join(' '), card.text);
    assert.equal(built.labels.family, 'bank');
    assert.equal(built.labels.file, 'calls/h99-test.hush.json');
  });

  test('a mono format gets null channels', () => {
    const built = buildHoldoutCall(parsed, 0, srtWriter, new Random(5));
    assert.equal(built.labels.channels, 1);
    assert.ok(built.labels.spans.every((span) => span.channel === null));
  });

  test('thinTypes names every type with too few spans', () => {
    const built = buildHoldoutCall(parsed, 0, hushWriter, new Random(5));
    const thin = thinTypes([built.labels], 3);
    assert.ok(thin.some(({ type, count }) => type === 'CREDIT_CARD' && count === 1));
    assert.ok(thin.some(({ type, count }) => type === 'IBAN' && count === 0));
    assert.ok(!thin.some(({ type }) => (type as string) === 'PAYMENT_DIGITS'));
  });

  test('each set rotates the formats from its own first one, with its own seed and dates', () => {
    const files = ['a', 'b', 'c'].map((name) => ({ path: `src/${name}.call`, text: CARD_CALL }));
    const first = buildHoldoutSet(files, HOLDOUT_SPECS.holdout).calls;
    const second = buildHoldoutSet(files, HOLDOUT_SPECS['holdout-b']).calls;
    const third = buildHoldoutSet(files, HOLDOUT_SPECS['holdout-c']).calls;
    assert.deepEqual(
      first.map((call) => call.labels.format),
      ['hush', 'aws-transcribe', 'aws-call-analytics'],
    );
    assert.deepEqual(
      second.map((call) => call.labels.format),
      ['whisper', 'whisper-cpp', 'whisperx'],
    );
    assert.deepEqual(
      third.map((call) => call.labels.format),
      ['symbl', 'webvtt', 'srt'],
    );
    assert.notEqual(first[0]!.labels.durationMs, second[0]!.labels.durationMs);
    assert.notEqual(second[0]!.labels.durationMs, third[0]!.labels.durationMs);
    assert.ok(
      second.every(
        (call, index) =>
          call.recording.startedAt >= HOLDOUT_SPECS['holdout-b'].firstCallAt + index * 3_600_000,
      ),
    );
    assert.ok(third[0]!.recording.startedAt > second[2]!.recording.startedAt);
  });
});

for (const spec of Object.values(HOLDOUT_SPECS)) {
  describe(`the committed ${spec.name} set`, () => {
    const { calls } = buildHoldoutSet(readHoldoutSources(spec), spec);

    test(`is up to date with its sources (run \`npm run corpus:${spec.name}\` after editing them)`, () => {
      const committed = readdirSync(join(spec.dir, 'labels')).sort();
      assert.deepEqual(committed, calls.map((call) => `${call.labels.call}.json`).sort());
      for (const call of calls) {
        const labels = JSON.parse(
          readFileSync(join(spec.dir, 'labels', `${call.labels.call}.json`), 'utf8'),
        ) as CallLabels;
        assert.deepEqual(labels, call.labels, call.labels.call);
        assert.equal(readFileSync(join(spec.dir, call.labels.file), 'utf8'), call.content, call.labels.file);
      }
    });

    test(`has at least 40 calls, 200 spans and ${spec.minSpansPerType} spans of every type`, () => {
      assert.ok(calls.length >= 40);
      assert.ok(calls.reduce((sum, call) => sum + call.labels.spans.length, 0) >= 200);
      assert.deepEqual(
        thinTypes(
          calls.map((call) => call.labels),
          spec.minSpansPerType,
        ),
        [],
      );
    });
  });
}
