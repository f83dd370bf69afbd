/**
 * Outbound webhook endpoints and deliveries. A delivery is one event for one endpoint, written in
 * the transaction of the job state change it reports (see jobs/store.ts). The dispatcher leases due
 * deliveries, POSTs them signed, and records every attempt; failed ones can be replayed.
 */
import type { JobEvent } from '../jobs/job.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** Standard Webhooks secret, `whsec_` + base64; returned only when the endpoint is created. */
  secret: string;
  /** Event types sent (`job.completed` …), or all when empty. */
  events: string[];
  enabled: boolean;
  description: string | null;
  createdAt: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  event: JobEvent;
  state: DeliveryState;
  attempts: number;
  /** When the next attempt is due (pending), ISO 8601. */
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryAttempt {
  deliveryId: string;
  attempt: number;
  at: string;
  /** HTTP status, null when no response came (refused, timeout, guard). */
  statusCode: number | null;
  /** Why it failed, in words; null on success. Never the response body. */
  error: string | null;
  durationMs: number;
}

/** What happens to a delivery after an attempt. */
export type AttemptOutcome =
  { state: 'delivered' } | { state: 'pending'; nextAttemptAt: string } | { state: 'failed' };

export interface DeliveryQuery {
  state?: DeliveryState;
  endpointId?: string;
  jobId?: string;
  limit: number;
  cursor?: string;
}

export interface WebhookStore {
  addEndpoint(endpoint: {
    url: string;
    secret: string;
    events: string[];
    description: string | null;
  }): Promise<WebhookEndpoint>;
  listEndpoints(): Promise<WebhookEndpoint[]>;
  /** Disables (keeps its deliveries for the record); false when not found. */
  disableEndpoint(id: string): Promise<boolean>;
  /** Due pending deliveries, leased to this dispatcher for `leaseMs` (another dispatcher skips them). */
  claimDue(
    dispatcherId: string,
    limit: number,
    leaseMs: number,
  ): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint }[]>;
  /** Records the attempt and applies its outcome, in one transaction. */
  recordAttempt(attempt: DeliveryAttempt, outcome: AttemptOutcome): Promise<void>;
  getDelivery(id: string): Promise<WebhookDelivery | null>;
  listDeliveries(query: DeliveryQuery): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }>;
  attempts(deliveryId: string): Promise<DeliveryAttempt[]>;
  /** A failed (or delivered) delivery pending again, due now; null when not found. */
  replay(id: string): Promise<WebhookDelivery | null>;
  counts(): Promise<Record<DeliveryState, number>>;
}
