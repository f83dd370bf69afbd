/**
 * Redacting one transcript file, as `hush redact-transcript` and `hush redact` both do: import it,
 * detect, plan the word edits, write the copy under a temporary name, read it back and verify it.
 * The caller publishes the staged copy (or discards it), so a job with more outputs than the
 * transcript can publish all of them or none.
 */
import { detect } from '../core/engine.js';
import type { Detection } from '../core/detection.js';
import type { Policy } from '../core/policy.js';
import { planWordEdits } from '../core/redaction/index.js';
import type { Transcript } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from '../formats/format.js';
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

export async function stageTranscriptRedaction(
  options: TranscriptRedactionOptions,
): Promise<TranscriptRedaction> {
  const { file, out, policy } = options;
  const { format, content, transcript } = await loadTranscript(file, options.format);
  const detection = detect(transcript, policy);
  const edits = planWordEdits(detection, policy, { hashKey: options.hashKey });

  const staged = await stageFile(out, format.redact(content, transcript, edits));
  try {
    // Verify the bytes that landed on disk, not the string we meant to write.
    const written = await readText(staged.path);
    const problems = verifyRedaction({
      output: written,
      origin: out,
      format,
      source: content,
      transcript,
      detection,
      edits,
      policy,
    });
    return { format, content, transcript, detection, edits, staged, problems };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
