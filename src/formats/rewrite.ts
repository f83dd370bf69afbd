/** Helpers the format writers share to put word edits back into a source document. */
import type { Transcript } from '../core/transcript.js';
import type { WordEdit } from './format.js';

/**
 * Applies edits to one flat list of source word elements (the list a word's source pointer ends
 * in): the first element of each edit is replaced by `merge(first, last, replacement)`, the others
 * removed. `listOf(pointer)` must return the index within this list, or undefined for words that
 * live elsewhere. Returns a new list.
 */
export function applyEditsToList<T>(
  list: readonly T[],
  transcript: Transcript,
  edits: readonly WordEdit[],
  merge: (first: T, last: T, replacement: string) => T,
  indexInList: (pointer: readonly (string | number)[]) => number | undefined = (pointer) =>
    pointer[pointer.length - 1] as number,
): T[] {
  const replaced = new Map<number, T>();
  const removed = new Set<number>();
  for (const edit of edits) {
    const positions = edit.words
      .map((word) => indexInList(transcript.words[word]!.source))
      .filter((position): position is number => position !== undefined)
      .sort((a, b) => a - b);
    if (positions.length === 0) continue;
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    replaced.set(first, merge(list[first]!, list[last]!, edit.replacement));
    for (const position of positions.slice(1)) removed.add(position);
  }
  const out: T[] = [];
  list.forEach((element, position) => {
    if (removed.has(position)) return;
    out.push(replaced.get(position) ?? element);
  });
  return out;
}

/** Serialises a JSON document the way the source was written: pretty when it was, compact when not. */
export function serialiseLike(sourceText: string, doc: unknown): string {
  const pretty = /^\s*[[{]\s*\n/.test(sourceText);
  return pretty ? `${JSON.stringify(doc, null, 2)}\n` : JSON.stringify(doc);
}
