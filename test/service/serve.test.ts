/**
 * `hush serve` as a real process on the embedded default (SQLite and a folder in `--data`), over
 * real HTTP on loopback: a recording and its transcript uploaded, redacted, downloaded and audited,
 * with a card number planted in the transcript found nowhere it must not be; SIGTERM draining a
 * running job; and the refusal to listen beyond loopback without an API key.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { connect } from 'node:net';
import { after, describe, test } from 'node:test';
import { Writable } from 'node:stream';
import { openSqliteBackend } from '../../src/service/backends/sqlite/index.js';
import { serveConfig, workerConfig } from '../../src/service/config.js';
import { createLogger } from '../../src/service/log.js';
import { CARD_REGION, CHANNELS, channelSamples, frames } from '../cli/audio-call.js';
import { PLANTED_CARD, removeTempDirs, tempDir } from '../cli/helpers.js';
import {
  CALL_TRANSCRIPT,
  CALL_WAV,
  runHush,
  serveWav,
  startHush,
  stopHush,
  testServer,
  waitFor,
  webhookReceiver,
  type HushProcess,
} from './worker/helpers.js';

after(removeTempDirs);

/**
 * The card as it may be written anywhere: all digits (a detected value), grouped as spoken, or
 * one group as a JSON string (a transcript word; logs, rows and payloads are JSON). A bare group
 * is not searched: four digits occur by chance in hashes, times and durations.
 */
const CARD_FORMS = [
  PLANTED_CARD.digits,
  PLANTED_CARD.groups.join(' '),
  PLANTED_CARD.groups.join('-'),
  ...PLANTED_CARD.groups.map((group) => JSON.stringify(group)),
];

const SERVE_ENV = { HUSH_URL_ALLOW: '127.0.0.1', HUSH_LOG_LEVEL: 'debug', HUSH_LEASE_SECONDS: '5' };

/** Starts `hush serve ARGS` and waits for the address it prints. */
async function serve(
  args: string[],
  env: NodeJS.ProcessEnv = SERVE_ENV,
): Promise<{ hush: HushProcess; url: string }> {
  const hush = startHush(['serve', '--port', '0', ...args], env);
  const url = await waitFor('the server to listen', () => {
    if (hush.child.exitCode !== null) throw new Error(`hush serve exited: ${hush.stderr()}`);
    return /listening on (http:\/\/\S+?);/.exec(hush.stderr())?.[1];
  });
  return { hush, url };
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return JSON.parse(text) as T;
}

interface JobView {
  id: string;
  state: string;
  attempts: number;
  failure: string | null;
  result: { regions: { start: number; end: number }[]; counts: Record<string, number> } | null;
}

interface Links {
  self: string;
  recording: string;
  transcript: string | null;
  report: string;
}

async function uploadCall(url: string, options: object): Promise<{ id: string; links: Links }> {
  const form = new FormData();
  form.set('recording', new Blob([CALL_WAV], { type: 'audio/wav' }), 'call.wav');
  form.set('transcript', new Blob([CALL_TRANSCRIPT], { type: 'application/json' }), 'call.json');
  form.set('options', JSON.stringify(options));
  return json(await fetch(`${url}/v1/redaction/jobs`, { method: 'POST', body: form }), 202);
}

async function finished(url: string, id: string): Promise<JobView> {
  return waitFor(`job ${id} to finish`, async () => {
    const job = await json<JobView>(await fetch(`${url}/v1/redaction/jobs/${id}`), 200);
    return ['completed', 'failed', 'cancelled'].includes(job.state) && job;
  });
}

/** Every file under `dir` but those under `skip`, with its path relative to `dir`. */
async function filesUnder(
  dir: string,
  skip: (path: string) => boolean,
): Promise<{ path: string; bytes: Buffer }[]> {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!skip(relative(dir, path))) found.push({ path, bytes: await readFile(path) });
  }
  return found;
}

function assertNoCard(where: string, text: string | Buffer): void {
  const haystack = Buffer.isBuffer(text) ? text.toString('latin1') : text;
  for (const form of CARD_FORMS) assert.ok(!haystack.includes(form), `the card number appears in ${where}`);
}

/** Searches every file in `data` but the uploaded inputs; returns the paths searched. */
async function searchStored(data: string): Promise<string[]> {
  const stored = await filesUnder(data, (path) => path.split(sep).includes('input'));
  for (const { path, bytes } of stored) assertNoCard(relative(data, path), bytes);
  return stored.map(({ path }) => path);
}

