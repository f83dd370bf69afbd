/**
 * A command for relaunch.test.ts, run as `node --import tsx relaunch-command.ts ACTION …`: it runs
 * itself again under the memory flags, as `hush redact --transcript` does, and the relaunched
 * process reports how it was started, then does what ACTION says.
 */
import { relaunchUnderMemoryFlags, underMemoryFlags } from '../../src/cli/relaunch.js';

if (!underMemoryFlags()) {
  process.exitCode = await relaunchUnderMemoryFlags();
} else {
  const args = process.argv.slice(2);
  if (args[0] === 'wait-for-sigterm') {
    process.once('SIGTERM', () => {
      process.stdout.write('SIGTERM reached the relaunched process\n');
      process.exit(0);
    });
    setInterval(() => {}, 1000);
  }
  // Written once the process is ready for what the test does next.
  process.stdout.write(`${JSON.stringify({ execArgv: process.execArgv, args })}\n`);
  switch (args[0]) {
    case 'exit-7':
      process.exitCode = 7;
      break;
    case 'kill-self':
      process.kill(process.pid, 'SIGKILL');
      break;
  }
}
