/**
 * Webhook administration and inbound events over real HTTP: endpoints (the secret shown once),
 * deliveries written by job state changes, their attempts and replays; events authenticated by
 * signature or token over the exact bytes sent, refused in the API's error shape otherwise.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InboundSource } from '../../../src/service/events/source.js';
import { newWebhookSecret, signWebhook } from '../../../src/service/webhooks/signing.js';
import { call, startApi, type TestApi } from './server.js';

const ENDPOINTS = '/v1/webhooks/endpoints';
const DELIVERIES = '/v1/webhooks/deliveries';

describe('webhook administration', () => {
  let api: TestApi;
  let admin: string;
  before(async () => {
    api = await startApi({ requireKeys: true });
    admin = await api.key('admin');
  });
  after(() => api.close());

  test('endpoints: created with a secret shown once, listed without it, disabled', async () => {
    const created = await call(api, 'POST', ENDPOINTS, {
      token: admin,
      body: { url: 'https://hooks.example.com/hush', events: ['job.completed'], description: 'audit' },
    });
    assert.equal(created.status, 201, created.text);
    assert.match(created.json.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    assert.equal(created.json.enabled, true);
    assert.deepEqual(created.json.events, ['job.completed']);

    const listed = await call(api, 'GET', ENDPOINTS, { token: admin });
    assert.equal(listed.status, 200);
    assert.equal(listed.json.endpoints.length, 1);
    assert.equal(listed.json.endpoints[0].id, created.json.id);
    assert.equal(listed.json.endpoints[0].secret, undefined);
    assert.ok(!listed.text.includes(created.json.secret));

    for (const body of [
      { url: 'ftp://hooks.example.com/' },
      { url: 'https://hooks.example.com/', events: ['job.exploded'] },
      { url: 'https://hooks.example.com/', secret: 'whsec_mine' },
    ]) {
      const refused = await call(api, 'POST', ENDPOINTS, { token: admin, body });
      assert.equal(refused.status, 400, JSON.stringify(body));
      assert.equal(refused.json.error.code, 'VALIDATION');
    }

    assert.equal(
      (await call(api, 'DELETE', `${ENDPOINTS}/${created.json.id}`, { token: admin })).status,
      204,
    );
    const after = await call(api, 'GET', ENDPOINTS, { token: admin });
    assert.equal(after.json.endpoints[0].enabled, false);
    assert.equal((await call(api, 'DELETE', `${ENDPOINTS}/no-such-endpoint`, { token: admin })).status, 404);
  });

  test('deliveries: written by job state changes, filtered, read with their attempts, replayed', async () => {
    const endpoint = await call(api, 'POST', ENDPOINTS, {
      token: admin,
      body: { url: 'https://hooks.example.com/all' },
    });
    const job = await call(api, 'POST', '/v1/redaction/jobs', {
      token: admin,
      body: {
        recordingUrl: 'https://media.example.com/c.wav',
        transcriptUrl: 'https://media.example.com/c.json',
        metadata: { callId: 'c-9' },
      },
    });
    assert.equal(job.status, 202, job.text);

    const listed = await call(api, 'GET', `${DELIVERIES}?endpointId=${endpoint.json.id}`, { token: admin });
    assert.equal(listed.status, 200, listed.text);
    assert.equal(listed.json.deliveries.length, 1);
    const [delivery] = listed.json.deliveries;
    assert.equal(delivery.event.type, 'job.queued');
    assert.equal(delivery.event.data.jobId, job.json.id);
    assert.deepEqual(delivery.event.data.metadata, { callId: 'c-9' });
    assert.equal(delivery.state, 'pending');
    assert.equal(listed.json.nextCursor, null);

    const byJob = await call(api, 'GET', `${DELIVERIES}?jobId=${job.json.id}&state=pending&limit=5`, {
      token: admin,
    });
    assert.deepEqual(
      byJob.json.deliveries.map((item: { id: string }) => item.id),
      [delivery.id],
    );
    assert.equal(
      (await call(api, 'GET', `${DELIVERIES}?state=delivered`, { token: admin })).json.deliveries.length,
      0,
    );
    assert.equal((await call(api, 'GET', `${DELIVERIES}?state=lost`, { token: admin })).status, 400);

    const one = await call(api, 'GET', `${DELIVERIES}/${delivery.id}`, { token: admin });
    assert.equal(one.status, 200);
    assert.deepEqual(one.json.attemptLog, []);
    const replayed = await call(api, 'POST', `${DELIVERIES}/${delivery.id}/replay`, { token: admin });
    assert.equal(replayed.status, 202, replayed.text);
    assert.equal(replayed.json.state, 'pending');
    assert.equal((await call(api, 'GET', `${DELIVERIES}/nope`, { token: admin })).status, 404);
    assert.equal((await call(api, 'POST', `${DELIVERIES}/nope/replay`, { token: admin })).status, 404);
  });
});

describe('inbound events', () => {
  const secret = newWebhookSecret();
  const token = 'tok_'.padEnd(40, 'q7');
  const sources: InboundSource[] = [
    { name: 'relay', kind: 'generic', auth: { scheme: 'hmac', secret }, allowHosts: ['media.example.com'] },
    { name: 'plain', kind: 'generic', auth: { scheme: 'token', token }, allowHosts: ['media.example.com'] },
  ];
  let api: TestApi;
  before(async () => {
    // Keys required: events prove themselves by signature or token, not by API key.
    api = await startApi({ requireKeys: true, inboundSources: sources });
  });
  after(async () => {
    const logs = api.logs.join('');
    await api.close();
    assert.ok(!logs.includes(token), 'a log line holds the inbound token');
  });

  const event = (id: string) =>
    JSON.stringify({
      id,
      type: 'transcript.ready',
      recordingUrl: 'https://media.example.com/calls/c-3.wav',
      transcriptUrl: 'https://media.example.com/calls/c-3.json',
    });

  const post = (source: string, body: string, headers: Record<string, string>, query = '') =>
    call(api, 'POST', `/v1/events/${source}${query}`, {
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  test('a signed event queues a job (202); the same event again is a duplicate (200)', async () => {
    const body = event('evt-1');
    const signed = signWebhook(secret, 'msg-1', new Date(), body);
    const accepted = await post('relay', body, { ...signed });
    assert.equal(accepted.status, 202, accepted.text);
    const job = await api.backend.jobs.get(accepted.json.jobId);
    assert.equal(job?.state, 'queued');
    assert.equal(job?.request.recording.kind, 'url');

    const again = await post('relay', body, { ...signWebhook(secret, 'msg-2', new Date(), body) });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.jobId, accepted.json.jobId);
  });

  test('the signature covers the exact bytes: altered, unsigned or unknown-source events are refused', async () => {
    const body = event('evt-2');
    const signed = signWebhook(secret, 'msg-3', new Date(), body);
    const altered = await post('relay', body.replace('c-3.wav', 'c-4.wav'), { ...signed });
    assert.equal(altered.status, 401);
    assert.equal(altered.json.error.code, 'UNAUTHENTICATED');
    assert.match(altered.json.error.message, /signature does not match/);

    const unsigned = await post('relay', body, {});
    assert.equal(unsigned.status, 401);
    assert.match(unsigned.json.error.message, /missing header/);

    const unknown = await post('elsewhere', body, { ...signed });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error.code, 'NOT_FOUND');
  });

  test('a token source accepts the token in the query; a wrong token is 401', async () => {
    const accepted = await post('plain', event('evt-3'), {}, `?token=${token}`);
    assert.equal(accepted.status, 202, accepted.text);
    const refused = await post('plain', event('evt-4'), {}, '?token=wrong');
    assert.equal(refused.status, 401);
    assert.ok(!refused.text.includes('wrong'));
  });
});
