/**
 * How a platform's event becomes a job. Genesys and Symbl events carry ids only, so the data behind
 * them must be fetched from the platform's API (Genesys: the conversation's recordings and the
 * transcript URL, which may need polling until present; Symbl: the conversation's messages). The
 * platform connectors implement this; until one is configured for a source, its events are refused
 * with 501.
 */
import type { JobRequest } from '../jobs/job.js';
import type { PlatformHint } from './hints.js';

export interface EventResolver {
  /**
   * The job for this hint, its inputs fetched from (or pointing at) the platform's own API; null
   * when there is nothing to redact (a Symbl job still running or failed). May take minutes (a
   * Genesys transcript appears after the call). Errors name ids and statuses, never content.
   */
  resolve(hint: PlatformHint): Promise<JobRequest | null>;
}
