/**
 * The labelled sets the eval runs on: the generated corpus the recognizers were tuned against, the
 * first eight hand-written holdout sets (each measured unseen, then opened to find failures), and a
 * ninth one kept unseen for the final measurement. All have the same layout (labels/, calls/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { HoldoutName } from '../corpus/holdout-build.js';
import { buildHoldoutSet, HOLDOUT_SPECS, readHoldoutSources } from '../corpus/holdout-build.js';
import type { CallLabels } from '../corpus/labels.js';
import {
  CORPUS_DIR,
  HOLDOUT_B_DIR,
  HOLDOUT_C_DIR,
  HOLDOUT_D_DIR,
  HOLDOUT_DIR,
  HOLDOUT_E_DIR,
  HOLDOUT_F_DIR,
  HOLDOUT_G_DIR,
  HOLDOUT_H_DIR,
  HOLDOUT_I_DIR,
  REPO_DIR,
} from '../corpus/paths.js';
import { EvalSetupError } from './systems.js';

export type SetName = 'generated' | HoldoutName;

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
   * Kept unseen for the final measurement: `--show-misses` and `--show-false-alarms` print how many
   * spans were missed and how many false alarms there were per type, never their text, so nobody
   * tunes on the set by accident.
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
      'Hand-written calls measured unseen for one session, then opened to find the general causes of ' +
      'their misses (corpus/holdout-f/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-f',
    resultsFile: join('.eval-out', 'results-holdout-f.json'),
    unseen: false,
  },
  {
    name: 'holdout-g',
    dir: HOLDOUT_G_DIR,
    heading: 'Detection quality on the seventh holdout set',
    about:
      'Hand-written calls measured unseen for one session, then opened to find the general causes of ' +
      'their misses (corpus/holdout-g/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-g',
    resultsFile: join('.eval-out', 'results-holdout-g.json'),
    unseen: false,
  },
  {
    name: 'holdout-h',
    dir: HOLDOUT_H_DIR,
    heading: 'Detection quality on the eighth holdout set',
    about:
      'Hand-written calls measured unseen for one session, then opened to find the general causes of ' +
      'their misses (corpus/holdout-h/src); read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-h',
    resultsFile: join('.eval-out', 'results-holdout-h.json'),
    unseen: false,
  },
  {
    name: 'holdout-i',
    dir: HOLDOUT_I_DIR,
    heading: 'Detection quality on the ninth holdout set',
    about:
      'Hand-written calls kept unseen for the final measurement (corpus/holdout-i/src), written by ' +
      'engineers who read none of the recognizers; read with the same importers and scored by the same rules.',
    command: 'npm run corpus:holdout-i',
    resultsFile: join('.eval-out', 'results-holdout-i.json'),
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

/**
 * The sets a `--set` value names when rotating formats: `all` means every hand-written set opened
 * for tuning (rotation is for finding failures to fix, which an unseen set must not be used for).
 */
export function chooseRotatedSets(choice: string): EvalSet[] {
  if (choice !== 'all') return chooseSets(choice);
  return EVAL_SETS.filter((set) => Object.hasOwn(HOLDOUT_SPECS, set.name) && !set.unseen);
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
  return inFormat(set, labels, format, (call) => call);
}

/** One call to score: its labels and its transcript as Hush would be given it. */
export interface EvalCall {
  labels: CallLabels;
  content: () => string;
}

/**
 * The set's calls. With `rotate` > 0 a hand-written set is rebuilt from its sources with every
 * call written in the format `rotate` places further along the rotation, so the same
 * conversations are read through other importers (mono Whisper files, lower-case Genesys words,
 * subtitle cues): a way to find format-dependent failures on sets already opened for tuning.
 */
export function loadCalls(set: EvalSet, format: string | undefined, rotate: number): EvalCall[] {
  if (rotate === 0)
    return loadLabels(set, format).map((labels) => ({
      labels,
      content: () => readFileSync(join(set.dir, labels.file), 'utf8'),
    }));
  if (!Object.hasOwn(HOLDOUT_SPECS, set.name))
    throw new EvalSetupError(`--rotate rebuilds hand-written sets only; ${set.name} has no sources`);
  const spec = HOLDOUT_SPECS[set.name as HoldoutName];
  const rotated = { ...spec, firstFormat: spec.firstFormat + rotate };
  const { calls } = buildHoldoutSet(readHoldoutSources(rotated), rotated);
  return inFormat(set, calls, format, (call) => call.labels).map((call) => ({
    labels: call.labels,
    content: () => call.content,
  }));
}

function inFormat<T>(
  set: EvalSet,
  calls: readonly T[],
  format: string | undefined,
  labelsOf: (call: T) => CallLabels,
): T[] {
  const chosen = format ? calls.filter((call) => labelsOf(call).format === format) : [...calls];
  if (chosen.length === 0)
    throw new EvalSetupError(`no call in the ${set.name} set is written in format "${format}"`);
  return chosen;
}