describe('hush serve', () => {
  test('end to end: upload, redact, download, audit; the planted card appears nowhere', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const receiver = await webhookReceiver();
    const { hush, url } = await serve(['--data', data, '--workers', '2']);
    try {
      const endpoint = await json<{ secret: string }>(
        await fetch(`${url}/v1/webhooks/endpoints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url: `${receiver.url}/hooks` }),
        }),
        201,
      );
      assert.match(endpoint.secret, /^whsec_/);
      const created = await uploadCall(url, { includeTranscript: true, metadata: { ticket: 'T-1' } });
      const job = await finished(url, created.id);
      assert.equal(job.state, 'completed', job.failure ?? '');
      assert.deepEqual(job.result!.counts, { CREDIT_CARD: 1 });

      const recording = join(dir, 'redacted.wav');
      const download = await fetch(`${url}${created.links.recording}`);
      assert.equal(download.status, 200);
      await writeFile(recording, Buffer.from(await download.arrayBuffer()));
      const { from, to } = frames(CARD_REGION);
      for (let channel = 0; channel < CHANNELS; channel++)
        assert.ok((await channelSamples(recording, channel, from, to)).every((sample) => sample === 0));
      assert.ok((await channelSamples(recording, 1, 0, 100)).some((sample) => sample !== 0));
      const transcript = await (await fetch(`${url}${created.links.transcript!}`)).text();
      const report = await (await fetch(`${url}${created.links.report}`)).text();
      assert.equal((JSON.parse(report) as { jobId: string }).jobId, created.id);
      assertNoCard('the redacted transcript', transcript);
      assertNoCard('the report', report);
      assertNoCard('the job view', await (await fetch(`${url}/v1/redaction/jobs/${created.id}`)).text());

      // Every state change reaches the endpoint once; the completed one carries counts, not values.
      await waitFor('the completed webhook', () =>
        receiver.events.some(({ event }) => event.type === 'job.completed'),
      );
      const types = receiver.events.map(({ event }) => event.type);
      assert.deepEqual([...new Set(types)], ['job.queued', 'job.running', 'job.verifying', 'job.completed']);
      assert.equal(new Set(receiver.events.map(({ id }) => id)).size, receiver.events.length);

      const verify = await runHush(['audit', 'verify', '--db', join(data, 'hush.db')]);
      assert.equal(verify.code, 0, verify.stderr);
      assert.match(verify.stdout, /1 record/);

      // While it runs, recent rows are in SQLite's write-ahead log.
      const searched = await searchStored(data);
      assert.ok(searched.some((path) => path.endsWith('hush.db-wal')));
      hush.child.kill('SIGTERM');
      assert.equal(await hush.exit, 0, hush.stderr());
    } finally {
      await stopHush(hush);
      await receiver.close();
    }

    // Logs, every stored byte but the uploaded inputs (SQLite's file, and its WAL above), outputs
    // and webhook payloads: the card is nowhere.
    assertNoCard('the logs', `${hush.stdout.join('\n')}\n${hush.stderr()}`);
    assert.ok(
      hush.logs.some((line) => line.msg === 'job completed'),
      'the logs were searched',
    );
    const searched = await searchStored(data);
    assert.ok(searched.some((path) => path.endsWith('hush.db')));
    assert.ok(searched.some((path) => path.endsWith(join('output', 'call.wav'))));
    for (const body of receiver.bodies) assertNoCard('a webhook payload', body);
    // The uploaded transcript does hold it: the search finds it where it is.
    const inputs = await filesUnder(data, (path) => !path.split(sep).includes('input'));
    assert.throws(
      () => inputs.forEach(({ bytes }) => assertNoCard('an input', bytes)),
      /appears in an input/,
    );
  });

  test('SIGTERM stops taking requests, lets the running job finish, and exits 0', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const recordings = await testServer(async (_request, response) => {
      await released;
      serveWav(response);
    });
    const { hush, url } = await serve(['--data', data, '--workers', '1'], {
      ...SERVE_ENV,
      HUSH_DRAIN_SECONDS: '20',
    });
    try {
      const created = await json<{ id: string }>(
        await fetch(`${url}/v1/redaction/regions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            recordingUrl: `${recordings.url}/call.wav`,
            regions: [{ start: 1, end: 2 }],
          }),
        }),
        202,
      );
      await waitFor('the recording to be asked for', () => recordings.requests === 1);
      hush.child.kill('SIGTERM');
      const port = Number(new URL(url).port);
      await waitFor(
        'the API to stop listening',
        () =>
          new Promise<boolean>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            socket.once('connect', () => (socket.destroy(), resolve(false)));
            socket.once('error', () => resolve(true));
          }),
      );
      assert.equal(hush.child.exitCode, null, 'still draining');
      release();
      assert.equal(await hush.exit, 0, hush.stderr());

      const backend = openSqliteBackend(join(data, 'hush.db'));
      try {
        const job = await backend.jobs.get(created.id);
        assert.equal(job!.state, 'completed', job!.failure ?? '');
        assert.equal(job!.attempts, 1);
        const counts = await backend.jobs.counts();
        assert.equal(counts.running + counts.verifying + counts.queued, 0);
      } finally {
        await backend.close();
      }
    } finally {
      release();
      await stopHush(hush);
      await recordings.close();
    }
  });

  test('beyond loopback, it refuses to start without an API key, and asks for one once there is', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const refused = startHush(['serve', '--host', '0.0.0.0', '--port', '0', '--data', data], SERVE_ENV);
    assert.equal(await refused.exit, 2);
    assert.match(
      refused.stderr(),
      /refusing to listen on 0\.0\.0\.0 without API keys: create one with `hush keys create/,
    );

    const created = await runHush([
      'keys',
      'create',
      '--name',
      'test',
      '--scopes',
      'redact,read',
      '--data',
      data,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^hush_[0-9a-f]{32}_\S{43}$/);
    assert.ok(!created.stderr.includes(key), 'the key is printed once, on stdout');

    const { hush, url } = await serve(['--host', '0.0.0.0', '--data', data, '--workers', '0']);
    try {
      const local = url.replace('0.0.0.0', '127.0.0.1');
      assert.equal((await fetch(`${local}/v1/redaction/jobs`)).status, 401);
      const listed = await fetch(`${local}/v1/redaction/jobs`, {
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(listed.status, 200);
      hush.child.kill('SIGTERM');
      assert.equal(await hush.exit, 0, hush.stderr());
      const secret = key.slice(key.lastIndexOf('_') + 1);
      assert.ok(!`${hush.stdout.join('\n')}${hush.stderr()}`.includes(secret), 'the key is not logged');
    } finally {
      await stopHush(hush);
    }

    // Listed without its secret; revoked, it no longer counts, and serving beyond loopback is refused again.
    const id = key.split('_')[1]!;
    const listed = await runHush(['keys', 'list', '--json', '--data', data]);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { id: string; name: string; revokedAt: string | null }[]).map(
        ({ id: listedId, name, revokedAt }) => [listedId, name, revokedAt],
      ),
      [[id, 'test', null]],
    );
    assert.ok(!listed.stdout.includes(key.slice(key.lastIndexOf('_') + 1)));
    assert.equal((await runHush(['keys', 'revoke', id, '--data', data])).code, 0);
    const unknown = await runHush(['keys', 'revoke', 'nosuchkey', '--data', data]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no API key with id nosuchkey/);
    const again = startHush(['serve', '--host', '0.0.0.0', '--port', '0', '--data', data], SERVE_ENV);
    assert.equal(await again.exit, 2);
  });
});

describe('service configuration and logs', () => {
  test('a flag wins over its environment variable, which wins over the default; bad values are named', () => {
    const env = {
      HUSH_PORT: '9000',
      HUSH_DATA: '/srv/hush',
      HUSH_LEASE_SECONDS: '2.5',
      HUSH_URL_ALLOW: 'a.internal, 10.0.0.5:9000',
    };
    const config = serveConfig({ port: '0' }, env);
    assert.equal(config.http!.port, 0);
    assert.equal(config.http!.host, '127.0.0.1');
    assert.equal(config.db, join('/srv/hush', 'hush.db'));
    assert.equal(config.files, join('/srv/hush', 'files'));
    assert.equal(config.leaseMs, 2500);
    assert.deepEqual(config.urlAllow, ['a.internal', '10.0.0.5:9000']);
    assert.equal(serveConfig({}, env).http!.port, 9000);
    assert.equal(workerConfig({ db: 'postgres://db/hush' }, env).db, 'postgres://db/hush');
    assert.throws(
      () => serveConfig({ port: '70000' }, {}),
      /--port: expected a whole number from 0 to 65535/,
    );
    assert.throws(
      () => workerConfig({}, { HUSH_WORKERS: 'many' }),
      /HUSH_WORKERS: expected a whole number from 1 up/,
    );
  });

  test('credentials, bodies and URL queries are redacted from log lines', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    createLogger({ destination }).info(
      {
        req: { url: '/v1/redaction/jobs?token=abc', headers: { authorization: 'Bearer hush_x_secret' } },
        url: 'https://bucket.example.com/call.wav?X-Amz-Signature=sig',
        body: { transcript: 'my card is 4111' },
        endpoint: { secret: 'whsec_abc' },
      },
      'line',
    );
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.deepEqual(line.req, { url: '/v1/redaction/jobs', headers: { authorization: '[redacted]' } });
    assert.equal(line.url, 'https://bucket.example.com/call.wav');
    assert.equal(line.body, '[redacted]');
    assert.deepEqual(line.endpoint, { secret: '[redacted]' });
  });
});
