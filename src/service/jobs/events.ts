/** The webhook event for a job's current state: one function, so every backend sends the same shape. */
import { randomUUID } from 'node:crypto';
import type { JobEvent, JobRecord } from './job.js';

export function jobEvent(job: JobRecord, at: string = new Date().toISOString()): JobEvent {
  return {
    id: `evt_${randomUUID()}`,
    type: `job.${job.state}`,
    at,
    data: {
      jobId: job.id,
      state: job.state,
      progress: job.progress,
      attempts: job.attempts,
      failure: job.failure,
      metadata: job.request.metadata,
      result:
        job.result === null
          ? null
          : { counts: job.result.counts, verification: job.result.verification, regions: job.result.regions },
    },
  };
}
