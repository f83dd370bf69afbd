/**
 * Cue phrases compiled into one regular expression, so a window of text is scanned once however
 * many cues a lexicon holds.
 *
 * A cue is a lower-case phrase in regular-expression syntax where a space stands for any run of
 * whitespace and ` ?` for optional whitespace, e.g. `card number`, `post ?code`,
 * `last 4( digits)? of (your|my|the) social`. Cues match whole words only.
 */
import { lowerCased } from '../normalise/view-regex.js';

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
 * cues, an entity's cues) share one matcher, whose expression the engine then builds only once.
 * Keyed by the array first, then by content: a lexicon assembled again from the same cues (a
 * recognizer's cues with its domain's, a policy's custom cues on every call) finds the matcher
 * built for the first copy. Distinct lexicons are few (the built-in ones and each policy's own);
 * should a process ever see more than `MAX_BY_CONTENT`, the content map starts afresh.
 */
const compiled = new WeakMap<readonly string[], CueMatcher>();
const byContent = new Map<string, CueMatcher>();
const MAX_BY_CONTENT = 1000;

/** Compiles a cue lexicon (once per lexicon); an empty lexicon never matches. */
export function compileCues(cues: readonly string[]): CueMatcher {
  let matcher = compiled.get(cues);
  if (!matcher) {
    const content = JSON.stringify(cues);
    matcher = byContent.get(content);
    if (!matcher) {
      if (byContent.size >= MAX_BY_CONTENT) byContent.clear();
      matcher = compile(cues);
      byContent.set(content, matcher);
    }
    compiled.set(cues, matcher);
  }
  return matcher;
}

/** The mark `notAsPlace` puts before a cue (cue syntax never starts with it). */
const PLACE_MARK = '@not-as-place ';
/** Text just before a cue that makes it a place: "on", "off", "from", "(the) back of", maybe with "the", "your"… */
const PLACE_BEFORE = /\b(?:on|off|from|(?:front|back) of)\s+(?:(?:the|your|my|his|her|their|our)\s+)?$/i;
/** How much text before a hit PLACE_BEFORE needs to see. */
const PLACE_REACH = 15;

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

/**
 * Longest text (after its leading whitespace) that `leading` searches with the matcher's search
 * expression, from the text's first word: a miss there reads on to the end of the text. Longer
 * texts get an anchored expression of their own, compiled when first needed.
 */
const LEADING_SEARCH_LIMIT = 256;

/**
 * The two characters whose lower case a case-insensitive search does not equate with them: "İ"
 * lower-cases to two characters (shifting every position after it), the Kelvin sign to an ASCII k.
 */
const CASE_TRAPS = /[\u0130\u212a]/;
/** Escapes that match the same characters whatever the case of the text. */
const CASELESS_ESCAPES = /\\[bBdDsSwW.\\/()[\]{}|?*+^$'-]/g;

/**
 * True when a source is printable ASCII naming letters only in lower case (escapes above aside): it
 * then finds in lower-cased text exactly what it finds case-insensitively in the text, unless the
 * text holds a `CASE_TRAPS` character.
 */
const lowerCaseSource = (source: string): boolean =>
  !/[A-Z\\]|[^ -~]/.test(source.replace(CASELESS_ESCAPES, ''));

/** The text in lower case, to search with a lower-case source; undefined when it holds a `CASE_TRAPS` character. */
function searchable(text: string): string | undefined {
  const lower = lowerCased(text);
  // Text lower-casing leaves as it is (most texts searched) holds no trap: both traps change.
  return lower === text || !CASE_TRAPS.test(text) ? lower : undefined;
}

/**
 * A text long enough that V8 compiles an expression searching it straight to machine code. A new
 * expression's first searches of shorter texts run in V8's bytecode interpreter, and its next
 * search compiles it again, to machine code: a lexicon's expression, searched hundreds of times
 * in a call, would pay for compiling its long alternation twice. (V8 skips the interpreter for
 * texts of 1,000 characters or more.) Spaces hold no cue, so the search finds nothing.
 */
const MACHINE_CODE_TEXT = ' '.repeat(1000);

/**
 * A lexicon's expressions, built when first used: compiling a long alternation is among the
 * dearest steps of a process's first detect(), and a call may never need a given lexicon. A
 * lower-case source searches lower-cased text without the `i` flag, which V8 compiles and runs at
 * a fraction of the cost of a case-insensitive alternation; the case-insensitive expressions serve
 * other sources, and texts holding a `CASE_TRAPS` character.
 */
class Expressions {
  private readonly lower: boolean;
  private readonly built = new Map<string, RegExp>();

  constructor(private readonly source: string) {
    this.lower = lowerCaseSource(source);
  }

  /** The text to search (the text itself, or its lower case) and the expression to search it with. */
  search(text: string): [subject: string, expression: RegExp] {
    const lower = this.lower ? searchable(text) : undefined;
    return lower === undefined ? [text, this.get('gi')] : [lower, this.get('g')];
  }

  /** Like search, with the source anchored at the text's start after any whitespace. */
  anchored(text: string): [subject: string, expression: RegExp] {
    const lower = this.lower ? searchable(text) : undefined;
    return lower === undefined ? [text, this.get('i')] : [lower, this.get('')];
  }

  /** The expression with these flags: searching with `g`, anchored without. */
  private get(flags: string): RegExp {
    let expression = this.built.get(flags);
    if (!expression) {
      const source = flags.includes('g') ? this.source : `^\\s*${this.source}`;
      expression = new RegExp(source, flags);
      // Compiled to machine code at once (see MACHINE_CODE_TEXT); the search leaves no state.
      expression.exec(MACHINE_CODE_TEXT);
      expression.lastIndex = 0;
      this.built.set(flags, expression);
    }
    return expression;
  }
}

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
  const expressions = new Expressions(`\\b(?:${alternatives.join('|')})\\b`);
  // The cue from the text as given (the subject searched may be its lower case).
  const hit = (text: string, match: RegExpExecArray, index = match.index): CueHit => {
    const end = match.index + match[0].length;
    return { cue: text.slice(match.index, end).replace(/\s+/g, ' ').trim().toLowerCase(), index, end };
  };
  const counts = (match: RegExpExecArray, subject: string): boolean =>
    placed.length === 0 ||
    match[1] === undefined ||
    !saidAsPlace(subject, { cue: '', index: match.index, end: 0 });
  const next = (expression: RegExp, subject: string): RegExpExecArray | null => {
    for (let match = expression.exec(subject); match; match = expression.exec(subject))
      if (counts(match, subject)) return match;
    return null;
  };
  /**
   * The cue at the text's first word, as `^\s*` before the cues would find it (the hit starts at
   * 0, its leading whitespace included): the search expression's first match when it starts there.
   */
  const leadingMatch = (text: string): RegExpExecArray | null => {
    const start = text.length - text.trimStart().length;
    if (text.length - start > LEADING_SEARCH_LIMIT) {
      const [subject, expression] = expressions.anchored(text);
      return expression.exec(subject);
    }
    const [subject, expression] = expressions.search(text);
    expression.lastIndex = start;
    const match = expression.exec(subject);
    return match && match.index === start ? match : null;
  };
  return {
    test(text) {
      const [subject, expression] = expressions.search(text);
      expression.lastIndex = 0;
      return next(expression, subject) !== null;
    },
    last(text) {
      const [subject, expression] = expressions.search(text);
      let found: RegExpExecArray | null = null;
      expression.lastIndex = 0;
      for (let match = next(expression, subject); match; match = next(expression, subject)) found = match;
      return found ? hit(text, found) : undefined;
    },
    all(text) {
      const [subject, expression] = expressions.search(text);
      const hits: CueHit[] = [];
      expression.lastIndex = 0;
      for (let match = next(expression, subject); match; match = next(expression, subject)) {
        hits.push(hit(text, match));
      }
      return hits;
    },
    leading(text) {
      const match = leadingMatch(text);
      // At the first word nothing precedes a cue that could make it a place.
      return match ? hit(text, match, 0) : undefined;
    },
  };
}
