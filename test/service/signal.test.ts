/**
 * WorkSignal: a wait ends on the next notify or after its time, a notify nobody waited for is kept
 * for the next wait (once), and a wait on several signals ends on any of them; nothing is left
 * behind (no timer, no sleeper).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkSignal } from '../../src/service/signal.js';

/** Timers alive in this process. */
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise(setImmediate);
  return done;
}

describe('WorkSignal', () => {
  test('a wait ends on the next notify, and its timer with it', async () => {
    const signal = new WorkSignal();
    const before = timers();
    const waiting = signal.wait(60_000);
    assert.equal(await settled(waiting), false);
    signal.notify();
    assert.equal(await settled(waiting), true);
    assert.equal(timers(), before);
  });

  test('a wait ends after its time without a notify', async () => {
    const started = Date.now();
    await new WorkSignal().wait(30);
    assert.ok(Date.now() - started >= 25);
  });

  test('a notify wakes every sleeper waiting then', async () => {
    const signal = new WorkSignal();
    const sleepers = [signal.wait(60_000), signal.wait(60_000)];
    signal.notify();
    assert.deepEqual(await Promise.all(sleepers.map(settled)), [true, true]);
  });

  test('a notify nobody waited for ends the next wait at once, and only that one', async () => {
    const signal = new WorkSignal();
    signal.notify();
    signal.notify();
    assert.equal(await settled(signal.wait(60_000)), true);
    const next = signal.wait(60_000);
    assert.equal(await settled(next), false);
    signal.notify();
    await next;
  });

  test('any: ends on whichever signal is notified, leaving no sleeper on the other', async () => {
    const [a, b] = [new WorkSignal(), new WorkSignal()];
    const before = timers();
    const waiting = WorkSignal.any([a, b], 60_000);
    b.notify();
    assert.equal(await settled(waiting), true);
    assert.equal(timers(), before);
    // Nobody waits on `a` now: its notify is kept for the next wait rather than spent on the old one.
    a.notify();
    assert.equal(await settled(a.wait(60_000)), true);
  });
});
