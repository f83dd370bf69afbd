import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importTranscript } from '../../src/formats/index.js';
import { FIXTURES, PLANTED_CARD, ensureBuilt, runCli, removeTempDirs, tempDir } from './helpers.js';

const CALL = join(FIXTURES, 'hush', 'call.json');

/** A private copy of the fixture call, so each test can check its directory afterwards. */
async function copyOfCall(): Promise<{ dir: string; file: string; original: Buffer }> {
  const dir = await tempDir();
  const file = join(dir, 'call.json');
  await copyFile(CALL, file);
  return { dir, file, original: await readFile(file) };
}

function assertNoCard(text: string): void {
  assert.ok(!text.includes(PLANTED_CARD.digits), 'the card number leaked');
  for (const group of PLANTED_CARD.groups) assert.ok(!text.includes(group), `card digits ${group} leaked`);
}

describe('hush redact-transcript', () => {
  before(ensureBuilt);
  after(removeTempDirs);

  test('writes a valid redacted copy beside the input, free of the card, leaving the input as it was', async () => {
    const { dir, file, original } = await copyOfCall();
    const { code, stdout, stderr } = await runCli(['redact-transcript', file]);
    assert.equal(code, 0, stderr);
    const out = join(dir, 'call.redacted.json');
    assert.match(stdout, /Verified:/);
    assert.ok(stdout.includes(out));
    assertNoCard(stdout);

    const text = await readFile(out, 'utf8');
    assertNoCard(text);
    const { transcript } = importTranscript(text, out, 'hush');
    assert.ok(transcript.words.some((word) => word.text === '[CREDIT_CARD]'));
    assert.ok(
      transcript.words.some((word) => word.text === 'Northwind.'),
      'the rest of the call is kept',
    );
    assert.deepEqual(await readFile(file), original, 'the input is untouched');
    assert.deepEqual(
      (await readdir(dir)).sort(),
      ['call.json', 'call.redacted.json'],
      'no temporary file is left',
    );
  });

  test('--out creates the directory; --json reports what was done without values', async () => {
    const { dir, file } = await copyOfCall();
    const out = join(dir, 'nested', 'deeper', 'clean.json');
    const { code, stdout } = await runCli(['redact-transcript', file, '--out', out, '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(report.output, out);
    assert.equal(report.verified, true);
    assert.equal(report.format, 'hush');
    assert.ok((report.edits as number) >= 1);
    assert.ok((report.counts as Record<string, number>).CREDIT_CARD === 1);
    assertNoCard(stdout);
    assert.deepEqual(await readdir(join(dir, 'nested', 'deeper')), ['clean.json']);
  });

  test('refuses to write over the input', async () => {
    const { file, original } = await copyOfCall();
    const { code, stderr } = await runCli(['redact-transcript', file, '--out', file]);
    assert.equal(code, 2);
    assert.match(stderr, /would replace the input/);
    assert.deepEqual(await readFile(file), original);
  });

  test('mask style masks each digit', async () => {
    const { dir, file } = await copyOfCall();
    const out = join(dir, 'masked.json');
    assert.equal((await runCli(['redact-transcript', file, '-o', out, '--style', 'mask'])).code, 0);
    const text = await readFile(out, 'utf8');
    assertNoCard(text);
    assert.ok(text.includes('"#### #### #### ####"'));
  });

  test('hash style needs a key file, and gives the same token on every run', async () => {
    const { dir, file } = await copyOfCall();
    const noKey = await runCli(['redact-transcript', file, '--style', 'hash']);
    assert.equal(noKey.code, 2);
    assert.match(noKey.stderr, /--hash-key-file/);
    assert.deepEqual((await readdir(dir)).sort(), ['call.json']);

    const key = join(dir, 'key');
    await writeFile(key, 'correct horse battery staple, but longer\n');
    const tokens: string[] = [];
    for (const name of ['one.json', 'two.json']) {
      const out = join(dir, name);
      const run = await runCli([
        'redact-transcript',
        file,
        '-o',
        out,
        '--style',
        'hash',
        '--hash-key-file',
        key,
      ]);
      assert.equal(run.code, 0, run.stderr);
      const text = await readFile(out, 'utf8');
      assertNoCard(text);
      tokens.push(/\[CREDIT_CARD:[0-9a-f]{12}\]/.exec(text)![0]);
    }
    assert.equal(tokens[0], tokens[1]);
  });

  test('Symbl redaction settings work as a policy', async () => {
    const { dir, file } = await copyOfCall();
    const policy = join(dir, 'symbl-settings.json');
    await writeFile(
      policy,
      JSON.stringify([{ op: 'add', path: '/redaction', value: { default: true, type: 'obfuscation' } }]),
    );
    const out = join(dir, 'symbl.json');
    const run = await runCli(['redact-transcript', file, '-o', out, '--policy', policy]);
    assert.equal(run.code, 0, run.stderr);
    const text = await readFile(out, 'utf8');
    assertNoCard(text);
    assert.ok(text.includes('"**** **** **** ****"'));
  });

  test('a copy that fails verification is not written, and the failure names types and times only', async () => {
    const { dir, file } = await copyOfCall();
    // A probe entity that matches only text the redaction itself creates ("[PAYMENT_DIGITS] and"),
    // standing in for anything detection finds when run again on the copy.
    const policy = join(dir, 'probe.yaml');
    await writeFile(
      policy,
      "pciStrict: true\ncustom:\n  - name: LEAK_PROBE\n    patterns: ['digits\\W+and']\n",
    );
    const out = join(dir, 'out.json');
    const run = await runCli(['redact-transcript', file, '-o', out, '--policy', policy]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /verification failed, so .*out\.json was not written/);
    assert.match(run.stderr, /LEAK_PROBE at \d+\.\d{3}–\d+\.\d{3} s: detection still finds it/);
    assert.doesNotMatch(run.stdout, /Wrote/);
    assertNoCard(run.stdout + run.stderr);
    assert.deepEqual(
      (await readdir(dir)).sort(),
      ['call.json', 'probe.yaml'],
      'nothing written, no temporary file',
    );

    const json = await runCli(['redact-transcript', file, '-o', out, '--policy', policy, '--json']);
    assert.equal(json.code, 3);
    const report = JSON.parse(json.stdout) as {
      output: unknown;
      verified: boolean;
      problems: { check: string }[];
    };
    assert.equal(report.output, null);
    assert.equal(report.verified, false);
    assert.equal(report.problems[0]?.check, 'still-detected');
  });

  test('bad input writes nothing and exits 2', async () => {
    const dir = await tempDir();
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"hush": "transcript/v1", "words": [');
    const run = await runCli(['redact-transcript', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /broken\.json: /);
    assert.deepEqual(await readdir(dir), ['broken.json']);

    const policy = join(dir, 'p.yaml');
    await writeFile(policy, 'redaction:\n  style: blur\n');
    await mkdir(join(dir, 'in'));
    await copyFile(CALL, join(dir, 'in', 'call.json'));
    const badPolicy = await runCli(['redact-transcript', join(dir, 'in', 'call.json'), '--policy', policy]);
    assert.equal(badPolicy.code, 2);
    assert.match(
      badPolicy.stderr,
      /p\.yaml: at redaction\.style: expected one of: label, mask, hash, custom/,
    );
    assert.deepEqual(await readdir(join(dir, 'in')), ['call.json']);
  });
});
