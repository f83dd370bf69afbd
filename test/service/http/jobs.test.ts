/**
 * Redaction jobs over real HTTP, with the real SQLite backend and local file store: creation by
 * upload, by URL and by regions; the errors a caller meets; idempotency; listing, cancelling,
 * retrying; downloads once a job has completed (completed here through the job store, as a worker
 * would: no worker runs in these tests). No log line holds a planted value.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobResult } from '../../../src/service/jobs/job.js';
import { CARD, call, cardTranscript, form, smallWav, startApi, type TestApi } from './server.js';

/** A presigned URL's signature: accepted, stored for the worker, never shown or logged. */
const SIGNATURE = 'X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const RECORDING_URL = `https://media.example.com/calls/c-17.wav?${SIGNATURE}`;
const TRANSCRIPT_URL = `https://media.example.com/calls/c-17.json?${SIGNATURE}`;
const URL_JOB = { recordingUrl: RECORDING_URL, transcriptUrl: TRANSCRIPT_URL };
const UPLOAD_LIMIT = 100_000;

const JOBS = '/v1/redaction/jobs';

describe('redaction jobs', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi({ maxUploadBytes: UPLOAD_LIMIT });
  });
  after(async () => {
    // Uploads wait in a temporary folder removed once the answer is sent, accepted or not.
    for (let wait = 0; wait < 100 && (await api.pendingUploads()).length > 0; wait++) await sleep(20);
    assert.deepEqual(await api.pendingUploads(), []);
    const logs = api.logs.join('');
    await api.close();
    for (const planted of [CARD, 'four one one one', SIGNATURE, 'unclosed(group'])
      assert.ok(!logs.includes(planted), `a log line holds ${planted}`);
  });

  const upload = (options: object = {}, headers: Record<string, string> = {}) =>
    call(api, 'POST', JOBS, {
      headers,
      body: form(
        [
          ['recording', smallWav(), 'call 17.wav'],
          ['transcript', JSON.stringify(cardTranscript()), 'call-17.json'],
        ],
        { options: JSON.stringify(options) },
      ),
    });

  test('an upload becomes a queued job: 202, Location, links, inputs in the file store', async () => {
    const created = await upload({
      patterns: ['CREDIT_CARD'],
      metadata: { callId: 'c-17' },
      language: 'en-GB',
    });
    assert.equal(created.status, 202, created.text);
    const { id, state, links } = created.json;
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(state, 'queued');
    assert.equal(created.headers.get('location'), `${JOBS}/${id}`);
    assert.deepEqual(links, {
      self: `${JOBS}/${id}`,
      recording: `${JOBS}/${id}/recording`,
      transcript: `${JOBS}/${id}/transcript`,
      report: `${JOBS}/${id}/report`,
    });

    const job = await call(api, 'GET', links.self);
    assert.equal(job.status, 200);
    assert.equal(job.json.state, 'queued');
    assert.equal(job.json.progress, 0);
    assert.equal(job.json.attempts, 0);
    assert.equal(job.json.result, null);
    assert.deepEqual(job.json.request.patterns, ['CREDIT_CARD']);
    assert.deepEqual(job.json.request.metadata, { callId: 'c-17' });
    assert.equal(job.json.request.language, 'en-GB');
    assert.equal(job.json.request.replacementType, 'silence');
    assert.equal(job.json.request.includeTranscript, true);
    assert.equal(job.json.request.recording.source, 'upload');
    assert.equal(job.json.request.recording.name, 'call_17.wav');
    assert.equal(job.json.request.recording.bytes, smallWav().length);

    const stored = await api.backend.jobs.get(id);
    assert.equal(stored?.request.recording.kind, 'file');
    assert.ok((await api.storedKeys()).includes(`jobs/${id}/input/call_17.wav`));
    assert.ok((await api.storedKeys()).includes(`jobs/${id}/input/call-17.json`));
  });

  test('inputs by URL: stored for the worker, shown by name only, the signature never echoed', async () => {
    const created = await call(api, 'POST', JOBS, {
      body: { recordingUrl: RECORDING_URL, transcriptUrl: TRANSCRIPT_URL, replacementType: 'beep' },
    });
    assert.equal(created.status, 202, created.text);
    const job = await call(api, 'GET', created.json.links.self);
    assert.deepEqual(job.json.request.recording, {
      source: 'url',
      name: 'c-17.wav',
      bytes: null,
      sha256: null,
    });
    assert.equal(job.json.request.transcript.name, 'c-17.json');
    assert.equal(job.json.request.replacementType, 'beep');
    assert.ok(!job.text.includes(SIGNATURE));
    const stored = await api.backend.jobs.get(created.json.id);
    assert.deepEqual(stored?.request.recording, { kind: 'url', url: RECORDING_URL, name: 'c-17.wav' });
  });

  test('explicit regions, several per request, as seconds or clock times, by JSON and by upload', async () => {
    const byUrl = await call(api, 'POST', '/v1/redaction/regions', {
      body: {
        recordingUrl: RECORDING_URL,
        regions: [
          { start: '00:00:03.250', end: '00:00:05.5', channel: 1 },
          { start: 0.5, end: 1 },
        ],
      },
    });
    assert.equal(byUrl.status, 202, byUrl.text);
    assert.equal(byUrl.json.links.transcript, null);
    const job = await call(api, 'GET', byUrl.json.links.self);
    assert.deepEqual(job.json.request.regions, [
      { start: 0.5, end: 1, channel: null },
      { start: 3.25, end: 5.5, channel: 1 },
    ]);
    assert.equal(job.json.request.transcript, null);
    assert.equal(job.json.request.includeTranscript, false);

    const byUpload = await call(api, 'POST', '/v1/redaction/regions', {
      body: form([['recording', smallWav(), 'r.wav']], {
        regions: JSON.stringify([{ start: 0.1, end: 0.2 }]),
        options: JSON.stringify({ replacementType: 'beep', metadata: { k: 'v' } }),
      }),
    });
    assert.equal(byUpload.status, 202, byUpload.text);
    const stored = await api.backend.jobs.get(byUpload.json.id);
    assert.deepEqual(stored?.request.regions, [{ start: 100, end: 200, channel: null }]);
    assert.equal(stored?.request.replacementType, 'beep');
  });

  test('errors name the problem and never echo what was sent', async () => {
    const cases: {
      name: string;
      send: () => ReturnType<typeof call>;
      status: number;
      code: string;
      says: RegExp;
    }[] = [
      {
        name: 'bad pattern',
        send: () => upload({ patterns: ['CREDIT_CARD', 'unclosed(group'] }),
        status: 400,
        code: 'POLICY_INVALID',
        says: /patterns\[1\].*Unterminated group/,
      },
      {
        name: 'bad regions',
        send: () =>
          call(api, 'POST', '/v1/redaction/regions', {
            body: { recordingUrl: RECORDING_URL, regions: [{ start: 1 }, { start: 5, end: 2 }] },
          }),
        status: 400,
        code: 'VALIDATION',
        says: /body\.regions\.0\.end/,
      },
      {
        name: 'a region ending before it starts',
        send: () =>
          call(api, 'POST', '/v1/redaction/regions', {
            body: {
              recordingUrl: RECORDING_URL,
              regions: [
                { start: 1, end: 2 },
                { start: '00:00:05', end: 2 },
              ],
            },
          }),
        status: 400,
        code: 'REGIONS_INVALID',
        says: /at \[1\]\.end: must be after start/,
      },
      {
        name: 'missing recording',
        send: () =>
          call(api, 'POST', JOBS, {
            body: form([['transcript', JSON.stringify(cardTranscript()), 't.json']]),
          }),
        status: 400,
        code: 'VALIDATION',
        says: /recording is required/,
      },
      {
        name: 'missing transcript',
        send: () => call(api, 'POST', JOBS, { body: form([['recording', smallWav(), 'a.wav']]) }),
        status: 400,
        code: 'VALIDATION',
        says: /transcript is required: .*POST \/v1\/redaction\/regions/,
      },
      {
        name: 'both a recording and its URL',
        send: () =>
          call(api, 'POST', JOBS, {
            body: form([['recording', smallWav(), 'a.wav']], { recordingUrl: RECORDING_URL }),
          }),
        status: 400,
        code: 'VALIDATION',
        says: /either a "recording" file or a "recordingUrl"/,
      },
      {
        name: 'an unexpected file part',
        send: () =>
          call(api, 'POST', JOBS, {
            body: form([
              ['recording', smallWav(), 'a.wav'],
              ['notes', 'unclosed(group', 'notes.txt'],
            ]),
          }),
        status: 400,
        code: 'VALIDATION',
        says: /Unrecognized key: "notes"/,
      },
      {
        name: 'oversize upload',
        send: () => call(api, 'POST', JOBS, { body: form([['recording', smallWav(5), 'big.wav']]) }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        says: new RegExp(`"recording" file is over the upload limit of ${UPLOAD_LIMIT} bytes`),
      },
      {
        name: 'bad JSON',
        send: () =>
          call(api, 'POST', JOBS, {
            body: `{"recordingUrl": "${RECORDING_URL}", unclosed(group`,
            headers: { 'content-type': 'application/json' },
          }),
        status: 400,
        code: 'BAD_JSON',
        says: /not valid JSON/,
      },
      {
        name: 'bad options JSON',
        send: () =>
          call(api, 'POST', JOBS, { body: form([['recording', smallWav(), 'a.wav']], { options: '{x' }) }),
        status: 400,
        code: 'VALIDATION',
        says: /body\.options: is not valid JSON/,
      },
      {
        name: 'an unknown option',
        send: () => call(api, 'POST', JOBS, { body: { ...URL_JOB, colour: 'red' } }),
        status: 400,
        code: 'VALIDATION',
        says: /Unrecognized key: "colour"/,
      },
      {
        name: 'an unknown replacement type',
        send: () => call(api, 'POST', JOBS, { body: { ...URL_JOB, replacementType: 'hum' } }),
        status: 400,
        code: 'VALIDATION',
        says: /body\.replacementType: Invalid option/,
      },
      {
        name: 'customAudioUrl without its replacement type',
        send: () => call(api, 'POST', JOBS, { body: { ...URL_JOB, customAudioUrl: RECORDING_URL } }),
        status: 400,
        code: 'VALIDATION',
        says: /customAudioUrl goes with replacementType customAudioUrl/,
      },
      {
        name: 'a private address',
        send: () =>
          call(api, 'POST', JOBS, {
            body: { ...URL_JOB, recordingUrl: `https://10.1.2.3/a.wav?${SIGNATURE}` },
          }),
        status: 400,
        code: 'VALIDATION',
        says: /recordingUrl: .*not a public address/,
      },
      {
        name: 'plain http',
        send: () =>
          call(api, 'POST', JOBS, { body: { ...URL_JOB, recordingUrl: 'http://media.example.com/a.wav' } }),
        status: 400,
        code: 'VALIDATION',
        says: /plain http is refused/,
      },
      {
        name: 'a content type the route does not take',
        send: () => call(api, 'POST', JOBS, { body: 'hello', headers: { 'content-type': 'text/plain' } }),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        says: /content type/,
      },
    ];
    const before = await api.storedKeys();
    for (const { name, send, status, code, says } of cases) {
      const answer = await send();
      assert.equal(answer.status, status, `${name}: ${answer.text}`);
      assert.equal(answer.json.error.code, code, name);
      assert.match(answer.json.error.message, says, name);
      for (const sent of ['unclosed(group', SIGNATURE, CARD])
        assert.ok(!answer.text.includes(sent), `${name}: the error echoes what was sent`);
    }
    assert.deepEqual(await api.storedKeys(), before, 'a refused request stored a file');
  });

  test('an Idempotency-Key repeat returns the first job (200) and stores nothing new', async () => {
    const headers = { 'idempotency-key': 'order-4411' };
    const first = await upload({}, headers);
    assert.equal(first.status, 202, first.text);
    const stored = await api.storedKeys();
    const repeat = await upload({}, headers);
    assert.equal(repeat.status, 200, repeat.text);
    assert.equal(repeat.json.id, first.json.id);
    assert.equal(repeat.headers.get('location'), `${JOBS}/${first.json.id}`);
    assert.deepEqual(await api.storedKeys(), stored);
    const other = await upload({}, { 'idempotency-key': 'order-4412' });
    assert.equal(other.status, 202);
    assert.notEqual(other.json.id, first.json.id);
  });

  test('cancel, and retry (requeue) what was cancelled', async () => {
    const created = await call(api, 'POST', JOBS, { body: URL_JOB });
    const { self } = created.json.links;
    const retryQueued = await call(api, 'POST', `${self}/retry`);
    assert.equal(retryQueued.status, 409);
    assert.match(retryQueued.json.error.message, /this one is queued/);

    const cancelled = await call(api, 'POST', `${self}/cancel`);
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.json.state, 'cancelled');
    const again = await call(api, 'POST', `${self}/cancel`);
    assert.equal(again.status, 409);
    assert.equal(again.json.error.code, 'CONFLICT');

    const retried = await call(api, 'POST', `${self}/retry`);
    assert.equal(retried.status, 202, retried.text);
    assert.equal(retried.json.state, 'queued');
    assert.equal((await call(api, 'POST', `${JOBS}/no-such-job/cancel`)).status, 404);
  });
});

