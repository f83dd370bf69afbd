/**
 * The labelled sets the eval runs on: the generated corpus the recognizers were tuned against, the
 * first five hand-written holdout sets (each measured unseen, then opened to find failures), and a
 * sixth one kept unseen for the final measurement. All have the same layout (labels/, calls/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CallLabels } from '../corpus/labels.js';
import {
  CORPUS_DIR,
  HOLDOUT_B_DIR,
  HOLDOUT_C_DIR,
  HOLDOUT_D_DIR,
  HOLDOUT_DIR,
  HOLDOUT_E_DIR,
  HOLDOUT_F_DIR,
  REPO_DIR,
} from '../corpus/paths.js';
import { EvalSetupError } from './systems.js';

export type SetName =
  'generated' | 'holdout' | 'holdout-b' | 'holdout-c' | 'holdout-d' | 'holdout-e' | 'holdout-f';

export interface EvalSet {
  name: SetName;
  /** The folder holding labels/ and calls/. */
  dir: string;
  /** Markdown heading of the set's report. */
  heading: string;
  /** A sentence put before the report's description, or '' for none. */
  about: string;
  /** The command that writes the set. */
  command: string;
  /** Where the JSON results go, relative to the repository. */
  resultsFile: string;
  /**
   * Kept unseen for the final measurement: `--show-misses` prints how many spans were missed per
   * type, never their text, so nobody tunes on the set by accident.
   */
  unseen: boolean;
}

export const EVAL_SETS: readonly EvalSet[] = [
  {
    name: 'generated',
    dir: CORPUS_DIR,
    heading: 'Detection quality on the labelled corpus',
    about: '',
    command: 'npm run corpus',
    resultsFile: join('.eval-out', 'results.json'),
    unseen: false,
  },
  {
    name: 'holdout',
    dir: HOLDOUT_DIR,
    heading: 'Detection quality on the holdout set',
    about:
      'Hand-written calls (corpus/holdout/src) whose misses were read to fix their general causes, ' +
      'read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout',
    resultsFile: join('.eval-out', 'results-holdout.json'),
    unseen: false,
  },
  {
    name: 'holdout-b',
    dir: HOLDOUT_B_DIR,
    heading: 'Detection quality on the second holdout set',
    about:
      'Hand-written calls measured unseen for one session, then opened to find the general causes of ' +
      'their misses (corpus/holdout-b/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-b',
    resultsFile: join('.eval-out', 'results-holdout-b.json'),
    unseen: false,
  },
  {
    name: 'holdout-c',
    dir: HOLDOUT_C_DIR,
    heading: 'Detection quality on the third holdout set',
    about:
      'Hand-written calls measured unseen twice, then opened to find the general causes of their misses ' +
      '(corpus/holdout-c/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-c',
    resultsFile: join('.eval-out', 'results-holdout-c.json'),
    unseen: false,
  },
  {
    name: 'holdout-d',
    dir: HOLDOUT_D_DIR,
    heading: 'Detection quality on the fourth holdout set',
    about:
      'Hand-written calls measured unseen for two sessions, then opened to find the general causes of ' +
      'their misses (corpus/holdout-d/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-d',
    resultsFile: join('.eval-out', 'results-holdout-d.json'),
    unseen: false,
  },
  {
    name: 'holdout-e',
    dir: HOLDOUT_E_DIR,
    heading: 'Detection quality on the fifth holdout set',
    about:
      'Hand-written calls measured unseen for one session, then opened to find the general causes of ' +
      'their misses (corpus/holdout-e/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-e',
    resultsFile: join('.eval-out', 'results-holdout-e.json'),
    unseen: false,
  },
  {
    name: 'holdout-f',
    dir: HOLDOUT_F_DIR,
    heading: 'Detection quality on the sixth holdout set',
    about:
      'Hand-written calls kept unseen for the final measurement (corpus/holdout-f/src), written by ' +
      'engineers who read none of the recognizers; read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-f',
    resultsFile: join('.eval-out', 'results-holdout-f.json'),
    unseen: true,
  },
];

/** The sets a `--set` value names: one of them, or `all`. */
export function chooseSets(choice: string): EvalSet[] {
  if (choice === 'all') return [...EVAL_SETS];
  const set = EVAL_SETS.find((candidate) => candidate.name === choice);
  if (!set)
    throw new EvalSetupError(
      `unknown set "${choice}": use ${EVAL_SETS.map((candidate) => candidate.name).join(', ')} or all`,
    );
  return [set];
}

/** The set's folder as written in messages ("corpus/holdout"). */
export function shownDir(set: EvalSet): string {
  return relative(REPO_DIR, set.dir);
}

/** The set's label files, optionally only the calls written in one format. */
export function loadLabels(set: EvalSet, format: string | undefined): CallLabels[] {
  const folder = join(set.dir, 'labels');
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    names = [];
  }
  if (names.length === 0)
    throw new EvalSetupError(`no labels in ${shownDir(set)}/labels: run \`${set.command}\` first`);
  const labels = names.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as CallLabels);
  const chosen = format ? labels.filter((call) => call.format === format) : labels;
  if (chosen.length === 0)
    throw new EvalSetupError(`no call in the ${set.name} set is written in format "${format}"`);
  return chosen;
}
