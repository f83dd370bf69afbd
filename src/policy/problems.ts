/**
 * Policy errors: zod issues rewritten as short messages naming the file and the field path.
 * Messages describe what was expected and the kind of value found, never the value itself.
 */
import type { z } from 'zod';
import { HushError } from '../errors.js';
import { formatPath } from '../formats/problems.js';

type Issue = z.core.$ZodIssue;

const NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The kind of a value, for messages: never the value itself. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return NOUNS[typeof value] ?? typeof value;
}

function limit(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const word = issue.code === 'too_big' ? 'at most' : 'at least';
  if (issue.origin === 'string') {
    return `must be ${word} ${String(bound)} character${bound === 1 ? '' : 's'} long`;
  }
  if (issue.origin === 'array') return `must hold ${word} ${String(bound)} item${bound === 1 ? '' : 's'}`;
  return `must be ${word} ${String(bound)}`;
}

/** `at <path>: <problem>` lines for one issue (one per key for unknown keys). */
function describe(issue: Issue, input: unknown): string[] {
  const at = (path: readonly PropertyKey[], problem: string): string => `at ${formatPath(path)}: ${problem}`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = NOUNS[issue.expected] ?? issue.expected;
      return [at(issue.path, `expected ${expected}, found ${kindOf(valueAt(input, issue.path))}`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => at([...issue.path, key], 'unknown key'));
    case 'invalid_value':
      return [at(issue.path, `expected one of: ${issue.values.map(String).join(', ')}`)];
    case 'too_big':
    case 'too_small':
      return [at(issue.path, limit(issue))];
    default:
      return [at(issue.path, issue.message.replace(/^Invalid (input|string): /, ''))];
  }
}

/** One HushError listing every problem zod found, each with its field path. */
export function policyError(
  origin: string,
  issues: readonly Issue[],
  input: unknown,
  readAs?: string,
): HushError {
  const lines = issues.flatMap((issue) => describe(issue, input));
  const note = readAs ? ` (read as ${readAs})` : '';
  const message =
    lines.length === 1
      ? `${origin}: ${lines[0]}${note}`
      : `${origin}: ${lines.length} problems${note}:\n  ${lines.join('\n  ')}`;
  return new HushError('POLICY_INVALID', message);
}
