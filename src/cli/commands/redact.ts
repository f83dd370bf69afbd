/**
 * `hush redact AUDIO (--transcript FILE | --regions FILE)`: one redaction job (job/run.ts), one
 * audit record for it whatever happened, and what was done on stdout (`--json`: one object).
 * Bad input exits 2 with the reason on stderr and leaves nothing in the output folder;
 * a failed verification exits 3 with nothing published but the report, marked failed.
 */
import { pendingJournal } from '../../audio/in-place/redact.js';
import { DEFAULT_AUDIT_PATH, openSqliteAudit } from '../../audit/sqlite-store.js';
import { HushError } from '../../errors.js';
import { describeProblem } from '../../job/findings.js';
import { findingsText, regionTotal } from '../output.js';
import { auditEntry, levelText, type JobFacts, type JobReport } from '../../job/report.js';
import { EXIT, runRedactJob, type FinishedJob, type JobOutcome } from '../../job/run.js';
import { runSettings, type SettingsOptions } from '../../job/settings.js';

/** Where outputs go when `--out` is not given (relative to the working directory). */
export const DEFAULT_OUT_DIR = 'redacted';

export interface RedactCommandOptions extends SettingsOptions {
  transcript?: string;
  regions?: string;
  out?: string;
  inPlace?: boolean;
  db?: string;
  json?: boolean;
}

/** Appends one job's record to the audit log. */
async function recordJob(db: string | undefined, facts: JobFacts): Promise<void> {
  const store = openSqliteAudit(db ?? DEFAULT_AUDIT_PATH);
  try {
    await store.append(auditEntry(facts));
  } finally {
    await store.close();
  }
}

const clock = (seconds: number): string => `${seconds.toFixed(3)} s`;

/** The human summary of a finished job (no values: types, times, figures, paths). */
function humanReport(audio: string, outcome: FinishedJob, report: JobReport, facts: JobFacts): string {
  const { source, transcript } = facts;
  const lines: string[] = [];
  if (source) {
    lines.push(
      `${audio}: ${source.format}, ${source.channels} channel(s), ${clock(source.durationMs / 1000)}`,
    );
  }
  if (transcript) {
    lines.push(
      `${transcript.content.origin}: ${transcript.format.name}, ${transcript.transcript.words.length} words`,
    );
    lines.push('', findingsText(transcript.detection.entities, false));
  }
  lines.push(
    '',
    `${facts.regions.length} region(s) to ${report.mode.kind === 'silence' ? 'silence' : `cover with ${report.mode.kind}`}, ${regionTotal(facts.regions)} in all.`,
  );
  const audioCheck = report.verification.audio;
  if (audioCheck) {
    const levels = audioCheck.regions.filter((check) => check.passed).length;
    lines.push(
      `Verification: ${levels}/${audioCheck.regions.length} region level(s) as expected; ` +
        `duration ${audioCheck.duration.passed ? 'kept' : 'CHANGED'}, format ${audioCheck.format.passed ? 'kept' : 'CHANGED'}, ` +
        `channels ${audioCheck.channels.passed ? 'kept' : 'CHANGED'}` +
        (audioCheck.outside
          ? `, bytes outside the regions ${audioCheck.outside.passed ? 'unchanged' : 'CHANGED'}`
          : '') +
        (transcript
          ? `, transcript ${transcript.problems.length === 0 ? 'clean on rescan' : 'NOT clean'}`
          : '') +
        '.',
    );
  }
  const { published } = outcome;
  if (outcome.exitCode === EXIT.ok) {
    const written = [published.audio, published.transcript, published.report].filter(Boolean).join(', ');
    lines.push(`Wrote ${written} (${facts.latencyMs} ms).`);
  } else {
    lines.push(`Report: ${published.report}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `--json` object: where each output went, and the report's main parts. */
function jsonReport(outcome: FinishedJob, report: JobReport): string {
  const { published } = outcome;
  const document = {
    output: published.audio,
    transcript: published.transcript,
    report: published.report,
    status: report.status,
    failure: report.failure,
    path: report.path,
    mode: report.mode,
    counts: report.found.counts,
    regions: report.regions,
    verification: report.verification,
    latencyMs: report.latencyMs,
    jobId: report.jobId,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function failureDetails(facts: JobFacts): string {
  const problems = facts.transcript?.problems ?? [];
  if (problems.length > 0)
    return problems.map((problem) => `  transcript: ${describeProblem(problem)}`).join('\n');
  const verification = facts.audioResult?.verification;
  if (!verification) return '';
  const failed = [
    ...verification.regions
      .filter((check) => !check.passed)
      .map(
        (check) =>
          `  region ${clock(check.start / 1000)}–${clock(check.end / 1000)}: ${levelText(check.levelDbfs)}, not what ${check.expected} should give`,
      ),
    ...(verification.duration.passed
      ? []
      : [`  duration ${verification.duration.inputMs} ms → ${verification.duration.outputMs} ms`]),
    ...(verification.format.passed
      ? []
      : [`  format ${verification.format.input} → ${verification.format.output}`]),
    ...(verification.channels.passed
      ? []
      : [`  channels ${verification.channels.input} → ${verification.channels.output}`]),
    ...(verification.outside && !verification.outside.passed ? ['  bytes outside the regions changed'] : []),
  ];
  return failed.join('\n');
}

export async function redactCommand(
  audio: string,
  options: RedactCommandOptions,
  hushVersion: string,
): Promise<number> {
  if ((options.transcript === undefined) === (options.regions === undefined)) {
    throw new HushError('USAGE', 'give one of --transcript FILE or --regions FILE');
  }
  if (options.inPlace && (await pendingJournal(audio))) {
    throw new HushError(
      'USAGE',
      `${audio}: an interrupted --in-place run left a journal; run \`hush recover ${audio} --finish\` (or --undo) first`,
    );
  }
  const { settings, dispose } = await runSettings(options, hushVersion);
  let outcome: JobOutcome;
  try {
    outcome = await runRedactJob(
      {
        audio,
        outDir: options.out ?? DEFAULT_OUT_DIR,
        inPlace: options.inPlace === true,
        ...(options.transcript === undefined ? {} : { transcript: options.transcript }),
        ...(options.regions === undefined ? {} : { regions: options.regions }),
      },
      settings,
    );
  } finally {
    await dispose();
  }
  if (outcome.facts) await recordJob(options.db, outcome.facts);

  // Bad input, or an internal error: nothing was written; main.ts says why.
  if ('error' in outcome) throw outcome.error;
  process.stdout.write(
    options.json
      ? jsonReport(outcome, outcome.report)
      : humanReport(audio, outcome, outcome.report, outcome.facts),
  );
  if (outcome.exitCode !== EXIT.ok) {
    const details = failureDetails(outcome.facts);
    process.stderr.write(`hush: ${outcome.failure}, so nothing was published:\n${details}\n`);
  }
  return outcome.exitCode;
}
