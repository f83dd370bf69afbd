/**
 * `--in-place`: redacts a recording by rewriting only the bytes inside its regions, for archives
 * too large to copy. Crash-safe through the journal (journal.ts): the planned change is written
 * and synced first, then applied, then the journal is removed. `recoverInPlace` finishes or undoes
 * a run that was interrupted at any point.
 */
import { access, open, rm } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import type { ByteRange, FrameRegion, PcmLayout } from '../layout.js';
import { changedRanges, regionWrites } from '../pcm/region-writes.js';
import type { ReplacementMode } from '../replacement.js';
import {
  applyJournal,
  journalPath,
  partialJournalPath,
  readJournal,
  syncDirectory,
  writeJournal,
  type Journal,
} from './journal.js';

export interface InPlaceRedaction {
  file: string;
  layout: PcmLayout;
  regions: readonly FrameRegion[];
  mode: ReplacementMode;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/** Whether an interrupted --in-place run left a journal (whole or partial) beside `file`. */
export async function pendingJournal(file: string): Promise<boolean> {
  return (await exists(journalPath(file))) || (await exists(partialJournalPath(file)));
}

async function removeJournal(path: string): Promise<void> {
  await rm(path);
  await syncDirectory(path);
}

/** Plans the change into the journal: the recording is not modified yet. */
export async function journalInPlace(options: InPlaceRedaction): Promise<Journal> {
  const { file, layout, regions, mode } = options;
  if (await pendingJournal(file)) {
    throw new HushError('IO', `${file}: an earlier --in-place run was interrupted; finish or undo it first`);
  }
  const handle = await open(file, 'r');
  try {
    const bytes = (await handle.stat()).size;
    const source = { handle, path: file };
    return await writeJournal(
      { ...source, bytes },
      changedRanges(regions, layout),
      regionWrites(source, layout, regions, mode),
    );
  } finally {
    await handle.close();
  }
}

/** Redacts `file` itself, writing only the region bytes; returns the ranges rewritten. */
export async function redactPcmInPlace(options: InPlaceRedaction): Promise<{ changed: ByteRange[] }> {
  const journal = await journalInPlace(options);
  await applyJournal(options.file, journal, 'replacement');
  await removeJournal(journal.path);
  return { changed: journal.ranges };
}

/**
 * Finishes or undoes an interrupted --in-place run. A partial journal means the run stopped before
 * the recording was touched: it is removed and the recording is reported `undone` (it is the
 * original) whichever action was asked.
 */
export async function recoverInPlace(
  file: string,
  action: 'finish' | 'undo',
): Promise<'finished' | 'undone' | 'nothing-to-do'> {
  const path = journalPath(file);
  if (await exists(path)) {
    const journal = await readJournal(path);
    await applyJournal(file, journal, action === 'finish' ? 'replacement' : 'original');
    await removeJournal(path);
    return action === 'finish' ? 'finished' : 'undone';
  }
  const partial = partialJournalPath(file);
  if (await exists(partial)) {
    await removeJournal(partial);
    return 'undone';
  }
  return 'nothing-to-do';
}
