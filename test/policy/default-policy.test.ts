import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY, policySchema } from '../../src/core/policy.js';

test('the written-out default policy is exactly what the schema makes of an empty policy', () => {
  const parsed = policySchema.parse({});
  assert.deepEqual(DEFAULT_POLICY, parsed);
  // Same fields in the same order, so it prints the same too.
  assert.equal(JSON.stringify(DEFAULT_POLICY), JSON.stringify(parsed));
});
