/**
 * One set of cases for every FileStore: a folder in a temp dir, and S3 through a real s3rver
 * (a local S3 server) on 127.0.0.1 with a bucket created through the SDK.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { LocalFileStore } from '../../src/service/files/local.js';
import { openFileStore } from '../../src/service/files/open.js';
import { S3FileStore } from '../../src/service/files/s3.js';
import type { FileStore } from '../../src/service/files/store.js';

const BAD_KEYS = ['', '/etc/passwd', 'a//b', 'a/', 'a/../../b', '..', './a', 'a\\b', 'a\nb'];
/** A few MB of random bytes: several chunks for every stream on the way. */
const CONTENT = randomBytes(5 * 1024 * 1024 + 123);
const CONTENT_SHA256 = createHash('sha256').update(CONTENT).digest('hex');

let dir = '';
let source = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-files-test-'));
  source = join(dir, 'source.bin');
  await writeFile(source, CONTENT);
});

after(() => rm(dir, { recursive: true, force: true }));

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The cases every store passes; `store()` is the store under test, open for the whole suite. */
function fileStoreContract(store: () => FileStore) {
  test('put, read and download give back the same bytes, with their size and sha256', async () => {
    const key = 'jobs/1/output/call.wav';
    assert.deepEqual(await store().put(key, source), { key, bytes: CONTENT.length, sha256: CONTENT_SHA256 });
    const read = await store().read(key);
    assert.ok(read);
    assert.equal(read.bytes, CONTENT.length);
    assert.ok((await bytesOf(read.stream)).equals(CONTENT));
    const out = join(dir, `${store().constructor.name}-out`, 'call.wav');
    await store().download(key, out);
    assert.ok((await readFile(out)).equals(CONTENT));
    assert.deepEqual(await readdir(join(out, '..')), ['call.wav'], 'no temporary file left');
  });

  test('a put replaces the object under the key', async () => {
    const small = join(dir, 'small.txt');
    await writeFile(small, 'first');
    await store().put('jobs/2/input/a.txt', small);
    await writeFile(small, 'second');
    const stored = await store().put('jobs/2/input/a.txt', small);
    assert.equal(stored.sha256, createHash('sha256').update('second').digest('hex'));
    assert.equal((await bytesOf((await store().read('jobs/2/input/a.txt'))!.stream)).toString(), 'second');
  });

  test('a missing key reads as null, and downloading it names the key', async () => {
    assert.equal(await store().read('jobs/none/input/x.wav'), null);
    assert.equal(await store().read('jobs'), null, 'a prefix of other keys is no object');
    await assert.rejects(store().download('jobs/none/input/x.wav', join(dir, 'never.wav')), {
      code: 'IO',
      message: /jobs\/none\/input\/x\.wav.*: no such object$/,
    });
    await assert.rejects(readFile(join(dir, 'never.wav')), { code: 'ENOENT' });
  });

  test('delete removes the object; deleting a missing key is no error', async () => {
    await store().put('jobs/3/output/report.json', source);
    await store().delete('jobs/3/output/report.json');
    assert.equal(await store().read('jobs/3/output/report.json'), null);
    await store().delete('jobs/3/output/report.json');
  });

  test('keys that are not plain relative paths are refused, naming the problem', async () => {
    for (const key of BAD_KEYS) {
      const refused = { code: 'USAGE', message: /^file store key ".*": it (is|has|holds) / };
      await assert.rejects(store().put(key, source), refused, JSON.stringify(key));
      await assert.rejects(store().read(key), refused);
      await assert.rejects(store().download(key, join(dir, 'bad')), refused);
      await assert.rejects(store().delete(key), refused);
    }
    await assert.rejects(store().put('../escape', source), {
      message: 'file store key "../escape": it has a . or .. segment',
    });
  });

  test('a missing local file is named when put', async () => {
    await assert.rejects(store().put('jobs/4/input/a.wav', join(dir, 'absent.wav')), {
      code: 'IO',
      message: `${join(dir, 'absent.wav')}: no such file`,
    });
  });
}

describe('LocalFileStore', () => {
  let store: FileStore;
  let root = '';
  before(async () => {
    root = join(dir, 'local-root');
    store = openFileStore(root);
    assert.ok(store instanceof LocalFileStore);
  });
  after(() => store.close());

  fileStoreContract(() => store);

  test('objects are files under the root, with no temporary file left', async () => {
    await store.put('jobs/9/output/call.wav', source);
    assert.ok((await readFile(join(root, 'jobs', '9', 'output', 'call.wav'))).equals(CONTENT));
    assert.deepEqual(await readdir(join(root, 'jobs', '9', 'output')), ['call.wav']);
  });
});

describe('S3FileStore (s3rver)', () => {
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  let server: S3rver;
  let endpoint = '';
  let admin: S3Client;
  let store: FileStore;

  before(async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3rver') });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    admin = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
    await admin.send(new CreateBucketCommand({ Bucket: 'recordings' }));
    // openFileStore takes credentials from the standard environment variables.
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    store = openFileStore(
      `s3://recordings/hush/test/?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`,
    );
    assert.ok(store instanceof S3FileStore);
  });

  after(async () => {
    await store?.close();
    admin?.destroy();
    await server?.close();
  });

  fileStoreContract(() => store);

  test('objects live under the prefix, with their sha256 as metadata', async () => {
    const stored = await store.put('jobs/9/output/call.wav', source);
    const head = await admin.send(
      new HeadObjectCommand({ Bucket: 'recordings', Key: 'hush/test/jobs/9/output/call.wav' }),
    );
    assert.equal(head.ContentLength, CONTENT.length);
    assert.equal(head.Metadata?.sha256, stored.sha256);
  });

  test('a store that cannot be reached is an IO error naming the object', async () => {
    const away = new S3FileStore({
      bucket: 'recordings',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
      forcePathStyle: true,
      credentials,
    });
    await assert.rejects(away.read('jobs/1/x'), {
      code: 'IO',
      message: /^s3:\/\/recordings\/jobs\/1\/x: could not read the object \(ECONNREFUSED\)$/,
    });
    await away.close();
  });
});

describe('openFileStore', () => {
  test('refuses what it cannot open, without quoting the spec', () => {
    const cases: [string, RegExp][] = [
      ['ftp://host/dir', /unknown scheme/],
      ['s3://bucket/p?endpont=http://x', /unknown s3:\/\/ parameter "endpont"/],
      ['s3://key:secret@bucket/p', /credentials do not go in the s3:\/\/ URL/],
      ['s3://bucket/p?forcePathStyle=yes', /forcePathStyle is true or false/],
      ['', /no folder given/],
    ];
    for (const [spec, problem] of cases) {
      assert.throws(
        () => openFileStore(spec),
        (error: Error) => {
          assert.match(error.message, problem);
          assert.doesNotMatch(error.message, /secret/);
          return true;
        },
      );
    }
  });
});