describe('listing jobs', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi();
  });
  after(() => api.close());

  test('pages newest first with nextCursor, and filters by state and creation time', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const created = await call(api, 'POST', JOBS, { body: URL_JOB });
      ids.push(created.json.id);
    }
    await call(api, 'POST', `${JOBS}/${ids[1]}/cancel`);

    const seen: string[] = [];
    let path = `${JOBS}?limit=2`;
    for (let page = 0; page < 5; page++) {
      const answer = await call(api, 'GET', path);
      assert.equal(answer.status, 200, answer.text);
      assert.ok(answer.json.jobs.length <= 2);
      seen.push(...answer.json.jobs.map((job: { id: string }) => job.id));
      if (answer.json.nextCursor === null) break;
      path = `${JOBS}?limit=2&cursor=${encodeURIComponent(answer.json.nextCursor)}`;
    }
    assert.deepEqual(seen, [...ids].reverse());

    const cancelled = await call(api, 'GET', `${JOBS}?state=cancelled`);
    assert.deepEqual(
      cancelled.json.jobs.map((job: { id: string }) => job.id),
      [ids[1]],
    );
    const future = new Date(Date.now() + 3_600_000).toISOString();
    assert.deepEqual((await call(api, 'GET', `${JOBS}?createdFrom=${future}`)).json.jobs, []);
    assert.equal((await call(api, 'GET', `${JOBS}?createdTo=${future}`)).json.jobs.length, 5);

    for (const bad of ['limit=0', 'limit=1000', 'state=lost', 'createdFrom=yesterday', 'cursor=forged']) {
      const answer = await call(api, 'GET', `${JOBS}?${bad}`);
      assert.equal(answer.status, 400, `${bad}: ${answer.text}`);
    }
  });
});

