/**
 * Outbound webhooks over real loopback HTTP and a real SQLite backend: receivers verify signatures
 * with the `standardwebhooks` library (as a user's would) and with the documentation's
 * no-dependency snippet; retries back off, every attempt is recorded, failures end `failed` and
 * replay, two dispatchers never send one delivery twice, and an idle dispatcher sends deliveries
 * written in this process at once, not at its next poll.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { UrlPolicy } from '../../src/net/safe-fetch.js';
import type { ServiceBackend } from '../../src/service/backend.js';
import { openSqliteBackend } from '../../src/service/backends/sqlite/index.js';
import type { JobEvent, NewJob } from '../../src/service/jobs/job.js';
import { captureLog } from './log-capture.js';
import { createMetrics, type ServiceMetrics } from '../../src/service/metrics.js';
import { startWebhookDispatcher, type WebhookDispatcher } from '../../src/service/webhooks/dispatcher.js';
import { newWebhookSecret, signWebhook, verifyWebhook } from '../../src/service/webhooks/signing.js';
import type { WebhookDelivery } from '../../src/service/webhooks/store.js';

/** Planted in job metadata: the event body carries it, so it must appear in no log line. */
const MARKER = '4111111111111111';
const BACKOFF = { baseMs: 100, maxMs: 1_000 };
const TIMEOUT_MS = 300;

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
  verified: boolean;
}

