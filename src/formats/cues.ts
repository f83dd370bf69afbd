/**
 * What the subtitle formats (WebVTT, SRT) share: lines and blocks, cue timing lines, cue text
 * split into words with their exact place in the file, speaker labels, and redaction that
 * rewrites only the replaced words' characters so the rest of the file stays byte for byte.
 */
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { TranscriptFormat, WordEdit } from './format.js';
import { invalidAtLine } from './problems.js';
import type { TextReplacement } from './rewrite.js';
import { applyReplacements } from './rewrite.js';
import { spreadOverSpan } from './timing.js';
import { makeWord } from './words.js';

/** How one subtitle format writes times, markup and text. */
export interface CueSyntax {
  /** Parses a cue timestamp to ms; undefined when it is not one. */
  parseTime(text: string): number | undefined;
  /** Length of the markup tag starting at `at` in a cue text line, 0 when none starts there. */
  tagLength(line: string, at: number): number;
  /** A character reference at `at` (`&amp;`): its text and raw length, or undefined. */
  referenceAt(line: string, at: number): { text: string; length: number } | undefined;
  /** For a tag: the speaker it opens (`<v Name>`), null when it closes a voice, else undefined. */
  voiceOf(tag: string): string | null | undefined;
  /** Makes a replacement safe to put in cue text. */
  escape(replacement: string): string;
}

/** One line of the file: its text (without the line break), offset and 1-based number. */
export interface Line {
  text: string;
  offset: number;
  number: number;
}

/** A word of cue text and the characters [start, end) of the file it is written with. */
export interface CueWord {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
}

/** A markup tag inside cue text, kept when the words around it are replaced. */
interface CueTag {
  start: number;
  end: number;
  text: string;
}

export interface Cue {
  start: number;
  end: number;
  words: CueWord[];
  tags: CueTag[];
}

/** Splits text into lines at CRLF, LF or CR; a byte-order mark is not part of the first line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\n|\r/g;
  let offset = text.startsWith('\uFEFF') ? 1 : 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ text: text.slice(offset, match.index), offset, number: lines.length + 1 });
    offset = match.index + match[0].length;
  }
  if (offset < text.length) lines.push({ text: text.slice(offset), offset, number: lines.length + 1 });
  return lines;
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/**
 * Groups lines into blocks separated by blank lines. A second line holding `-->` in one block
 * starts a new block, as WebVTT parsers do for a cue missing its blank line.
 */
export function splitBlocks(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      current = undefined;
      continue;
    }
    if (!current || (line.text.includes('-->') && current.some((held) => held.text.includes('-->')))) {
      current = [];
      blocks.push(current);
    }
    current.push(line);
  }
  return blocks;
}

/** `Speaker:`, `AGENT:`, `John Smith:`, `SPEAKER_01:` at the start of a line of cue text. */
const SPEAKER_LABEL = /^(\p{Lu}[\p{L}\p{N}'._-]*(?: (?:\p{Lu}[\p{L}\p{N}'._-]*|\p{N}+)){0,2}):(?:\s+|$)/u;
/** The dash that opens a line of dialogue. */
const DIALOGUE_DASH = /^\s*-\s+/;

/** A visible character of cue text (a character reference counts as one, decoded) and its raw place. */
interface Glyph {
  text: string;
  start: number;
  end: number;
  voice: string | null;
}

/** Reads cue text lines into words (labels and dialogue dashes are not words) and tags. */
function readCueText(payload: readonly Line[], syntax: CueSyntax): { words: CueWord[]; tags: CueTag[] } {
  const words: CueWord[] = [];
  const tags: CueTag[] = [];
  let voice: string | null = null;
  let label: string | null = null;
  for (const line of payload) {
    const glyphs: Glyph[] = [];
    let at = 0;
    while (at < line.text.length) {
      const tagLength = syntax.tagLength(line.text, at);
      if (tagLength > 0) {
        const text = line.text.slice(at, at + tagLength);
        tags.push({ start: line.offset + at, end: line.offset + at + tagLength, text });
        const opened = syntax.voiceOf(text);
        if (opened !== undefined) voice = opened;
        at += tagLength;
        continue;
      }
      const reference = syntax.referenceAt(line.text, at);
      const length = reference?.length ?? 1;
      const text = reference?.text ?? line.text[at]!;
      glyphs.push({ text, start: line.offset + at, end: line.offset + at + length, voice });
      at += length;
    }
    const visible = glyphs.map((glyph) => glyph.text).join('');
    let skipChars = DIALOGUE_DASH.exec(visible)?.[0].length ?? 0;
    const labelled = SPEAKER_LABEL.exec(visible.slice(skipChars));
    if (labelled) {
      label = labelled[1]!;
      skipChars += labelled[0].length;
    }
    let skipGlyphs = 0;
    for (let consumed = 0; skipGlyphs < glyphs.length && consumed < skipChars; skipGlyphs += 1) {
      consumed += glyphs[skipGlyphs]!.text.length;
    }
    let word: CueWord | undefined;
    for (const glyph of glyphs.slice(skipGlyphs)) {
      if (/^\s+$/.test(glyph.text)) {
        word = undefined;
        continue;
      }
      if (!word) {
        word = { text: '', start: glyph.start, end: glyph.end, speaker: label ?? glyph.voice };
        words.push(word);
      }
      word.text += glyph.text;
      word.end = glyph.end;
    }
  }
  return { words: words.filter((word) => word.text.trim() !== ''), tags };
}

