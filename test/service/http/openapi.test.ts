/**
 * `/openapi.json` is an OpenAPI 3 document generated from the route schemas: every route, its
 * request schemas (both bodies of job creation), its security; and the operations routes answer.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { call, startApi, type TestApi } from './server.js';

const OPERATIONS: [method: string, path: string, scope: string][] = [
  ['post', '/v1/redaction/jobs', 'redact'],
  ['get', '/v1/redaction/jobs', 'read'],
  ['post', '/v1/redaction/regions', 'redact'],
  ['get', '/v1/redaction/jobs/{id}', 'read'],
  ['post', '/v1/redaction/jobs/{id}/cancel', 'redact'],
  ['post', '/v1/redaction/jobs/{id}/retry', 'admin'],
  ['get', '/v1/redaction/jobs/{id}/recording', 'read'],
  ['get', '/v1/redaction/jobs/{id}/transcript', 'read'],
  ['get', '/v1/redaction/jobs/{id}/report', 'read'],
  ['post', '/v1/detect', 'redact'],
  ['post', '/v1/redact/transcript', 'redact'],
  ['get', '/v1/redaction/limits', 'read'],
  ['post', '/v1/webhooks/endpoints', 'admin'],
  ['get', '/v1/webhooks/endpoints', 'admin'],
  ['delete', '/v1/webhooks/endpoints/{id}', 'admin'],
  ['get', '/v1/webhooks/deliveries', 'admin'],
  ['get', '/v1/webhooks/deliveries/{id}', 'admin'],
  ['post', '/v1/webhooks/deliveries/{id}/replay', 'admin'],
  ['post', '/v1/events/{source}', 'public'],
  ['get', '/healthz', 'public'],
  ['get', '/readyz', 'public'],
  ['get', '/metrics', 'admin'],
  ['get', '/openapi.json', 'public'],
];

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}

/** Every `$ref` in the document points at a schema it defines. */
function danglingRefs(document: Record<string, unknown>): string[] {
  const schemas = (document.components as { schemas?: Record<string, unknown> })?.schemas ?? {};
  const dangling: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string') {
          const name = child.replace('#/components/schemas/', '');
          if (!(name in schemas)) dangling.push(child);
        } else walk(child);
      }
    }
  };
  walk(document.paths);
  return dangling;
}

describe('the OpenAPI document', () => {
  let api: TestApi;
  let document: {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, unknown>;
  };
  before(async () => {
    api = await startApi();
    const answer = await call(api, 'GET', '/openapi.json');
    assert.equal(answer.status, 200);
    document = answer.json;
  });
  after(() => api.close());

  test('is OpenAPI 3 and lists exactly the routes, each with a summary and a 2xx response', () => {
    assert.match(document.openapi, /^3\.0\.\d+$/);
    assert.equal(document.info.version, '0.0.0-test');
    assert.ok(document.info.title.length > 0);
    const listed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => METHODS.has(method))
        .map((method) => `${method} ${path}`),
    );
    assert.deepEqual(listed.sort(), OPERATIONS.map(([method, path]) => `${method} ${path}`).sort());
    for (const [method, path] of OPERATIONS) {
      const operation = document.paths[path]![method]!;
      assert.ok(operation.summary, `${method} ${path} has no summary`);
      assert.ok(
        Object.keys(operation.responses).some((status) => status.startsWith('2')),
        `${method} ${path} documents no success`,
      );
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        const param = operation.parameters?.find((p) => p.in === 'path' && `{${p.name}}` === name);
        assert.ok(param?.required, `${method} ${path}: path parameter ${name} undocumented`);
      }
    }
    assert.deepEqual(danglingRefs(document), []);
  });

  test('request schemas: JSON and multipart job creation, sync bodies, queries, headers', () => {
    const create = document.paths['/v1/redaction/jobs']!.post!;
    const json = create.requestBody!.content['application/json']!.schema as {
      properties: Record<string, { type?: string; enum?: string[] }>;
      required: string[];
    };
    assert.deepEqual(json.required, ['recordingUrl', 'transcriptUrl']);
    assert.deepEqual(json.properties.replacementType!.enum, ['silence', 'beep', 'customAudioUrl']);
    for (const field of [
      'patterns',
      'language',
      'includeTranscript',
      'metadata',
      'transcriptFormat',
      'customAudioUrl',
    ])
      assert.ok(json.properties[field], `JSON body lacks ${field}`);
    const multipart = create.requestBody!.content['multipart/form-data']!.schema as {
      properties: Record<string, { type?: string; format?: string }>;
    };
    assert.deepEqual(multipart.properties.recording, {
      description: 'The recording; required unless `recordingUrl`',
      type: 'string',
      format: 'binary',
    });
    assert.equal(multipart.properties.options!.type, 'string');
    assert.ok(create.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key'));

    const regions = document.paths['/v1/redaction/regions']!.post!.requestBody!.content;
    assert.ok((regions['application/json']!.schema as { properties: object }).properties);
    assert.ok(regions['multipart/form-data']);

    for (const path of ['/v1/detect', '/v1/redact/transcript', '/v1/webhooks/endpoints']) {
      const body = document.paths[path]!.post!.requestBody!.content['application/json']!.schema;
      assert.equal(body.type, 'object', path);
    }
    const list = document.paths['/v1/redaction/jobs']!.get!.parameters!.map((p) => `${p.in}:${p.name}`);
    for (const name of ['state', 'createdFrom', 'createdTo', 'limit', 'cursor'])
      assert.ok(list.includes(`query:${name}`));
  });

  test('protected routes carry security and their scope; public ones none', () => {
    const schemes = (document.components.securitySchemes ?? {}) as Record<string, { type: string }>;
    assert.equal(schemes.bearer?.type, 'http');
    assert.equal(schemes.apiKey?.type, 'apiKey');
    for (const [method, path, scope] of OPERATIONS) {
      const operation = document.paths[path]![method]!;
      if (scope === 'public') assert.equal(operation.security, undefined, `${method} ${path}`);
      else {
        assert.deepEqual(operation.security, [{ bearer: [] }, { apiKey: [] }], `${method} ${path}`);
        assert.match(operation.description ?? '', new RegExp(`\`${scope}\` scope`), `${method} ${path}`);
      }
    }
  });
});

describe('health and readiness', () => {
  test('healthz and readyz answer; readyz is 503 once the backend does not', async () => {
    const api = await startApi();
    try {
      const health = await call(api, 'GET', '/healthz');
      assert.deepEqual(health.json, { status: 'ok', version: '0.0.0-test' });
      const ready = await call(api, 'GET', '/readyz');
      assert.deepEqual(ready.json, { status: 'ready', backend: 'sqlite', queueDepth: 0 });
      const job = {
        recordingUrl: 'https://media.example.com/a.wav',
        transcriptUrl: 'https://media.example.com/a.json',
      };
      assert.equal((await call(api, 'POST', '/v1/redaction/jobs', { body: job })).status, 202);
      assert.equal((await call(api, 'GET', '/readyz')).json.queueDepth, 1);

      await api.backend.close();
      const down = await call(api, 'GET', '/readyz');
      assert.equal(down.status, 503);
      assert.equal(down.json.error.code, 'UNAVAILABLE');
      assert.equal((await call(api, 'GET', '/healthz')).status, 200);
    } finally {
      await api.app.close();
      await rm(api.dir, { recursive: true, force: true });
    }
  });
});
