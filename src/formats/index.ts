/**
 * The format registry: picks the importer for a file from its content (or by name when asked)
 * and gives clear errors for unknown, truncated or malformed files.
 */
import type { FormatId, Transcript } from '../core/transcript.js';
import { HushError } from '../errors.js';
import type { SourceContent, TranscriptFormat } from './format.js';
import { assemblyAiFormat } from './assemblyai.js';
import { awsCallAnalyticsFormat } from './aws-call-analytics.js';
import { awsTranscribeFormat } from './aws-transcribe.js';
import { deepgramFormat } from './deepgram.js';
import { genesysFormat } from './genesys.js';
import { hushFormat } from './hush.js';
import { srtFormat } from './srt.js';
import { symblFormat } from './symbl.js';
import { webvttFormat } from './webvtt.js';
import { whisperCppFormat } from './whisper-cpp.js';
import { whisperFormat } from './whisper.js';
import { whisperxFormat } from './whisperx.js';

/** Every format, most specific first: sniffing takes the first that claims the content. */
export const FORMATS: readonly TranscriptFormat[] = [
  hushFormat,
  awsTranscribeFormat,
  awsCallAnalyticsFormat,
  deepgramFormat,
  assemblyAiFormat,
  genesysFormat,
  whisperFormat,
  whisperCppFormat,
  whisperxFormat,
  symblFormat,
  webvttFormat,
  srtFormat,
];

export function formatById(id: string): TranscriptFormat {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (!format) {
    throw new HushError(
      'USAGE',
      `unknown format "${id}"; known formats: ${FORMATS.map((f) => f.id).join(', ')}`,
    );
  }
  return format;
}

/** Line and column (1-based) of a character offset, for error messages. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** Parses text as JSON when it looks like JSON; a broken document is an error naming the place. */
export function toSourceContent(text: string, origin: string): SourceContent {
  if (text.trim() === '') throw new HushError('FORMAT_INVALID', `${origin}: the file is empty`);
  if (!looksLikeJson(text)) return { origin, text, json: undefined };
  try {
    return { origin, text, json: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const truncated = offset >= text.trimEnd().length || /end of JSON/i.test(message);
    const problem = truncated ? 'the JSON ends early (truncated file?)' : 'malformed JSON';
    throw new HushError('FORMAT_INVALID', `${origin}: ${problem} at ${lineAndColumn(text, offset)}`);
  }
}

/** Finds the format of some content, or says which ones were tried. */
export function sniffFormat(content: SourceContent): TranscriptFormat {
  const format = FORMATS.find((candidate) => candidate.sniff(content));
  if (!format) {
    throw new HushError(
      'FORMAT_UNKNOWN',
      `${content.origin}: not a transcript format Hush knows (tried ${FORMATS.map((f) => f.name).join(', ')}); ` +
        'name one with --format',
    );
  }
  return format;
}

export interface ImportedTranscript {
  format: TranscriptFormat;
  content: SourceContent;
  transcript: Transcript;
}

/** Imports transcript text, choosing the format from the content unless one is named. */
export function importTranscript(
  text: string,
  origin: string,
  formatId?: FormatId | string,
): ImportedTranscript {
  const content = toSourceContent(text, origin);
  const format = formatId ? formatById(formatId) : sniffFormat(content);
  const transcript = format.parse(content);
  if (transcript.words.length === 0) {
    throw new HushError('FORMAT_INVALID', `${origin}: the ${format.name} transcript holds no words`);
  }
  return { format, content, transcript };
}
