/**
 * `npm run eval`: detection quality on the labelled sets, Hush beside the peer libraries.
 * Imports every call with Hush's importers, runs each system, scores it against the labels and
 * prints Markdown per set (the generated corpus, then the hand-written holdout sets); writes JSON to
 * .eval-out/results.json (generated), results-holdout.json, results-holdout-b.json,
 * results-holdout-c.json … results-holdout-i.json.
 *   --set <name>    generated, holdout, holdout-b … holdout-i or all (default all)
 *   --show-misses   list the spans Hush missed, with their text (synthetic data, for developers);
 *                   for a set kept unseen (holdout-i) only the number missed per type
 *   --show-false-alarms  list Hush's entities that match no labelled span (call, type, times,
 *                   channel, the look-alike they hit, their words); for a set kept unseen only the
 *                   number per predicted type
 *   --no-peers      run Hush only
 *   --format <id>   only calls written in one format
 *   --policy <file> run with a policy file instead of the default (e.g. samples/policies/pci-strict.yaml)
 *   --rotate <n>    rebuild the hand-written sets with each call in the format n further along the
 *                   rotation (the same conversations through other importers)
 * Exits non-zero only when something failed (a call that does not import, a system that throws),
 * never because a target was missed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import type { Transcript } from '../../src/core/transcript.js';
import { parsePolicy } from '../../src/policy/index.js';
import { importTranscript } from '../../src/formats/index.js';
import { REPO_DIR } from '../corpus/paths.js';
import { loadPeers } from './peers.js';
import type { RunSummary, SetRun } from './report.js';
import { falseAlarmReport, markdown, missReport, resultsJson, setComparison } from './report.js';
import type { SystemResult } from './results.js';
import { addCall, checkTargets, newSystemResult } from './results.js';
import { scoreCall } from './score.js';
import type { EvalCall, EvalSet } from './sets.js';
import { chooseRotatedSets, chooseSets, loadCalls, shownDir } from './sets.js';
import type { System } from './systems.js';
import { EvalSetupError, loadHush, peerSystem } from './systems.js';

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** Runs every system on every call of one set and scores it. */
async function runSet(set: EvalSet, calls: readonly EvalCall[], systems: readonly System[]): Promise<SetRun> {
  const results: SystemResult[] = systems.map((system) => newSystemResult(system.name, system.version));
  const summary: RunSummary = {
    calls: calls.length,
    spans: calls.reduce((sum, call) => sum + call.labels.spans.length, 0),
    negatives: calls.reduce((sum, call) => sum + call.labels.negatives.length, 0),
    importErrors: [],
    callsByFormat: new Map(),
  };

  for (const { labels, content } of calls) {
    summary.callsByFormat.set(labels.format, (summary.callsByFormat.get(labels.format) ?? 0) + 1);
    let transcript: Transcript;
    try {
      transcript = importTranscript(content(), `${shownDir(set)}/${labels.file}`).transcript;
    } catch (error) {
      summary.importErrors.push({ call: labels.call, format: labels.format, message: message(error) });
      continue;
    }
    for (const [index, system] of systems.entries()) {
      const result = results[index]!;
      const started = performance.now();
      try {
        const prediction = await system.predict(transcript);
        result.millis += performance.now() - started;
        addCall(result, labels, scoreCall(labels, prediction));
      } catch (error) {
        result.millis += performance.now() - started;
        result.errors.push({ call: labels.call, message: message(error) });
      }
    }
  }
  return { set, summary, results, targets: checkTargets(results[0]!) };
}

function writeJson(run: SetRun): void {
  const file = join(REPO_DIR, run.set.resultsFile);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, resultsJson(run.summary, run.results, run.targets));
  renameSync(`${file}.tmp`, file);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'all' },
      'show-misses': { type: 'boolean', default: false },
      'show-false-alarms': { type: 'boolean', default: false },
      'no-peers': { type: 'boolean', default: false },
      format: { type: 'string' },
      policy: { type: 'string' },
      rotate: { type: 'string', default: '0' },
    },
  });
  // Every set's labels first, so a missing set stops the run before any slow work.
  const rotate = Number(values.rotate);
  if (!Number.isInteger(rotate) || rotate < 0)
    throw new EvalSetupError(`--rotate takes a whole number of formats, not "${values.rotate}"`);
  const sets = rotate === 0 ? chooseSets(values.set) : chooseRotatedSets(values.set);
  const labelled = sets.map((set) => ({ set, calls: loadCalls(set, values.format, rotate) }));
  const policy = values.policy
    ? parsePolicy(readFileSync(values.policy, 'utf8'), values.policy)
    : DEFAULT_POLICY;
  const systems: System[] = [await loadHush(policy)];
  if (!values['no-peers']) {
    for (const peer of await loadPeers()) systems.push(await peerSystem(peer, policy));
  }

  const runs: SetRun[] = [];
  for (const { set, calls } of labelled) {
    const run = await runSet(set, calls, systems);
    runs.push(run);
    if (runs.length > 1) process.stdout.write('\n');
    process.stdout.write(markdown(run.summary, run.results, run.targets, set));
    if (values['show-misses']) process.stdout.write(`\n${missReport(run.results[0]!, set)}`);
    if (values['show-false-alarms']) process.stdout.write(`\n${falseAlarmReport(run.results[0]!, set)}`);
    writeJson(run);
  }
  if (runs.length > 1) process.stdout.write(`\n${setComparison(runs)}`);
  process.stdout.write(`\nResults written to ${runs.map((run) => run.set.resultsFile).join(', ')}\n`);

  const failed = runs.some(
    (run) => run.summary.importErrors.length > 0 || run.results.some((result) => result.errors.length > 0),
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`eval: ${message(error)}`);
    process.exitCode = error instanceof EvalSetupError ? 2 : 1;
  },
);
