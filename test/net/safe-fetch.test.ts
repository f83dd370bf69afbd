/**
 * safeFetch and safeDownload against real HTTP servers on loopback: a loopback server is exactly
 * what the guard must refuse unless it is allow-listed, so most tests allow-list it by host and
 * port and then check that whatever lies elsewhere is refused.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HushError } from '../../src/errors.js';
import { type UrlPolicy, safeDownload, safeFetch } from '../../src/net/safe-fetch.js';

/** Stands for a presigned URL's signature: no error may show it. */
const SECRET = 'X-Amz-Signature=0123456789abcdef';

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL, body: string) => void;

const ROUTES: Record<string, Handler> = {
  '/ok': (_request, response) => {
    response.writeHead(200, { 'content-type': 'audio/wav' });
    response.end('hello');
  },
  '/big': (_request, response, url) => {
    const size = Number(url.searchParams.get('n'));
    const declare = url.searchParams.get('declare') === '1';
    response.writeHead(200, declare ? { 'content-length': size } : {});
    // In pieces, so that an undeclared size is only found while streaming.
    for (let sent = 0; sent < size; sent += 1000)
      response.write(Buffer.alloc(Math.min(1000, size - sent), 7));
    response.end();
  },
  '/stall': () => {},
  '/stall-body': (_request, response) => {
    response.writeHead(200, { 'content-length': 100 });
    response.write('only part of it');
  },
  '/redirect': (_request, response, url) => {
    response.writeHead(Number(url.searchParams.get('status') ?? 302), {
      location: url.searchParams.get('to')!,
    });
    response.end();
  },
  '/loop': (_request, response, url) => {
    const left = Number(url.searchParams.get('n'));
    if (left === 0) {
      response.end('done');
      return;
    }
    response.writeHead(302, { location: `/loop?n=${left - 1}&${SECRET}` });
    response.end();
  },
  '/echo': (request, response, _url, body) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ method: request.method, headers: request.headers, body }));
  },
  '/missing': (_request, response) => {
    response.writeHead(404);
    response.end('not here');
  },
};

let server: Server;
let port = 0;
let requests = 0;
let dir = '';
/** The server as a URL's host, and the host names it answers to. */
let here = '';

