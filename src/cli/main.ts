#!/usr/bin/env node
/**
 * The `hush` command. Each subcommand's module is imported only when it runs, so `hush formats`
 * and `--help` start fast and `hush detect` loads only what detection needs.
 *
 * Exit codes: 0 done; 2 bad input or usage (the message names the file and the place);
 * 3 a redacted copy failed verification; 70 an internal error (details withheld: they could hold
 * transcript content).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { REDACTION_STYLES } from '../core/policy-values.js';
import { HushError } from '../errors.js';
import type { DetectOptions } from './commands/detect.js';
import type { RedactOptions } from './commands/redact-transcript.js';

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
