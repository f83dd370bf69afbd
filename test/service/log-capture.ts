/** A service logger whose lines are kept in memory, for tests that read them back or search them. */
import type { Logger } from 'pino';
import { createLogger } from '../../src/service/log.js';

export interface CapturedLog {
  logger: Logger;
  /** One JSON object per line, as written. */
  lines: string[];
}

export function captureLog(level: 'info' | 'debug' = 'debug'): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(line.trimEnd()) },
  });
  return { logger, lines };
}
