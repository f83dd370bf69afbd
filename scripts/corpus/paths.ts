/** Where the corpus lives, for the generator and the eval. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(REPO_DIR, 'corpus');
/** The hand-written holdout set: sources in src/, generated calls/ and labels/ beside them. */
export const HOLDOUT_DIR = join(CORPUS_DIR, 'holdout');
/** The second hand-written holdout set, written after the first was used to tune; same layout. */
export const HOLDOUT_B_DIR = join(CORPUS_DIR, 'holdout-b');
/** The third hand-written holdout set, written after the second was opened for tuning; same layout. */
export const HOLDOUT_C_DIR = join(CORPUS_DIR, 'holdout-c');
/** The fourth hand-written holdout set, written while the third was being opened for tuning; same layout. */
export const HOLDOUT_D_DIR = join(CORPUS_DIR, 'holdout-d');
/** The fifth hand-written holdout set, written before the fourth was opened for tuning; same layout. */
export const HOLDOUT_E_DIR = join(CORPUS_DIR, 'holdout-e');
/** The sixth hand-written holdout set, written before the fifth was opened for tuning; same layout. */
export const HOLDOUT_F_DIR = join(CORPUS_DIR, 'holdout-f');
/** The seventh hand-written holdout set, written before the sixth was opened for tuning; same layout. */
export const HOLDOUT_G_DIR = join(CORPUS_DIR, 'holdout-g');
/** The eighth hand-written holdout set, written before the seventh was opened for tuning; same layout. */
export const HOLDOUT_H_DIR = join(CORPUS_DIR, 'holdout-h');
/** The ninth hand-written holdout set, written before the eighth was opened for tuning; same layout. */
export const HOLDOUT_I_DIR = join(CORPUS_DIR, 'holdout-i');
