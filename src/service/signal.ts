/**
 * In-process wake-ups: a backend notifies once it has committed work (a claimable job, a due
 * webhook delivery), and the runner or dispatcher sleeping in this process looks at once instead
 * of at its next poll. Other processes sharing the storage are not told and keep polling.
 */

export class WorkSignal {
  /** Wakes the sleepers waiting now; each removes itself from every signal it waits on. */
  private readonly sleepers = new Set<() => void>();
  /**
   * Notified while nobody was waiting. A sleeper that was busy looking (a claim that read before
   * the work committed) would otherwise miss this and sleep a whole poll: its next wait returns at
   * once instead.
   */
  private missed = false;

  notify(): void {
    if (this.sleepers.size === 0) this.missed = true;
    for (const wake of [...this.sleepers]) wake();
  }

  /** Resolves on the next notify (or at once for one nobody was waiting for), or after `ms`. */
  wait(ms: number): Promise<void> {
    return WorkSignal.any([this], ms);
  }

  /** Like `wait`, ending on whichever of `signals` is notified first. */
  static any(signals: readonly WorkSignal[], ms: number): Promise<void> {
    const missed = signals.find((signal) => signal.missed);
    if (missed !== undefined) {
      missed.missed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        for (const signal of signals) signal.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      for (const signal of signals) signal.sleepers.add(wake);
    });
  }
}

/** What a backend notifies after a commit. */
export interface WorkSignals {
  /** A job became claimable now (submitted, requeued). */
  readonly jobs: WorkSignal;
  /** Webhook deliveries became due now (written for a job change, replayed). */
  readonly deliveries: WorkSignal;
}

export function workSignals(): WorkSignals {
  return { jobs: new WorkSignal(), deliveries: new WorkSignal() };
}
