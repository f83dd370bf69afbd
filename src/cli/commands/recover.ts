/**
 * `hush recover FILE --finish | --undo`: ends an `--in-place` run that was interrupted (a crash, a
 * kill, a full disk) from the journal it left beside the recording: `--finish` writes the
 * replacements, `--undo` writes the original bytes back. Either way the journal is then removed.
 */
import { recoverInPlace } from '../../audio/in-place/redact.js';
import { HushError } from '../../errors.js';

export interface RecoverOptions {
  finish?: boolean;
  undo?: boolean;
}

const SAID: Record<Awaited<ReturnType<typeof recoverInPlace>>, string> = {
  finished: 'finished the interrupted redaction; run `hush redact --in-place` again to verify and record it',
  undone: 'undone: the recording is as it was before the interrupted run',
  'nothing-to-do': 'no interrupted --in-place run to recover (no journal)',
};

export async function recoverCommand(file: string, options: RecoverOptions): Promise<number> {
  if (options.finish === options.undo) throw new HushError('USAGE', 'give one of --finish or --undo');
  const result = await recoverInPlace(file, options.finish ? 'finish' : 'undo');
  process.stdout.write(`${file}: ${SAID[result]}\n`);
  return 0;
}