const base: UrlPolicy = { allowHosts: [], maxBytes: 100_000, timeoutMs: 5_000, maxRedirects: 5 };
const allowed = (): UrlPolicy => ({ ...base, allowHosts: [here] });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-safe-fetch-'));
  server = createServer((request, response) => {
    requests++;
    const url = new URL(request.url!, 'http://server');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => ROUTES[url.pathname]!(request, response, url, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  here = `127.0.0.1:${port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** The HushError `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<HushError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HushError, `a HushError, not ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('safeFetch: addresses', () => {
  test('loopback is refused by default, before any request is sent', async () => {
    const before = requests;
    const error = await failure(safeFetch(`http://${here}/ok`, {}, { ...base, allowHttp: true }));
    assert.equal(error.code, 'USAGE');
    assert.match(
      error.message,
      /^127\.0\.0\.1:\d+: refused, 127\.0\.0\.1 is not a public address \(loopback\)/,
    );
    assert.equal(requests, before);
  });

  test('an allow-listed host is fetched, over http too; allowPrivate opens every address', async () => {
    for (const allowHosts of [[here], ['127.0.0.1'], ['127.1']]) {
      const answer = await safeFetch(`http://${here}/ok?${SECRET}`, {}, { ...base, allowHosts });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.toString(), 'hello');
      assert.equal(answer.headers['content-type'], 'audio/wav');
      assert.equal(answer.url, `http://${here}/ok?${SECRET}`);
    }
    const other = await failure(safeFetch(`http://${here}/ok`, {}, { ...base, allowHosts: ['127.0.0.1:1'] }));
    assert.match(other.message, /plain http is refused/);
    const open = await safeFetch(`http://${here}/ok`, {}, { ...base, allowPrivate: true, allowHttp: true });
    assert.equal(open.body.toString(), 'hello');
  });

  test('a host name resolving to a private address is refused', async () => {
    const error = await failure(safeFetch(`http://localhost:${port}/ok`, {}, { ...base, allowHttp: true }));
    assert.match(
      error.message,
      /^localhost:\d+: refused, (127\.0\.0\.1|::1) is not a public address \(loopback\)/,
    );
    const listed = await safeFetch(`http://localhost:${port}/ok`, {}, { ...base, allowHosts: ['LOCALHOST'] });
    assert.equal(listed.body.toString(), 'hello');
  });

  test('a redirect from an allowed host to a private target is refused', async () => {
    const targets = [
      'http://127.0.0.1:1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://0x7f.1/',
      'http://10.0.0.1/',
      'http://[fd00::1]/',
      `http://localhost:${port}/ok`,
    ];
    for (const target of targets) {
      const error = await failure(
        safeFetch(
          `http://${here}/redirect?to=${encodeURIComponent(target)}`,
          {},
          { ...allowed(), allowHttp: true },
        ),
      );
      assert.equal(error.code, 'USAGE', target);
      assert.match(
        error.message,
        /: refused, \S+ is not a public address \(\w+( \w+)?\) and the host is not allow-listed$/,
      );
    }
  });

  test('other schemes are refused, first or after a redirect; plain http to a public host too', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/a',
      'data:text/plain,hello',
      'gopher://example.com/',
    ]) {
      const error = await failure(safeFetch(url, {}, { ...base, allowHttp: true }));
      assert.match(error.message, /^only https URLs are fetched, not (file|ftp|data|gopher):$/);
    }
    const redirected = await failure(
      safeFetch(`http://${here}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`, {}, allowed()),
    );
    assert.match(redirected.message, /only https URLs are fetched, not file:/);
    const http = await failure(safeFetch('http://example.com/recording.wav', {}, base));
    assert.equal(
      http.message,
      'example.com: plain http is refused (https only, http for allow-listed hosts)',
    );
    const credentials = await failure(safeFetch(`http://user:pw@${here}/ok`, {}, allowed()));
    assert.match(credentials.message, /credentials inside a URL are not sent/);
  });

  test('a bad allow-list entry is named', async () => {
    const error = await failure(
      safeFetch(`https://example.com/`, {}, { ...base, allowHosts: ['host:port'] }),
    );
    assert.equal(
      error.message,
      'allowed hosts: "host:port" is not a host name or address with an optional port',
    );
  });
});

describe('safeFetch: limits', () => {
  test('a body over maxBytes is refused, whether declared or found while streaming', async () => {
    const policy = { ...allowed(), maxBytes: 5000 };
    const declared = await failure(safeFetch(`http://${here}/big?n=5001&declare=1`, {}, policy));
    assert.equal(declared.code, 'LIMIT_EXCEEDED');
    assert.match(declared.message, /the answer is over the limit of 5000 bytes \(5001 bytes declared\)/);
    const streamed = await failure(safeFetch(`http://${here}/big?n=20000`, {}, policy));
    assert.match(streamed.message, /^127\.0\.0\.1:\d+: the answer is over the limit of 5000 bytes$/);
    const exact = await safeFetch(`http://${here}/big?n=5000`, {}, policy);
    assert.equal(exact.body.length, 5000);
  });

  test('the whole exchange is bounded in time, before the answer and while the body stalls', async () => {
    for (const path of ['/stall', '/stall-body']) {
      const started = Date.now();
      const error = await failure(safeFetch(`http://${here}${path}`, {}, { ...allowed(), timeoutMs: 300 }));
      assert.equal(error.code, 'IO');
      assert.match(error.message, /^127\.0\.0\.1:\d+: no complete answer within 0\.3 s$/);
      assert.ok(Date.now() - started < 3000, `${path} gave up in time`);
    }
  });

  test('redirects are followed up to maxRedirects', async () => {
    const done = await safeFetch(`http://${here}/loop?n=3`, {}, { ...allowed(), maxRedirects: 3 });
    assert.equal(done.body.toString(), 'done');
    assert.match(done.url, /\/loop\?n=0&/);
    const error = await failure(safeFetch(`http://${here}/loop?n=4`, {}, { ...allowed(), maxRedirects: 3 }));
    assert.equal(error.code, 'LIMIT_EXCEEDED');
    assert.match(error.message, /answered with a redirect, and at most 3 are followed/);
    const none = await failure(safeFetch(`http://${here}/loop?n=1`, {}, { ...allowed(), maxRedirects: 0 }));
    assert.match(none.message, /at most 0 are followed/);
  });

  test('no error shows the path or the query string', async () => {
    const path = `/ok/private-name.wav?${SECRET}`;
    const attempts: (() => Promise<unknown>)[] = [
      () => safeFetch(`http://${here}${path}`, {}, { ...base, allowHttp: true }),
      () => safeFetch(`http://127.0.0.1:1${path}`, {}, { ...base, allowHosts: ['127.0.0.1'] }),
      () => safeFetch(`http://${here}/big?n=9000&${SECRET}`, {}, { ...allowed(), maxBytes: 10 }),
      () => safeFetch(`http://${here}/stall?${SECRET}`, {}, { ...allowed(), timeoutMs: 100 }),
      () => safeFetch(`http://${here}/loop?n=3&${SECRET}`, {}, { ...allowed(), maxRedirects: 1 }),
      () => safeFetch(`ftp://example.com${path}`, {}, base),
      () => safeDownload(`http://${here}/missing?${SECRET}`, join(dir, 'missing'), allowed()),
    ];
    for (const attempt of attempts) {
      const error = await failure(attempt());
      assert.doesNotMatch(error.message, /0123456789abcdef|private-name|\?/, error.message);
    }
  });
});

