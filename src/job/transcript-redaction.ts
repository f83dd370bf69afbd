/**
 * Redacting one transcript, as `hush redact-transcript`, `hush redact` and the service do: detect,
 * plan the word edits and the redacted copy (pure); for a file, write the copy under a temporary
 * name, read it back and verify it.
 * The caller publishes the staged copy (or discards it), so a job with more outputs than the
 * transcript can publish all of them or none.
 */
import { detect } from '../core/engine.js';
import type { Detection } from '../core/detection.js';
import type { Policy } from '../core/policy.js';
import { planWordEdits } from '../core/redaction/index.js';
import type { Transcript } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from '../formats/format.js';
import type { ImportedTranscript } from '../formats/index.js';
import { readText, stageFile, type StagedFile } from '../files.js';
import { loadTranscript } from './load.js';
import { verifyRedaction, type VerificationProblem } from './transcript-verification.js';

export interface TranscriptRedactionOptions {
  file: string;
  /** Where the copy will be published. */
  out: string;
  policy: Policy;
  /** Format id; recognised from the content when absent. */
  format?: string;
  hashKey?: Uint8Array;
}

export interface TranscriptRedaction {
  format: TranscriptFormat;
  content: SourceContent;
  transcript: Transcript;
  detection: Detection;
  edits: readonly WordEdit[];
  /** The copy as written, under a temporary name beside `out`. */
  staged: StagedFile;
  /** Verification problems; empty when the copy passed. */
  problems: readonly VerificationProblem[];
}

/** A transcript's redaction planned in memory: what was found, the word edits and the redacted text. */
export interface PlannedRedaction {
  format: TranscriptFormat;
  content: SourceContent;
  transcript: Transcript;
  detection: Detection;
  edits: readonly WordEdit[];
  /** The redacted copy, in the transcript's own format. */
  output: string;
}

/** Detects and redacts an imported transcript, without I/O (the service's synchronous route uses it too). */
export function planTranscriptRedaction(
  { format, content, transcript }: ImportedTranscript,
  policy: Policy,
  hashKey?: Uint8Array,
): PlannedRedaction {
  const detection = detect(transcript, policy);
  const edits = planWordEdits(detection, policy, { hashKey });
  return { format, content, transcript, detection, edits, output: format.redact(content, transcript, edits) };
}

/** The problems of `written` as the redacted copy `planned` meant; empty when it passed. */
export function verifyPlannedRedaction(
  planned: PlannedRedaction,
  written: string,
  origin: string,
  policy: Policy,
): VerificationProblem[] {
  const { format, content, transcript, detection, edits } = planned;
  return verifyRedaction({
    output: written,
    origin,
    format,
    source: content,
    transcript,
    detection,
    edits,
    policy,
  });
}

export async function stageTranscriptRedaction(
  options: TranscriptRedactionOptions,
): Promise<TranscriptRedaction> {
  const { file, out, policy } = options;
  const { output, ...planned } = planTranscriptRedaction(
    await loadTranscript(file, options.format),
    policy,
    options.hashKey,
  );
  const staged = await stageFile(out, output);
  try {
    // Verify the bytes that landed on disk, not the string we meant to write.
    const problems = verifyPlannedRedaction({ ...planned, output }, await readText(staged.path), out, policy);
    return { ...planned, staged, problems };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
