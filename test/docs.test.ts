/** The policy examples in the README and docs are real policies: they must parse as written. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parsePolicy } from '../src/policy/index.js';

function yamlBlocks(file: string): string[] {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('policy examples in the documentation', () => {
  for (const file of ['README.md', 'docs/policy.md']) {
    test(`${file}: every YAML example is a valid policy`, () => {
      const blocks = yamlBlocks(file);
      assert.ok(blocks.length > 0, `${file} has YAML examples`);
      blocks.forEach((block, index) => {
        assert.doesNotThrow(() => parsePolicy(block, `${file} example ${index + 1}`));
      });
    });
  }
});
