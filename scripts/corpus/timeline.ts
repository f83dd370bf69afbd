/**
 * Gives a script's words the times a recording would: word durations from their length in
 * syllables, short gaps between words, longer ones after commas and sentences, turn-taking gaps,
 * and pauses inside long numbers. Every time is an integer ms from the start of the call.
 */
import type { Random } from './random.js';
import type { Mark, Script, Speaker } from './script.js';

export interface TimedWord {
  /** The token as the engine prints it, punctuation attached. */
  text: string;
  start: number;
  end: number;
  speaker: Speaker;
  /** Index of the script line (the turn) the word belongs to. */
  line: number;
  confidence: number;
}

export interface TimedLine {
  speaker: Speaker;
  /** Indices into words. */
  words: number[];
}

export interface TimedMark {
  mark: Mark;
  /** Indices into words, in order. */
  words: number[];
}

export interface TimedCall {
  words: TimedWord[];
  lines: TimedLine[];
  marks: TimedMark[];
  /** End of the last word, ms. */
  duration: number;
}

/** Rough syllable count of a token as spoken ("4111" is four digits, "@" is "at"). */
export function syllables(token: string): number {
  const bare = token.toLowerCase().replace(/[^a-z0-9@.$£-]/g, '');
  let count = 0;
  for (const char of bare.replace(/[a-z]+/g, ' ')) {
    if (/[0-9]/.test(char)) count += 1.3;
    else if (char === '@' || char === '.' || char === '$' || char === '£') count += 1;
    else if (char === '-') count += 0.3;
  }
  for (const run of bare.match(/[a-z]+/g) ?? []) {
    const vowels = run.replace(/e$/, '').match(/[aeiouy]+/g)?.length ?? 0;
    count += run.length === 1 ? 1 : Math.max(1, vowels);
  }
  return Math.max(1, count);
}

const INITIAL_SILENCE = [600, 2400] as const;

export function layOut(script: Script, rng: Random): TimedCall {
  const words: TimedWord[] = [];
  const lines: TimedLine[] = [];
  const marks: TimedMark[] = [];
  let cursor = rng.int(...INITIAL_SILENCE);

  script.lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) {
      const previous = script.lines[lineIndex - 1]!;
      const sameSpeaker = previous.speaker === line.speaker;
      cursor +=
        line.gapBefore ??
        (line.backchannel ? rng.int(120, 380) : sameSpeaker ? rng.int(500, 1100) : rng.int(220, 950));
    }
    const timedLine: TimedLine = { speaker: line.speaker, words: [] };
    for (const piece of line.pieces) {
      const timedMark: TimedMark | undefined = piece.mark ? { mark: piece.mark, words: [] } : undefined;
      piece.tokens.forEach((token, tokenIndex) => {
        const duration = Math.round(Math.max(110, rng.jitter(70 + 165 * syllables(token), 0.2)));
        // Engines are less sure of digits and of the unusual words sensitive items are made of.
        const uncertain = /[0-9]/.test(token) || piece.mark !== undefined;
        const index = words.length;
        words.push({
          text: token,
          start: cursor,
          end: cursor + duration,
          speaker: line.speaker,
          line: lineIndex,
          confidence: Math.min(1, Math.round(rng.jitter(uncertain ? 0.86 : 0.93, 0.08) * 1000) / 1000),
        });
        timedLine.words.push(index);
        timedMark?.words.push(index);
        cursor +=
          duration + gapAfter(token, piece.mark !== undefined && tokenIndex < piece.tokens.length - 1, rng);
      });
      if (timedMark && timedMark.words.length > 0) marks.push(timedMark);
    }
    lines.push(timedLine);
    // The next line starts after this one's last word, not after the trailing gap.
    cursor = words[words.length - 1]!.end;
  });

  return { words, lines, marks, duration: cursor };
}

function gapAfter(token: string, insideItem: boolean, rng: Random): number {
  if (/[.?!]$/.test(token)) return rng.int(280, 650);
  if (/[,;:]$/.test(token)) return rng.int(150, 400);
  // People pause between the groups of a long number.
  if (insideItem && rng.chance(0.2)) return rng.int(150, 420);
  return rng.int(15, 90);
}
