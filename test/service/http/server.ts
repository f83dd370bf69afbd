/**
 * The API over real HTTP for the tests: a real SQLite backend and local file store in a temp dir,
 * listening on 127.0.0.1 port 0, its log lines kept to search for planted values.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { newApiKey } from '../../../src/service/auth/api-key.js';
import type { Scope } from '../../../src/service/auth/store.js';
import type { ServiceBackend } from '../../../src/service/backend.js';
import { openSqliteBackend } from '../../../src/service/backends/sqlite/index.js';
import { LocalFileStore } from '../../../src/service/files/local.js';
import { API_LIMIT_DEFAULTS, buildApi, type ApiOptions } from '../../../src/service/http/app.js';
import { captureLog } from '../log-capture.js';
import { createMetrics } from '../../../src/service/metrics.js';
import { buildWav, tones } from '../../audio/wav/fixture.js';

export interface TestApi {
  base: string;
  app: FastifyInstance;
  backend: ServiceBackend;
  files: LocalFileStore;
  dir: string;
  /** Every log line written so far. */
  logs: string[];
  /** An API key with these scopes: its token. */
  key(...scopes: Scope[]): Promise<string>;
  /** Every file under the file store's root, as keys. */
  storedKeys(): Promise<string[]>;
  /** Entries left in the folder where uploads wait. */
  pendingUploads(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startApi(options: Partial<ApiOptions> = {}): Promise<TestApi> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-http-'));
  const backend = openSqliteBackend(join(dir, 'hush.db'));
  const files = new LocalFileStore(join(dir, 'files'));
  const uploads = join(dir, 'uploads');
  await mkdir(uploads);
  const { logger, lines: logs } = captureLog('info');
  const app = await buildApi({
    backend,
    files,
    metrics: createMetrics(backend),
    logger,
    options: {
      requireKeys: false,
      ...API_LIMIT_DEFAULTS,
      urlPolicy: { allowHosts: [], maxBytes: 1_000_000, timeoutMs: 5_000, maxRedirects: 3 },
      inboundSources: [],
      version: '0.0.0-test',
      uploadTempDir: uploads,
      ...options,
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    app,
    backend,
    files,
    dir,
    logs,
    async key(...scopes) {
      const key = newApiKey();
      await backend.keys.create({ id: key.id, name: 'test', scopes, secretSha256: key.secretSha256 });
      return key.token;
    },
    async storedKeys() {
      const entries = await readdir(files.root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(files.root.length + 1));
    },
    pendingUploads: () => readdir(uploads),
    async close() {
      await app.close();
      await backend.close();
      await files.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A second of stereo 16-bit tones at 8 kHz (or `seconds`). */
export function smallWav(seconds = 1): Buffer {
  return buildWav({
    encoding: 'pcm_s16le',
    sampleRate: 8000,
    channels: 2,
    samples: tones(2, 8000 * seconds, 8000),
  });
}

/** The card planted in transcripts, and how a caller reads it out. */
export const CARD = '4111111111111111';
const SPOKEN_CARD = 'four one one one one one one one one one one one one one one one';

/** A Hush transcript in which the customer reads CARD as digits, one word each. */
export function cardTranscript(): { hush: string; channels: number; words: object[] } {
  const said = (text: string, from: number, channel: number, role: string) =>
    text.split(' ').map((word, index) => ({
      text: word,
      start: from + index * 300,
      end: from + index * 300 + 250,
      channel,
      role,
    }));
  return {
    hush: 'transcript/v1',
    channels: 2,
    words: [
      ...said('can I take the card number please', 0, 0, 'agent'),
      ...said(`sure it is ${SPOKEN_CARD}`, 3000, 1, 'customer'),
      ...said('thank you', 9000, 0, 'agent'),
    ],
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** A request; the body JSON-encoded unless it is FormData or a string. */
export async function call(
  api: { base: string },
  method: string,
  path: string,
  { body, token, headers = {} }: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  const sent = init.headers as Record<string, string>;
  if (token !== undefined) sent.authorization = `Bearer ${token}`;
  if (body instanceof FormData || typeof body === 'string') init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    sent['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${api.base}${path}`, init);
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (downloads, metrics).
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A multipart body: files as [name, bytes, filename], fields as strings. */
export function form(
  files: [string, Buffer | string, string][],
  fields: Record<string, string> = {},
): FormData {
  const data = new FormData();
  for (const [name, bytes, filename] of files) data.append(name, new Blob([bytes]), filename);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
