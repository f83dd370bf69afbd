/**
 * `npm run corpus:holdout`: turns the hand-written holdout calls (corpus/holdout/src/*.call) into
 * transcripts in rotating formats (corpus/holdout/calls/), labels (corpus/holdout/labels/) and a
 * manifest. Word times come from a seeded source, so every run writes the same bytes.
 */
import { join } from 'node:path';
import {
  buildHoldoutSet,
  HOLDOUT_SOURCE_DIR,
  holdoutManifest,
  MIN_SPANS_PER_TYPE,
  readHoldoutSources,
  thinTypes,
} from './holdout-build.js';
import { clearFolder, writeAtomically } from './output.js';
import { HOLDOUT_DIR } from './paths.js';

const README = `# Holdout set

Hand-written calls that nobody tuned Hush on. Edit the sources in \`src/\` (format described in
scripts/corpus/holdout-source.ts), then run \`npm run corpus:holdout\` to rewrite \`calls/\`,
\`labels/\` and \`manifest.json\`. Every value is made up. See docs/eval.md.
`;

function main(): void {
  const files = readHoldoutSources();
  if (files.length === 0) throw new Error(`no .call files in ${HOLDOUT_SOURCE_DIR}`);
  const { sources, calls } = buildHoldoutSet(files);
  const labels = calls.map((call) => call.labels);
  const thin = thinTypes(labels);
  if (thin.length > 0)
    throw new Error(
      `fewer than ${MIN_SPANS_PER_TYPE} spans of ${thin.map(({ type, count }) => `${type} (${count})`).join(', ')}`,
    );

  clearFolder(join(HOLDOUT_DIR, 'calls'));
  clearFolder(join(HOLDOUT_DIR, 'labels'));
  for (const call of calls) {
    writeAtomically(join(HOLDOUT_DIR, call.labels.file), call.content);
    writeAtomically(
      join(HOLDOUT_DIR, 'labels', `${call.labels.call}.json`),
      `${JSON.stringify(call.labels, null, 2)}\n`,
    );
  }
  const manifest = holdoutManifest(sources, labels);
  writeAtomically(join(HOLDOUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeAtomically(join(HOLDOUT_DIR, 'README.md'), README);
  const spans = labels.reduce((sum, call) => sum + call.spans.length, 0);
  const negatives = labels.reduce((sum, call) => sum + call.negatives.length, 0);
  console.log(
    `holdout: ${calls.length} calls, ${spans} labelled spans, ${negatives} negatives → ${HOLDOUT_DIR}`,
  );
}

try {
  main();
} catch (error) {
  console.error(`corpus:holdout: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