describe('downloads', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi();
  });
  after(() => api.close());

  test('404 NOT_READY before completion; then the outputs stream with type and name', async () => {
    const created = await call(api, 'POST', JOBS, {
      body: form([
        ['recording', smallWav(), 'call.wav'],
        ['transcript', JSON.stringify(cardTranscript()), 'call.json'],
      ]),
    });
    const { id, links } = created.json;
    const early = await call(api, 'GET', links.recording);
    assert.equal(early.status, 404);
    assert.equal(early.json.error.code, 'NOT_READY');
    assert.match(early.json.error.message, /while the job is queued/);

    // What a worker does: claim, store the outputs, complete.
    const lease = await api.backend.jobs.claim('test-worker', 60_000);
    assert.equal(lease?.jobId, id);
    const put = async (name: string, bytes: Buffer | string) => {
      const file = join(api.dir, name);
      await writeFile(file, bytes);
      const key = `jobs/${id}/output/${name}`;
      return { ...(await api.files.put(key, file)), name };
    };
    const result: JobResult = {
      recording: await put('call.wav', smallWav()),
      transcript: await put('call.json', '{"redacted": true}'),
      report: await put('call.report.json', '{"report": true}'),
      regions: [{ start: 3.75, end: 8.5, channel: null }],
      counts: { CREDIT_CARD: 1 },
      verification: { passed: true, checks: [{ name: 'region-levels', passed: true }] },
      auditSeq: 1,
    };
    assert.ok(await api.backend.jobs.complete(lease!, result));

    const job = await call(api, 'GET', links.self);
    assert.equal(job.json.state, 'completed');
    assert.deepEqual(job.json.result.counts, { CREDIT_CARD: 1 });
    assert.equal(job.json.result.verification.passed, true);
    assert.deepEqual(job.json.result.regions, result.regions);

    const recording = await fetch(`${api.base}${links.recording}`);
    assert.equal(recording.status, 200);
    assert.equal(recording.headers.get('content-type'), 'audio/wav');
    assert.match(recording.headers.get('content-disposition') ?? '', /^attachment; filename="call\.wav"/);
    assert.deepEqual(Buffer.from(await recording.arrayBuffer()), smallWav());
    const report = await call(api, 'GET', links.report);
    assert.equal(report.status, 200);
    assert.match(report.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(report.json, { report: true });
    assert.deepEqual((await call(api, 'GET', links.transcript)).json, { redacted: true });
  });
});
