/**
 * A replacement clip downloaded over real https: a self-signed certificate for localhost (made
 * with openssl), trusted by a child process through NODE_EXTRA_CA_CERTS, which Node reads only at
 * start-up.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clipFile } from '../../src/job/clip.js';
import { ROOT, runNode } from '../cli/helpers.js';

const CLIP_MODULE = fileURLToPath(new URL('../../src/job/clip.ts', import.meta.url));
const CLIP = randomBytes(50_000);
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

let dir = '';
let server: Server;
let port = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-clip-test-'));
  if (!hasOpenssl) return;
  const made = spawnSync(
    'openssl',
    // prettier-ignore
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
  );
  assert.equal(made.status, 0, made.stderr.toString());
  server = createServer(
    { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
    (request, response) => {
      if (request.url!.startsWith('/clip.wav')) response.end(CLIP);
      else response.writeHead(302, { location: '/clip.wav' }).end();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Runs clipFile in a child that trusts the test certificate; prints its outcome as JSON. */
async function clipInChild(url: string, allowed: string[]) {
  const script = `
    import { readFile, stat } from 'node:fs/promises';
    import { createHash } from 'node:crypto';
    import { clipFile } from ${JSON.stringify(CLIP_MODULE)};
    try {
      const clip = await clipFile(${JSON.stringify(url)}, ${JSON.stringify(allowed)});
      const sha256 = createHash('sha256').update(await readFile(clip.file)).digest('hex');
      await clip.dispose();
      const disposed = await stat(clip.file).then(() => false, () => true);
      console.log(JSON.stringify({ label: clip.label, sha256, disposed }));
    } catch (error) {
      console.log(JSON.stringify({ error: error.message }));
    }`;
  const result = await runNode(['--import', 'tsx', '--input-type=module', '-e', script], ROOT, {
    ...process.env,
    NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
  });
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as { label?: string; sha256?: string; disposed?: boolean; error?: string };
}

describe('clipFile', () => {
  test('a local file is used as it is', async () => {
    const clip = await clipFile('/some/clip.wav', []);
    assert.deepEqual([clip.file, clip.label], ['/some/clip.wav', '/some/clip.wav']);
  });

  test('a URL must be https, on an allowed host', async () => {
    await assert.rejects(clipFile('http://localhost/clip.wav', ['localhost']), {
      message: '--clip: only https URLs are fetched',
    });
    await assert.rejects(clipFile('https://elsewhere.example/clip.wav?token=secret', ['localhost']), {
      message: '--clip: host elsewhere.example is not allowed; name it with --clip-allow-host',
    });
  });

  test(
    'an https clip is downloaded from an allowed host, even a private one, and disposed of',
    { skip: !hasOpenssl && 'openssl is not installed' },
    async () => {
      const url = `https://localhost:${port}/clip.wav?token=secret`;
      const outcome = await clipInChild(url, ['localhost']);
      assert.deepEqual(outcome, {
        label: `https://localhost:${port}/clip.wav`,
        sha256: createHash('sha256').update(CLIP).digest('hex'),
        disposed: true,
      });
    },
  );

  test(
    'a redirect is not followed, and the error hides the query',
    { skip: !hasOpenssl && 'openssl is not installed' },
    async () => {
      const outcome = await clipInChild(`https://localhost:${port}/moved?token=secret`, ['localhost']);
      assert.equal(
        outcome.error,
        `--clip: localhost:${port}: answered with a redirect, and at most 0 are followed`,
      );
    },
  );
});
