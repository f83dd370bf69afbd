/** `hush detect FILE`: lists the sensitive items in a transcript. */
import type { Detection } from '../../core/detection.js';
import { detect } from '../../core/engine.js';
import type { Region } from '../../core/regions.js';
import { planRegions } from '../../core/regions.js';
import type { ImportedTranscript } from '../../formats/index.js';
import { loadPolicy, loadTranscript } from '../../job/load.js';
import { countByType, entityReport, regionReport } from '../../job/findings.js';
import { findingsText, regionTotal } from '../output.js';

export interface DetectOptions {
  format?: string;
  policy?: string;
  json?: boolean;
  reveal?: boolean;
}

/** The `--json` output: entities, regions to silence and counts per type. */
export function jsonReport(
  file: string,
  { format, transcript }: ImportedTranscript,
  detection: Detection,
  regions: readonly Region[],
  reveal: boolean,
): string {
  const report = {
    file,
    format: format.id,
    words: transcript.words.length,
    entities: detection.entities.map((entity) => entityReport(entity, reveal)),
    regions: regions.map(regionReport),
    counts: countByType(detection),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function detectCommand(file: string, options: DetectOptions): Promise<number> {
  const policy = await loadPolicy(options.policy);
  const imported = await loadTranscript(file, options.format);
  const { format, transcript } = imported;
  const detection = detect(transcript, policy);
  const regions = planRegions(detection, policy);
  const reveal = options.reveal === true;

  if (options.json) {
    process.stdout.write(jsonReport(file, imported, detection, regions, reveal));
    return 0;
  }

  const { entities } = detection;
  const lines = [
    `${file}: ${format.name}, ${transcript.words.length} words, ${transcript.channels} channel(s)`,
    '',
    findingsText(entities, reveal),
  ];
  if (entities.length > 0) {
    const total = `${regions.length} region(s) to silence, ${regionTotal(regions)} in all`;
    lines.push('', `${entities.length} item(s); ${total}.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
