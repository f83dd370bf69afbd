/**
 * The webhook dispatcher: claims due deliveries under a lease (so two dispatchers never send the
 * same one), POSTs each event signed, and records every attempt with its outcome: delivered on a
 * 2xx, pending again after a growing backoff, or failed once the attempts ran out (replayable).
 * It looks for due deliveries every `pollMs`, or at once when this process writes some (the
 * backend's `signals.deliveries`). Logs hold ids, statuses and attempt numbers: never a body, a
 * secret or a URL's query.
 */
import { randomUUID } from 'node:crypto';
import { HushError } from '../../errors.js';
import { safeFetch, type UrlPolicy } from '../../net/safe-fetch.js';
import type { ServiceBackend } from '../backend.js';
import type { Logger } from '../log.js';
import type { ServiceMetrics } from '../metrics.js';
import { WEBHOOK_BACKOFF, backoffMs, type BackoffPolicy } from '../retry.js';
import { WorkSignal } from '../signal.js';
import { signWebhook } from './signing.js';
import type { AttemptOutcome, WebhookDelivery, WebhookEndpoint } from './store.js';

/** Attempts before a delivery fails: with WEBHOOK_BACKOFF, retries over about 1.2 to 2.4 hours (a receiver down for an hour still gets it); then replay. */
export const WEBHOOK_MAX_ATTEMPTS = 12;
const DEFAULT_POLL_MS = 1_000;
const DEFAULT_LEASE_MS = 60_000;
/** The most of a receiver's answer read (and dropped). */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Deliveries in flight at once in one dispatcher. */
const CONCURRENCY = 8;

export interface WebhookDispatcherDeps {
  backend: ServiceBackend;
  metrics: ServiceMetrics;
  logger: Logger;
  /** The SSRF guard's policy for endpoint URLs; its `timeoutMs` bounds each attempt. */
  policy: UrlPolicy;
  /**
   * Pause between looks when nothing is due, unless deliveries written in this process wake it
   * sooner (those written elsewhere are found this way).
   */
  pollMs?: number;
  /** How long a claimed delivery stays held; must exceed `policy.timeoutMs`. */
  leaseMs?: number;
  maxAttempts?: number;
  dispatcherId?: string;
  /** Delays between attempts (tests shorten them). */
  backoff?: BackoffPolicy;
}

export interface WebhookDispatcher {
  /** Stops claiming, lets the attempts in flight finish and be recorded, then resolves. */
  stop(): Promise<void>;
}

/** What went wrong, in words that hold no path, query, header or body (safeFetch's errors name the host only). */
function failureReason(error: unknown): string {
  return error instanceof HushError ? error.message : 'the delivery could not be sent';
}

export function startWebhookDispatcher(deps: WebhookDispatcherDeps): WebhookDispatcher {
  const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = deps.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS;
  const backoff = deps.backoff ?? WEBHOOK_BACKOFF;
  const dispatcherId = deps.dispatcherId ?? `webhooks-${randomUUID()}`;
  if (leaseMs <= deps.policy.timeoutMs) {
    throw new HushError('USAGE', 'webhook dispatcher: leaseMs must be longer than the request timeout');
  }
  // Not redirected: a 3xx re-POST elsewhere is not the endpoint registered. A receiver's answer is
  // read only to end the exchange, so a small bound is enough whatever downloads are allowed.
  const policy: UrlPolicy = {
    ...deps.policy,
    maxRedirects: 0,
    maxBytes: Math.min(deps.policy.maxBytes, MAX_ANSWER_BYTES),
  };
  const log = deps.logger.child({ component: 'webhooks', dispatcherId });

  async function attempt(delivery: WebhookDelivery, endpoint: WebhookEndpoint): Promise<void> {
    const number = delivery.attempts + 1;
    const at = new Date();
    const started = performance.now();
    const body = JSON.stringify(delivery.event);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'hush-webhooks',
        ...signWebhook(endpoint.secret, delivery.event.id, at, body),
      };
      const response = await safeFetch(endpoint.url, { method: 'POST', headers, body }, policy);
      statusCode = response.status;
      if (statusCode < 200 || statusCode > 299) error = `endpoint answered HTTP ${statusCode}`;
    } catch (failure) {
      error = failureReason(failure);
    }
    const outcome: AttemptOutcome =
      error === null
        ? { state: 'delivered' }
        : number >= maxAttempts
          ? { state: 'failed' }
          : {
              state: 'pending',
              nextAttemptAt: new Date(Date.now() + backoffMs(number, backoff)).toISOString(),
            };
    const fields = { deliveryId: delivery.id, endpointId: endpoint.id, status: statusCode, attempt: number };
    try {
      await deps.backend.webhooks.recordAttempt(
        {
          deliveryId: delivery.id,
          attempt: number,
          at: at.toISOString(),
          statusCode,
          error,
          durationMs: Math.round(performance.now() - started),
        },
        outcome,
      );
    } catch {
      // The lease runs out and the delivery is attempted again: at least once, never lost.
      log.error(fields, 'webhook attempt not recorded');
      return;
    }
    const label = outcome.state === 'pending' ? 'retry' : outcome.state;
    deps.metrics.webhookAttempts.inc({ outcome: label });
    if (outcome.state === 'delivered') log.info({ ...fields, outcome: label }, 'webhook delivered');
    else log.warn({ ...fields, outcome: label, error }, 'webhook attempt failed');
  }

  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  /** Notified when a slot frees up or the dispatcher stops. */
  const wake = new WorkSignal();
  const pause = (ms: number): Promise<void> => WorkSignal.any([deps.backend.signals.deliveries, wake], ms);

  async function loop(): Promise<void> {
    while (!stopping) {
      const free = CONCURRENCY - inFlight.size;
      let claimed: Awaited<ReturnType<ServiceBackend['webhooks']['claimDue']>> = [];
      if (free > 0) {
        try {
          claimed = await deps.backend.webhooks.claimDue(dispatcherId, free, leaseMs);
        } catch {
          log.error('webhook deliveries could not be claimed');
        }
      }
      for (const { delivery, endpoint } of claimed) {
        const running: Promise<void> = attempt(delivery, endpoint).finally(() => {
          inFlight.delete(running);
          wake.notify();
        });
        inFlight.add(running);
      }
      // A full batch may mean more are due: look again at once, unless every slot is busy.
      if (stopping || (claimed.length > 0 && claimed.length === free)) continue;
      await pause(pollMs);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake.notify();
      await running;
      await Promise.all(inFlight);
    },
  };
}
