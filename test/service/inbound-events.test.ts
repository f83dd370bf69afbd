/**
 * Inbound events (`POST /v1/events/:source` without the HTTP layer): bodies signed by the
 * `standardwebhooks` library as a sender would, a real SQLite backend. An event is a hint: a generic
 * one queues a job with URL inputs on the source's allowed hosts; platform events need a resolver.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { ServiceBackend } from '../../src/service/backend.js';
import { openSqliteBackend } from '../../src/service/backends/sqlite/index.js';
import {
  handleInboundEvent,
  type InboundDeps,
  type InboundResponse,
} from '../../src/service/events/handle.js';
import type { PlatformHint } from '../../src/service/events/hints.js';
import { parseInboundSources, type InboundSource } from '../../src/service/events/source.js';
import type { JobRecord, JobRequest } from '../../src/service/jobs/job.js';
import { captureLog } from './log-capture.js';
import { createMetrics } from '../../src/service/metrics.js';
import { newWebhookSecret } from '../../src/service/webhooks/signing.js';

const SECRET = newWebhookSecret();
const TOKEN = 'tok_4b1d0c7e9f2a48d6b3e5a7c9d1f3e5a7';
const NOW = new Date('2026-11-21T12:00:00.000Z');
const CONVERSATION = '6f0f3c3e-9e52-4b55-8f6d-3f1f0b8f5a21';

const sources: InboundSource[] = parseInboundSources(
  [
    {
      name: 'ivr',
      kind: 'generic',
      auth: { scheme: 'hmac', secret: SECRET },
      allowHosts: ['recordings.example.com'],
    },
    {
      name: 'batch',
      kind: 'generic',
      auth: { scheme: 'token', token: TOKEN },
      allowHosts: ['files.example.com:8443'],
    },
    { name: 'genesys', kind: 'genesys', auth: { scheme: 'hmac', secret: SECRET }, allowHosts: [] },
    { name: 'symbl', kind: 'symbl', auth: { scheme: 'token', token: TOKEN }, allowHosts: [] },
    { name: 'symbl-live', kind: 'symbl', auth: { scheme: 'token', token: TOKEN }, allowHosts: [] },
  ],
  'test sources',
);

const PRESIGNED = 'X-Amz-Signature=0123456789abcdef';

function genericEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'evt-1',
    type: 'transcript.ready',
    callId: 'call-1234',
    recordingUrl: `https://recordings.example.com/calls/call-1234.wav?${PRESIGNED}`,
    transcriptUrl: `https://recordings.example.com/calls/call-1234.json?${PRESIGNED}`,
    transcriptFormat: 'aws-transcribe',
    patterns: ['CREDIT_CARD'],
    metadata: { queue: 'billing' },
    ...overrides,
  };
}

/** Body and Standard Webhooks headers, signed `secondsAgo` before NOW by the library itself. */
function signed(event: unknown, options: { secondsAgo?: number; secret?: string; id?: string } = {}) {
  const body = Buffer.from(JSON.stringify(event));
  const at = new Date(NOW.getTime() - (options.secondsAgo ?? 0) * 1000);
  const id = options.id ?? 'msg_1';
  return {
    body,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(options.secret ?? SECRET).sign(id, at, body),
    },
  };
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

function errorOf(response: InboundResponse): { code: string; message: string } {
  assert.ok('error' in response.body, `expected an error body, got status ${response.status}`);
  return response.body.error;
}

