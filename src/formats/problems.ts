/** Errors for malformed transcript files, naming the file and the place in it. */
import type { z } from 'zod';
import { HushError } from '../errors.js';

/** Renders a JSON path as `results.items[12].start_time`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

export function invalidAt(origin: string, path: readonly PropertyKey[], problem: string): HushError {
  return new HushError('FORMAT_INVALID', `${origin}: at ${formatPath(path)}: ${problem}`);
}

/**
 * Validates a document against a format's zod schema. The error names the first problem's path;
 * zod's messages state expected and received types, never the value itself.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  content: { origin: string; json: unknown },
  formatName: string,
): z.output<S> {
  const result = schema.safeParse(content.json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw invalidAt(content.origin, issue.path, `not a valid ${formatName} transcript: ${issue.message}`);
}

/** The error for a problem in a line-based file (subtitles), naming the 1-based line. */
export function invalidAtLine(origin: string, line: number, problem: string): HushError {
  return new HushError('FORMAT_INVALID', `${origin}: line ${line}: ${problem}`);
}
