/**
 * `npm run load`: the service under a bounded load, on loopback only, from the built `hush` bundle.
 *
 * 1. Accepted per second: N jobs (a two-channel call with its transcript, uploaded) sent by 8
 *    concurrent clients to an API-only `hush serve --workers 0`.
 * 2. Completed per second: those N jobs drained by one, then (a new run) two `hush worker`
 *    processes of one job slot each; the gain is the ratio.
 *    1 and 2 run on the embedded SQLite default and on PostgreSQL (127.0.0.1:5432, a fresh schema).
 * 3. Event to result: a five-minute call served by a local HTTP server; a signed generic
 *    "transcript ready" event posted to `hush serve` (one job slot) until the `job.completed`
 *    webhook reaches a local receiver. The median of several runs, after WARMUP_EVENTS that are
 *    reported apart: the first events after start-up pay for loading and compiling code, which an
 *    always-on service pays once.
 *
 * Options: `--jobs N` (default 100), `--events N` (default 10), `--only sqlite|postgres|event`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { generateBenchCall } from '../bench/generate.js';
import { writeWav } from '../bench/audio/fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HUSH = join(ROOT, 'dist/bin/hush.js');
const OUT = join(ROOT, '.bench-out/load');
const POSTGRES = process.env.HUSH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLIENTS = 8;
const SHORT_CALL_SECONDS = 30;
const EVENT_CALL_SECONDS = 300;
const WARMUP_EVENTS = 2;

const { values: args } = parseArgs({
  options: {
    jobs: { type: 'string', default: '100' },
    events: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const JOBS = Number(args.jobs);
const EVENTS = Number(args.events);

interface Call {
  recording: string;
  transcript: string;
}

/** A call of `seconds`: speech-like two-channel μ-law audio and the bench transcript's words up to that time. */
function makeCall(name: string, seconds: number): Call {
  const recording = join(OUT, `${name}.wav`);
  const transcript = join(OUT, `${name}.json`);
  writeWav(recording, { sampleRate: 8000, channels: 2, encoding: 'mulaw' }, seconds);
  const { document } = generateBenchCall();
  const words = document.words.filter((word) => word.end <= seconds * 1000);
  writeFileSync(transcript, JSON.stringify({ ...document, words }));
  return { recording, transcript };
}

interface Running {
  child: ChildProcess;
  url: string | null;
  stop(): Promise<void>;
}

