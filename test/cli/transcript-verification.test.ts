import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect } from '../../src/core/engine.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { planWordEdits } from '../../src/core/redaction/index.js';
import { importTranscript } from '../../src/formats/index.js';
import { verifyRedaction } from '../../src/job/transcript-verification.js';
import { FIXTURES } from './helpers.js';

/** Redacts a fixture properly; tests then spoil the output in the ways a broken writer could. */
function redactFixture(path: string, edit: (doc: Record<string, unknown>) => void = () => {}) {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(doc);
  const imported = importTranscript(JSON.stringify(doc, null, 2), path);
  const detection = detect(imported.transcript, DEFAULT_POLICY);
  const edits = planWordEdits(detection, DEFAULT_POLICY);
  const output = imported.format.redact(imported.content, imported.transcript, edits);
  const verify = (spoiled: string) =>
    verifyRedaction({
      output: spoiled,
      origin: 'out.json',
      format: imported.format,
      source: imported.content,
      transcript: imported.transcript,
      detection,
      edits,
      policy: DEFAULT_POLICY,
    });
  return { imported, detection, output, verify };
}

const DEEPGRAM = join(FIXTURES, 'deepgram', 'call-multichannel.json');
const HUSH = join(FIXTURES, 'hush', 'call.json');

describe('verifyRedaction', () => {
  test('a correct redaction passes', () => {
    for (const path of [DEEPGRAM, HUSH]) {
      const { output, verify, detection } = redactFixture(path);
      assert.ok(detection.entities.length > 0);
      assert.deepEqual(verify(output), []);
    }
  });

  test('a full-text string the writer forgot is caught, naming type and time only', () => {
    const { imported, output, verify } = redactFixture(DEEPGRAM);
    type Doc = { results: { channels: { alternatives: { transcript: string }[] }[] } };
    const original = imported.content.json as Doc;
    const spoiled = JSON.parse(output) as Doc;
    spoiled.results.channels[1]!.alternatives[0]!.transcript =
      original.results.channels[1]!.alternatives[0]!.transcript;
    const problems = verify(JSON.stringify(spoiled, null, 2));
    assert.ok(problems.length > 0);
    const leftover = problems.find((problem) => problem.check === 'leftover-text');
    assert.equal(leftover?.type, 'CREDIT_CARD');
    assert.ok(typeof leftover.start === 'number' && leftover.start > 0);
    assert.ok(problems.every((problem) => !/four|one|\d{4}/.test(problem.detail)));
  });

  test('words left in the word list are found by detection run again', () => {
    const { imported, verify } = redactFixture(HUSH);
    const problems = verify(imported.content.text);
    const still = problems.filter((problem) => problem.check === 'still-detected');
    assert.ok(still.some((problem) => problem.type === 'CREDIT_CARD'));
    assert.ok(
      problems.some((problem) => problem.check === 'leftover-text' && problem.type === 'CREDIT_CARD'),
    );
  });

  test('metadata the source already held, sharing a digit run with a removed word, is not a leak', () => {
    // 5425 is read out as part of the card; these fields hold it too, but are not the card.
    const { output, verify } = redactFixture(HUSH, (doc) => {
      doc.meta = { job: 'job-5425', created: '2024-06-10T14:22:31.532Z', seq: '5425' };
    });
    assert.ok(output.includes('job-5425'));
    assert.deepEqual(verify(output), []);
  });

  test('an output that does not re-import fails', () => {
    const { verify } = redactFixture(HUSH);
    const [problem] = verify('{"hush": "transcript/v1", "words": [');
    assert.equal(problem?.check, 'unreadable');
    assert.match(problem.detail, /does not re-import as Hush transcript/);
  });
});
