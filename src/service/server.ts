/**
 * One service process, composed: the backend and the file store its configuration names, the
 * metrics, the HTTP API (`hush serve`; none for `hush worker`), the job runner and the webhook
 * dispatcher. Stopping follows the order that loses nothing: the API stops taking requests (and
 * finishes those in flight), the runner stops claiming and drains, the dispatcher records the
 * deliveries in flight, then storage closes.
 */
import { HushError } from '../errors.js';
import { readText } from '../files.js';
import { DEFAULT_LIMITS } from '../audio/validate.js';
import type { UrlPolicy } from '../net/safe-fetch.js';
import type { ServiceBackend } from './backend.js';
import type { ServiceConfig } from './config.js';
import { parseInboundSources, type InboundSource } from './events/source.js';
import { isLoopbackHost } from './http/loopback.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { isPostgresUrl, openBackend } from './open-backend.js';
import { openFileStore } from './files/open.js';
import { startWebhookDispatcher } from './webhooks/dispatcher.js';
import { errorKind } from './worker/failure.js';
import { startJobRunner } from './worker/runner.js';

/** Recordings are up to 500 MB: time enough to fetch one over a slow link. */
const INPUT_TIMEOUT_MS = 10 * 60_000;
const INPUT_REDIRECTS = 5;
/** A webhook endpoint answers at once (it queues its own work); its body is not read beyond this. */
const WEBHOOK_TIMEOUT_MS = 10_000;
const WEBHOOK_RESPONSE_BYTES = 64 * 1024;

export interface RunningService {
  /** Where the API listens (`http://127.0.0.1:8080`); null for a worker. */
  url: string | null;
  /** Stops in the order above; resolves with false when running jobs were left to their leases. */
  stop(): Promise<boolean>;
}

/** What the inputs a job names by URL may reach (recordings, transcripts, clips). */
export function inputUrlPolicy(config: ServiceConfig): UrlPolicy {
  return {
    allowHosts: config.urlAllow,
    maxBytes: DEFAULT_LIMITS.maxBytes,
    timeoutMs: INPUT_TIMEOUT_MS,
    maxRedirects: INPUT_REDIRECTS,
  };
}

/** What webhook deliveries may reach. */
export function webhookUrlPolicy(config: ServiceConfig): UrlPolicy {
  return {
    allowHosts: config.urlAllow,
    maxBytes: WEBHOOK_RESPONSE_BYTES,
    timeoutMs: WEBHOOK_TIMEOUT_MS,
    maxRedirects: 0,
  };
}

/** One line for people: where jobs and files are kept, never a connection string (it may hold a password). */
export function describeStorage(config: ServiceConfig): string {
  const db = isPostgresUrl(config.db) ? 'PostgreSQL' : `SQLite ${config.db}`;
  const files = /^s3:\/\//i.test(config.files) ? 'S3' : config.files;
  return `jobs in ${db}, files in ${files}`;
}

/** A bind beyond loopback needs keys: without one, anyone who can reach the port could use the API. */
async function checkKeys(config: ServiceConfig, backend: ServiceBackend): Promise<void> {
  const host = config.http?.host;
  if (host === undefined || isLoopbackHost(host)) return;
  if ((await backend.keys.activeCount()) > 0) return;
  throw new HushError(
    'USAGE',
    `refusing to listen on ${host} without API keys: create one with \`hush keys create --name NAME --scopes redact,read\` ` +
      '(with the same --db), or listen on 127.0.0.1',
  );
}

/** The operator's inbound event sources, from a JSON file (see events/source.ts). */
async function loadInboundSources(file: string): Promise<InboundSource[]> {
  let list: unknown;
  try {
    list = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof HushError) throw error;
    throw new HushError('USAGE', `${file}: not valid JSON (HUSH_INBOUND_SOURCES)`);
  }
  return parseInboundSources(list, file);
}

/** Closes what was opened, last first, even when one close fails. */
async function closeAll(closers: (() => Promise<unknown>)[]): Promise<void> {
  for (const close of closers.reverse()) await close().catch(() => {});
}

export async function startService(
  config: ServiceConfig,
  logger: Logger,
  hushVersion: string,
): Promise<RunningService> {
  const inboundSources =
    config.http?.inboundSources == null ? [] : await loadInboundSources(config.http.inboundSources);
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const backend = await openBackend(config.db, (error) =>
      logger.error({ component: 'backend', ...errorKind(error) }, 'background database work failed'),
    );
    closers.push(() => backend.close());
    await checkKeys(config, backend);
    const files = openFileStore(config.files);
    closers.push(() => files.close());
    const metrics = createMetrics(backend);

    let url: string | null = null;
    let closeApi = async (): Promise<void> => {};
    if (config.http !== null) {
      const { API_LIMIT_DEFAULTS, buildApi } = await import('./http/app.js');
      const { host, port, requireKeys } = config.http;
      const app = await buildApi({
        backend,
        files,
        metrics,
        logger,
        options: {
          ...API_LIMIT_DEFAULTS,
          requireKeys: requireKeys || !isLoopbackHost(host),
          jobsPerDay: config.http.jobsPerDay,
          requestsPerMinute: config.http.requestsPerMinute,
          maxAttempts: config.http.maxAttempts,
          urlPolicy: inputUrlPolicy(config),
          inboundSources,
          version: hushVersion,
        },
      });
      closers.push(() => app.close());
      url = await app.listen({ host, port });
      closeApi = () => app.close();
    }

    const runner =
      config.concurrency > 0
        ? startJobRunner({
            backend,
            files,
            metrics,
            logger,
            concurrency: config.concurrency,
            leaseMs: config.leaseMs,
            urlPolicy: inputUrlPolicy(config),
            hushVersion,
          })
        : null;
    const dispatcher = startWebhookDispatcher({ backend, metrics, logger, policy: webhookUrlPolicy(config) });

    return {
      url,
      async stop() {
        await closeApi();
        const drained = runner === null ? true : await runner.drain(config.drainTimeoutMs);
        await dispatcher.stop();
        await closeAll([() => backend.close(), () => files.close()]);
        return drained;
      },
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}