describe('inbound events', () => {
  let dir: string;
  let backend: ServiceBackend;
  let deps: InboundDeps;
  let lines: string[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-inbound-'));
    backend = openSqliteBackend(join(dir, 'hush.db'));
    const { logger, lines: logged } = captureLog();
    lines = logged;
    deps = { backend, metrics: createMetrics(backend), logger, sources, maxAttempts: 4, now: () => NOW };
  });
  after(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function allJobs(): Promise<JobRecord[]> {
    return (await backend.jobs.list({ limit: 100 })).jobs;
  }

  async function outcomes(): Promise<Record<string, number>> {
    const metric = await deps.metrics.inboundEvents.get();
    return Object.fromEntries(
      metric.values.map((value) => [`${value.labels.source}/${value.labels.outcome}`, value.value]),
    );
  }

  test('a signed generic event queues a job that fetches the recording and transcript by URL', async () => {
    const { body, headers } = signed(genericEvent());
    const response = await handleInboundEvent(deps, 'ivr', headers, body);
    assert.equal(response.status, 202);
    assert.ok('jobId' in response.body && typeof response.body.jobId === 'string');
    const job = await backend.jobs.get(response.body.jobId);
    assert.ok(job);
    assert.equal(job.state, 'queued');
    assert.equal(job.apiKeyId, null);
    assert.equal(job.idempotencyKey, 'event:ivr:evt-1');
    assert.equal(job.maxAttempts, 4);
    assert.deepEqual(job.request, {
      recording: {
        kind: 'url',
        url: `https://recordings.example.com/calls/call-1234.wav?${PRESIGNED}`,
        name: 'call-1234.wav',
      },
      transcript: {
        kind: 'url',
        url: `https://recordings.example.com/calls/call-1234.json?${PRESIGNED}`,
        name: 'call-1234.json',
      },
      regions: null,
      transcriptFormat: 'aws-transcribe',
      patterns: ['CREDIT_CARD'],
      replacementType: 'silence',
      customAudioUrl: null,
      language: null,
      includeTranscript: true,
      metadata: { queue: 'billing', source: 'ivr', eventId: 'evt-1', callId: 'call-1234' },
    } satisfies JobRequest);
    assert.equal((await outcomes())['ivr/accepted'], 1);
  });

  test('the same event again is a duplicate and queues no second job', async () => {
    const before = (await allJobs()).length;
    // Another delivery of evt-1: a new signature, the same event id.
    const { body, headers } = signed(genericEvent(), { id: 'msg_2', secondsAgo: 10 });
    const response = await handleInboundEvent(deps, 'ivr', headers, body);
    assert.equal(response.status, 200);
    assert.ok('duplicate' in response.body && response.body.duplicate);
    assert.equal((await allJobs()).length, before);
    const [job] = (await allJobs()).filter((candidate) => candidate.idempotencyKey === 'event:ivr:evt-1');
    assert.equal(response.body.jobId, job!.id);
    assert.equal((await outcomes())['ivr/duplicate'], 1);
  });

  test('regions instead of a transcript, as clock strings or seconds', async () => {
    const event = genericEvent({
      id: 'evt-regions',
      type: 'recording.ready',
      transcriptUrl: undefined,
      transcriptFormat: undefined,
      patterns: undefined,
      regions: [{ start: '00:00:01.250', end: 2.5, channel: 1 }],
    });
    const { body, headers } = signed(event);
    const response = await handleInboundEvent(deps, 'ivr', headers, body);
    assert.equal(response.status, 202);
    assert.ok('jobId' in response.body && typeof response.body.jobId === 'string');
    const job = await backend.jobs.get(response.body.jobId);
    assert.deepEqual(job?.request.regions, [{ start: 1250, end: 2500, channel: 1 }]);
    assert.equal(job?.request.transcript, null);
  });

  describe('refused with 401', () => {
    const cases: [string, () => { body: Buffer; headers: Record<string, string> }, RegExp][] = [
      [
        'a bad signature',
        () => signed(genericEvent({ id: 'evt-bad' }), { secret: newWebhookSecret() }),
        /webhook-signature does not match/,
      ],
      [
        'a body changed after signing',
        () => {
          const { headers } = signed(genericEvent({ id: 'evt-changed' }));
          return {
            headers,
            body: Buffer.from(JSON.stringify(genericEvent({ id: 'evt-changed', callId: 'other' }))),
          };
        },
        /webhook-signature does not match/,
      ],
      [
        'a timestamp more than 5 minutes old',
        () => signed(genericEvent({ id: 'evt-old' }), { secondsAgo: 301 }),
        /stale: more than 5 minutes in the past/,
      ],
      [
        'a timestamp more than 5 minutes ahead',
        () => signed(genericEvent({ id: 'evt-future' }), { secondsAgo: -301 }),
        /stale: more than 5 minutes in the future/,
      ],
      [
        'missing signature headers',
        () => ({ body: Buffer.from(JSON.stringify(genericEvent({ id: 'evt-unsigned' }))), headers: {} }),
        /missing header webhook-id, webhook-timestamp, webhook-signature/,
      ],
    ];
    for (const [name, request, reason] of cases) {
      test(name, async () => {
        const before = (await allJobs()).length;
        const { body, headers } = request();
        const response = await handleInboundEvent(deps, 'ivr', headers, body);
        assert.equal(response.status, 401);
        const error = errorOf(response);
        assert.equal(error.code, 'UNAUTHENTICATED');
        assert.match(error.message, reason);
        assert.ok(!error.message.includes(SECRET.slice(6)), 'the refusal never holds the secret');
        assert.equal((await allJobs()).length, before);
      });
    }

    test('a timestamp just inside the 5 minutes is accepted', async () => {
      const { body, headers } = signed(genericEvent({ id: 'evt-299' }), { secondsAgo: 299 });
      assert.equal((await handleInboundEvent(deps, 'ivr', headers, body)).status, 202);
    });
  });

  describe('token sources', () => {
    const body = () =>
      Buffer.from(
        JSON.stringify(
          genericEvent({
            id: `evt-token-${Math.random()}`,
            recordingUrl: 'https://files.example.com:8443/a.wav',
            transcriptUrl: 'https://files.example.com:8443/a.json',
          }),
        ),
      );

    test('the token in Authorization: Bearer or in ?token= is accepted', async () => {
      assert.equal((await handleInboundEvent(deps, 'batch', bearer(TOKEN), body())).status, 202);
      assert.equal((await handleInboundEvent(deps, 'batch', {}, body(), { token: TOKEN })).status, 202);
    });

    test('a wrong or missing token is refused without echoing either', async () => {
      const wrong = `${TOKEN.slice(0, -1)}x`;
      for (const response of [
        await handleInboundEvent(deps, 'batch', bearer(wrong), body()),
        await handleInboundEvent(deps, 'batch', {}, body(), { token: wrong }),
      ]) {
        assert.equal(response.status, 401);
        assert.equal(errorOf(response).message, 'not authenticated: token does not match');
      }
      const basic = await handleInboundEvent(deps, 'batch', { authorization: `Basic ${TOKEN}` }, body());
      assert.equal(
        errorOf(basic).message,
        'not authenticated: the Authorization header is not "Bearer <token>"',
      );
      const missing = await handleInboundEvent(deps, 'batch', {}, body());
      assert.equal(missing.status, 401);
      assert.match(errorOf(missing).message, /missing token/);
      const text = lines.join('\n');
      assert.ok(!text.includes(TOKEN.slice(4, -1)), 'no log line holds the token');
    });
  });

  describe('refused with 400', () => {
    async function refused(event: unknown, source = 'ivr'): Promise<{ code: string; message: string }> {
      const { body, headers } = signed(event);
      const response = await handleInboundEvent(deps, source, headers, body);
      assert.equal(response.status, 400);
      return errorOf(response);
    }

    test('a URL outside the source allowHosts', async () => {
      const error = await refused(
        genericEvent({ id: 'evt-host', transcriptUrl: 'https://evil.example.net/t.json' }),
      );
      assert.equal(
        error.message,
        'transcriptUrl: host evil.example.net is not in the allowHosts of source "ivr"',
      );
      // A host:port entry holds to its port.
      const body = Buffer.from(
        JSON.stringify(
          genericEvent({
            id: 'evt-port',
            recordingUrl: 'https://files.example.com/a.wav',
            transcriptUrl: 'https://files.example.com:8443/a.json',
          }),
        ),
      );
      const response = await handleInboundEvent(deps, 'batch', bearer(TOKEN), body);
      assert.equal(response.status, 400);
      assert.match(
        errorOf(response).message,
        /^recordingUrl: host files\.example\.com is not in the allowHosts/,
      );
    });

    test('a malformed body names the field', async () => {
      assert.match(
        (await refused(genericEvent({ id: 'evt-url', recordingUrl: 'file:///etc/passwd' }))).message,
        /at recordingUrl: /,
      );
      assert.match(
        (await refused(genericEvent({ id: 'evt-type', type: 'call.ended' }))).message,
        /at type: expected one of: recording\.ready, transcript\.ready/,
      );
      assert.match(
        (await refused({ type: 'transcript.ready' })).message,
        /at id: expected a string, found nothing/,
      );
      assert.match(
        (await refused(genericEvent({ id: 'evt-format', transcriptFormat: 'docx' }))).message,
        /at transcriptFormat: expected one of: /,
      );
      assert.match(
        (await refused(genericEvent({ id: 'evt-both', regions: [{ start: 1, end: 2 }] }))).message,
        /give transcriptUrl or regions/,
      );
      assert.match(
        (await refused(genericEvent({ id: 'evt-pattern', patterns: ['(unclosed'] }))).message,
        /^patterns\[0\] is not a valid pattern/,
      );
      const regions = await refused(
        genericEvent({ id: 'evt-regions-bad', transcriptUrl: undefined, regions: [{ start: 3, end: 2 }] }),
      );
      assert.equal(regions.code, 'REGIONS_INVALID');
      assert.match(regions.message, /at \[0\]\.end: must be after start/);
    });

    test('a body that is not JSON', async () => {
      const body = Buffer.from('{"id": ');
      const response = await handleInboundEvent(deps, 'ivr', signed(null).headers, body);
      // The signature covers another body: authentication comes first.
      assert.equal(response.status, 401);
      const at = new Date(NOW);
      const headers = {
        'webhook-id': 'msg_json',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(SECRET).sign('msg_json', at, body),
      };
      const bad = await handleInboundEvent(deps, 'ivr', headers, body);
      assert.equal(bad.status, 400);
      assert.deepEqual(errorOf(bad), { code: 'BAD_JSON', message: 'the event body is not valid JSON' });
    });
  });

  test('an unknown source is 404', async () => {
    const { body, headers } = signed(genericEvent());
    const response = await handleInboundEvent(deps, 'nobody', headers, body);
    assert.equal(response.status, 404);
    assert.equal(errorOf(response).code, 'NOT_FOUND');
    assert.equal((await outcomes())['(unknown)/refused'], 1);
  });

  describe('platform sources', () => {
    const genesysEvent = {
      id: 'relay-1',
      conversationId: CONVERSATION,
      topicName: `v2.detail.events.conversation.${CONVERSATION}.customer.end`,
    };

    test('genesys and symbl events without a resolver are authenticated, parsed, then refused with 501', async () => {
      const genesys = signed(genesysEvent);
      const response = await handleInboundEvent(deps, 'genesys', genesys.headers, genesys.body);
      assert.equal(response.status, 501);
      assert.match(errorOf(response).message, /Genesys Cloud need its connector .* source "genesys"/);

      const symbl = Buffer.from(JSON.stringify({ id: 'job-1', status: 'completed' }));
      const symblResponse = await handleInboundEvent(deps, 'symbl', {}, symbl, { token: TOKEN });
      assert.equal(symblResponse.status, 501);
      assert.match(errorOf(symblResponse).message, /Symbl need its connector/);

      // Authentication and parsing come first.
      assert.equal((await handleInboundEvent(deps, 'symbl', {}, symbl)).status, 401);
      const bad = await handleInboundEvent(
        deps,
        'symbl',
        bearer(TOKEN),
        Buffer.from('{"id":"job-1","status":"done"}'),
      );
      assert.equal(bad.status, 400);
      assert.match(
        errorOf(bad).message,
        /at status: expected one of: scheduled, in_progress, completed, failed/,
      );
      const genesysBad = signed({ id: 'relay-2', conversationId: 'not-a-guid' });
      const genesysBadResponse = await handleInboundEvent(
        deps,
        'genesys',
        genesysBad.headers,
        genesysBad.body,
      );
      assert.equal(genesysBadResponse.status, 400);
      assert.match(errorOf(genesysBadResponse).message, /at conversationId: /);
    });

    test('with a resolver, the event is accepted at once and its job queued once resolved', async () => {
      const hints: PlatformHint[] = [];
      const resolver = {
        async resolve(hint: PlatformHint): Promise<JobRequest | null> {
          hints.push(hint);
          if (hint.kind !== 'symbl' || hint.status !== 'completed') return null;
          return {
            recording: { kind: 'url', url: 'https://media.example.com/job-2.wav', name: 'job-2.wav' },
            transcript: { kind: 'url', url: 'https://media.example.com/job-2.json', name: 'job-2.json' },
            regions: null,
            transcriptFormat: 'symbl',
            patterns: [],
            replacementType: 'silence',
            customAudioUrl: null,
            language: null,
            includeTranscript: true,
            metadata: { source: 'symbl-live', symblJobId: hint.jobId },
          };
        },
      };
      const withResolver: InboundDeps = { ...deps, resolvers: { 'symbl-live': resolver } };
      const post = (status: string) =>
        handleInboundEvent(
          withResolver,
          'symbl-live',
          bearer(TOKEN),
          Buffer.from(JSON.stringify({ id: 'job-2', status })),
        );

      const running = await post('in_progress');
      assert.equal(running.status, 202);
      assert.deepEqual(Object.keys(running.body), ['accepted', 'jobId', 'note']);
      const completed = await post('completed');
      assert.equal(completed.status, 202);
      const again = await post('completed');
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, { duplicate: true });

      const deadline = Date.now() + 5_000;
      let job: JobRecord | undefined;
      while (!job && Date.now() < deadline) {
        job = (await allJobs()).find(
          (candidate) => candidate.idempotencyKey === 'event:symbl-live:job-2:completed',
        );
        if (!job) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.ok(job, 'the resolved job was queued');
      assert.equal(job.request.metadata.symblJobId, 'job-2');
      assert.deepEqual(
        hints.map((hint) => hint.eventId),
        ['job-2:in_progress', 'job-2:completed'],
      );
      assert.equal(
        (await allJobs()).filter((candidate) => candidate.idempotencyKey?.startsWith('event:symbl-live:'))
          .length,
        1,
      );
    });
  });

  test('logs hold ids and reasons, never bodies, URL queries or secrets', () => {
    const text = lines.join('\n');
    for (const value of [PRESIGNED, 'call-1234.wav', SECRET.slice(6), TOKEN.slice(4, -1), 'billing']) {
      assert.ok(!text.includes(value), 'a log line holds part of an event body, a URL or a secret');
    }
    assert.ok(lines.some((line) => line.includes('"eventId":"evt-1"')));
  });
});

