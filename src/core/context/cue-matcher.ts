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

/** The mark `notAsPlace` puts before a cue (cue syntax never starts with it). */
const PLACE_MARK = '@not-as-place ';
/** Text just before a cue that makes it a place: "on", "off", "from", maybe with "the", "your"… */
const PLACE_BEFORE = /\b(?:on|off|from)\s+(?:(?:the|your|my|his|her|their|our)\s+)?$/i;
/** How much text before a hit PLACE_BEFORE needs to see. */
const PLACE_REACH = 13;

/** True when a hit in text is said as a place: "on my phone", "off the card", "from your receipt". */
export function saidAsPlace(text: string, hit: CueHit): boolean {
  return PLACE_BEFORE.test(text.slice(Math.max(0, hit.index - PLACE_REACH), hit.index));
}

/**
 * The cues, to count only when not said as a place: "the member ID on your prescription card",
 * "it's printed on her prescription bag", "the number from your receipt" say where a number is
 * written, not what it is.
 */
export function notAsPlace(cues: readonly string[]): string[] {
  return cues.map((cue) => PLACE_MARK + cue);
}

/** A cue as a regular-expression source: a space is any whitespace, ` ?` optional whitespace. */
const cueSource = (cue: string): string => cue.trim().replace(/ \?/g, '\\s*').replace(/ +/g, '\\s+');

function compile(cues: readonly string[]): CueMatcher {
  if (cues.length === 0) return NO_CUES;
  // Longest cues first so that `card number` wins over `card` at the same position.
  const sorted = [...cues].sort((a, b) => b.length - a.length);
  const placed = sorted
    .filter((cue) => cue.startsWith(PLACE_MARK))
    .map((cue) => cueSource(cue.slice(PLACE_MARK.length)));
  const anywhere = sorted.filter((cue) => !cue.startsWith(PLACE_MARK)).map(cueSource);
  // Cues said as a place are told apart by their group and checked in code, once per hit: a
  // look-behind in the expression would be tried at every word.
  // The placed group comes first in the expression, so it is capture group 1.
  const alternatives = placed.length > 0 ? [`(${placed.join('|')})`, ...anywhere] : anywhere;
  // Cues are English words: ASCII word boundaries are enough, and much cheaper than Unicode classes.
  const source = `\\b(?:${alternatives.join('|')})\\b`;
  const sticky = new RegExp(source, 'gi');
  const anchored = new RegExp(`^\\s*${source}`, 'i');
  const hit = (match: RegExpExecArray): CueHit => ({
    cue: match[0].replace(/\s+/g, ' ').trim().toLowerCase(),
    index: match.index,
    end: match.index + match[0].length,
  });
  const counts = (match: RegExpExecArray, text: string): boolean =>
    placed.length === 0 ||
    match[1] === undefined ||
    !saidAsPlace(text, { cue: '', index: match.index, end: 0 });
  const next = (text: string): RegExpExecArray | null => {
    for (let match = sticky.exec(text); match; match = sticky.exec(text))
      if (counts(match, text)) return match;
    return null;
  };
  return {
    test(text) {
      sticky.lastIndex = 0;
      return next(text) !== null;
    },
    last(text) {
      let found: RegExpExecArray | null = null;
      sticky.lastIndex = 0;
      for (let match = next(text); match; match = next(text)) found = match;
      return found ? hit(found) : undefined;
    },
    all(text) {
      const hits: CueHit[] = [];
      sticky.lastIndex = 0;
      for (let match = next(text); match; match = next(text)) hits.push(hit(match));
      return hits;
    },
    leading(text) {
      const match = anchored.exec(text);
      return match && counts(match, text) ? hit(match) : undefined;
    },
  };
}