/** Starts `hush <args>`; for `serve`, resolves once it says where it listens. */
function startHush(command: string[], env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, [HUSH, ...command], {
    env: { ...process.env, HUSH_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((done, fail) => {
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`hush ${command[0]} did not start: ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /listening on (http:\/\/[^\s;,]+)/.exec(stderr);
      if (listening || (command[0] === 'worker' && /running jobs/.test(stderr))) {
        clearTimeout(timer);
        done({ child, url: listening?.[1] ?? null, stop });
      }
    });
    child.once('exit', (code) => fail(new Error(`hush ${command[0]} exited ${code}: ${stderr}`)));
  });
}

async function submit(api: string, call: Call): Promise<string> {
  const form = new FormData();
  form.set('recording', new Blob([readFileSync(call.recording)]), 'call.wav');
  form.set('transcript', new Blob([readFileSync(call.transcript)]), 'call.json');
  const response = await fetch(`${api}/v1/redaction/jobs`, { method: 'POST', body: form });
  if (response.status !== 202) throw new Error(`submit: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Sends `count` jobs from CLIENTS concurrent clients; seconds taken. */
async function submitAll(api: string, call: Call, count: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < count) {
        next += 1;
        await submit(api, call);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function countState(api: string, state: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ state, limit: '100', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${api}/v1/redaction/jobs?${query}`);
    const page = (await response.json()) as { jobs: unknown[]; nextCursor: string | null };
    total += page.jobs.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return total;
}

/** Seconds until `count` jobs are completed (failing on any failed job). */
async function drain(api: string, count: number, started: number): Promise<number> {
  for (;;) {
    const failed = await countState(api, 'failed');
    if (failed > 0) throw new Error(`${failed} job(s) failed`);
    if ((await countState(api, 'completed')) >= count) return (performance.now() - started) / 1000;
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

interface Throughput {
  backend: string;
  acceptedPerSecond: number;
  completedPerSecond: Record<number, number>;
}

async function throughput(backend: 'sqlite' | 'postgres', call: Call): Promise<Throughput> {
  const completedPerSecond: Record<number, number> = {};
  let acceptedPerSecond = 0;
  for (const workers of [1, 2]) {
    const data = join(OUT, `${backend}-${workers}`);
    rmSync(data, { recursive: true, force: true });
    const schema = `load_${randomBytes(4).toString('hex')}`;
    const db = backend === 'sqlite' ? join(data, 'hush.db') : `${POSTGRES}?schema=${schema}`;
    const storage = ['--data', data, '--db', db, '--files', join(data, 'files')];
    const api = await startHush(['serve', '--port', '0', '--workers', '0', ...storage], {});
    try {
      const accepting = await submitAll(api.url!, call, JOBS);
      if (workers === 1) acceptedPerSecond = JOBS / accepting;
      // The clock starts once the workers are up, with all the jobs queued.
      const pool = await Promise.all(
        Array.from({ length: workers }, () => startHush(['worker', '--concurrency', '1', ...storage], {})),
      );
      const started = performance.now();
      try {
        completedPerSecond[workers] = JOBS / (await drain(api.url!, JOBS, started));
      } finally {
        await Promise.all(pool.map((worker) => worker.stop()));
      }
    } finally {
      await api.stop();
      if (backend === 'postgres') await dropSchema(schema);
    }
    console.error(`  ${backend}, ${workers} worker process(es): done`);
  }
  return { backend, acceptedPerSecond, completedPerSecond };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** Serves the call's files, as a platform's storage would. */
function fileServer(call: Call): Server {
  return createServer((request, response) => {
    const file = request.url === '/recording.wav' ? call.recording : call.transcript;
    response.writeHead(200, { 'content-length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
}

async function eventLatency(call: Call): Promise<number[]> {
  const files = fileServer(call);
  const filesHost = await listen(files);
  const arrivals = new Map<string, (at: number) => void>();
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const event = JSON.parse(Buffer.concat(chunks).toString()) as { type: string; data: { jobId: string } };
      if (event.type === 'job.completed') arrivals.get(event.data.jobId)?.(at);
      response.writeHead(204).end();
    });
  });
  const receiverHost = await listen(receiver);
  const data = join(OUT, 'event');
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const sources = join(data, 'sources.json');
  writeFileSync(
    sources,
    JSON.stringify([
      { name: 'recorder', kind: 'generic', auth: { scheme: 'hmac', secret }, allowHosts: [filesHost] },
    ]),
  );
  const service = await startHush(['serve', '--port', '0', '--workers', '1', '--data', data], {
    HUSH_INBOUND_SOURCES: sources,
    HUSH_URL_ALLOW: `${filesHost},${receiverHost}`,
  });
  const signer = new Webhook(secret);
  const latencies: number[] = [];
  try {
    const endpoint = await fetch(`${service.url}/v1/webhooks/endpoints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://${receiverHost}/hook`, events: ['job.completed'] }),
    });
    if (endpoint.status !== 201)
      throw new Error(`webhook endpoint: ${endpoint.status} ${await endpoint.text()}`);
    for (let run = 0; run < WARMUP_EVENTS + EVENTS; run += 1) {
      const id = `evt-${run}-${randomBytes(4).toString('hex')}`;
      const body = JSON.stringify({
        id,
        type: 'transcript.ready',
        callId: `call-${run}`,
        recordingUrl: `http://${filesHost}/recording.wav`,
        transcriptUrl: `http://${filesHost}/transcript.json`,
      });
      const at = new Date();
      const headers = {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signer.sign(id, at, body),
      };
      const started = performance.now();
      const response = await fetch(`${service.url}/v1/events/recorder`, { method: 'POST', headers, body });
      if (response.status !== 202) throw new Error(`event: ${response.status} ${await response.text()}`);
      const { jobId } = (await response.json()) as { jobId: string };
      const arrived = await new Promise<number>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no job.completed for ${jobId}`)), 60_000);
        arrivals.set(jobId, (time) => {
          clearTimeout(timer);
          done(time);
        });
      });
      latencies.push(arrived - started);
    }
  } finally {
    await service.stop();
    files.close();
    receiver.close();
  }
  return latencies;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fixed = (value: number | undefined, digits = 1): string =>
  value === undefined ? '–' : value.toFixed(digits);

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const only = args.only;
  const short = makeCall('short-call', SHORT_CALL_SECONDS);
  const results: Throughput[] = [];
  for (const backend of ['sqlite', 'postgres'] as const) {
    if (only !== undefined && only !== backend) continue;
    console.error(`${backend}: ${JOBS} jobs of a ${SHORT_CALL_SECONDS} s call`);
    results.push(await throughput(backend, short));
  }
  let latencies: number[] = [];
  if (only === undefined || only === 'event') {
    console.error(`event → result: ${EVENTS} runs on a ${EVENT_CALL_SECONDS / 60}-minute call`);
    latencies = await eventLatency(makeCall('five-minute-call', EVENT_CALL_SECONDS));
  }

  console.log(
    `\n## Service load (${JOBS} jobs of a ${SHORT_CALL_SECONDS} s two-channel call, ${CLIENTS} clients)\n`,
  );
  if (results.length > 0) {
    console.log('| backend | accepted / s | completed / s, 1 worker process | 2 worker processes | gain |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const result of results) {
      const [one, two] = [result.completedPerSecond[1], result.completedPerSecond[2]];
      const gain = one && two ? `${(two / one).toFixed(2)}×` : '–';
      console.log(
        `| ${result.backend} | ${fixed(result.acceptedPerSecond)} | ${fixed(one)} | ${fixed(two)} | ${gain} |`,
      );
    }
  }
  if (latencies.length > 0) {
    const rounded = latencies.map((value) => Math.round(value));
    const [warmup, ms] = [rounded.slice(0, WARMUP_EVENTS), rounded.slice(WARMUP_EVENTS)];
    console.log(
      `\nEvent → job.completed webhook, five-minute call: median ${median(ms)} ms ` +
        `(min ${Math.min(...ms)}, max ${Math.max(...ms)}, ${ms.length} runs; ` +
        `the first ${WARMUP_EVENTS} after start-up, not counted: ${warmup.join(', ')} ms)`,
    );
  }
}

await main();
