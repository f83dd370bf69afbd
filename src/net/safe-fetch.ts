/**
 * The one way Hush fetches a URL it was given (recordings, transcripts, replacement clips, inbound
 * event resolution, webhook deliveries), guarded against server-side request forgery:
 * - https only; plain http to allow-listed hosts, or to any host with `allowHttp`;
 * - the host is resolved here and every address checked (`url-policy.ts`), and the connection goes
 *   to exactly the addresses checked, so a second DNS answer cannot point it elsewhere;
 * - redirects are followed by hand, up to `maxRedirects`, each hop checked again, and headers that
 *   carry credentials (Authorization, Cookie) are sent only to the first URL's origin;
 * - the body is bounded while streaming (`maxBytes`), and the whole exchange by `timeoutMs`.
 * Errors are HushErrors naming the host and the reason, never the path or query (a presigned URL's
 * query is a credential) nor the body. Refusals by policy are `USAGE`, limits `LIMIT_EXCEEDED`,
 * network failures, timeouts and (for downloads) non-2xx answers `IO`.
 */
import type { LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { HushError } from '../errors.js';
import { type WrittenFile, writeStreamStaged } from '../files.js';
import { type UrlPolicy, allowedAddresses, bareHostname, checkUrl } from './url-policy.js';

export type { UrlPolicy } from './url-policy.js';

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface FetchResult {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

export interface Download extends WrittenFile {
  contentType: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Sent to the first URL's origin only. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

/** One call's deadline, and the host being talked to, which its errors name. */
class Exchange {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private timedOut = false;
  host = '';

  constructor(private readonly timeoutMs: number) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, timeoutMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Any error of the exchange as a HushError naming the host. */
  failure(error: unknown): HushError {
    if (error instanceof HushError) return error;
    if (this.timedOut) {
      return new HushError('IO', `${this.host}: no complete answer within ${this.timeoutMs / 1000} s`);
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
    return new HushError('IO', `${this.host}: the request failed (${code})`);
  }

  /** Stops the timer and whatever request is still open. */
  close(): void {
    clearTimeout(this.timer);
    this.controller.abort();
  }
}

async function withExchange<T>(policy: UrlPolicy, work: (exchange: Exchange) => Promise<T>): Promise<T> {
  const exchange = new Exchange(policy.timeoutMs);
  try {
    return await work(exchange);
  } catch (error) {
    throw exchange.failure(error);
  } finally {
    exchange.close();
  }
}

/** Answers the socket's DNS lookup with the addresses already checked. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

async function send(hop: Hop, policy: UrlPolicy, exchange: Exchange): Promise<IncomingMessage> {
  exchange.host = hop.url.host;
  checkUrl(hop.url, policy);
  const addresses = await allowedAddresses(hop.url, policy, exchange.signal);
  const client = hop.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: hop.url.protocol,
        hostname: bareHostname(hop.url.hostname),
        port: hop.url.port || undefined,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers:
          hop.body === undefined ? hop.headers : { ...hop.headers, 'content-length': `${hop.body.length}` },
        // No shared pool: a pooled socket was checked under another call's policy.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal: exchange.signal,
      },
      (response) => {
        // Readers see errors through iteration; this keeps the error of a response left unread
        // (a redirect, a refused status, the deadline) from going unhandled.
        response.on('error', () => {});
        resolve(response);
      },
    );
    request.on('error', reject);
    request.end(hop.body);
  });
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The request a redirect asks for: 303 (and 301/302 after a POST) turn into a GET without body. */
function redirected(first: Hop, from: Hop, status: number, location: string): Hop {
  let url: URL;
  try {
    url = new URL(location, from.url);
  } catch {
    throw new HushError('IO', `${from.url.host}: answered with a redirect to an invalid URL`);
  }
  const toGet =
    (status === 303 && from.method !== 'HEAD') ||
    ((status === 301 || status === 302) && from.method === 'POST');
  const body = toGet ? undefined : from.body;
  const sameOrigin = url.origin === first.url.origin;
  const headers = Object.fromEntries(
    Object.entries(first.headers).filter(
      ([name]) =>
        (sameOrigin || !CREDENTIAL_HEADERS.has(name)) && (body !== undefined || !BODY_HEADERS.has(name)),
    ),
  );
  return { url, method: toGet ? 'GET' : from.method, headers, body };
}

/** Sends the request and follows redirects; the response is the first that is not a redirect. */
async function open(
  url: string,
  init: FetchInit,
  policy: UrlPolicy,
  exchange: Exchange,
): Promise<{ response: IncomingMessage; url: URL }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HushError('USAGE', 'not a valid URL');
  }
  const first: Hop = {
    url: parsed,
    method: (init.method ?? 'GET').toUpperCase(),
    headers: lowerCaseHeaders(init.headers ?? {}),
    body: init.body === undefined ? undefined : Buffer.from(init.body),
  };
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    const response = await send(hop, policy, exchange);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (!REDIRECTS.has(status) || location === undefined) return { response, url: hop.url };
    response.destroy();
    if (redirects >= policy.maxRedirects) {
      throw new HushError(
        'LIMIT_EXCEEDED',
        `${hop.url.host}: answered with a redirect, and at most ${policy.maxRedirects} are followed`,
      );
    }
    hop = redirected(first, hop, status, location);
  }
}

/** The response body, refused once it passes `maxBytes` (at once when its declared length does). */
async function* bodyChunks(
  response: IncomingMessage,
  policy: UrlPolicy,
  exchange: Exchange,
): AsyncGenerator<Buffer> {
  const tooLarge = (detail: string) =>
    new HushError(
      'LIMIT_EXCEEDED',
      `${exchange.host}: the answer is over the limit of ${policy.maxBytes} bytes${detail}`,
    );
  const declared = Number(response.headers['content-length']);
  if (declared > policy.maxBytes) throw tooLarge(` (${declared} bytes declared)`);
  let bytes = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > policy.maxBytes) throw tooLarge('');
      yield chunk;
    }
  } catch (error) {
    throw exchange.failure(error);
  }
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
    ),
  );
}

/** Fetches `url` into memory; any status is returned (the caller decides what it means). */
export function safeFetch(url: string, init: FetchInit, policy: UrlPolicy): Promise<FetchResult> {
  return withExchange(policy, async (exchange) => {
    const { response, url: answered } = await open(url, init, policy, exchange);
    const chunks: Buffer[] = [];
    for await (const chunk of bodyChunks(response, policy, exchange)) chunks.push(chunk);
    return {
      status: response.statusCode ?? 0,
      headers: flatHeaders(response.headers),
      body: Buffer.concat(chunks),
      url: answered.href,
    };
  });
}

/** 4xx answers that will not change on a retry (408, 425 and 429 may). */
function isRefusal(status: number): boolean {
  return status >= 400 && status <= 499 && status !== 408 && status !== 425 && status !== 429;
}

/**
 * GETs `url` into `file`: streamed to a temporary file beside it and renamed into place only when
 * complete, hashed on the way. Any answer but 2xx is an error.
 */
export function safeDownload(url: string, file: string, policy: UrlPolicy): Promise<Download> {
  return withExchange(policy, async (exchange) => {
    const { response } = await open(url, {}, policy, exchange);
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      const code = isRefusal(status) ? 'SOURCE_REFUSED' : 'IO';
      throw new HushError(code, `${exchange.host}: the server answered ${status}`);
    }
    const written = await writeStreamStaged(file, bodyChunks(response, policy, exchange));
    return { ...written, contentType: response.headers['content-type'] ?? null };
  });
}
