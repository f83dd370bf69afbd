/**
 * The service's Prometheus metrics, one registry per process (tests build their own). Gauges that
 * mirror stored state (jobs by state, queue depth, deliveries by state) are read from the backend
 * at scrape time; counters and histograms are fed by the code that sees the event. Labels hold
 * types and states, never values.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServiceBackend } from './backend.js';
import { JOB_STATES } from './jobs/job.js';

export interface ServiceMetrics {
  registry: Registry;
  /** Attempts finished, by outcome (`completed`, `retry`, `failed`, `lease-lost`). */
  attempts: Counter<'outcome'>;
  /** Seconds from claim to the end of an attempt, by outcome. */
  attemptSeconds: Histogram<'outcome'>;
  /** Entities found in completed jobs, by type. */
  entities: Counter<'type'>;
  /** Webhook delivery attempts, by outcome (`delivered`, `retry`, `failed`). */
  webhookAttempts: Counter<'outcome'>;
  /** Inbound events, by source and outcome (`accepted`, `duplicate`, `refused`). */
  inboundEvents: Counter<'source' | 'outcome'>;
}

export function createMetrics(backend: ServiceBackend): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'hush_jobs',
    help: 'Jobs by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await backend.jobs.counts();
      for (const state of JOB_STATES) this.set({ state }, counts[state]);
    },
  });
  new Gauge({
    name: 'hush_queue_depth',
    help: 'Queued jobs due now',
    registers: [registry],
    async collect() {
      this.set(await backend.jobs.queueDepth());
    },
  });
  new Gauge({
    name: 'hush_webhook_deliveries',
    help: 'Webhook deliveries by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await backend.webhooks.counts();
      for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
    },
  });
  return {
    registry,
    attempts: new Counter({
      name: 'hush_job_attempts_total',
      help: 'Job attempts finished, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    attemptSeconds: new Histogram({
      name: 'hush_job_attempt_seconds',
      help: 'Duration of job attempts, by outcome',
      labelNames: ['outcome'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
      registers: [registry],
    }),
    entities: new Counter({
      name: 'hush_entities_total',
      help: 'Entities found in completed jobs, by type',
      labelNames: ['type'],
      registers: [registry],
    }),
    webhookAttempts: new Counter({
      name: 'hush_webhook_attempts_total',
      help: 'Webhook delivery attempts, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    inboundEvents: new Counter({
      name: 'hush_inbound_events_total',
      help: 'Inbound events, by source and outcome',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
  };
}
