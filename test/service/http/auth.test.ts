/**
 * API keys, scopes, quotas and rate limits over real HTTP: 401 without a valid key, 403 without the
 * scope, each key seeing its own jobs, 429 with Retry-After for the daily quota and the per-minute
 * rate limit, and the limits route. No log line holds a key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, startApi, type TestApi } from './server.js';

const JOBS = '/v1/redaction/jobs';
const JOB = {
  recordingUrl: 'https://media.example.com/calls/c-1.wav',
  transcriptUrl: 'https://media.example.com/calls/c-1.json',
};

describe('API keys and scopes', () => {
  let api: TestApi;
  let admin: string;
  let reader: string;
  let redactor: string;
  let both: string;
  before(async () => {
    api = await startApi({ requireKeys: true, requestsPerMinute: null });
    admin = await api.key('admin');
    reader = await api.key('read');
    redactor = await api.key('redact');
    both = await api.key('redact', 'read');
  });
  after(async () => {
    const logs = api.logs.join('');
    await api.close();
    for (const token of [admin, reader, redactor, both]) {
      assert.ok(!logs.includes(token.slice(-20)), 'a log line holds an API key');
    }
  });

  test('401 without a key, with a malformed, an unknown or a revoked key', async () => {
    const missing = await call(api, 'GET', JOBS);
    assert.equal(missing.status, 401);
    assert.equal(missing.json.error.code, 'UNAUTHENTICATED');
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    const forged = `hush_${'0'.repeat(32)}_${'A'.repeat(43)}`;
    for (const token of ['nonsense', forged, `${reader.slice(0, -1)}x`]) {
      const answer = await call(api, 'GET', JOBS, { token });
      assert.equal(answer.status, 401, token);
      assert.match(answer.json.error.message, /not valid or was revoked/);
      assert.ok(!answer.text.includes(token));
    }
    const revoked = await api.key('read');
    assert.equal((await call(api, 'GET', JOBS, { token: revoked })).status, 200);
    await api.backend.keys.revoke(revoked.split('_')[1]!);
    assert.equal((await call(api, 'GET', JOBS, { token: revoked })).status, 401);
  });

  test('403 names the scope a route needs; admin holds every scope; X-API-Key works too', async () => {
    const create = await call(api, 'POST', JOBS, { token: reader, body: JOB });
    assert.equal(create.status, 403);
    assert.equal(create.json.error.code, 'FORBIDDEN');
    assert.match(create.json.error.message, /"redact" scope/);
    assert.equal((await call(api, 'GET', JOBS, { token: redactor })).status, 403);
    assert.equal((await call(api, 'GET', '/v1/webhooks/endpoints', { token: both })).status, 403);
    assert.equal((await call(api, 'GET', '/metrics', { token: both })).status, 403);

    assert.equal((await call(api, 'POST', JOBS, { token: redactor, body: JOB })).status, 202);
    assert.equal((await call(api, 'GET', JOBS, { headers: { 'x-api-key': reader } })).status, 200);
    assert.equal((await call(api, 'POST', JOBS, { token: admin, body: JOB })).status, 202);
    const metrics = await call(api, 'GET', '/metrics', { token: admin });
    assert.equal(metrics.status, 200);
    assert.match(metrics.text, /^hush_jobs\{state="queued"\} \d+$/m);
    assert.equal((await call(api, 'GET', '/v1/webhooks/endpoints', { token: admin })).status, 200);
  });

  test('health, readiness and the OpenAPI document need no key', async () => {
    for (const path of ['/healthz', '/readyz', '/openapi.json']) {
      assert.equal((await call(api, 'GET', path)).status, 200, path);
    }
  });

  test('a key sees its own jobs; admin sees all; a job of another key is 404', async () => {
    const mine = await call(api, 'POST', JOBS, { token: both, body: JOB });
    const other = await api.key('redact', 'read');
    const theirs = await call(api, 'POST', JOBS, { token: other, body: JOB });
    assert.equal((await call(api, 'GET', `${JOBS}/${mine.json.id}`, { token: both })).status, 200);
    assert.equal((await call(api, 'GET', `${JOBS}/${theirs.json.id}`, { token: both })).status, 404);
    assert.equal((await call(api, 'POST', `${JOBS}/${theirs.json.id}/cancel`, { token: both })).status, 404);
    assert.equal((await call(api, 'GET', `${JOBS}/${theirs.json.id}`, { token: admin })).status, 200);

    const ids = (list: { json: { jobs: { id: string }[] } }) => list.json.jobs.map((job) => job.id);
    assert.deepEqual(ids(await call(api, 'GET', JOBS, { token: both })), [mine.json.id]);
    assert.ok(ids(await call(api, 'GET', `${JOBS}?limit=100`, { token: admin })).includes(theirs.json.id));
  });

  test('retry needs admin', async () => {
    const created = await call(api, 'POST', JOBS, { token: both, body: JOB });
    await call(api, 'POST', `${JOBS}/${created.json.id}/cancel`, { token: both });
    assert.equal((await call(api, 'POST', `${JOBS}/${created.json.id}/retry`, { token: both })).status, 403);
    assert.equal((await call(api, 'POST', `${JOBS}/${created.json.id}/retry`, { token: admin })).status, 202);
  });
});

describe('quota and rate limit', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi({ requireKeys: true, jobsPerDay: 2, requestsPerMinute: 8 });
  });
  after(() => api.close());

  test('the daily quota answers 429 QUOTA_EXCEEDED with Retry-After to the reset; the limits route counts it', async () => {
    const token = await api.key('redact', 'read');
    const fresh = await call(api, 'GET', '/v1/redaction/limits', { token });
    assert.equal(fresh.status, 200, fresh.text);
    assert.equal(fresh.json.jobs.perDay, 2);
    assert.equal(fresh.json.jobs.usedToday, 0);
    assert.equal(fresh.json.jobs.remainingToday, 2);
    assert.equal(fresh.json.rateLimit.requestsPerMinute, 8);
    assert.equal(typeof fresh.json.maxUploadBytes, 'number');
    assert.equal(typeof fresh.json.maxDurationSeconds, 'number');
    const resetsAt = Date.parse(fresh.json.jobs.resetsAt);
    assert.equal(new Date(resetsAt).toISOString().slice(11), '00:00:00.000Z');

    for (let index = 0; index < 2; index++) {
      assert.equal((await call(api, 'POST', JOBS, { token, body: JOB })).status, 202);
    }
    const over = await call(api, 'POST', JOBS, { token, body: JOB });
    assert.equal(over.status, 429);
    assert.equal(over.json.error.code, 'QUOTA_EXCEEDED');
    const retryAfter = Number(over.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 86_400, `Retry-After ${retryAfter}`);
    assert.ok(Math.abs(Date.now() + retryAfter * 1000 - resetsAt) < 5_000);

    const spent = await call(api, 'GET', '/v1/redaction/limits', { token });
    assert.equal(spent.json.jobs.usedToday, 2);
    assert.equal(spent.json.jobs.remainingToday, 0);
    // Another key has its own quota.
    assert.equal((await call(api, 'POST', JOBS, { token: await api.key('redact'), body: JOB })).status, 202);
  });

  test('the rate limit answers 429 RATE_LIMITED with Retry-After, per key; health is not limited', async () => {
    const token = await api.key('read');
    const statuses: number[] = [];
    let limited;
    for (let index = 0; index < 9; index++) {
      const answer = await call(api, 'GET', JOBS, { token });
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 429]);
    assert.equal(limited!.json.error.code, 'RATE_LIMITED');
    const retryAfter = Number(limited!.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await call(api, 'GET', JOBS, { token: await api.key('read') })).status, 200);
    for (let index = 0; index < 10; index++) assert.equal((await call(api, 'GET', '/healthz')).status, 200);
  });
});
