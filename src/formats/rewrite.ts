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

/**
 * For applyEditsToList on a nested list: the index within the list at `prefix` (e.g.
 * `['segments', 3, 'words']`) of a word whose pointer lies under it, else undefined.
 */
export function indexUnder(
  prefix: readonly (string | number)[],
): (pointer: readonly (string | number)[]) => number | undefined {
  return (pointer) => {
    if (pointer.length <= prefix.length || prefix.some((key, depth) => pointer[depth] !== key)) {
      return undefined;
    }
    const index = pointer[prefix.length];
    return typeof index === 'number' ? index : undefined;
  };
}

/** Orders source pointers as the source lists them: key by key, numbers numerically. */
export function compareSourcePointers(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): number {
  for (let depth = 0; depth < Math.min(a.length, b.length); depth += 1) {
    const x = a[depth]!;
    const y = b[depth]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** A word as a text field spells it, and the edit (its position in `edits`) that replaces it, if any. */
export interface TextWord {
  text: string;
  edit: number | undefined;
}

/**
 * Groups the transcript's words by the text field that spells them (a segment, a message, the
 * whole document), each group in source order. `containerOf` names a word's field, or undefined
 * for words no field spells.
 */
export function textWordsByContainer<K>(
  transcript: Transcript,
  edits: readonly WordEdit[],
  containerOf: (pointer: readonly (string | number)[], wordIndex: number) => K | undefined,
): Map<K, TextWord[]> {
  const editOfWord = new Map<number, number>();
  edits.forEach((edit, position) => edit.words.forEach((word) => editOfWord.set(word, position)));
  const order = transcript.words
    .map((word, index) => ({ word, index }))
    .sort((a, b) => compareSourcePointers(a.word.source, b.word.source));
  const groups = new Map<K, TextWord[]>();
  for (const { word, index } of order) {
    const key = containerOf(word.source, index);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push({ text: word.text, edit: editOfWord.get(index) });
    groups.set(key, group);
  }
  return groups;
}

/** A range of characters [start, end) of a text and what replaces it. */
export interface TextReplacement {
  start: number;
  end: number;
  replacement: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `word` next occurs in `text` at or after `from` without being part of a longer word; -1 if nowhere. */
function findWord(text: string, word: string, from: number): number {
  let at = text.indexOf(word, from);
  while (at !== -1) {
    const joinsBefore = at > 0 && WORD_CHAR.test(word[0]!) && WORD_CHAR.test(text[at - 1]!);
    const after = text[at + word.length];
    const joinsAfter = after !== undefined && WORD_CHAR.test(word[word.length - 1]!) && WORD_CHAR.test(after);
    if (!joinsBefore && !joinsAfter) return at;
    at = text.indexOf(word, at + 1);
  }
  return -1;
}

/**
 * Finds, in a text field that spells `words` in order, the character ranges the edits replace:
 * each run of consecutive words of one edit, from its first word's first character to its last
 * word's last character. Returns undefined when a word to be replaced cannot be found.
 */
export function findReplacements(
  text: string,
  words: readonly TextWord[],
  edits: readonly WordEdit[],
): TextReplacement[] | undefined {
  const out: TextReplacement[] = [];
  let cursor = 0;
  let run: (TextReplacement & { edit: number }) | undefined;
  for (const word of words) {
    const at = word.text === '' ? -1 : findWord(text, word.text, cursor);
    if (at === -1) {
      if (word.edit !== undefined) return undefined;
      continue;
    }
    cursor = at + word.text.length;
    if (run && run.edit === word.edit) {
      run.end = cursor;
      continue;
    }
    run = undefined;
    if (word.edit === undefined) continue;
    run = { start: at, end: cursor, replacement: edits[word.edit]!.replacement, edit: word.edit };
    out.push(run);
  }
  return out.map(({ start, end, replacement }) => ({ start, end, replacement }));
}

/** Applies non-overlapping replacements to a text. */
export function applyReplacements(text: string, replacements: readonly TextReplacement[]): string {
  let out = '';
  let cursor = 0;
  for (const { start, end, replacement } of [...replacements].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, start) + replacement;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The replacements that touch [start, end) of a text, clipped to it and counted from `start`. */
export function replacementsWithin(
  replacements: readonly TextReplacement[],
  start: number,
  end: number,
): TextReplacement[] {
  return replacements
    .filter((replacement) => replacement.start < end && replacement.end > start)
    .map((replacement) => ({
      start: Math.max(replacement.start, start) - start,
      end: Math.min(replacement.end, end) - start,
      replacement: replacement.replacement,
    }));
}

/**
 * Rewrites consecutive text fields that together spell `words` in order (a document's segments
 * when its words are listed apart from them): an edit's run that crosses from one field into the
 * next leaves its replacement in each. Returns undefined when a word to be replaced cannot be
 * found.
 */
export function rewriteAcross(
  texts: readonly string[],
  words: readonly TextWord[],
  edits: readonly WordEdit[],
): string[] | undefined {
  // A line break between fields keeps the last word of one and the first of the next apart.
  const replacements = findReplacements(texts.join('\n'), words, edits);
  if (!replacements) return undefined;
  let offset = 0;
  return texts.map((text) => {
    const start = offset;
    offset += text.length + 1;
    return applyReplacements(text, replacementsWithin(replacements, start, start + text.length));
  });
}

/**
 * Rewrites a text field that spells `words` (utterance, segment, message or full-text string):
 * each run of one edit's words becomes its replacement and the rest stays as it was. When a word
 * to be replaced cannot be found in the text, the text is rebuilt from the edited words instead,
 * so no replaced word can survive in it.
 */
export function rewriteTextField(
  text: string,
  words: readonly TextWord[],
  edits: readonly WordEdit[],
): string {
  if (words.every((word) => word.edit === undefined)) return text;
  const replacements = findReplacements(text, words, edits);
  if (replacements) return applyReplacements(text, replacements);
  const rebuilt: string[] = [];
  words.forEach((word, position) => {
    if (word.edit === undefined) rebuilt.push(word.text);
    else if (words[position - 1]?.edit !== word.edit) rebuilt.push(edits[word.edit]!.replacement);
  });
  return /^\s*/.exec(text)![0] + rebuilt.join(' ');
}

/**
 * Where a set of edits falls in one list of source elements: each span's first element becomes
 * the merged element, and every position in `removed` (the rest of each span) goes.
 */
export interface ListPlan {
  /** In list order, never overlapping. */
  spans: { first: number; last: number; replacement: string }[];
  removed: ReadonlySet<number>;
}

/** Elements between a span's first and last that go with it (punctuation between spoken digits). */
export type Absorbed = (position: number, first: number) => boolean;

/** Builds a plan from groups of positions; groups that overlap in the list become one span. */
function planFromGroups(
  groups: { positions: number[]; replacement: string }[],
  absorbed: Absorbed,
): ListPlan {
  const ordered = groups
    .filter((group) => group.positions.length > 0)
    .map((group) => ({
      positions: [...group.positions].sort((a, b) => a - b),
      replacement: group.replacement,
    }))
    .sort((a, b) => a.positions[0]! - b.positions[0]!);
  const merged: { positions: number[]; replacement: string }[] = [];
  for (const group of ordered) {
    const previous = merged[merged.length - 1];
    if (previous && group.positions[0]! <= previous.positions[previous.positions.length - 1]!) {
      previous.positions.push(...group.positions);
      previous.positions.sort((a, b) => a - b);
      previous.replacement = `${previous.replacement} ${group.replacement}`;
    } else {
      merged.push({ positions: [...group.positions], replacement: group.replacement });
    }
  }
  const spans: ListPlan['spans'] = [];
  const removed = new Set<number>();
  for (const { positions, replacement } of merged) {
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    const covered = new Set(positions);
    for (let position = first + 1; position <= last; position += 1) {
      if (covered.has(position) || absorbed(position, first)) removed.add(position);
    }
    spans.push({ first, last, replacement });
  }
  return { spans, removed };
}

/**
 * Plans the edits in one list of source elements. `indexInList(pointer)` gives a word's position
 * in this list (see indexUnder, pairBySignature), or undefined for words that live elsewhere.
 */
export function planEdits(
  transcript: Transcript,
  edits: readonly WordEdit[],
  indexInList: (pointer: readonly (string | number)[]) => number | undefined,
  absorbed: Absorbed = () => false,
): ListPlan {
  const groups = edits.map((edit) => ({
    positions: edit.words
      .map((word) => indexInList(transcript.words[word]!.source))
      .filter((position): position is number => position !== undefined),
    replacement: edit.replacement,
  }));
  return planFromGroups(groups, absorbed);
}

/** The time an edit covers, from its first word's start to its last word's end, and its channel. */
export interface EditSpan {
  start: number;
  end: number;
  channel: number | null;
  replacement: string;
}

export function editSpans(transcript: Transcript, edits: readonly WordEdit[]): EditSpan[] {
  return edits
    .filter((edit) => edit.words.length > 0)
    .map((edit) => {
      const words = edit.words.map((index) => transcript.words[index]!);
      return {
        start: Math.min(...words.map((word) => word.start)),
        end: Math.max(...words.map((word) => word.end)),
        channel: words[0]!.channel,
        replacement: edit.replacement,
      };
    });
}

/** True when [start, end] (ms) shares time with the span; an instant counts when it lies inside. */
export function overlapsSpan(span: { start: number; end: number }, start: number, end: number): boolean {
  if (start === end || span.start === span.end) return start <= span.end && end >= span.start;
  return start < span.end && end > span.start;
}

/**
 * Plans edits by time in a list the transcript's words do not point into (alternative hypotheses,
 * decorated words): elements that share time with an edit span go with it. `times` gives each
 * element's [start, end] in ms, or undefined for untimed elements, which `absorbed` may take in.
 */
export function planByTime(
  spans: readonly EditSpan[],
  times: readonly (readonly [number, number] | undefined)[],
  absorbed: Absorbed = () => false,
): ListPlan {
  const groups = spans.map((span) => ({
    positions: times.flatMap((time, position) =>
      time && overlapsSpan(span, time[0], time[1]) ? [position] : [],
    ),
    replacement: span.replacement,
  }));
  return planFromGroups(groups, absorbed);
}

/** Applies a plan: each span's first element becomes `merge(first, last, replacement)`. */
export function applyPlan<T>(
  list: readonly T[],
  plan: ListPlan,
  merge: (first: T, last: T, replacement: string) => T,
): T[] {
  const spanAt = new Map(plan.spans.map((span) => [span.first, span]));
  const out: T[] = [];
  list.forEach((element, position) => {
    if (plan.removed.has(position)) return;
    const span = spanAt.get(position);
    out.push(span ? merge(element, list[span.last]!, span.replacement) : element);
  });
  return out;
}

/**
 * Where each position of a list of `length` elements lands once the plan is applied; a removed
 * element lands on the merged element of its span (for lists that refer to elements by index).
 */
export function positionsAfterPlan(plan: ListPlan, length: number): number[] {
  const out: number[] = [];
  let next = 0;
  let spanIndex = 0;
  for (let position = 0; position < length; position += 1) {
    while (spanIndex < plan.spans.length && plan.spans[spanIndex]!.last < position) spanIndex += 1;
    if (plan.removed.has(position)) {
      out.push(out[plan.spans[spanIndex]!.first]!);
    } else {
      out.push(next);
      next += 1;
    }
  }
  return out;
}

/**
 * The words of a text that spells a list's elements (each element's token, in list order), with
 * each span's elements marked as one edit, ready for rewriteTextField.
 */
export function textWordsOfPlan(
  tokens: readonly string[],
  plan: ListPlan,
): { words: TextWord[]; edits: WordEdit[] } {
  const editAt = new Map<number, number>();
  plan.spans.forEach((span, index) => {
    for (let position = span.first; position <= span.last; position += 1) {
      if (position === span.first || plan.removed.has(position)) editAt.set(position, index);
    }
  });
  return {
    words: tokens.map((text, position) => ({ text, edit: editAt.get(position) })),
    edits: plan.spans.map((span) => ({ words: [], replacement: span.replacement })),
  };
}

/**
 * Pairs the transcript's words with a list that repeats them (AWS `results.items` beside the
 * channel lists, utterance words beside the main word list): words and elements with equal
 * signatures are paired in order. Returns each word's position in the list, by source pointer.
 */
export function pairBySignature(
  transcript: Transcript,
  signatures: readonly (string | undefined)[],
  signatureOfWord: (word: Transcript['words'][number]) => string,
): (pointer: readonly (string | number)[]) => number | undefined {
  const queues = new Map<string, { positions: number[]; next: number }>();
  signatures.forEach((signature, position) => {
    if (signature === undefined) return;
    const queue = queues.get(signature) ?? { positions: [], next: 0 };
    queue.positions.push(position);
    queues.set(signature, queue);
  });
  const byPointer = new Map<readonly (string | number)[], number>();
  for (const word of transcript.words) {
    const queue = queues.get(signatureOfWord(word));
    if (!queue || queue.next >= queue.positions.length) continue;
    byPointer.set(word.source, queue.positions[queue.next]!);
    queue.next += 1;
  }
  return (pointer) => byPointer.get(pointer);
}

/** A signature for pairBySignature from a word's channel, times and text. */
export function timedSignature(channel: number | null, start: number, end: number, text: string): string {
  return JSON.stringify([channel, start, end, text]);
}

/**
 * Maps a character offset of a text into the text after `replacements` (annotations that point
 * into a rewritten field); an offset inside a replaced range moves to the replacement's start or
 * end, as `side` says.
 */
export function offsetAfterReplacements(
  replacements: readonly TextReplacement[],
  offset: number,
  side: 'start' | 'end',
): number {
  let shift = 0;
  for (const { start, end, replacement } of [...replacements].sort((a, b) => a.start - b.start)) {
    if (offset <= start) break;
    if (offset < end) return start + shift + (side === 'start' ? 0 : replacement.length);
    shift += replacement.length - (end - start);
  }
  return offset + shift;
}

/**
 * The part of a plan that falls in a sub-list (an AWS audio segment naming some items): `positions`
 * gives, for each element of the sub-list, its position in the planned list.
 */
export function restrictPlan(plan: ListPlan, positions: readonly (number | undefined)[]): ListPlan {
  const groups = plan.spans.map((span) => ({
    positions: positions.flatMap((position, local) =>
      position !== undefined &&
      (position === span.first ||
        (position > span.first && position <= span.last && plan.removed.has(position)))
        ? [local]
        : [],
    ),
    replacement: span.replacement,
  }));
  return planFromGroups(groups, () => false);
}

/**
 * For lists kept as parts of one flat sequence (utterances' word lists paired with
 * pairBySignature over all of them): the index within the part starting at `offset`.
 */
export function indexInPart(
  indexInFlat: (pointer: readonly (string | number)[]) => number | undefined,
  offset: number,
  length: number,
): (pointer: readonly (string | number)[]) => number | undefined {
  return (pointer) => {
    const flat = indexInFlat(pointer);
    return flat !== undefined && flat >= offset && flat < offset + length ? flat - offset : undefined;
  };
}

/** The first and last positions of the elements lying inside [start, end]; [0, -1] when none do. */
export function positionsWithin(
  times: readonly (readonly [number, number])[],
  start: number,
  end: number,
): [number, number] {
  const inside = times.flatMap(([from, to], position) => (from >= start && to <= end ? [position] : []));
  return inside.length === 0 ? [0, -1] : [inside[0]!, inside[inside.length - 1]!];
}

/**
 * Rewrites a text that quotes elements `first` to `last` of a planned list (a sentence, an entity,
 * a sentiment span): the part of the plan that falls there, applied to the text.
 */
export function rewriteQuote(
  text: string,
  tokens: readonly string[],
  plan: ListPlan,
  first: number,
  last: number,
): string {
  const quoted = tokens.slice(first, last + 1);
  const local = restrictPlan(
    plan,
    quoted.map((_, offset) => first + offset),
  );
  const spelled = textWordsOfPlan(quoted, local);
  return rewriteTextField(text, spelled.words, spelled.edits);
}
