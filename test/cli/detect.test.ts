import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { FIXTURES, PLANTED_CARD, ensureBuilt, runCli, removeTempDirs, tempDir } from './helpers.js';

const CALL = join(FIXTURES, 'hush', 'call.json');
const ms = (seconds: number): number => Math.round(seconds * 1000);

function assertNoCard(output: string): void {
  assert.ok(!output.includes(PLANTED_CARD.digits), 'the card number leaked');
  for (const group of PLANTED_CARD.groups) assert.ok(!output.includes(group), `card digits ${group} leaked`);
}

describe('hush detect', () => {
  before(ensureBuilt);
  after(removeTempDirs);

  test('--json prints one object of the documented shape', async () => {
    const { code, stdout, stderr } = await runCli(['detect', CALL, '--json']);
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), ['file', 'format', 'words', 'entities', 'regions', 'counts']);
    assert.equal(report.file, CALL);
    assert.equal(report.format, 'hush');
    assert.equal(report.words, 99);

    const entities = report.entities as Record<string, unknown>[];
    assert.ok(entities.some((entity) => entity.type === 'CREDIT_CARD'));
    for (const entity of entities) {
      assert.deepEqual(Object.keys(entity), [
        'type',
        'category',
        'start',
        'end',
        'channel',
        'role',
        'score',
        'parts',
      ]);
      assert.ok(typeof entity.start === 'number' && typeof entity.end === 'number');
      assert.ok(entity.start <= entity.end && entity.end < 60, 'times are seconds, not ms');
      assert.ok(entity.channel === null || Number.isInteger(entity.channel));
      assert.ok(['PCI', 'PII', 'PHI'].includes(entity.category as string));
      for (const part of entity.parts as Record<string, unknown>[]) {
        assert.deepEqual(Object.keys(part), ['start', 'end', 'channel']);
      }
    }
    const card = entities.find((entity) => entity.type === 'CREDIT_CARD')!;
    assert.equal(card.channel, 1);
    assert.equal(card.role, 'customer');
    // The card is read from 28.22 s to 29.76 s in the fixture.
    assert.ok(ms(card.start as number) === 28_220 && ms(card.end as number) === 29_760);

    const regions = report.regions as { start: number; end: number; channel: number | null }[];
    assert.ok(regions.length > 0 && regions.every((region) => region.channel === null));
    assert.ok(regions.some((region) => ms(region.start) <= 28_220 - 250 && ms(region.end) >= 29_760 + 350));
    const counts = report.counts as Record<string, number>;
    assert.equal(
      Object.values(counts).reduce((sum, n) => sum + n, 0),
      entities.length,
    );
  });

  test('values stay hidden without --reveal, in JSON and in the table', async () => {
    const json = await runCli(['detect', CALL, '--json']);
    const table = await runCli(['detect', CALL]);
    assert.equal(table.code, 0, table.stderr);
    assertNoCard(json.stdout);
    assertNoCard(table.stdout);
    assert.ok(!('text' in (JSON.parse(json.stdout) as { entities: object[] }).entities[0]!));
    assert.match(table.stdout, /CREDIT_CARD\s+PCI\s+28\.220–29\.760\s+1\s+customer/);
    assert.match(table.stdout, /CREDIT_CARD:\s+1 found/);
  });

  test('--reveal shows the values', async () => {
    const json = await runCli(['detect', CALL, '--json', '--reveal']);
    const entities = (JSON.parse(json.stdout) as { entities: { type: string; text?: string }[] }).entities;
    assert.equal(entities.find((entity) => entity.type === 'CREDIT_CARD')!.text, PLANTED_CARD.digits);
    const table = await runCli(['detect', CALL, '--reveal']);
    assert.ok(table.stdout.includes(PLANTED_CARD.digits));
  });

  test('a malformed transcript exits 2 naming the file and the place, quoting nothing', async () => {
    const dir = await tempDir();
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"hush": "transcript/v1", "words": [{"text": "5425233430109903", "start": 0,');
    const { code, stdout, stderr } = await runCli(['detect', file]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(
      stderr,
      new RegExp(`^hush: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*(truncated|line 1)`),
    );
    assertNoCard(stderr);
  });

  test('a transcript of the wrong shape exits 2 naming the field', async () => {
    const dir = await tempDir();
    const file = join(dir, 'shape.json');
    await writeFile(
      file,
      JSON.stringify({ hush: 'transcript/v1', words: [{ text: 'hi', start: 'soon', end: 1 }] }),
    );
    const { code, stderr } = await runCli(['detect', file]);
    assert.equal(code, 2);
    assert.match(stderr, /shape\.json: at words\[0\]\.start/);
  });

  test('a bad policy exits 2 naming the policy file and the field', async () => {
    const dir = await tempDir();
    const policy = join(dir, 'policy.yaml');
    await writeFile(policy, 'regions:\n  paddingBeforeMs: lots\n');
    const { code, stdout, stderr } = await runCli(['detect', CALL, '--policy', policy]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /policy\.yaml: at regions\.paddingBeforeMs: expected a number, found a string/);
  });

  test('a policy excluding a type removes it from the report', async () => {
    const dir = await tempDir();
    const policy = join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ exclude: ['CREDIT_CARD'] }));
    const { code, stdout } = await runCli(['detect', CALL, '--json', '--policy', policy]);
    assert.equal(code, 0);
    const counts = (JSON.parse(stdout) as { counts: Record<string, number> }).counts;
    assert.equal(counts.CREDIT_CARD, undefined);
  });

  test('a missing file, an unknown format and a usage error all exit 2', async () => {
    const missing = await runCli(['detect', join(FIXTURES, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: no such file/);
    const format = await runCli(['detect', CALL, '--format', 'mp3']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format "mp3"/);
    const usage = await runCli(['detect']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /missing required argument/);
  });

  test('hush formats lists every format', async () => {
    const { code, stdout } = await runCli(['formats', '--json']);
    assert.equal(code, 0);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((format) => format.id);
    assert.ok(ids.includes('hush') && ids.includes('deepgram'));
  });
});
