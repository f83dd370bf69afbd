import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { journalInPlace } from '../../src/audio/in-place/redact.js';
import { toFrameRegions } from '../../src/audio/layout.js';
import { readWavInfo } from '../../src/audio/wav/header.js';
import { FORMAT_CASES, generate } from '../audio/ffmpeg/generate.js';
import { buildWav, tones } from '../audio/wav/fixture.js';
import {
  CARD_REGION,
  RATE,
  redactArgs,
  redactJson,
  regionBytes,
  transcript,
  writeCall,
} from './audio-call.js';
import { ensureBuilt, runCli, removeTempDirs, tempDir } from './helpers.js';

describe('hush redact: modes, formats, in place', () => {
  before(ensureBuilt);
  after(removeTempDirs);

  test('a beep too quiet for 8-bit samples fails the level check: exit 3, nothing published', async () => {
    const dir = await tempDir();
    const audio = join(dir, 'call.wav');
    const samples = tones(2, RATE * 10, RATE);
    await writeFile(audio, buildWav({ encoding: 'pcm_u8', sampleRate: RATE, channels: 2, samples }));
    const transcriptFile = join(dir, 'call.json');
    await writeFile(transcriptFile, transcript());
    const out = join(dir, 'out');
    const args = redactArgs(dir, audio, '-t', transcriptFile, '--mode', 'beep');

    const { run: quiet, json } = await redactJson([...args, '--beep-level', '-60'], 3);
    assert.equal(json.output, null);
    assert.equal(json.verification.audio?.regions[0]?.passed, false);
    assert.equal(json.verification.audio?.regions[0]?.levelDbfs, null, 'the beep rounded to digital silence');
    assert.match(
      quiet.stderr,
      /audio verification failed, so nothing was published:\n {2}region 3\.750 s–5\.890 s: digital silence/,
    );
    assert.deepEqual(await readdir(out), ['call.report.json']);

    const audible = await redactJson([...args, '--beep-hz', '800', '--beep-level', '-20']);
    const level = audible.json.verification.audio?.regions[0]?.levelDbfs ?? 0;
    assert.ok(Math.abs(level + 20) <= 2, `beep at ${level} dBFS`);
  });

  test('--in-place rewrites only the region bytes of the recording itself', async () => {
    const dir = await tempDir();
    const { audio, transcript: transcriptFile } = await writeCall(dir);
    const before = await readFile(audio);
    const { json } = await redactJson(redactArgs(dir, audio, '-t', transcriptFile, '--in-place'));
    assert.equal(json.output, audio);
    assert.equal(json.path, 'in-place');
    const after = await readFile(audio);
    const { from, to } = regionBytes(CARD_REGION);
    assert.ok(after.subarray(from, to).every((byte) => byte === 0));
    assert.ok(after.subarray(0, from).equals(before.subarray(0, from)));
    assert.ok(after.subarray(to).equals(before.subarray(to)));
    assert.deepEqual((await readdir(join(dir, 'out'))).sort(), ['call.json', 'call.report.json']);
    assert.ok(!(await readdir(dir)).some((name) => name.includes('hush-journal')));
  });

  test('an interrupted --in-place run blocks the next one until `hush recover` finishes or undoes it', async () => {
    const dir = await tempDir();
    const { audio, transcript: transcriptFile } = await writeCall(dir);
    const original = await readFile(audio);
    const { layout } = await readWavInfo(audio);
    // The state a crash right after the journal was synced leaves behind.
    const interrupt = () =>
      journalInPlace({
        file: audio,
        layout,
        regions: toFrameRegions([CARD_REGION], layout),
        mode: { kind: 'silence' },
      });

    await interrupt();
    const blocked = await runCli(
      ['redact', audio, '-t', transcriptFile, '--in-place', '--db', join(dir, 'a.db')],
      dir,
    );
    assert.equal(blocked.code, 2);
    assert.match(
      blocked.stderr,
      /interrupted --in-place run left a journal; run `hush recover .*call\.wav --finish` \(or --undo\)/,
    );

    const finished = await runCli(['recover', audio, '--finish']);
    assert.equal(finished.code, 0, finished.stderr);
    assert.match(finished.stdout, /finished the interrupted redaction/);
    const { from, to } = regionBytes(CARD_REGION);
    assert.ok((await readFile(audio)).subarray(from, to).every((byte) => byte === 0));

    await writeFile(audio, original);
    await interrupt();
    const undone = await runCli(['recover', audio, '--undo']);
    assert.equal(undone.code, 0, undone.stderr);
    assert.ok((await readFile(audio)).equals(original));
    assert.deepEqual((await readdir(dir)).sort(), ['call.json', 'call.wav']);

    const nothing = await runCli(['recover', audio, '--undo']);
    assert.match(nothing.stdout, /no interrupted --in-place run/);
  });

  test('an MP3 is muted natively and keeps its name and format', async () => {
    const dir = await tempDir();
    const spec = FORMAT_CASES.find((candidate) => candidate.format === 'mp3/mp3')!;
    const audio = join(dir, 'call.mp3');
    await generate(audio, { seconds: 10, ...spec });
    const regions = join(dir, 'regions.json');
    await writeFile(regions, JSON.stringify([{ start: 2, end: 3.5 }]));
    const { json } = await redactJson(redactArgs(dir, audio, '-r', regions));
    assert.equal(json.output, join(dir, 'out', 'call.mp3'));
    assert.equal(json.path, 'mp3');
    assert.ok(json.verification.audio?.outside, 'bytes outside the muted frames proven unchanged');
  });

  test('a clip URL must be https on an allowed host', async () => {
    const dir = await tempDir();
    const { audio, transcript: transcriptFile } = await writeCall(dir);
    const base = redactArgs(dir, audio, '-t', transcriptFile, '--mode', 'clip');
    const http = await runCli([
      ...base,
      '--clip',
      'http://clips.example.com/beep.wav',
      '--clip-allow-host',
      'clips.example.com',
    ]);
    assert.equal(http.code, 2);
    assert.match(http.stderr, /--clip: only https URLs are fetched/);
    const host = await runCli([...base, '--clip', 'https://elsewhere.example.com/beep.wav?token=secret']);
    assert.equal(host.code, 2);
    assert.match(host.stderr, /host elsewhere\.example\.com is not allowed; name it with --clip-allow-host/);
    assert.doesNotMatch(host.stderr, /secret/);
    const missing = await runCli(base);
    assert.match(missing.stderr, /--mode clip needs --clip FILE or URL/);
    assert.deepEqual(await readdir(dir).then((names) => names.includes('out')), false);
  });
});
