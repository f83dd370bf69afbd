/**
 * `hush redact-transcript FILE`: writes a redacted copy in the input's own format, verifies it,
 * and publishes it under the output name only when verification passes. A copy that fails is
 * deleted: the original stays where it was, and `hush detect` on it shows what to look at.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Detection } from '../../core/detection.js';
import type { Policy, RedactionStyle } from '../../core/policy.js';
import type { Transcript } from '../../core/transcript.js';
import type { TranscriptFormat, WordEdit } from '../../formats/format.js';
import { planRegions } from '../../core/regions.js';
import { HushError } from '../../errors.js';
import { isSameFile } from '../../files.js';
import { loadHashKey, loadPolicy } from '../../job/load.js';
import {
  countByType,
  describeProblem,
  entityReport,
  problemReport,
  regionReport,
} from '../../job/findings.js';
import { findingsText } from '../output.js';
import { stageTranscriptRedaction } from '../../job/transcript-redaction.js';
import type { VerificationProblem } from '../../job/transcript-verification.js';

/** Exit code when the redacted copy fails verification. */
export const EXIT_VERIFICATION_FAILED = 3;

export interface RedactOptions {
  out?: string;
  policy?: string;
  format?: string;
  style?: RedactionStyle;
  hashKeyFile?: string;
  json?: boolean;
}

/** `<dir>/<name>.redacted.<ext>` beside the input. */
export function defaultOutputPath(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.redacted${ext}`);
}

/** `--style` sets the style of every type, replacing any per-type styles of the policy. */
function withStyle(policy: Policy, style: RedactionStyle | undefined): Policy {
  return style === undefined
    ? policy
    : { ...policy, redaction: { ...policy.redaction, style, styleByType: {} } };
}

interface Outcome {
  file: string;
  out: string;
  format: TranscriptFormat;
  transcript: Transcript;
  detection: Detection;
  edits: readonly WordEdit[];
  problems: readonly VerificationProblem[];
  policy: Policy;
}

/** Prints what was found (never values), and where the copy is or why it was not written. */
function report(outcome: Outcome, json: boolean): void {
  const { file, out, format, transcript, detection, edits, problems } = outcome;
  const verified = problems.length === 0;
  if (json) {
    const document = {
      file,
      format: format.id,
      output: verified ? out : null,
      verified,
      words: transcript.words.length,
      edits: edits.length,
      entities: detection.entities.map((entity) => entityReport(entity, false)),
      regions: planRegions(detection, outcome.policy).map(regionReport),
      counts: countByType(detection),
      ...(verified ? {} : { problems: problems.map(problemReport) }),
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const lines = [
      `${file}: ${format.name}, ${transcript.words.length} words`,
      '',
      findingsText(detection.entities, false),
    ];
    if (verified) {
      lines.push(
        '',
        `Verified: the copy re-imports as ${format.name} and nothing sensitive was found in it.`,
      );
      lines.push(`Wrote ${out} (${edits.length} replacement(s)).`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (!verified) {
    const details = problems.map((problem) => `  ${describeProblem(problem)}`).join('\n');
    process.stderr.write(`hush: verification failed, so ${out} was not written:\n${details}\n`);
  }
}

export async function redactTranscriptCommand(file: string, options: RedactOptions): Promise<number> {
  const out = options.out ?? defaultOutputPath(file);
  if (await isSameFile(file, out)) {
    throw new HushError('USAGE', `${out}: the output would replace the input; choose another --out`);
  }
  const policy = withStyle(await loadPolicy(options.policy), options.style);
  const hashKey = await loadHashKey(options.hashKeyFile);
  const { staged, problems, ...redaction } = await stageTranscriptRedaction({
    file,
    out,
    policy,
    format: options.format,
    hashKey,
  });
  if (problems.length > 0) await staged.discard();
  else await staged.commit();

  report({ file, out, problems, policy, ...redaction }, options.json === true);
  return problems.length === 0 ? 0 : EXIT_VERIFICATION_FAILED;
}
