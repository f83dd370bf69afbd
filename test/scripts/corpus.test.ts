import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranscript } from '../../src/formats/index.js';
import { buildCall } from '../../scripts/corpus/calls.js';
import { FAMILIES } from '../../scripts/corpus/families.js';
import { Random } from '../../scripts/corpus/random.js';
import { digitGroup, speakGroups, year } from '../../scripts/corpus/spoken.js';
import * as values from '../../scripts/corpus/values.js';
import { WRITERS } from '../../scripts/corpus/writers/index.js';
import { hushWriter } from '../../scripts/corpus/writers/hush.js';

describe('synthetic values', () => {
  const rng = new Random(7);

  test('cards pass Luhn and cover 13, 15, 16 and 19 digits', () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 300; i += 1) {
      const card = values.card(rng);
      assert.ok(values.luhnValid(card.number), 'Luhn');
      assert.equal(card.groups.join(''), card.number);
      lengths.add(card.number.length);
    }
    assert.deepEqual([...lengths].sort(), [13, 15, 16, 19]);
  });

  test('Luhn check rejects a changed digit', () => {
    assert.ok(values.luhnValid('4111111111111111'));
    assert.ok(!values.luhnValid('4111111111111112'));
  });

  test('routing numbers pass the ABA checksum, IBANs pass mod-97', () => {
    for (let i = 0; i < 100; i += 1) {
      assert.ok(values.abaValid(values.routingNumber(rng)));
      assert.ok(values.ibanValid(values.iban(rng).join('')));
    }
    assert.ok(values.ibanValid('GB82 WEST 1234 5698 7654 32'));
    assert.ok(!values.ibanValid('GB82 WEST 1234 5698 7654 33'));
  });

  test('SSNs never use area 000, 666 or 900-999', () => {
    for (let i = 0; i < 2000; i += 1) {
      const area = Number(values.ssn(rng).slice(0, 3));
      assert.ok(area >= 1 && area <= 899 && area !== 666, `area ${area}`);
    }
  });
});

describe('spoken forms', () => {
  const rng = new Random(1);

  test('pairs, doubles and digit tokens', () => {
    assert.deepEqual(digitGroup('4111', 'pairs', rng), ['forty', 'one', 'eleven']);
    assert.deepEqual(digitGroup('5577', 'doubles', rng), ['double', 'five', 'double', 'seven']);
    assert.deepEqual(digitGroup('7770', 'words', rng), ['seven', 'seven', 'seven', 'zero']);
    assert.deepEqual(digitGroup('4111', 'tokens', rng), ['4111']);
  });

  test('years as people say them', () => {
    assert.deepEqual(year(1985, rng), ['nineteen', 'eighty', 'five']);
    assert.deepEqual(year(1906, rng), ['nineteen', 'oh', 'six']);
  });

  test('speakGroups keeps one token list per group', () => {
    assert.equal(speakGroups(['4111', '1111', '1111'], 'words', rng).length, 3);
  });
});

describe('calls', () => {
  test('the same seed builds the same call', () => {
    const a = buildCall(0, FAMILIES[0]!, hushWriter, new Random(42));
    const b = buildCall(0, FAMILIES[0]!, hushWriter, new Random(42));
    assert.equal(a.content, b.content);
    assert.deepEqual(a.labels, b.labels);
  });

  test('label times and text agree with the words written to the file', () => {
    for (const [index, family] of FAMILIES.entries()) {
      const call = buildCall(index, family, hushWriter, new Random(100 + index));
      const { transcript } = importTranscript(call.content, 'test.hush.json');
      assert.ok(call.labels.spans.length > 0, family.name);
      for (const span of [...call.labels.spans, ...call.labels.negatives]) {
        const parts = 'parts' in span ? span.parts : [span];
        const said = parts
          .flatMap((part) =>
            transcript.words.filter(
              (word) => word.start >= part.start && word.end <= part.end && word.channel === part.channel,
            ),
          )
          .map((word) => word.text)
          .join(' ');
        assert.equal(said, span.text, `${family.name}: ${'type' in span ? span.type : span.kind}`);
      }
    }
  });
});

/** Importer bugs found by these files, until the format owners fix them. */
describe('format writers', () => {
  for (const [index, writer] of WRITERS.entries()) {
    test(`${writer.id}: the file imports as ${writer.id} with every word`, () => {
      const call = buildCall(index, FAMILIES[index % FAMILIES.length]!, writer, new Random(500 + index));
      const { format, transcript } = importTranscript(call.content, `test${writer.suffix}`);
      assert.equal(format.id, writer.id);
      assert.equal(transcript.words.length, call.recording.words.length);
      if (writer.channels) {
        assert.deepEqual([...new Set(transcript.words.map((word) => word.channel))].sort(), [0, 1]);
      }
    });
  }
});
