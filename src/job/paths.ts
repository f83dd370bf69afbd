/**
 * Where a job's outputs go: into the output folder, the recording and the transcript under their
 * own file names, and the report as `<recording name>.report.json` (`call-17.wav` →
 * `call-17.report.json`). No output may be one of the inputs (an output folder that is the input
 * folder would overwrite them), and no two outputs may share a name.
 */
import { basename, extname, join } from 'node:path';
import { HushError } from '../errors.js';
import { isSameFile } from '../files.js';

export interface JobInputs {
  audio: string;
  /** The transcript, or the regions document. */
  transcript?: string;
  regions?: string;
  outDir: string;
  /** The recording is redacted where it is; its output is the input. */
  inPlace?: boolean;
}

export interface JobOutputs {
  audio: string;
  transcript: string | null;
  report: string;
}

/** `call-17.wav` → `call-17`. */
export function stem(file: string): string {
  return basename(file, extname(file));
}

export async function jobOutputs(inputs: JobInputs): Promise<JobOutputs> {
  const outputs: JobOutputs = {
    audio: inputs.inPlace ? inputs.audio : join(inputs.outDir, basename(inputs.audio)),
    transcript: inputs.transcript === undefined ? null : join(inputs.outDir, basename(inputs.transcript)),
    report: join(inputs.outDir, `${stem(inputs.audio)}.report.json`),
  };
  const written = [inputs.inPlace ? null : outputs.audio, outputs.transcript, outputs.report].filter(
    (path): path is string => path !== null,
  );
  const read = [inputs.audio, inputs.transcript, inputs.regions].filter(
    (path): path is string => path !== undefined,
  );
  for (const output of written) {
    for (const input of read) {
      if (await isSameFile(input, output)) {
        throw new HushError(
          'USAGE',
          `${output}: the output would replace the input ${input}; choose another --out`,
        );
      }
    }
  }
  if (new Set(written).size < written.length) {
    throw new HushError(
      'USAGE',
      `${inputs.audio}: two of its outputs would have the same name in ${inputs.outDir}`,
    );
  }
  return outputs;
}
