import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { constants } from 'node:os';
import { MEMORY_FLAGS } from '../../src/cli/relaunch.js';
import { ROOT, runNode } from './helpers.js';

const COMMAND = join(ROOT, 'test', 'cli', 'relaunch-command.ts');

interface Report {
  execArgv: string[];
  args: string[];
}

test('the command runs again under the memory flags, with its arguments; its output and exit code come back', async () => {
  const run = await runNode(['--import', 'tsx', COMMAND, 'exit-7', '--out', 'some dir'], ROOT);
  assert.equal(run.code, 7, run.stderr);
  const reports = run.stdout.trim().split('\n');
  assert.equal(reports.length, 1, 'one relaunch, not a loop');
  const report = JSON.parse(reports[0]!) as Report;
  for (const flag of MEMORY_FLAGS) assert.ok(report.execArgv.includes(flag), `${flag} in ${report.execArgv}`);
  assert.ok(report.execArgv.includes('--import'), 'Node’s own options are kept');
  assert.deepEqual(report.args, ['exit-7', '--out', 'some dir']);
});

test('a relaunched process ended by a signal exits 128 + its number, as a shell reports it', async () => {
  const run = await runNode(['--import', 'tsx', COMMAND, 'kill-self'], ROOT);
  assert.equal(run.code, 128 + constants.signals.SIGKILL);
});

test('SIGTERM sent to the launcher reaches the relaunched process', async () => {
  const launcher = spawn(process.execPath, ['--import', 'tsx', COMMAND, 'wait-for-sigterm'], { cwd: ROOT });
  let stdout = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    launcher.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The relaunched process has reported: it is running and listening.
      if (stdout.includes('\n') && !stdout.includes('SIGTERM')) launcher.kill('SIGTERM');
    });
    launcher.on('error', reject);
    launcher.on('close', resolve);
  });
  assert.match(stdout, /SIGTERM reached the relaunched process/);
  assert.equal(code, 0);
});
