/**
 * WebVTT subtitles/captions: a `WEBVTT` header, then cues (`[identifier]`, `start --> end
 * [settings]`, text lines) and NOTE, STYLE and REGION blocks. Times are `HH:MM:SS.mmm` or
 * `MM:SS.mmm`. `<v Speaker>` voice spans and a leading `Speaker:` label give the speaker.
 * Cues are timed only as a whole, so their words are spread over them (timing `interpolated`);
 * a word's source pointer is [cue index, word index in the cue].
 */
import type { Transcript } from '../core/transcript.js';
import type { CueSyntax } from './cues.js';
import { cuesToTranscript, readCue, redactCues, splitBlocks, splitLines } from './cues.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { invalidAtLine } from './problems.js';

const REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '',
  rlm: '',
};

const vttSyntax: CueSyntax = {
  parseTime(text) {
    const parts = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(text);
    if (!parts) return undefined;
    const [, hours = '0', minutes, seconds, ms] = parts;
    return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(ms);
  },
  tagLength(line, at) {
    if (line[at] !== '<') return 0;
    const close = line.indexOf('>', at);
    return close === -1 ? 0 : close - at + 1;
  },
  referenceAt(line, at) {
    const match = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/y;
    match.lastIndex = at;
    const parts = match.exec(line);
    if (!parts) return undefined;
    const [raw, decimal, hex, name] = parts;
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : undefined;
    const text = code !== undefined && code <= 0x10ffff ? String.fromCodePoint(code) : REFERENCES[name ?? ''];
    return text === undefined ? undefined : { text, length: raw.length };
  },
  voiceOf(tag) {
    if (/^<\/v\s*>$/.test(tag)) return null;
    const voice = /^<v(?:\.[^\s>]*)?\s+([^>]*)>$/.exec(tag);
    return voice ? voice[1]!.trim() || null : undefined;
  },
  escape(replacement) {
    return replacement.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  },
};

const HEADER = /^\uFEFF?WEBVTT(?:[ \t]|$)/;

/** The file's first line, where the WEBVTT signature must stand. */
function firstLine(text: string): string {
  return /^[^\r\n]*/.exec(text)![0];
}
/** Blocks that are not cues; each keyword stands alone or is followed by a space or tab. */
const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

function readCues(content: SourceContent) {
  const lines = splitLines(content.text);
  if (!HEADER.test(firstLine(content.text))) {
    throw invalidAtLine(content.origin, 1, 'a WebVTT file must start with "WEBVTT"');
  }
  // The first block is the header: WEBVTT and its metadata lines.
  const blocks = splitBlocks(lines).slice(1);
  return blocks
    .map((block, index) => ({ block, isLast: index === blocks.length - 1 }))
    .filter(({ block }) => !NON_CUE_BLOCK.test(block[0]!.text))
    .map(({ block, isLast }) => readCue(block, isLast, vttSyntax, content.origin));
}

export const webvttFormat: TranscriptFormat = {
  id: 'webvtt',
  name: 'WebVTT',

  sniff(content: SourceContent): boolean {
    return content.json === undefined && HEADER.test(firstLine(content.text));
  },

  parse(content: SourceContent): Transcript {
    return cuesToTranscript(readCues(content), 'webvtt');
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    return redactCues(content.text, readCues(content), transcript, edits, vttSyntax);
  },
};
