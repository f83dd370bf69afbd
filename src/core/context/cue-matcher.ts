/**
 * Cue phrases compiled into one regular expression, so a window of text is scanned once however
 * many cues a lexicon holds.
 *
 * A cue is a lower-case phrase in regular-expression syntax where a space stands for any run of
 * whitespace and ` ?` for optional whitespace, e.g. `card number`, `post ?code`,
 * `last 4( digits)? of (your|my|the) social`. Cues match whole words only.
 */

export interface CueHit {
  /** The cue words as spoken, whitespace collapsed (never a sensitive value: cues are lexicon words). */
  cue: string;
  /** Position of the hit in the searched text. */
  index: number;
  end: number;
}

export interface CueMatcher {
  /** True when any cue occurs in text. */
  test(text: string): boolean;
  /** The cue occurring last (closest to the end) in text, or undefined. */
  last(text: string): CueHit | undefined;
  /** Every cue occurrence in text, in order. */
  all(text: string): CueHit[];
  /** The cue text starts with (after leading whitespace), or undefined. */
  leading(text: string): CueHit | undefined;
}

const NO_CUES: CueMatcher = {
  test: () => false,
  last: () => undefined,
  all: () => [],
  leading: () => undefined,
};

/**
 * Matchers already compiled, by lexicon: recognizers that compile the same lexicon (the negative
 * cues, an entity's cues) share one regular expression, which the engine then builds only once.
 * Keyed by the array, so lexicons made per call (a policy's custom cues) are not kept.
 */
const compiled = new WeakMap<readonly string[], CueMatcher>();

/** Compiles a cue lexicon (once per lexicon array); an empty lexicon never matches. */
export function compileCues(cues: readonly string[]): CueMatcher {
  let matcher = compiled.get(cues);
  if (!matcher) {
    matcher = compile(cues);
    compiled.set(cues, matcher);
  }
  return matcher;
}

function compile(cues: readonly string[]): CueMatcher {
  if (cues.length === 0) return NO_CUES;
  // Longest cues first so that `card number` wins over `card` at the same position.
  const sources = [...cues]
    .sort((a, b) => b.length - a.length)
    .map((cue) => cue.trim().replace(/ \?/g, '\\s*').replace(/ +/g, '\\s+'));
  // Cues are English words: ASCII word boundaries are enough, and much cheaper than Unicode classes.
  const source = `\\b(?:${sources.join('|')})\\b`;
  const sticky = new RegExp(source, 'gi');
  const anchored = new RegExp(`^\\s*${source}`, 'i');
  const hit = (match: RegExpExecArray): CueHit => ({
    cue: match[0].replace(/\s+/g, ' ').trim().toLowerCase(),
    index: match.index,
    end: match.index + match[0].length,
  });
  return {
    test(text) {
      sticky.lastIndex = 0;
      return sticky.test(text);
    },
    last(text) {
      let found: RegExpExecArray | null = null;
      sticky.lastIndex = 0;
      for (let match = sticky.exec(text); match; match = sticky.exec(text)) found = match;
      return found ? hit(found) : undefined;
    },
    all(text) {
      return Array.from(text.matchAll(sticky), hit);
    },
    leading(text) {
      const match = anchored.exec(text);
      return match ? hit(match) : undefined;
    },
  };
}
