/**
 * Shared by the service's worker and serve tests: the generated call of the audio CLI tests
 * (test/cli/audio-call.ts) submitted as a job, HTTP servers on loopback that serve, fail or stall
 * inputs and receive webhooks, `hush` processes run from source, and waits that poll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AuditRecord } from '../../../src/audit/store.js';
import type { ServiceBackend } from '../../../src/service/backend.js';
import type { FileStore } from '../../../src/service/files/store.js';
import type { JobEvent, JobInput, JobRecord, JobRequest } from '../../../src/service/jobs/job.js';
import { callWav, transcript } from '../../cli/audio-call.js';
import { ROOT, runNode, type CliResult } from '../../cli/helpers.js';

const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `intervalMs` until it returns something other than null, undefined or false. */
export async function waitFor<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** The job once it reached a final state. */
export function finalJob(backend: ServiceBackend, id: string, timeoutMs = 20_000): Promise<JobRecord> {
  return waitFor(
    `job ${id} to end`,
    async () => {
      const job = await backend.jobs.get(id);
      return job !== null && ['completed', 'failed', 'cancelled'].includes(job.state) && job;
    },
    timeoutMs,
  );
}

export interface TestServer {
  url: string;
  /** Requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 answering each request with `respond(request, response, n)`, n from 1. */
export async function testServer(
  respond: (request: IncomingMessage, response: ServerResponse, n: number) => void | Promise<void>,
): Promise<TestServer> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    void respond(request, response, requests);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The generated call's recording bytes, served to whoever asks. */
export const CALL_WAV = callWav();
export const CALL_TRANSCRIPT = transcript();

export function serveWav(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'audio/wav', 'content-length': CALL_WAV.length });
  response.end(CALL_WAV);
}

/** A webhook receiver: every POST's parsed body and its `webhook-id`, answered 204. */
export async function webhookReceiver(): Promise<
  TestServer & { events: { id: string; event: JobEvent }[]; bodies: string[] }
> {
  const events: { id: string; event: JobEvent }[] = [];
  const bodies: string[] = [];
  const server = await testServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    bodies.push(body);
    events.push({ id: String(request.headers['webhook-id']), event: JSON.parse(body) as JobEvent });
    response.writeHead(204).end();
  });
  return Object.assign(server, { events, bodies });
}

/** Uploads `bytes` as the job's input `name` (as the API stores uploads). */
async function upload(
  files: FileStore,
  dir: string,
  jobId: string,
  name: string,
  bytes: string | Buffer,
): Promise<JobInput> {
  const local = join(dir, `${jobId}-${name}`);
  await writeFile(local, bytes);
  const stored = await files.put(`jobs/${jobId}/input/${name}`, local);
  return { kind: 'file', ...stored, name };
}

export interface CallJobOptions {
  /** The recording's URL; uploaded when absent. */
  recordingUrl?: string;
  /** Recording bytes to upload instead of the generated call. */
  recordingBytes?: Buffer;
  maxAttempts?: number;
  request?: Partial<JobRequest>;
}

/** Submits the generated call as a job, the way the API does (inputs stored first, then the job committed). */
export async function submitCall(
  backend: ServiceBackend,
  files: FileStore,
  dir: string,
  options: CallJobOptions = {},
): Promise<JobRecord> {
  const id = randomUUID();
  const recording: JobInput =
    options.recordingUrl === undefined
      ? await upload(files, dir, id, 'call.wav', options.recordingBytes ?? CALL_WAV)
      : { kind: 'url', url: options.recordingUrl, name: 'call.wav' };
  const { job } = await backend.jobs.submit({
    id,
    request: {
      recording,
      transcript: await upload(files, dir, id, 'call.json', CALL_TRANSCRIPT),
      regions: null,
      transcriptFormat: null,
      patterns: [],
      replacementType: 'silence',
      customAudioUrl: null,
      language: 'en-US',
      includeTranscript: true,
      metadata: { callId: 'test-call' },
      ...options.request,
    },
    apiKeyId: null,
    idempotencyKey: null,
    maxAttempts: options.maxAttempts ?? 3,
  });
  return job;
}

/** Every audit record of the backend, in order. */
export async function auditRecords(backend: ServiceBackend): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of backend.audit.records()) records.push(record);
  return records;
}

/** Runs `hush ARGS` from source to its end. */
export function runHush(args: readonly string[]): Promise<CliResult> {
  return runNode(['--import', 'tsx', MAIN, ...args], ROOT, { ...process.env, HUSH_DEBUG: '' });
}

/** A `hush` process run from source, its stdout JSON log lines collected as they come. */
export interface HushProcess {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  /** Every stdout line as written, for searching. */
  stdout: string[];
  stderr(): string;
  exit: Promise<number | null>;
  /** The first log line for which `match` holds. */
  waitForLog(
    what: string,
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

export function startHush(args: readonly string[], env: NodeJS.ProcessEnv = {}): HushProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, HUSH_DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stdout: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      stdout.push(line);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line: kept in stdout for the searches.
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    stdout,
    stderr: () => stderr,
    exit,
    waitForLog: (what, match, timeoutMs = 20_000) => waitFor(what, () => logs.find(match), timeoutMs),
  };
}

/** Stops a process still running (SIGKILL) and waits for it. */
export async function stopHush(hush: HushProcess): Promise<void> {
  if (hush.child.exitCode === null && hush.child.signalCode === null) hush.child.kill('SIGKILL');
  await hush.exit;
}
