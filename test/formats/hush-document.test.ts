import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSchema, readWellFormed } from '../../src/formats/hush-document.js';
import { importTranscript } from '../../src/formats/index.js';

const word = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  text: 'hello',
  start: 100,
  end: 250,
  ...fields,
});
const doc = (words: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  hush: 'transcript/v1',
  words,
  ...extra,
});

/** The fast reader either declines or gives exactly what the schema gives. */
function assertAgrees(input: unknown): 'read' | 'declined' {
  const fast = readWellFormed(input);
  const schema = documentSchema.safeParse(input);
  if (fast === undefined) return 'declined';
  assert.ok(schema.success, `the reader accepted a document the schema rejects: ${JSON.stringify(input)}`);
  assert.deepEqual(fast, schema.data);
  return 'read';
}

const WELL_FORMED: unknown[] = [
  doc([word()]),
  doc([]),
  doc([word()], { channels: 2 }),
  doc([
    word({
      channel: 1,
      speaker: 'A',
      role: 'customer',
      confidence: 0.5,
      timing: 'interpolated',
      extra: 'ignored',
    }),
    word({ channel: null, speaker: null, confidence: null, confidence2: 1, role: 'agent' }),
    word({ start: 0, end: 0, confidence: 0, text: '' }),
    word({ confidence: 1, role: 'unknown', timing: 'native' }),
  ]),
  doc([word()], { unknownKey: true }),
];

const MALFORMED: unknown[] = [
  null,
  [],
  'text',
  { words: [word()] },
  doc([word()], { hush: 'transcript/v2' }),
  { hush: 'transcript/v1', words: {} },
  doc([word()], { channels: 0 }),
  doc([word()], { channels: 1.5 }),
  doc([word()], { channels: '2' }),
  doc([null]),
  doc([[1, 2]]),
  doc([word({ text: 5 })]),
  doc([{ start: 1, end: 2 }]),
  doc([word({ start: -1 })]),
  doc([word({ start: 1.5 })]),
  doc([word({ end: 2 ** 53 })]),
  doc([word({ end: '250' })]),
  doc([word({ channel: -1 })]),
  doc([word({ channel: 0.5 })]),
  doc([word({ speaker: 3 })]),
  doc([word({ role: 'boss' })]),
  doc([word({ role: null })]),
  doc([word({ confidence: 1.01 })]),
  doc([word({ confidence: -0.1 })]),
  doc([word({ confidence: '0.5' })]),
  doc([word({ timing: 'guessed' })]),
  doc([word(), word({ start: null })]),
];

describe('hush document fast reader', () => {
  test('reads well-formed documents exactly as the schema outputs them', () => {
    for (const input of WELL_FORMED) assert.equal(assertAgrees(input), 'read', JSON.stringify(input));
  });

  test('declines every document the schema rejects', () => {
    for (const input of MALFORMED) {
      assert.equal(readWellFormed(input), undefined, JSON.stringify(input));
      assert.equal(documentSchema.safeParse(input).success, false, JSON.stringify(input));
    }
  });

  test('never disagrees with the schema on mutated documents', () => {
    // Every field of a full word set to every value of every kind: the reader declines or agrees.
    const values: unknown[] = [
      undefined,
      null,
      0,
      -0,
      1,
      -1,
      0.5,
      2 ** 53,
      'agent',
      'native',
      '',
      [],
      {},
      true,
    ];
    const fields = ['text', 'start', 'end', 'channel', 'speaker', 'role', 'confidence', 'timing'];
    const full = word({ channel: 0, speaker: 'S', role: 'agent', confidence: 0.9, timing: 'native' });
    let read = 0;
    for (const field of fields) {
      for (const value of values) {
        // undefined stands for an absent field, as in a parsed JSON document.
        const mutated = Object.fromEntries(
          Object.entries({ ...full, [field]: value }).filter(([, kept]) => kept !== undefined),
        );
        if (assertAgrees(doc([full, mutated])) === 'read') read += 1;
      }
    }
    assert.ok(read > 20, 'the reader read the valid variants');
  });

  test('a malformed Hush file still gets the schema’s error, naming the place', () => {
    const text = JSON.stringify(doc([word(), word({ start: -5 })]));
    assert.throws(
      () => importTranscript(text, 'call.json'),
      /call\.json: at words\[1\]\.start: not a valid Hush transcript/,
    );
  });
});
