import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { journalInPlace } from '../../src/audio/in-place/redact.js';
import { toFrameRegions } from '../../src/audio/layout.js';
import { readWavInfo } from '../../src/audio/wav/header.js';
import { FORMAT_CASES, generate } from '../audio/ffmpeg/generate.js';
import { buildWav, tones } from '../audio/wav/fixture.js';
import { CARD_REGION, DATA_OFFSET, RATE, frames, transcript, writeCall } from './audio-call.js';
import { ensureBuilt, runCli, removeTempDirs, tempDir } from './helpers.js';

interface RedactJson {
  output: string | null;
  status: string;
  path: string;
  verification: {
    passed: boolean;
    audio: { regions: { levelDbfs: number | null; passed: boolean }[]; outside: unknown } | null;
  };
}

/** The byte range of the card region in the stereo 16-bit test call. */
function cardBytes(): { from: number; to: number } {
  const { from, to } = frames(CARD_REGION);
  return { from: DATA_OFFSET + from * 4, to: DATA_OFFSET + to * 4 };
}

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
    const args = [
      'redact',
      audio,
      '-t',
      transcriptFile,
      '-o',
      out,
      '--db',
      join(dir, 'a.db'),
      '--mode',
      'beep',
    ];

    const quiet = await runCli([...args, '--beep-level', '-60', '--json']);
    assert.equal(quiet.code, 3, quiet.stderr);
    const json = JSON.parse(quiet.stdout) as RedactJson;
    assert.equal(json.output, null);
    assert.equal(json.verification.audio?.regions[0]?.passed, false);
    assert.equal(json.verification.audio?.regions[0]?.levelDbfs, null, 'the beep rounded to digital silence');
    assert.match(
      quiet.stderr,
      /audio verification failed, so nothing was published:\n {2}region 3\.750 s–5\.890 s: digital silence/,
    );
    assert.deepEqual(await readdir(out), ['call.report.json']);

    const audible = await runCli([...args, '--beep-hz', '800', '--beep-level', '-20', '--json']);
    assert.equal(audible.code, 0, audible.stderr);
    const level = (JSON.parse(audible.stdout) as RedactJson).verification.audio?.regions[0]?.levelDbfs ?? 0;
    assert.ok(Math.abs(level + 20) <= 2, `beep at ${level} dBFS`);
  });

  test('--in-place rewrites only the region bytes of the recording itself', async () => {
    const dir = await tempDir();
    const { audio, transcript: transcriptFile } = await writeCall(dir);
    const before = await readFile(audio);
    const out = join(dir, 'out');
    const run = await runCli([
      'redact',
      audio,
      '-t',
      transcriptFile,
      '--in-place',
      '-o',
      out,
      '--db',
      join(dir, 'a.db'),
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as RedactJson;
    assert.equal(json.output, audio);
    assert.equal(json.path, 'in-place');
    const after = await readFile(audio);
    const { from, to } = cardBytes();
    assert.ok(after.subarray(from, to).every((byte) => byte === 0));
    assert.ok(after.subarray(0, from).equals(before.subarray(0, from)));
    assert.ok(after.subarray(to).equals(before.subarray(to)));
    assert.deepEqual((await readdir(out)).sort(), ['call.json', 'call.report.json']);
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
    const { from, to } = cardBytes();
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
    const run = await runCli([
      'redact',
      audio,
      '-r',
      regions,
      '-o',
      join(dir, 'out'),
      '--db',
      join(dir, 'a.db'),
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as RedactJson;
    assert.equal(json.output, join(dir, 'out', 'call.mp3'));
    assert.equal(json.path, 'mp3');
    assert.ok(json.verification.audio?.outside, 'bytes outside the muted frames proven unchanged');
  });

  test('a clip URL must be https on an allowed host', async () => {
    const dir = await tempDir();
    const { audio, transcript: transcriptFile } = await writeCall(dir);
    const base = [
      'redact',
      audio,
      '-t',
      transcriptFile,
      '-o',
      join(dir, 'out'),
      '--db',
      join(dir, 'a.db'),
      '--mode',
      'clip',
    ];
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
