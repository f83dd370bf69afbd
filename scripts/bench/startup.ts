/**
 * The benchmark's start-up probe: a fresh `hush detect FILE --json` process, phase by phase. The
 * bench bundles it exactly as `hush` is bundled and runs it as a process; it does what the command
 * does, with the command's own functions, and reports on stderr (as JSON) when each phase ended,
 * in ms since the process started.
 */
import { detect } from '../../src/core/engine.js';
import { planRegions } from '../../src/core/regions.js';
import { jsonReport } from '../../src/cli/commands/detect.js';
import { loadPolicy, loadTranscript } from '../../src/job/load.js';

export interface StartupPhases {
  /** Node's own start-up and loading the bundle, up to the first line of the command. */
  loaded: number;
  /** Reading and importing the transcript (and the default policy). */
  imported: number;
  /** The first detect() call and region planning, on code that has not run before. */
  detected: number;
  /** Rendering the JSON report and writing it to stdout. */
  written: number;
}

const file = process.argv[2]!;
const loaded = performance.now();
const policy = await loadPolicy(undefined);
const imported = await loadTranscript(file);
const importedAt = performance.now();
const detection = detect(imported.transcript, policy);
const regions = planRegions(detection, policy);
const detectedAt = performance.now();
process.stdout.write(jsonReport(file, imported, detection, regions, false));
const writtenAt = performance.now();
const phases: StartupPhases = { loaded, imported: importedAt, detected: detectedAt, written: writtenAt };
process.stderr.write(JSON.stringify(phases));
