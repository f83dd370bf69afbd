import assert from 'node:assert/strict';
import type { AudioVerification } from '../../../src/audio/verification.js';

/** Which checks failed, by name, so a test says exactly what must fail. */
export function failures(verification: AudioVerification): string[] {
  const failed = verification.regions.flatMap((region, i) => (region.passed ? [] : [`region ${i}`]));
  for (const check of ['duration', 'format', 'channels', 'outside'] as const) {
    if (verification[check] !== null && !verification[check].passed) failed.push(check);
  }
  assert.equal(verification.passed, failed.length === 0, 'passed agrees with the checks');
  return failed;
}
