/**
 * The job runner in this process, on a real SQLite backend and folder store, with inputs served
 * over real HTTP on loopback: a job runs to its outputs, audit entry and result (with a clip from a
 * URL, too); a transient failure is retried after a backoff; bad input and a failed verification
 * fail at once; a lost lease publishes nothing; a drain that times out leaves the job to its
 * lease, and another runner finishes it; an idle runner claims a job submitted in this process at
 * once, not at its next poll.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import { verifyChain } from '../../../src/audit/verify.js';
import type { ServiceBackend } from '../../../src/service/backend.js';
import { openSqliteBackend } from '../../../src/service/backends/sqlite/index.js';
import { LocalFileStore } from '../../../src/service/files/local.js';
import { captureLog } from '../log-capture.js';
import { createMetrics } from '../../../src/service/metrics.js';
import { startJobRunner, type JobRunner } from '../../../src/service/worker/runner.js';
import { buildWav } from '../../audio/wav/fixture.js';
import { CARD_REGION, channelSamples, frames, CHANNELS, RATE } from '../../cli/audio-call.js';
import { PLANTED_CARD, removeTempDirs, tempDir } from '../../cli/helpers.js';
import {
  auditRecords,
  finalJob,
  serveWav,
  submitCall,
  testServer,
  waitFor,
  type TestServer,
} from './helpers.js';

const BACKOFF = { baseMs: 600, maxMs: 600 };

interface Setup {
  dir: string;
  backend: ServiceBackend;
  files: LocalFileStore;
  logs: string[];
  start(options?: { leaseMs?: number; pollMs?: number }): JobRunner;
}

const cleanups: (() => Promise<unknown>)[] = [];

async function setup(): Promise<Setup> {
  const dir = await tempDir();
  const backend = openSqliteBackend(join(dir, 'hush.db'), { backoff: BACKOFF });
  const files = new LocalFileStore(join(dir, 'files'));
  const metrics = createMetrics(backend);
  const { logger, lines: logs } = captureLog();
  const runners: JobRunner[] = [];
  cleanups.push(async () => {
    for (const runner of runners) await runner.drain(0);
    await backend.close();
  });
  return {
    dir,
    backend,
    files,
    logs,
    start: ({ leaseMs = 5_000, pollMs = 50 } = {}) => {
      const runner = startJobRunner({
        backend,
        files,
        metrics,
        logger,
        concurrency: 2,
        leaseMs,
        pollMs,
        urlPolicy: { allowHosts: ['127.0.0.1'], maxBytes: 10_000_000, timeoutMs: 10_000, maxRedirects: 0 },
        hushVersion: '0.0.0-test',
      });
      runners.push(runner);
      return runner;
    },
  };
}

/** A server whose first request waits until `release()`; later ones get the recording at once. */
async function stallingServer(): Promise<TestServer & { release(): void }> {
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = await testServer(async (_request, response, n) => {
    if (n === 1) await released;
    serveWav(response);
  });
  return Object.assign(server, { release });
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
after(removeTempDirs);

describe('job runner', () => {
  test('runs a job: outputs stored and verified, one audit entry, the result recorded', async () => {
    const { dir, backend, files, logs, start } = await setup();
    const job = await submitCall(backend, files, dir);
    start();
    const done = await finalJob(backend, job.id);

    assert.equal(done.state, 'completed', done.failure ?? '');
    assert.equal(done.attempts, 1);
    assert.equal(done.progress, 1);
    const result = done.result!;
    assert.deepEqual(result.counts, { CREDIT_CARD: 1 });
    assert.deepEqual(result.regions, [
      { start: CARD_REGION.start / 1000, end: CARD_REGION.end / 1000, channel: null },
    ]);
    assert.equal(result.verification.passed, true);
    assert.equal(result.recording!.key, `jobs/${job.id}/output/call.wav`);
    assert.equal(result.transcript!.key, `jobs/${job.id}/output/call.json`);
    assert.equal(result.report.key, `jobs/${job.id}/output/call.report.json`);

    const recording = join(dir, 'files', result.recording!.key);
    const { from, to } = frames(CARD_REGION);
    for (let channel = 0; channel < CHANNELS; channel++)
      assert.ok((await channelSamples(recording, channel, from, to)).every((sample) => sample === 0));
    assert.ok((await channelSamples(recording, 0, 0, 100)).some((sample) => sample !== 0));

    // The report and the audit entry name files as the service knows them, not by temporary paths.
    const report = await readFile(join(dir, 'files', result.report.key), 'utf8');
    assert.equal((JSON.parse(report) as { jobId: string }).jobId, job.id);
    assert.doesNotMatch(report, /hush-job-/);
    const records = await auditRecords(backend);
    assert.equal(records.length, 1);
    const [record] = records;
    assert.equal(record!.seq, result.auditSeq);
    assert.equal(record!.entry.jobId, job.id);
    assert.equal(record!.entry.status, 'succeeded');
    assert.equal(record!.entry.input.file, `jobs/${job.id}/input/call.wav`);
    assert.equal(record!.entry.output!.file, result.recording!.key);
    assert.equal(record!.entry.output!.sha256, result.recording!.sha256);
    assert.equal((await verifyChain(backend.audit.records())).valid, true);

    // Every state change went out as an event; the logs hold ids and figures, never the card.
    const events = logs.map((line) => JSON.parse(line) as { msg: string; state?: string; jobId?: string });
    assert.ok(events.some((line) => line.msg === 'job progress' && line.state === 'verifying'));
    assert.ok(events.some((line) => line.msg === 'job completed' && line.jobId === job.id));
    for (const digits of [PLANTED_CARD.digits, ...PLANTED_CARD.groups])
      assert.ok(!logs.some((line) => line.includes(digits)), 'no card digits in the logs');
  });

  test('a transient failure (the recording URL answers 500) is retried after a backoff, then succeeds', async () => {
    const { dir, backend, files, start } = await setup();
    const times: number[] = [];
    const server = await testServer((_request, response, n) => {
      times.push(Date.now());
      if (n === 1) response.writeHead(500).end();
      else serveWav(response);
    });
    cleanups.push(() => server.close());
    const job = await submitCall(backend, files, dir, { recordingUrl: `${server.url}/call.wav?sig=secret` });
    start();
    const done = await finalJob(backend, job.id);

    assert.equal(done.state, 'completed', done.failure ?? '');
    assert.equal(done.attempts, 2);
    assert.equal(server.requests, 2);
    assert.ok(times[1]! - times[0]! >= BACKOFF.baseMs / 2, 'the retry waited for the backoff');
    const [record] = await auditRecords(backend);
    assert.equal(record!.entry.input.file, `${server.url}/call.wav`, 'the URL is recorded without its query');
  });

  test('a recording URL answered 404 fails the job at once: a retry cannot help', async () => {
    const { dir, backend, files, start } = await setup();
    const server = await testServer((_request, response) => void response.writeHead(404).end());
    cleanups.push(() => server.close());
    const job = await submitCall(backend, files, dir, { recordingUrl: `${server.url}/call.wav?sig=secret` });
    start();
    const done = await finalJob(backend, job.id);

    assert.equal(done.state, 'failed');
    assert.equal(done.attempts, 1);
    assert.equal(server.requests, 1);
    assert.match(done.failure ?? '', /answered 404/);
    assert.ok(!(done.failure ?? '').includes('secret'), 'the reason holds no query');
  });

  test('customAudioUrl: the clip is fetched through the URL guard and named without its query', async () => {
    const { dir, backend, files, start } = await setup();
    // A tone unlike the call's (a clip that correlated with the original would fail verification).
    const samples = Float32Array.from(
      { length: RATE },
      (_, i) => 0.5 * Math.sin((2 * Math.PI * 1234 * i) / RATE),
    );
    const clip = buildWav({ encoding: 'pcm_s16le', sampleRate: RATE, channels: 1, samples });
    const clips = await testServer((_request, response) => void response.end(clip));
    cleanups.push(() => clips.close());
    const job = await submitCall(backend, files, dir, {
      request: { replacementType: 'customAudioUrl', customAudioUrl: `${clips.url}/clip.wav?token=secret` },
    });
    start();
    const done = await finalJob(backend, job.id);

    assert.equal(done.state, 'completed', done.failure ?? '');
    assert.equal(clips.requests, 1);
    const report = JSON.parse(await readFile(join(dir, 'files', done.result!.report.key), 'utf8')) as {
      mode: { kind: string; clip: string };
    };
    assert.deepEqual([report.mode.kind, report.mode.clip], ['clip', `${clips.url}/clip.wav`]);
    const [record] = await auditRecords(backend);
    assert.equal(record!.entry.mode, 'clip');
  });

  test('a failed verification fails the job at once, with its report and nothing else published', async () => {
    const { dir, backend, files, start } = await setup();
    // The call itself as the clip: laid over the region it correlates with the original, which
    // the audio verification refuses.
    const clips = await testServer((_request, response) => serveWav(response));
    cleanups.push(() => clips.close());
    const job = await submitCall(backend, files, dir, {
      request: { replacementType: 'customAudioUrl', customAudioUrl: `${clips.url}/clip.wav` },
    });
    start();
    const done = await finalJob(backend, job.id);

    assert.equal(done.state, 'failed');
    assert.equal(done.attempts, 1);
    assert.equal(done.failure, 'audio verification failed');
    const result = done.result!;
    assert.equal(result.recording, null);
    assert.equal(result.transcript, null);
    assert.equal(result.verification.passed, false);
    assert.ok(result.verification.checks.some((check) => check.name === 'region-levels' && !check.passed));
    assert.deepEqual(await readdir(join(dir, 'files', 'jobs', job.id, 'output')), ['call.report.json']);
    const [record] = await auditRecords(backend);
    assert.deepEqual(
      [record!.seq, record!.entry.status, record!.entry.output],
      [result.auditSeq, 'failed', null],
    );
  });

  test('bad input fails the job at once, with the reason and a failed audit entry', async () => {
    const { dir, backend, files, start } = await setup();
    const job = await submitCall(backend, files, dir, {
      recordingBytes: Buffer.from('not a recording at all'),
    });
    start();
    const done = await finalJob(backend, job.id);

    assert.equal(done.state, 'failed');
    assert.equal(done.attempts, 1);
    assert.match(done.failure!, new RegExp(`^jobs/${job.id}/input/call\\.wav: `));
    assert.doesNotMatch(done.failure!, /hush-job-/);
    const [record] = await auditRecords(backend);
    assert.equal(record!.entry.status, 'failed');
    assert.equal(record!.entry.failure, done.failure);
    assert.deepEqual(await readdir(join(dir, 'files', 'jobs', job.id)), ['input']);
  });

  test('a lease lost mid-attempt (the job was cancelled) publishes nothing', async () => {
    const { dir, backend, files, logs, start } = await setup();
    const server = await stallingServer();
    cleanups.push(() => server.close());
    const job = await submitCall(backend, files, dir, { recordingUrl: `${server.url}/call.wav` });
    start({ leaseMs: 600 });
    await waitFor('the recording to be asked for', () => server.requests === 1);
    await backend.jobs.cancel(job.id);
    server.release();
    await waitFor('the attempt to end', () => logs.some((line) => line.includes('"outcome":"lease-lost"')));

    const cancelled = await backend.jobs.get(job.id);
    assert.equal(cancelled!.state, 'cancelled');
    assert.equal(cancelled!.result, null);
    assert.deepEqual(await auditRecords(backend), []);
    assert.deepEqual(await readdir(join(dir, 'files', 'jobs', job.id)), ['input']);
  });

  test('an idle runner claims a job submitted in this process at once, not at its next poll', async () => {
    const { dir, backend, files, start } = await setup();
    start({ pollMs: 60_000 });
    // Both slots look, find nothing and go to sleep for a minute.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const job = await submitCall(backend, files, dir);
    const submitted = Date.now();
    await waitFor(
      'the job to be claimed',
      async () => (await backend.jobs.get(job.id))!.attempts === 1,
      1_000,
      10,
    );
    assert.ok(Date.now() - submitted < 1_000);
    assert.equal((await finalJob(backend, job.id)).state, 'completed');
  });

  test('a drain that times out leaves the running job to its lease; another runner finishes it', async () => {
    const { dir, backend, files, start } = await setup();
    const server = await stallingServer();
    cleanups.push(() => server.close());
    const job = await submitCall(backend, files, dir, { recordingUrl: `${server.url}/call.wav` });
    const first = start({ leaseMs: 600 });
    await waitFor('the recording to be asked for', () => server.requests === 1);
    assert.equal(await first.drain(100), false);
    server.release();

    start({ leaseMs: 600 });
    const done = await finalJob(backend, job.id);
    assert.equal(done.state, 'completed', done.failure ?? '');
    assert.equal(done.attempts, 2);
    const records = await auditRecords(backend);
    assert.deepEqual(
      records.map((record) => [record.entry.jobId, record.entry.status]),
      [[job.id, 'succeeded']],
    );
  });
});
