/**
 * The job runner: `concurrency` slots, each claiming the next due job under a lease, running one
 * attempt (attempt.ts) and claiming again; an idle slot asks again after `pollMs`, or at once when
 * this process commits a claimable job (the backend's `signals.jobs`). Draining stops
 * the claiming and waits for the running attempts; those still running at the timeout are
 * abandoned: their leases stop being renewed, they publish nothing, and the store hands the jobs
 * out again once the leases expire.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { WorkSignal } from '../signal.js';
import { runAttempt, type AttemptDeps } from './attempt.js';
import { errorKind } from './failure.js';
import { holdLease, type HeldLease } from './lease.js';

export interface RunnerDeps extends AttemptDeps {
  concurrency: number;
  leaseMs: number;
  /**
   * How long an idle slot waits before asking for a job again, unless a job made claimable in this
   * process wakes it sooner (jobs submitted elsewhere are found this way); 500 ms by default.
   */
  pollMs?: number;
}

export interface JobRunner {
  /** This runner's id in leases: host, process id and a random part. */
  readonly workerId: string;
  /** Stops claiming and waits up to `timeoutMs` for the running attempts (see above); false when some were abandoned. */
  drain(timeoutMs: number): Promise<boolean>;
}

const DEFAULT_POLL_MS = 500;

export function startJobRunner(deps: RunnerDeps): JobRunner {
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const logger = deps.logger.child({ workerId });
  const attemptDeps: AttemptDeps = { ...deps, logger };
  const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
  const held = new Set<HeldLease>();
  const draining = new WorkSignal();
  let stopping = false;

  /** Waits `ms`, or less when a job becomes claimable or the runner starts draining. */
  const pause = (ms: number): Promise<void> => WorkSignal.any([deps.backend.signals.jobs, draining], ms);

  const slot = async (): Promise<void> => {
    while (!stopping) {
      let claimed;
      try {
        claimed = await deps.backend.jobs.claim(workerId, deps.leaseMs);
      } catch (error) {
        logger.error(errorKind(error), 'could not claim a job');
        await pause(pollMs);
        continue;
      }
      if (claimed === null) {
        await pause(pollMs);
        continue;
      }
      const hold = holdLease(deps.backend.jobs, claimed, deps.leaseMs, (error) =>
        logger.warn({ jobId: claimed.jobId, ...errorKind(error) }, 'could not renew a lease'),
      );
      held.add(hold);
      try {
        await runAttempt(hold, attemptDeps);
      } catch (error) {
        logger.error({ jobId: claimed.jobId, ...errorKind(error) }, 'attempt crashed');
      } finally {
        held.delete(hold);
      }
    }
  };

  const slots = Promise.all(Array.from({ length: deps.concurrency }, slot));
  logger.info({ concurrency: deps.concurrency, leaseMs: deps.leaseMs }, 'job runner started');

  return {
    workerId,
    async drain(timeoutMs) {
      stopping = true;
      draining.notify();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        slots.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        logger.warn({ running: held.size }, 'drain timed out: running jobs are left to their leases');
        for (const hold of held) hold.abandon();
      } else logger.info('job runner draining');
      return !timedOut;
    },
  };
}
