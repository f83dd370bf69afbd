/**
 * The service's JSON logs (pino). The code logs ids, states, counts and durations only; redaction
 * here is the second line of defence, for what a library or a careless line might hand the logger:
 * credentials in headers are replaced, request and response bodies dropped, and URLs kept without
 * their query and fragment (presigned links carry their credentials there).
 */
import { pino, stdTimeFunctions, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** `info` unless told otherwise. */
  level?: Level | 'silent';
  /** Where lines go; stdout unless told otherwise (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

const CENSORED = '[redacted]';

/** Paths whose whole value is replaced. */
const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'req.headers["x-hush-signature"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  '*.headers.authorization',
  'body',
  '*.body',
  'req.body',
  'res.body',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
];

/** Paths holding a URL, kept without query and fragment. */
const URL_PATHS = ['url', '*.url', 'req.url', 'req.originalUrl', 'href', '*.href'];
const URL_KEYS = new Set(['url', 'originalUrl', 'href']);

/** `https://host/path?X-Amz-Signature=…#x` → `https://host/path`; relative URLs (`/v1/jobs?…`) likewise. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

function censor(value: unknown, path: string[]): unknown {
  return typeof value === 'string' && URL_KEYS.has(path[path.length - 1]!) ? withoutQuery(value) : CENSORED;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'hush',
      level: options.level ?? 'info',
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: [...SECRET_PATHS, ...URL_PATHS], censor },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
