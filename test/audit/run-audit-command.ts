/**
 * Runs `hush audit verify` in its own process, with the exit code and error handling main.ts gives
 * every command (HushError: message on stderr, exit 2), so a test sees what a user sees.
 * Usage: node --import tsx test/audit/run-audit-command.ts OPTIONS_JSON
 */
import { auditVerifyCommand } from '../../src/cli/commands/audit.js';
import { HushError } from '../../src/errors.js';

try {
  process.exitCode = await auditVerifyCommand(JSON.parse(process.argv[2]!) as never);
} catch (error) {
  if (!(error instanceof HushError)) throw error;
  process.stderr.write(`hush: ${error.message}\n`);
  process.exitCode = 2;
}