/**
 * Reads one cue block: an optional identifier line, the timing line `start --> end [settings]`
 * and the cue text. Errors name the line and never quote it.
 */
export function readCue(
  block: readonly Line[],
  isLastBlock: boolean,
  syntax: CueSyntax,
  origin: string,
): Cue {
  const timingAt = block[0]!.text.includes('-->') ? 0 : block[1]?.text.includes('-->') ? 1 : -1;
  if (timingAt === -1) {
    const problem =
      isLastBlock && block.length === 1
        ? 'the cue ends before its timing line (truncated file?)'
        : 'expected a cue timing line ("start --> end") on this line or the next';
    throw invalidAtLine(origin, block[0]!.number, problem);
  }
  const timing = block[timingAt]!;
  const parts = /^\s*(\S+)[ \t]+-->[ \t]+(\S+)/.exec(timing.text);
  const start = parts ? syntax.parseTime(parts[1]!) : undefined;
  const end = parts ? syntax.parseTime(parts[2]!) : undefined;
  if (!parts) throw invalidAtLine(origin, timing.number, 'malformed cue timing line');
  if (start === undefined)
    throw invalidAtLine(origin, timing.number, 'the cue start is not a valid timestamp');
  if (end === undefined) throw invalidAtLine(origin, timing.number, 'the cue end is not a valid timestamp');
  if (end < start) throw invalidAtLine(origin, timing.number, 'the cue ends before it starts');
  const payload = block.slice(timingAt + 1);
  if (payload.length === 0 && isLastBlock) {
    throw invalidAtLine(origin, timing.number, 'the cue has no text after its timing line (truncated file?)');
  }
  return { start, end, ...readCueText(payload, syntax) };
}

/** The transcript of a subtitle file: each cue's words spread over the cue (timing `interpolated`). */
export function cuesToTranscript(cues: readonly Cue[], format: TranscriptFormat['id']): Transcript {
  const words: Word[] = cues.flatMap((cue, cueIndex) =>
    spreadOverSpan(
      cue.words.map((word) => word.text),
      cue.start,
      cue.end,
    ).map(([start, end], position) => {
      const word = cue.words[position]!;
      return makeWord({
        text: word.text,
        start,
        end,
        speaker: word.speaker,
        timing: 'interpolated',
        window: { start: cue.start, end: cue.end },
        source: [cueIndex, position],
      });
    }),
  );
  return { format, words: sortWords(words), channels: 1 };
}

/**
 * Rewrites the file text: in each cue an edit touches, the characters from its first word to its
 * last become the replacement, followed by any markup tags that stood between them.
 */
export function redactCues(
  text: string,
  cues: readonly Cue[],
  transcript: Transcript,
  edits: readonly WordEdit[],
  syntax: CueSyntax,
): string {
  const replacements: TextReplacement[] = [];
  for (const edit of edits) {
    const byCue = new Map<number, number[]>();
    for (const index of edit.words) {
      const [cue, position] = transcript.words[index]!.source as [number, number];
      byCue.set(cue, [...(byCue.get(cue) ?? []), position]);
    }
    for (const [cueIndex, positions] of byCue) {
      const cue = cues[cueIndex]!;
      const start = cue.words[Math.min(...positions)]!.start;
      const end = cue.words[Math.max(...positions)]!.end;
      const tags = cue.tags.filter((tag) => tag.start >= start && tag.end <= end).map((tag) => tag.text);
      const replacement = syntax.escape(edit.replacement.replace(/\s+/g, ' ').trim());
      replacements.push({ start, end, replacement: replacement + tags.join('') });
    }
  }
  return applyReplacements(text, replacements);
}
