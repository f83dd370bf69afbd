/**
 * Runs the built CLI (the bundle the `hush` bin points to) as a real process. The build happens once
 * per test run: the first suite that finds the bundle older than src/ rebuilds it while holding a
 * lock, the others wait for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'bin', 'hush.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'formats');

/** Values planted in test/fixtures/formats/hush/call.json. */
export const PLANTED_CARD = { digits: '5425233430109903', groups: ['5425', '2334', '3010', '9903'] };

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

async function isStale(): Promise<boolean> {
  try {
    return (await stat(CLI)).mtimeMs < (await newestMtime(join(ROOT, 'src')));
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds dist/ and the CLI bundle when the bundle is older than src/, as `npm run build` does (tsc
 * still emits when other files have type errors).
 */
export async function ensureBuilt(): Promise<void> {
  if (!(await isStale())) return;
  const lock = join(
    tmpdir(),
    `hush-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
  );
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 120_000) await rm(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (await isStale()) {
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
      spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'build', 'cli.ts')], {
        cwd: ROOT,
        stdio: 'ignore',
      });
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  await stat(CLI); // throws when the build produced nothing
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` in `cwd` and collects its exit code and output. */
export function runNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the built CLI with HUSH_DEBUG cleared, so errors read as a user sees them. */
export function runCli(args: readonly string[], cwd = ROOT): Promise<CliResult> {
  return runNode([CLI, ...args], cwd, { ...process.env, HUSH_DEBUG: '' });
}

const made: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs` (each suite's `after` hook). */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-cli-test-'));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
