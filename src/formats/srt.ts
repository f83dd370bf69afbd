/**
 * SubRip (SRT) subtitles: blocks of a cue number, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, and text
 * lines, separated by blank lines. Formatting tags (`<i>`, `<b>`, `<u>`, `<s>`, `<font …>`) and
 * `{\an8}` position codes are markup, not words. A leading `Speaker:` label gives the speaker.
 * Cues are timed only as a whole, so their words are spread over them (timing `interpolated`);
 * a word's source pointer is [cue index, word index in the cue].
 */
import type { Transcript } from '../core/transcript.js';
import type { CueSyntax } from './cues.js';
import { cuesToTranscript, readCue, redactCues, splitBlocks, splitLines } from './cues.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';

const srtSyntax: CueSyntax = {
  parseTime(text) {
    // The comma is the standard; a dot and short fractions are common enough to accept.
    const parts = /^(\d+):([0-5]\d):([0-5]\d)[,.](\d{1,3})$/.exec(text);
    if (!parts) return undefined;
    const [, hours, minutes, seconds, fraction] = parts;
    return (
      ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 +
      Number(fraction!.padEnd(3, '0'))
    );
  },
  tagLength(line, at) {
    const tag = /<\/?(?:b|i|u|s|font)\b[^>]*>|\{\\[^}]*\}/iy;
    tag.lastIndex = at;
    return tag.exec(line)?.[0].length ?? 0;
  },
  referenceAt() {
    return undefined;
  },
  voiceOf() {
    return undefined;
  },
  escape(replacement) {
    // An arrow in cue text would read as a timing line.
    return replacement.replace(/-->/g, '->');
  },
};

/** A cue number line, then a timing line with comma decimals. */
const FIRST_CUE = /^\uFEFF?\s*\d+[ \t]*(?:\r\n|\n|\r)[ \t]*\d+:\d{2}:\d{2},\d{1,3}[ \t]+-->/;

function readCues(content: SourceContent) {
  const blocks = splitBlocks(splitLines(content.text));
  return blocks.map((block, index) => readCue(block, index === blocks.length - 1, srtSyntax, content.origin));
}

export const srtFormat: TranscriptFormat = {
  id: 'srt',
  name: 'SubRip (SRT)',

  sniff(content: SourceContent): boolean {
    return content.json === undefined && FIRST_CUE.test(content.text);
  },

  parse(content: SourceContent): Transcript {
    return cuesToTranscript(readCues(content), 'srt');
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    return redactCues(content.text, readCues(content), transcript, edits, srtSyntax);
  },
};
