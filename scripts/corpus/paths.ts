/** Where the corpus lives, for the generator and the eval. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(REPO_DIR, 'corpus');
