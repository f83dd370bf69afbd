/**
 * A worker's hold on one attempt. It is renewed every third of the lease, so that two renewals can
 * go astray (a slow database) before it expires. Once it is lost (it expired, the job was
 * cancelled, or the process gave up on it at the end of a drain), the attempt publishes nothing:
 * another worker may already hold the job.
 */
import type { JobStore, Lease } from '../jobs/store.js';

export interface HeldLease {
  readonly lease: Lease;
  /** True once the lease is lost or given up. */
  readonly lost: boolean;
  /** Renews the lease now, before publishing something; false when it is lost. */
  confirm(): Promise<boolean>;
  /** Records that the store refused the lease (an `advance`, `complete` or `fail` answered lost). */
  markLost(): void;
  /** Stops renewing: the attempt ended. */
  release(): void;
  /** Stops renewing and treats the lease as lost: the process leaves the job to expire and be retried. */
  abandon(): void;
}

export function holdLease(
  jobs: JobStore,
  lease: Lease,
  leaseMs: number,
  onRenewError: (error: unknown) => void,
): HeldLease {
  let lost = false;
  let renewing: Promise<boolean> | null = null;

  const renew = (): Promise<boolean> => {
    if (lost) return Promise.resolve(false);
    // One renewal at a time: a timer tick during a confirm() shares its answer.
    renewing ??= jobs
      .renew(lease, leaseMs)
      .then((held) => {
        if (!held) lost = true;
        return !lost;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };

  const timer = setInterval(
    () =>
      renew().catch((error: unknown) => {
        // The store could not be reached: the lease holds until it expires, and the next tick tries again.
        onRenewError(error);
      }),
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  timer.unref();

  return {
    lease,
    get lost() {
      return lost;
    },
    confirm: renew,
    markLost() {
      lost = true;
    },
    release() {
      clearInterval(timer);
    },
    abandon() {
      lost = true;
      clearInterval(timer);
    },
  };
}
