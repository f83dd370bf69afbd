import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs parsePolicy in a fresh process and reports whether the YAML parser got loaded. */
function loadsYaml(policyText: string): boolean {
  const script = `
    import { createRequire } from 'node:module';
    import { parsePolicy } from './src/policy/index.ts';
    parsePolicy(${JSON.stringify(policyText)}, 'policy');
    const cache = createRequire(import.meta.url).cache;
    process.stdout.write(String(Object.keys(cache).some((path) => /[\\\\/]node_modules[\\\\/]yaml[\\\\/]/.test(path))));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.trim() === 'true';
}

test('the YAML parser is loaded only for YAML policies', () => {
  assert.equal(loadsYaml('{"minScore": 0.6}'), false);
  assert.equal(loadsYaml('minScore: 0.6\n'), true);
});