describe('inbound source configuration', () => {
  test('refuses bad sources, naming the field and never the secret', () => {
    const bad = [
      { name: 'Bad Name', kind: 'generic', auth: { scheme: 'token', token: TOKEN }, allowHosts: [] },
      { name: 'short', kind: 'symbl', auth: { scheme: 'token', token: 'short-token' }, allowHosts: [] },
      { name: 'weak', kind: 'generic', auth: { scheme: 'hmac', secret: 'whsec_c2hvcnQ=' }, allowHosts: [] },
      {
        name: 'hosts',
        kind: 'generic',
        auth: { scheme: 'token', token: TOKEN },
        allowHosts: ['https://x.example/'],
      },
    ];
    assert.throws(
      () => parseInboundSources(bad, 'HUSH_EVENT_SOURCES'),
      (error: Error) => {
        assert.match(error.message, /^HUSH_EVENT_SOURCES: 4 problems/);
        assert.match(error.message, /at \[0\]\.name: lower-case letters, digits and dashes/);
        assert.match(error.message, /at \[1\]\.auth\.token: must be at least 32 characters long/);
        assert.match(error.message, /at \[2\]\.auth\.secret: a whsec_ secret of at least 24 bytes/);
        assert.match(error.message, /at \[3\]\.allowHosts\[0\]: a host name or address/);
        assert.ok(!error.message.includes('short-token') && !error.message.includes('c2hvcnQ'));
        return true;
      },
    );
    const twice = [sources[0], sources[0]];
    assert.throws(() => parseInboundSources(twice, 'sources'), /source "ivr" is defined twice/);
  });
});
