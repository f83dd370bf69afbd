/**
 * Reads a policy file's text into a plain value: JSON when it looks like JSON, YAML otherwise.
 * The YAML parser is loaded only when needed, so JSON policies keep the CLI's startup fast.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { HushError } from '../errors.js';

type YamlModule = typeof Yaml;

let yaml: YamlModule | undefined;
function loadYaml(): YamlModule {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yaml;
}

function invalid(origin: string, problem: string): HushError {
  return new HushError('POLICY_INVALID', `${origin}: ${problem}`);
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(message);
    if (!position || /end of JSON/i.test(message))
      throw invalid(origin, 'the JSON ends early (truncated file?)');
    throw invalid(origin, `malformed JSON at ${lineAndColumn(text, Number(position[1]))}`);
  }
}

function parseYaml(text: string, origin: string): unknown {
  const { parseDocument } = loadYaml();
  // Unique keys and no aliases: a policy is a small hand-written file, so anything clever is a mistake.
  const document = parseDocument(text, { uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw invalid(origin, `not valid YAML${where} (${error.code.toLowerCase().replaceAll('_', ' ')})`);
  }
  try {
    return document.toJS({ maxAliasCount: 0 }) as unknown;
  } catch {
    throw invalid(origin, 'YAML aliases (*name) are not allowed in a policy');
  }
}

/** Parses policy text; an empty file is an error rather than an empty policy. */
export function readPolicyDocument(text: string, origin: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw invalid(origin, 'the policy file is empty');
  return /^\s*[[{]/.test(body) ? parseJson(body, origin) : parseYaml(body, origin);
}
