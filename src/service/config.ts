/**
 * How `hush serve`, `hush worker` and `hush keys` are configured: a flag, else its HUSH_*
 * environment variable, else the default. Values are checked here, flags and variables alike, so a
 * bad one is refused before anything starts, with its name in the message.
 *
 * Storage defaults to one folder (`./hush-data`): SQLite at `<data>/hush.db` for jobs, webhooks,
 * keys and audit, and files in `<data>/files`. `--db postgres://…` and `--files s3://…` scale out.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Level } from 'pino';
import { HushError } from '../errors.js';

type Env = NodeJS.ProcessEnv;

export interface StorageFlags {
  data?: string;
  db?: string;
  files?: string;
}

export interface WorkerFlags extends StorageFlags {
  concurrency?: string;
}

export interface ServeFlags extends StorageFlags {
  host?: string;
  port?: string;
  workers?: string;
  requireKeys?: boolean;
}

export interface StorageConfig {
  /** A SQLite file, or a `postgres://` URL. */
  db: string;
  /** A local folder, or an `s3://bucket/prefix` URL. */
  files: string;
}

export interface RunnerConfig {
  /** Jobs run at a time in this process. */
  concurrency: number;
  /** How long a claimed job stays held without renewal (renewed every third of it). */
  leaseMs: number;
  /** How long SIGTERM waits for running jobs before leaving them to their leases. */
  drainTimeoutMs: number;
  /** Hosts (`name`, `address`, with an optional `:port`) the URL guard lets through although private or loopback. */
  urlAllow: string[];
}

export interface HttpConfig {
  host: string;
  port: number;
  /** Ask for an API key on every request, even bound to loopback. */
  requireKeys: boolean;
  /** Jobs per UTC day per API key; null: no quota. */
  jobsPerDay: number | null;
  /** Requests per minute per API key (or client address); null: no rate limit. */
  requestsPerMinute: number | null;
  /** Attempts a job gets before it fails for good. */
  maxAttempts: number;
  /** A JSON file listing the inbound event sources (see events/source.ts); null: none. */
  inboundSources: string | null;
}

export interface ServiceConfig extends StorageConfig, RunnerConfig {
  /** null for `hush worker`: jobs and webhooks only. */
  http: HttpConfig | null;
  logLevel: Level;
}

export const DEFAULT_DATA_DIR = 'hush-data';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** Long enough for a slow storage round trip between renewals, short enough to recover a dead worker's job soon. */
export const DEFAULT_LEASE_SECONDS = 60;
export const DEFAULT_DRAIN_SECONDS = 30;
export const DEFAULT_JOBS_PER_DAY = 10_000;
export const DEFAULT_REQUESTS_PER_MINUTE = 600;
export const DEFAULT_MAX_ATTEMPTS = 5;

const LOG_LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

function usage(message: string): HushError {
  return new HushError('USAGE', message);
}

/** A number from `min` to `max` (whole when `integer`), named `name` in the message. */
function parseNumber(
  value: string,
  name: string,
  { min, max = Number.MAX_SAFE_INTEGER, integer = true }: { min: number; max?: number; integer?: boolean },
): number {
  const number = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(number) ||
    number < min ||
    number > max ||
    (integer && !Number.isInteger(number))
  )
    throw usage(
      `${name}: expected ${integer ? 'a whole number' : 'a number'} from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}`,
    );
  return number;
}

/** A flag's value and its name (`--port`), as the user wrote them. */
type Flag = readonly [value: string | undefined, name: string];

/** The flag when given, else the environment variable (unset or empty: not given), with the name to report. */
function given(env: Env, variable: string, flag?: Flag): { value: string; name: string } | null {
  if (flag !== undefined && flag[0] !== undefined) return { value: flag[0], name: flag[1] };
  const value = env[variable];
  return value === undefined || value === '' ? null : { value, name: variable };
}

function text(env: Env, variable: string, flag?: Flag): string | undefined {
  return given(env, variable, flag)?.value;
}

function number(
  env: Env,
  variable: string,
  fallback: number,
  range: { min: number; max?: number; integer?: boolean },
  flag?: Flag,
): number {
  const found = given(env, variable, flag);
  return found === null ? fallback : parseNumber(found.value, found.name, range);
}

/** A limit where 0 means none. */
function limit(env: Env, variable: string, fallback: number): number | null {
  const value = number(env, variable, fallback, { min: 0 });
  return value === 0 ? null : value;
}

export function storageConfig(flags: StorageFlags, env: Env = process.env): StorageConfig {
  const data = text(env, 'HUSH_DATA', [flags.data, '--data']) ?? DEFAULT_DATA_DIR;
  const db = text(env, 'HUSH_DB', [flags.db, '--db']);
  const files = text(env, 'HUSH_FILES', [flags.files, '--files']);
  return { db: db ?? join(data, 'hush.db'), files: files ?? join(data, 'files') };
}

function runnerConfig(concurrency: number, env: Env): RunnerConfig {
  const seconds = { min: 0, integer: false };
  return {
    concurrency,
    leaseMs: Math.round(
      1000 * number(env, 'HUSH_LEASE_SECONDS', DEFAULT_LEASE_SECONDS, { ...seconds, min: 0.5 }),
    ),
    drainTimeoutMs: Math.round(1000 * number(env, 'HUSH_DRAIN_SECONDS', DEFAULT_DRAIN_SECONDS, seconds)),
    urlAllow: (text(env, 'HUSH_URL_ALLOW') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  };
}

function logLevel(env: Env): Level {
  const level = text(env, 'HUSH_LOG_LEVEL') ?? 'info';
  const known = LOG_LEVELS.find((candidate) => candidate === level);
  if (!known) throw usage(`HUSH_LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}`);
  return known;
}

/** Job slots by default: the CPUs, up to 4 (as `hush batch`), since a job is mostly CPU and disk. */
function defaultConcurrency(): number {
  return Math.min(4, availableParallelism());
}

export function serveConfig(flags: ServeFlags, env: Env = process.env): ServiceConfig {
  const requireKeys = text(env, 'HUSH_REQUIRE_KEYS');
  return {
    ...storageConfig(flags, env),
    ...runnerConfig(
      number(env, 'HUSH_WORKERS', defaultConcurrency(), { min: 0 }, [flags.workers, '--workers']),
      env,
    ),
    http: {
      host: text(env, 'HUSH_HOST', [flags.host, '--host']) ?? DEFAULT_HOST,
      port: number(env, 'HUSH_PORT', DEFAULT_PORT, { min: 0, max: 65_535 }, [flags.port, '--port']),
      requireKeys: flags.requireKeys === true || requireKeys === '1' || requireKeys === 'true',
      jobsPerDay: limit(env, 'HUSH_JOBS_PER_DAY', DEFAULT_JOBS_PER_DAY),
      requestsPerMinute: limit(env, 'HUSH_REQUESTS_PER_MINUTE', DEFAULT_REQUESTS_PER_MINUTE),
      maxAttempts: number(env, 'HUSH_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS, { min: 1 }),
      inboundSources: text(env, 'HUSH_INBOUND_SOURCES') ?? null,
    },
    logLevel: logLevel(env),
  };
}

export function workerConfig(flags: WorkerFlags, env: Env = process.env): ServiceConfig {
  const concurrency = number(env, 'HUSH_WORKERS', defaultConcurrency(), { min: 1 }, [
    flags.concurrency,
    '--concurrency',
  ]);
  return {
    ...storageConfig(flags, env),
    ...runnerConfig(concurrency, env),
    http: null,
    logLevel: logLevel(env),
  };
}
