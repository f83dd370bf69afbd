/**
 * Everything the service persists, behind one interface with two implementations: SQLite in one
 * file (embedded default, `backends/sqlite/`) and PostgreSQL (`backends/postgres/`, jobs queued
 * through pg-boss). Both pass the same contract tests (test/service/backend-contract.ts).
 */
import type { AuditStore } from '../audit/store.js';
import type { ApiKeyStore } from './auth/store.js';
import type { JobStore } from './jobs/store.js';
import type { WorkSignals } from './signal.js';
import type { WebhookStore } from './webhooks/store.js';

/** Inbound events already acted on, so a replayed event is not acted on twice. */
export interface InboundEventLog {
  /** Records the event; false when this source already sent this id. */
  firstSeen(source: string, eventId: string, at: string): Promise<boolean>;
}

export interface ServiceBackend {
  readonly kind: 'sqlite' | 'postgres';
  jobs: JobStore;
  webhooks: WebhookStore;
  keys: ApiKeyStore;
  audit: AuditStore;
  inbound: InboundEventLog;
  /** Notified after this backend commits work, to wake this process's runner and dispatcher. */
  readonly signals: WorkSignals;
  close(): Promise<void>;
}
