#!/usr/bin/env node
/**
 * The `hush` command. Each subcommand's module is imported only when it runs, so `hush formats`
 * and `--help` start fast and `hush detect` loads only what detection needs.
 *
 * Exit codes: 0 done; 2 bad input or usage (the message names the file and the place);
 * 3 a redacted copy failed verification; 4 the audit log failed verification; 70 an internal error
 * (details withheld: they could hold transcript content).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { REPLACEMENT_KINDS } from '../audio/replacement.js';
import { REDACTION_STYLES } from '../core/policy-values.js';
import { HushError } from '../errors.js';
import type { AuditExportOptions, AuditVerifyOptions } from './commands/audit.js';
import type { BatchCommandOptions } from './commands/batch.js';
import type { DetectOptions } from './commands/detect.js';
import type { RecoverOptions } from './commands/recover.js';
import type { RedactCommandOptions } from './commands/redact.js';
import type { RedactOptions } from './commands/redact-transcript.js';
import type { KeysCreateOptions, KeysListOptions, KeysOptions } from './commands/keys.js';
import type { ServeCommandOptions } from './commands/serve.js';
import type { WorkerCommandOptions } from './commands/worker.js';
import { collect, parseByteSize, parseCount, parseDbfs, parseEncoding, parsePositive } from './options.js';

const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Runs a command, turning errors into messages and exit codes. */
async function run(command: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    if (error instanceof HushError) {
      process.stderr.write(`hush: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stderr.write('hush: internal error (details withheld: they could contain transcript content)\n');
    if (process.env.HUSH_DEBUG && error instanceof Error) {
      // The stack frames only: the first line carries the message.
      const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
      process.stderr.write(`${error.name}\n${frames.join('\n')}\n`);
    }
    process.exitCode = EXIT_INTERNAL;
  }
}

const formatOption = (): Option =>
  new Option(
    '-f, --format <id>',
    'the transcript format (default: recognised from the content; see `hush formats`)',
  );
const policyOption = (): Option =>
  new Option(
    '-p, --policy <file>',
    'policy file: YAML, JSON or Symbl redaction settings (see docs/policy.md)',
  );

/** The options `hush redact` and `hush batch` share: replacement, raw layout, limits, audit log. */
function audioJobOptions(command: Command): Command {
  return command
    .addOption(policyOption())
    .addOption(formatOption())
    .addOption(
      new Option('-m, --mode <mode>', 'what replaces each region')
        .choices(REPLACEMENT_KINDS)
        .default('silence'),
    )
    .addOption(new Option('--beep-hz <hz>', 'beep frequency (default 1000)').argParser(parsePositive))
    .addOption(new Option('--beep-level <dbfs>', 'beep level, RMS dBFS (default -20)').argParser(parseDbfs))
    .addOption(new Option('--noise-level <dbfs>', 'noise level, RMS dBFS (default -30)').argParser(parseDbfs))
    .option(
      '--clip <file-or-url>',
      'replacement clip for --mode clip: a file, or an https URL on an allowed host',
    )
    .addOption(new Option('--clip-level <dbfs>', 'clip level, RMS dBFS (default -20)').argParser(parseDbfs))
    .addOption(
      new Option('--clip-allow-host <host>', 'a host --clip may fetch from (repeatable)').argParser(collect),
    )
    .addOption(new Option('--rate <hz>', 'headerless PCM: sample rate').argParser(parseCount))
    .addOption(new Option('--channels <n>', 'headerless PCM: channel count').argParser(parseCount))
    .addOption(
      new Option('--encoding <encoding>', 'headerless PCM: sample encoding').argParser(parseEncoding),
    )
    .addOption(
      new Option('--max-bytes <size>', 'largest recording accepted (default 500MB)').argParser(parseByteSize),
    )
    .addOption(
      new Option('--max-duration <seconds>', 'longest recording accepted (default 14400 = 4 h)').argParser(
        parsePositive,
      ),
    )
    .option('--db <file>', 'audit log (SQLite; default ./hush.db)')
    .option('--json', 'print one JSON object describing what was done');
}

/** Where the service keeps its data: `--data`, or `--db` (and `--files`) naming each store. */
function storageOptions(command: Command, files = true): Command {
  command
    .option('--data <dir>', 'folder for the embedded defaults (default ./hush-data, or $HUSH_DATA)')
    .option('--db <file-or-url>', 'SQLite file or postgres:// URL (default <data>/hush.db, or $HUSH_DB)');
  return files
    ? command.option(
        '--files <dir-or-url>',
        'folder or s3://bucket/prefix (default <data>/files, or $HUSH_FILES)',
      )
    : command;
}

/** The environment `hush serve` and `hush worker` read (flags win over it); see src/service/config.ts. */
const SERVICE_ENV_HELP = `
Environment: HUSH_DATA, HUSH_DB, HUSH_FILES, HUSH_WORKERS (job slots) as the flags;
HUSH_LEASE_SECONDS (job lease, default 60); HUSH_DRAIN_SECONDS (how long SIGTERM waits for running
jobs, default 30); HUSH_URL_ALLOW (comma-separated hosts that URL inputs and webhooks may reach
although private); HUSH_LOG_LEVEL (default info). Logs are JSON lines on stdout.`;

const SERVE_ENV_HELP = `${SERVICE_ENV_HELP}
Also HUSH_HOST, HUSH_PORT, HUSH_REQUIRE_KEYS=1 as the flags; HUSH_MAX_ATTEMPTS (default 5);
HUSH_JOBS_PER_DAY (per key, default 10000; 0 for none); HUSH_REQUESTS_PER_MINUTE (default 600; 0 for
none); HUSH_INBOUND_SOURCES (a JSON file listing the inbound event sources).`;

function buildProgram(): Command {
  const program = new Command('hush')
    .description('Find sensitive items spoken in call transcripts, and remove them.')
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();

  program
    .command('detect')
    .description('List the sensitive items found in a transcript (values stay hidden unless --reveal).')
    .argument('<file>', 'transcript file')
    .addOption(formatOption())
    .addOption(policyOption())
    .option('--json', 'print one JSON object: entities, regions to silence and counts per type')
    .option('--reveal', 'also print each item’s value (sensitive: keep the output safe)')
    .action((file: string, options: DetectOptions) =>
      run(async () => (await import('./commands/detect.js')).detectCommand(file, options)),
    );

  program
    .command('redact-transcript')
    .description(
      'Write a redacted copy in the input’s format, verify it and publish it only if nothing sensitive remains.',
    )
    .argument('<file>', 'transcript file (never modified)')
    .option('-o, --out <path>', 'where to write the copy (default: <name>.redacted.<ext> beside the input)')
    .addOption(policyOption())
    .addOption(formatOption())
    .addOption(
      new Option('-s, --style <style>', 'replacement style for every type (default: the policy’s)').choices(
        REDACTION_STYLES,
      ),
    )
    .option('--hash-key-file <file>', 'secret key for the hash style (at least 16 bytes)')
    .option('--json', 'print one JSON object describing what was done')
    .addHelpText(
      'after',
      '\nExit codes: 0 written and verified; 2 bad input; 3 verification failed (nothing written).',
    )
    .action((file: string, options: RedactOptions) =>
      run(async () =>
        (await import('./commands/redact-transcript.js')).redactTranscriptCommand(file, options),
      ),
    );

  audioJobOptions(
    program
      .command('redact')
      .description(
        'Silence what the transcript reveals (or the regions listed) in a recording; write the redacted recording, ' +
          'transcript and a report into --out, verified, and record the job in the audit log.',
      )
      .argument(
        '<audio>',
        'recording: WAV, MP3, Ogg, FLAC, M4A, WebM or headerless PCM (never modified unless --in-place)',
      )
      .option('-t, --transcript <file>', 'transcript of the recording (any format `hush formats` lists)')
      .option('-r, --regions <file>', 'JSON list of regions {start, end, channel?} instead of a transcript')
      .option('-o, --out <dir>', 'output folder (default: ./redacted)')
      .option('--in-place', 'rewrite the region bytes of the recording itself (WAV and raw PCM; journaled)'),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 written and verified; 2 bad input; 3 verification failed (only the report is written).',
    )
    .action((audio: string, options: RedactCommandOptions) =>
      run(async () => {
        // A job that detects runs with memory-saving V8 settings, which only a fresh process takes.
        const relaunch = await import('./relaunch.js');
        if (options.transcript !== undefined && !relaunch.underMemoryFlags())
          return relaunch.relaunchUnderMemoryFlags();
        return (await import('./commands/redact.js')).redactCommand(audio, options, packageVersion());
      }),
    );

  audioJobOptions(
    program
      .command('batch')
      .description(
        'Redact a folder of recordings (paired with their transcripts by name) or a manifest, several at a time; ' +
          'resumable: a re-run skips recordings already done with the same settings.',
      )
      .argument(
        '<dir-or-manifest>',
        'a folder, or a manifest (JSON lines or CSV: audio, transcript or regions)',
      )
      .option('-o, --out <dir>', 'output folder (default: ./redacted)')
      .addOption(
        new Option('-j, --jobs <n>', 'recordings redacted at a time (default: CPUs, up to 4)').argParser(
          parseCount,
        ),
      ),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 every recording done or skipped; otherwise 2, 3 or 70 (see docs/cli.md).',
    )
    .action((input: string, options: BatchCommandOptions) =>
      run(async () => (await import('./commands/batch.js')).batchCommand(input, options, packageVersion())),
    );

  program
    .command('recover')
    .description('Finish or undo an --in-place redaction that was interrupted, from the journal it left.')
    .argument('<audio>', 'the recording that was being redacted in place')
    .option('--finish', 'complete the redaction')
    .option('--undo', 'put the original bytes back')
    .action((audio: string, options: RecoverOptions) =>
      run(async () => (await import('./commands/recover.js')).recoverCommand(audio, options)),
    );

  const audit = program.command('audit').description('Check or export the tamper-evident audit log.');
  audit
    .command('verify')
    .description('Check the hash chain: name every edited, removed, inserted or reordered record.')
    .option('--db <file>', 'audit log (default ./hush.db)')
    .option(
      '--expect-head <seq:hash>',
      'the head an earlier verify printed: also detects records cut from the end, or a rewritten log',
    )
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      '\nExit codes: 0 the chain is intact; 4 tampered; 2 bad input (no such log, bad --expect-head).',
    )
    .action((options: AuditVerifyOptions) =>
      run(async () => (await import('./commands/audit.js')).auditVerifyCommand(options)),
    );
  audit
    .command('export')
    .description('Write every record as JSON lines (for a SIEM).')
    .option('--db <file>', 'audit log (default ./hush.db)')
    .addOption(new Option('--format <format>', 'export format').choices(['jsonl']).default('jsonl'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action((options: AuditExportOptions) =>
      run(async () => (await import('./commands/audit.js')).auditExportCommand(options)),
    );

  storageOptions(
    program
      .command('serve')
      .description('Run the redaction service: HTTP API, job workers and webhook dispatcher in one process.')
      .option('--host <host>', 'address to listen on (default 127.0.0.1; any other needs an API key)')
      .option('--port <port>', 'port to listen on (default 8080; 0 picks a free one)')
      .option('--workers <n>', 'jobs run at a time (default: CPUs, up to 4; 0 for the API alone)')
      .option('--require-keys', 'ask for an API key on every request, even on loopback'),
  )
    .addHelpText('after', SERVE_ENV_HELP)
    .action((options: ServeCommandOptions) =>
      run(async () => (await import('./commands/serve.js')).serveCommand(options, packageVersion())),
    );

  storageOptions(
    program
      .command('worker')
      .description(
        'Run job workers and the webhook dispatcher without the API (scale-out beside `hush serve`).',
      )
      .option('--concurrency <n>', 'jobs run at a time (default: CPUs, up to 4)'),
  )
    .addHelpText('after', SERVICE_ENV_HELP)
    .action((options: WorkerCommandOptions) =>
      run(async () => (await import('./commands/worker.js')).workerCommand(options, packageVersion())),
    );

  const keys = program.command('keys').description('Create, list and revoke the service’s API keys.');
  storageOptions(
    keys
      .command('create')
      .description('Create an API key and print it (shown once; only its hash is stored).')
      .requiredOption('--name <name>', 'who or what uses the key')
      .requiredOption('--scopes <list>', 'comma-separated: redact, read, admin'),
    false,
  ).action((options: KeysCreateOptions) =>
    run(async () => (await import('./commands/keys.js')).keysCreateCommand(options)),
  );
  storageOptions(keys.command('list').description('List the API keys (never their secrets).'), false)
    .option('--json', 'print a JSON list')
    .action((options: KeysListOptions) =>
      run(async () => (await import('./commands/keys.js')).keysListCommand(options)),
    );
  storageOptions(
    keys.command('revoke').description('Revoke an API key at once.').argument('<id>', 'the key’s id'),
    false,
  ).action((id: string, options: KeysOptions) =>
    run(async () => (await import('./commands/keys.js')).keysRevokeCommand(id, options)),
  );

  program
    .command('formats')
    .description('List the transcript formats Hush reads and writes.')
    .option('--json', 'print a JSON list')
    .action((options: { json?: boolean }) =>
      run(async () => (await import('./commands/formats.js')).formatsCommand(options)),
    );

  return program;
}

// A closed pipe (`hush detect … | head`) ends the output, not the process with a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Help and version are successes; anything else commander rejects is a usage error it has printed.
  process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
}