/** A loopback receiver: each request is verified, recorded, then answered by `answer`. */
async function receiver(secret: string, answer: (count: number, res: ServerResponse) => void) {
  const received: Received[] = [];
  const webhook = new Webhook(secret);
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let verified = true;
      try {
        webhook.verify(body, req.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      received.push({ headers: req.headers, body, verified });
      answer(received.length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/hush?token=query-secret`,
    policy: { allowHosts: [`127.0.0.1:${port}`], maxBytes: 1 << 20, timeoutMs: TIMEOUT_MS, maxRedirects: 0 },
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 8_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function newJob(): NewJob {
  return {
    id: randomUUID(),
    request: {
      recording: { kind: 'url', url: 'https://recordings.example.com/call.wav', name: 'call.wav' },
      transcript: null,
      regions: [{ start: 0, end: 1000, channel: null }],
      transcriptFormat: null,
      patterns: [],
      replacementType: 'silence',
      customAudioUrl: null,
      language: null,
      includeTranscript: false,
      metadata: { marker: MARKER },
    },
    apiKeyId: null,
    idempotencyKey: null,
    maxAttempts: 3,
  };
}

describe('webhook dispatcher', () => {
  let dir: string;
  let backend: ServiceBackend;
  let metrics: ServiceMetrics;
  const { logger, lines } = captureLog();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-webhooks-'));
    backend = openSqliteBackend(join(dir, 'hush.db'));
    metrics = createMetrics(backend);
  });
  after(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** An endpoint (disabled after the test, so it gets no later test's events) and `jobs` jobs' `job.queued` deliveries to it. */
  async function deliveriesTo(url: string, secret: string, jobs = 1) {
    const endpoint = await backend.webhooks.addEndpoint({ url, secret, events: [], description: null });
    for (let i = 0; i < jobs; i++) await backend.jobs.submit(newJob());
    const { deliveries } = await backend.webhooks.listDeliveries({ endpointId: endpoint.id, limit: 100 });
    assert.equal(deliveries.length, jobs);
    return { endpoint, deliveries };
  }

  function start(
    policy: UrlPolicy,
    options: { maxAttempts?: number; dispatcherId?: string; pollMs?: number } = {},
  ): WebhookDispatcher {
    return startWebhookDispatcher({
      backend,
      metrics,
      logger,
      policy,
      pollMs: 10,
      backoff: BACKOFF,
      ...options,
    });
  }

  function stateIs(id: string, state: WebhookDelivery['state']) {
    return async () => {
      const delivery = await backend.webhooks.getDelivery(id);
      return delivery?.state === state && delivery;
    };
  }

  async function counter(outcome: string): Promise<number> {
    const metric = await metrics.webhookAttempts.get();
    return metric.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
  }

  test('retries a failing endpoint with growing backoff, records every attempt, then delivers', async () => {
    const secret = newWebhookSecret();
    // 500, then an answer that never comes (the attempt times out), then 503, then 204.
    const hook = await receiver(secret, (count, res) => {
      if (count === 1) res.writeHead(500).end();
      else if (count === 3) res.writeHead(503).end();
      else if (count >= 4) res.writeHead(204).end();
    });
    const { endpoint, deliveries } = await deliveriesTo(hook.url, secret);
    const delivery = deliveries[0]!;
    const dispatcher = start(hook.policy);
    try {
      const done = await waitFor('delivered', stateIs(delivery.id, 'delivered'));
      assert.equal(done.attempts, 4);
    } finally {
      await dispatcher.stop();
      await backend.webhooks.disableEndpoint(endpoint.id);
      await hook.close();
    }

    // Every attempt was signed for this event, and verified by the library a receiver uses.
    assert.equal(hook.received.length, 4);
    for (const request of hook.received) {
      assert.equal(request.verified, true);
      assert.equal(request.headers['webhook-id'], delivery.event.id);
      assert.equal(request.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(request.body.toString('utf8')) as JobEvent, delivery.event);
    }

    const attempts = await backend.webhooks.attempts(delivery.id);
    assert.deepEqual(
      attempts.map((attempt) => [attempt.attempt, attempt.statusCode]),
      [
        [1, 500],
        [2, null],
        [3, 503],
        [4, 204],
      ],
    );
    assert.equal(attempts[0]!.error, 'endpoint answered HTTP 500');
    assert.match(attempts[1]!.error!, /^127\.0\.0\.1:\d+: no complete answer within 0\.3 s$/);
    assert.ok(attempts[1]!.durationMs >= TIMEOUT_MS - 5, 'the stalled attempt lasted until the timeout');
    assert.equal(attempts[3]!.error, null);
    // The wait after attempt n is at least half of baseMs × 2^(n−1): 50, 100, 200 ms.
    for (let n = 1; n < attempts.length; n++) {
      const previous = attempts[n - 1]!;
      const gap = Date.parse(attempts[n]!.at) - (Date.parse(previous.at) + previous.durationMs);
      assert.ok(gap >= (BACKOFF.baseMs * 2 ** (n - 1)) / 2 - 2, `wait after attempt ${n}: ${gap} ms`);
    }

    // Logs name the delivery, the endpoint, the status and the attempt; never the body, the secret
    // or the URL's query.
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const delivered = logged.find(
      (line) => line.msg === 'webhook delivered' && line.deliveryId === delivery.id,
    );
    assert.deepEqual([delivered?.endpointId, delivered?.status, delivered?.attempt], [endpoint.id, 204, 4]);
    const text = lines.join('\n');
    for (const secretValue of [
      MARKER,
      secret,
      secret.slice('whsec_'.length),
      'query-secret',
      '/hooks/hush',
    ]) {
      assert.ok(!text.includes(secretValue), 'a log line holds part of the body, the secret or the URL');
    }
    for (const attempt of attempts)
      assert.ok(!`${attempt.error}`.includes('hooks'), 'attempt errors hold no path');
  });

  test('a delivery that keeps failing ends failed after maxAttempts; replay delivers it', async () => {
    const secret = newWebhookSecret();
    let healthy = false;
    const hook = await receiver(secret, (_count, res) => res.writeHead(healthy ? 200 : 500).end());
    const { endpoint, deliveries } = await deliveriesTo(hook.url, secret);
    const delivery = deliveries[0]!;
    const before = {
      retry: await counter('retry'),
      failed: await counter('failed'),
      delivered: await counter('delivered'),
    };
    const dispatcher = start(hook.policy, { maxAttempts: 3 });
    try {
      const failed = await waitFor('failed', stateIs(delivery.id, 'failed'));
      assert.equal(failed.attempts, 3);
      assert.deepEqual(
        (await backend.webhooks.attempts(delivery.id)).map((attempt) => attempt.statusCode),
        [500, 500, 500],
      );
      assert.equal((await counter('retry')) - before.retry, 2);
      assert.equal((await counter('failed')) - before.failed, 1);

      healthy = true;
      const replayed = await backend.webhooks.replay(delivery.id);
      assert.equal(replayed?.state, 'pending');
      await waitFor('delivered after replay', stateIs(delivery.id, 'delivered'));
    } finally {
      await dispatcher.stop();
      await backend.webhooks.disableEndpoint(endpoint.id);
      await hook.close();
    }
    const attempts = await backend.webhooks.attempts(delivery.id);
    assert.deepEqual(
      attempts.map((attempt) => attempt.statusCode),
      [500, 500, 500, 200],
    );
    assert.equal((await counter('delivered')) - before.delivered, 1);
    // The replay sent the same event under the same webhook-id.
    assert.deepEqual(
      new Set(hook.received.map((request) => request.headers['webhook-id'])),
      new Set([delivery.event.id]),
    );
    assert.ok(hook.received.every((request) => request.verified));
  });

  test('two dispatchers send each delivery once', async () => {
    const secret = newWebhookSecret();
    // A short delay keeps attempts in flight while the other dispatcher looks for due deliveries.
    const hook = await receiver(secret, (_count, res) => setTimeout(() => res.writeHead(200).end(), 20));
    const { endpoint, deliveries } = await deliveriesTo(hook.url, secret, 24);
    const first = start(hook.policy, { dispatcherId: 'first' });
    const second = start(hook.policy, { dispatcherId: 'second' });
    try {
      await waitFor('all delivered', async () => {
        const { deliveries: now } = await backend.webhooks.listDeliveries({
          endpointId: endpoint.id,
          state: 'delivered',
          limit: 100,
        });
        return now.length === deliveries.length;
      });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await backend.webhooks.disableEndpoint(endpoint.id);
      await hook.close();
    }
    const ids = hook.received.map((request) => request.headers['webhook-id']);
    assert.equal(ids.length, deliveries.length);
    assert.equal(new Set(ids).size, deliveries.length);
    for (const delivery of deliveries) {
      assert.equal((await backend.webhooks.attempts(delivery.id)).length, 1);
    }
  });

  test('stop() lets an attempt in flight finish and be recorded', async () => {
    const secret = newWebhookSecret();
    let arrived = false;
    const hook = await receiver(secret, (_count, res) => {
      arrived = true;
      setTimeout(() => res.writeHead(200).end(), 150);
    });
    const { endpoint, deliveries } = await deliveriesTo(hook.url, secret);
    const dispatcher = start(hook.policy);
    try {
      await waitFor('the request to arrive', async () => arrived);
      await dispatcher.stop();
      const delivery = await backend.webhooks.getDelivery(deliveries[0]!.id);
      assert.equal(delivery?.state, 'delivered');
      assert.equal(delivery?.attempts, 1);
    } finally {
      await backend.webhooks.disableEndpoint(endpoint.id);
      await hook.close();
    }
  });

  test('an idle dispatcher sends deliveries written in this process at once, not at its next poll', async () => {
    const secret = newWebhookSecret();
    const hook = await receiver(secret, (_count, res) => res.writeHead(204).end());
    const endpoint = await backend.webhooks.addEndpoint({
      url: hook.url,
      secret,
      events: [],
      description: null,
    });
    const dispatcher = start(hook.policy, { pollMs: 60_000 });
    try {
      // It looks, finds nothing due and goes to sleep for a minute.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await backend.jobs.submit(newJob());
      await waitFor('the job.queued delivery', async () => hook.received.length === 1, 1_000);
      const [delivery] = (await backend.webhooks.listDeliveries({ endpointId: endpoint.id, limit: 1 }))
        .deliveries;
      await waitFor('delivered', stateIs(delivery!.id, 'delivered'), 1_000);
      // A replay wakes it the same way.
      await backend.webhooks.replay(delivery!.id);
      await waitFor('the replayed delivery', async () => hook.received.length === 2, 1_000);
    } finally {
      await dispatcher.stop();
      await backend.webhooks.disableEndpoint(endpoint.id);
      await hook.close();
    }
  });

  test('refuses a lease no longer than the request timeout', () => {
    assert.throws(
      () =>
        startWebhookDispatcher({
          backend,
          metrics,
          logger,
          policy: { allowHosts: [], maxBytes: 1024, timeoutMs: 5_000, maxRedirects: 0 },
          leaseMs: 5_000,
        }),
      /leaseMs must be longer than the request timeout/,
    );
  });
});

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: 'evt_1', type: 'job.completed' });
  const at = new Date();

  test('new secrets are whsec_ and 32 random bytes', () => {
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(newWebhookSecret(), secret);
  });

  test('signWebhook is verified by the standardwebhooks library and by verifyWebhook', () => {
    const headers = signWebhook(secret, 'evt_1', at, body);
    assert.deepEqual(new Webhook(secret).verify(body, { ...headers }), JSON.parse(body));
    assert.deepEqual(verifyWebhook(secret, { ...headers }, Buffer.from(body), at), { ok: true, id: 'evt_1' });
    // A rotated secret: any one matching signature of several is enough.
    const rotated = { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` };
    assert.equal(verifyWebhook(secret, rotated, Buffer.from(body), at).ok, true);
    assert.deepEqual(verifyWebhook(newWebhookSecret(), { ...headers }, Buffer.from(body), at), {
      ok: false,
      reason: 'webhook-signature does not match',
    });
    assert.equal(verifyWebhook(secret, { ...headers }, Buffer.from(`${body} `), at).ok, false);
  });

  test("the documentation's no-dependency snippet verifies a Hush signature", async () => {
    const doc = await readFile(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
    const snippet = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .find((code) => code.includes('export function verifyHushWebhook'));
    assert.ok(snippet, 'docs/webhooks.md holds the verifyHushWebhook snippet');
    const dir = await mkdtemp(join(tmpdir(), 'hush-snippet-'));
    try {
      const file = join(dir, 'verify.ts');
      await writeFile(file, snippet);
      const { verifyHushWebhook } = (await import(file)) as {
        verifyHushWebhook: (
          secret: string,
          headers: Record<string, string>,
          body: Buffer,
          tolerance?: number,
        ) => boolean;
      };
      const now = new Date();
      const headers = { ...signWebhook(secret, 'evt_2', now, body) };
      assert.equal(verifyHushWebhook(secret, headers, Buffer.from(body)), true);
      assert.equal(
        verifyHushWebhook(secret, headers, Buffer.from(body.replace('completed', 'failed'))),
        false,
      );
      assert.equal(verifyHushWebhook(newWebhookSecret(), headers, Buffer.from(body)), false);
      const old = { ...signWebhook(secret, 'evt_2', new Date(now.getTime() - 301_000), body) };
      assert.equal(verifyHushWebhook(secret, old, Buffer.from(body)), false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
