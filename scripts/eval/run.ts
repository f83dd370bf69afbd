/**
 * `npm run eval`: detection quality on the labelled corpus, Hush beside the peer libraries.
 * Imports every call with Hush's importers, runs each system, scores it against the labels and
 * prints Markdown; writes JSON to .eval-out/results.json.
 *   --show-misses   list the spans Hush missed, with their text (synthetic data, for developers)
 *   --no-peers      run Hush only
 *   --format <id>   only calls written in one format
 * Exits non-zero only when something failed (a call that does not import, a system that throws),
 * never because a target was missed.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Transcript } from '../../src/core/transcript.js';
import { importTranscript } from '../../src/formats/index.js';
import type { CallLabels } from '../corpus/labels.js';
import { CORPUS_DIR, REPO_DIR } from '../corpus/paths.js';
import { loadPeers } from './peers.js';
import type { RunSummary } from './report.js';
import { markdown, missList, resultsJson } from './report.js';
import type { SystemResult } from './results.js';
import { addCall, checkTargets, newSystemResult } from './results.js';
import { scoreCall } from './score.js';
import type { System } from './systems.js';
import { EvalSetupError, loadHush, peerSystem } from './systems.js';

const OUT_FILE = join(REPO_DIR, '.eval-out', 'results.json');

function loadLabels(format: string | undefined): CallLabels[] {
  const folder = join(CORPUS_DIR, 'labels');
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    names = [];
  }
  if (names.length === 0) throw new EvalSetupError(`no labels in ${folder}: run \`npm run corpus\` first`);
  const labels = names.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as CallLabels);
  const chosen = format ? labels.filter((call) => call.format === format) : labels;
  if (chosen.length === 0) throw new EvalSetupError(`no call in the corpus is written in format "${format}"`);
  return chosen;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'show-misses': { type: 'boolean', default: false },
      'no-peers': { type: 'boolean', default: false },
      format: { type: 'string' },
    },
  });
  const calls = loadLabels(values.format);
  const systems: System[] = [await loadHush()];
  if (!values['no-peers']) for (const peer of await loadPeers()) systems.push(await peerSystem(peer));
  const results: SystemResult[] = systems.map((system) => newSystemResult(system.name, system.version));

  const summary: RunSummary = {
    calls: calls.length,
    spans: calls.reduce((sum, call) => sum + call.spans.length, 0),
    negatives: calls.reduce((sum, call) => sum + call.negatives.length, 0),
    importErrors: [],
    callsByFormat: new Map(),
  };

  for (const labels of calls) {
    summary.callsByFormat.set(labels.format, (summary.callsByFormat.get(labels.format) ?? 0) + 1);
    let transcript: Transcript;
    try {
      const path = join(CORPUS_DIR, labels.file);
      transcript = importTranscript(readFileSync(path, 'utf8'), `corpus/${labels.file}`).transcript;
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

  const targets = checkTargets(results[0]!);
  process.stdout.write(markdown(summary, results, targets));
  if (values['show-misses']) process.stdout.write(`\n${missList(results[0]!)}`);

  mkdirSync(join(REPO_DIR, '.eval-out'), { recursive: true });
  writeFileSync(`${OUT_FILE}.tmp`, resultsJson(summary, results, targets));
  renameSync(`${OUT_FILE}.tmp`, OUT_FILE);
  process.stdout.write(`\nResults written to .eval-out/results.json\n`);

  const failed = summary.importErrors.length > 0 || results.some((result) => result.errors.length > 0);
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
