/**
 * File store keys: `/`-separated relative paths (`jobs/<id>/output/call.wav`). Both stores refuse
 * anything that could leave the store's folder or prefix, or that names no file.
 */
import { HushError } from '../../errors.js';

function keyProblem(key: string): string | null {
  if (key === '') return 'it is empty';
  if (key.startsWith('/')) return 'it is absolute';
  if ([...key].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char === '\x7f')) {
    return 'it holds a backslash or a control character';
  }
  const segments = key.split('/');
  if (segments.includes('')) return 'it has an empty segment';
  if (segments.includes('.') || segments.includes('..')) return 'it has a . or .. segment';
  return null;
}

/** The key's segments; a HushError naming the problem when the key is not a plain relative path. */
export function keySegments(key: string): string[] {
  const problem = keyProblem(key);
  if (problem !== null) throw new HushError('USAGE', `file store key ${JSON.stringify(key)}: ${problem}`);
  return key.split('/');
}
