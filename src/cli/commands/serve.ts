/**
 * `hush serve`: the HTTP API, the job runner and the webhook dispatcher in one process, until
 * SIGTERM or SIGINT. `hush worker` (worker.ts) runs the same without the API. Where the service
 * listens and what it keeps where goes to stderr for people; the JSON logs go to stdout.
 */
import { serveConfig, type ServeFlags, type ServiceConfig } from '../../service/config.js';
import { createLogger } from '../../service/log.js';
import { describeStorage, startService } from '../../service/server.js';

export type ServeCommandOptions = ServeFlags;

/** How long a stopped service may take to let go of the event loop before the process ends anyway. */
const EXIT_GRACE_MS = 1_000;

/** The first SIGTERM or SIGINT; a second one finds no handler and ends the process at once. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

/** Runs the service until a signal, then stops it gracefully; 0 once stopped. */
export async function runService(config: ServiceConfig, hushVersion: string, name: string): Promise<number> {
  const logger = createLogger({ level: config.logLevel });
  const service = await startService(config, logger, hushVersion);
  const signal = stopSignal();
  const what = service.url === null ? 'running jobs' : `listening on ${service.url}`;
  process.stderr.write(
    `hush ${name}: ${what}; ${describeStorage(config)}; ${config.concurrency} job slot(s)\n`,
  );
  logger.info({ signal: await signal }, 'stopping');
  const drained = await service.stop();
  logger.info({ drained }, 'stopped');
  // A job abandoned at the drain timeout may still hold the event loop; its lease covers it.
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  return 0;
}

export function serveCommand(options: ServeCommandOptions, hushVersion: string): Promise<number> {
  return runService(serveConfig(options), hushVersion, 'serve');
}
