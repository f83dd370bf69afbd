/**
 * `npm run corpus:holdout` … `corpus:holdout-i`: turns one
 * hand-written holdout set's calls (<set>/src/*.call) into transcripts in rotating formats
 * (<set>/calls/), labels (<set>/labels/), a manifest and a README. Word times come from the set's
 * seeded source, so every run writes the same bytes.
 *   tsx scripts/corpus/holdout.ts <holdout | holdout-b | … | holdout-i>
 */
import { join } from 'node:path';
import type { HoldoutSpec } from './holdout-build.js';
import {
  buildHoldoutSet,
  HOLDOUT_SPECS,
  holdoutManifest,
  readHoldoutSources,
  shownHoldoutDir,
  thinTypes,
} from './holdout-build.js';
import { clearFolder, writeAtomically } from './output.js';

function chosenSpec(name: string | undefined): HoldoutSpec {
  const names = Object.keys(HOLDOUT_SPECS);
  if (name === undefined || !Object.hasOwn(HOLDOUT_SPECS, name))
    throw new Error(`name the set to build: ${names.join(' or ')}`);
  return HOLDOUT_SPECS[name as keyof typeof HOLDOUT_SPECS];
}

function main(): void {
  const spec = chosenSpec(process.argv[2]);
  const shown = shownHoldoutDir(spec);
  const files = readHoldoutSources(spec);
  if (files.length === 0) throw new Error(`no .call files in ${shown}/src`);
  const { sources, calls } = buildHoldoutSet(files, spec);
  const labels = calls.map((call) => call.labels);
  const thin = thinTypes(labels, spec.minSpansPerType);
  if (thin.length > 0)
    throw new Error(
      `fewer than ${spec.minSpansPerType} spans of ${thin.map(({ type, count }) => `${type} (${count})`).join(', ')}`,
    );

  clearFolder(join(spec.dir, 'calls'));
  clearFolder(join(spec.dir, 'labels'));
  for (const call of calls) {
    writeAtomically(join(spec.dir, call.labels.file), call.content);
    writeAtomically(
      join(spec.dir, 'labels', `${call.labels.call}.json`),
      `${JSON.stringify(call.labels, null, 2)}\n`,
    );
  }
  const manifest = holdoutManifest(spec, sources, labels);
  writeAtomically(join(spec.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeAtomically(join(spec.dir, 'README.md'), spec.readme);
  const spans = labels.reduce((sum, call) => sum + call.spans.length, 0);
  const negatives = labels.reduce((sum, call) => sum + call.negatives.length, 0);
  console.log(
    `${spec.name}: ${calls.length} calls, ${spans} labelled spans, ${negatives} negatives → ${shown}`,
  );
}

try {
  main();
} catch (error) {
  console.error(`corpus:holdout: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
