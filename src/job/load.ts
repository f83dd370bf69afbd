/** What every command loads first: the transcript, the policy and, for hashing, the key. */
import type { Policy } from '../core/policy.js';
import { DEFAULT_POLICY } from '../core/policy-values.js';
import type { ImportedTranscript } from '../formats/index.js';
import { readBytes, readText } from '../files.js';

/**
 * The transcript at `path`, imported. The importers (and the schemas they validate with) are
 * loaded only here: a command given no transcript, such as `hush redact --regions`, does without.
 */
export async function loadTranscript(path: string, formatId?: string): Promise<ImportedTranscript> {
  const { importTranscript } = await import('../formats/index.js');
  return importTranscript(await readText(path), path, formatId);
}

/**
 * The policy file's policy, or the default policy when none is given. The policy schema is loaded
 * only for a policy file: the default policy needs none.
 */
export async function loadPolicy(path?: string): Promise<Policy> {
  if (path === undefined) return DEFAULT_POLICY;
  const { parsePolicy } = await import('../policy/index.js');
  return parsePolicy(await readText(path), path);
}

/** The key file's bytes; a trailing line break (as editors add) is not part of the key. */
export async function loadHashKey(path?: string): Promise<Uint8Array | undefined> {
  if (path === undefined) return undefined;
  const bytes = await readBytes(path);
  let end = bytes.length;
  if (bytes[end - 1] === 0x0a) end -= 1;
  if (bytes[end - 1] === 0x0d) end -= 1;
  return bytes.subarray(0, end);
}