describe('safeFetch: requests', () => {
  const echo = async (url: string, init: Parameters<typeof safeFetch>[1], policy: UrlPolicy) =>
    JSON.parse((await safeFetch(url, init, policy)).body.toString()) as {
      method: string;
      headers: Record<string, string>;
      body: string;
    };

  test('credentials go to the first origin only', async () => {
    const init = { headers: { Authorization: 'Bearer token', Cookie: 'a=b', 'X-Other': 'kept' } };
    const policy = { ...allowed(), allowHosts: [here, 'localhost'] };
    const same = await echo(`http://${here}/redirect?to=/echo`, init, policy);
    assert.equal(same.headers.authorization, 'Bearer token');
    const other = await echo(
      `http://${here}/redirect?to=${encodeURIComponent(`http://localhost:${port}/echo`)}`,
      init,
      policy,
    );
    assert.equal(other.headers.authorization, undefined);
    assert.equal(other.headers.cookie, undefined);
    assert.equal(other.headers['x-other'], 'kept');
  });

  test('307 repeats a POST with its body; 303 turns it into a GET', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' };
    const kept = await echo(`http://${here}/redirect?status=307&to=/echo`, init, allowed());
    assert.deepEqual(
      [kept.method, kept.body, kept.headers['content-type']],
      ['POST', '{"a":1}', 'application/json'],
    );
    const changed = await echo(`http://${here}/redirect?status=303&to=/echo`, init, allowed());
    assert.deepEqual([changed.method, changed.body, changed.headers['content-type']], ['GET', '', undefined]);
  });
});

describe('safeDownload', () => {
  test('writes the body under the final name, with its size, sha256 and content type', async () => {
    const file = join(dir, 'sub', 'clip.wav');
    const download = await safeDownload(`http://${here}/ok?${SECRET}`, file, allowed());
    assert.deepEqual(download, {
      bytes: 5,
      sha256: createHash('sha256').update('hello').digest('hex'),
      contentType: 'audio/wav',
    });
    assert.equal(await readFile(file, 'utf8'), 'hello');
    assert.deepEqual(await readdir(join(dir, 'sub')), ['clip.wav']);
  });

  test('leaves nothing behind when the body is too large, stalls or the answer is not 2xx', async () => {
    const target = join(dir, 'failed');
    await assert.rejects(
      safeDownload(`http://${here}/big?n=50000`, join(target, 'a'), { ...allowed(), maxBytes: 20_000 }),
      {
        code: 'LIMIT_EXCEEDED',
      },
    );
    await assert.rejects(
      safeDownload(`http://${here}/stall-body`, join(target, 'b'), { ...allowed(), timeoutMs: 200 }),
      {
        code: 'IO',
      },
    );
    await assert.rejects(safeDownload(`http://${here}/missing`, join(target, 'c'), allowed()), {
      message: /^127\.0\.0\.1:\d+: the server answered 404$/,
    });
    assert.deepEqual(await readdir(target).catch(() => []), []);
  });
});
