/**
 * Cheaper expressions for texts of ASCII characters only. Recognizer patterns use Unicode letter
 * and number classes (`\p{L}`, `\p{N}`, with the `u` flag) so a name like "José" or "Nguyễn" is a
 * word, not a boundary. V8 builds those classes from ICU tables each time such an expression is
 * compiled (and, under `i`, closes them over case): a large part of a fresh process's first
 * detection, paid in full even when the call holds no character past ASCII, as most do.
 *
 * On an ASCII text `\p{L}` can only match A-Z and a-z, `\p{N}` only 0-9, and the `u` and `i`
 * flags change nothing else (under `iu`, only "ſ" and the Kelvin sign fold to ASCII letters; a
 * pattern holding either keeps its own expression). So such a text is searched with the pattern
 * rewritten with ASCII classes and without `u`, built when first needed, and any other text with
 * the pattern itself: every match is the same.
 */

/** ASCII members of the Unicode property classes the rewrite knows. */
const ASCII_CLASSES: Readonly<Record<string, string>> = { L: 'A-Za-z', N: '0-9', Lu: 'A-Z', Ll: 'a-z' };

/**
 * What keeps a pattern's own expression: an escape naming a code point (`\u`, `\x`, `\c`, whose
 * meaning may differ without `u`), a negated property class, a code point past the BMP, "ſ" or
 * the Kelvin sign.
 */
const NOT_REWRITTEN = /\\[uxcP]|[\ud800-\udfff\u017f\u212a]/;

const NON_ASCII = /[^\0-\x7f]/;

/** A property class, another escape, or a bracket of a class: what the rewrite reads in a source. */
const SOURCE_TOKEN = /\\p\{(\w*)\}|\\[\s\S]|[[\]]/g;

/** The pattern's source with its property classes spelled in ASCII, or undefined when it keeps its own. */
function asciiSource(source: string): string | undefined {
  if (NOT_REWRITTEN.test(source)) return undefined;
  let inClass = false;
  let known = true;
  const rewritten = source.replace(SOURCE_TOKEN, (token, property: string | undefined) => {
    if (token === '[') inClass = true;
    else if (token === ']') inClass = false;
    else if (token === '\\p') known = false;
    if (property === undefined) return token;
    const members = ASCII_CLASSES[property];
    if (members === undefined) {
      known = false;
      return token;
    }
    return inClass ? members : `[${members}]`;
  });
  return known ? rewritten : undefined;
}

/**
 * A pattern over view text given as source and flags, whose expressions are built when first
 * searched with: a recognizer module creating a Unicode expression at import pays for its classes
 * then, even if the call's text never needs that expression. (A syntax error shows at the first
 * search, which every recognizer's tests make.)
 */
export class ViewRegex {
  private unicodeExpression: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  /** The expression itself. */
  get expression(): RegExp {
    return (this.unicodeExpression ??= new RegExp(this.source, this.flags));
  }
}

/** ASCII variants, per pattern; null when the pattern keeps its own expression. */
const variants = new WeakMap<RegExp | ViewRegex, RegExp | null>();

function asciiVariant(regex: RegExp | ViewRegex): RegExp | null {
  let variant = variants.get(regex);
  if (variant === undefined) {
    const source = regex.flags.includes('v') ? undefined : asciiSource(regex.source);
    variant = source === undefined ? null : new RegExp(source, regex.flags.replace('u', ''));
    variants.set(regex, variant);
  }
  return variant;
}

/** Texts at least this long are tested for ASCII once in a row (a view's text, searched by many patterns). */
const LONG_TEXT = 256;
let lastText = '';
let lastAscii = true;

function isAscii(text: string): boolean {
  if (text.length < LONG_TEXT) return !NON_ASCII.test(text);
  if (text !== lastText) {
    lastText = text;
    lastAscii = !NON_ASCII.test(text);
  }
  return lastAscii;
}

/**
 * The expression to search `text` with for the pattern's matches: its ASCII variant when the text
 * is ASCII and the pattern has one (the same flags but `u`, so `g`, `y` and `lastIndex` work
 * alike), else the pattern's own expression.
 */
export function regexFor(regex: RegExp | ViewRegex, text: string): RegExp {
  const variant = regex.flags.includes('u') && isAscii(text) ? asciiVariant(regex) : null;
  return variant ?? (regex instanceof ViewRegex ? regex.expression : regex);
}

/**
 * Upper-case letters a caseless variant may hold: in an escape (`\D`), or in the ASCII classes the
 * rewrite writes, which become `a-z`.
 */
const CASED_PARTS = /\\[\s\S]|A-Za-z|A-Z/g;

/** Caseless variants of case-insensitive patterns, per pattern; null when a pattern has none. */
const caseless = new WeakMap<RegExp | ViewRegex, RegExp | null>();

/**
 * A case-insensitive pattern's ASCII variant in lower case without `i`, which finds in an ASCII
 * text's lower case what the pattern finds in the text (at the same places: lower-casing ASCII keeps
 * every position), and which V8 compiles for a fraction of the cost. Only for a source with no
 * upper-case letter but in escapes and ASCII classes, and no named group (whose name would change).
 */
function caselessVariant(regex: RegExp | ViewRegex): RegExp | null {
  let variant = caseless.get(regex);
  if (variant === undefined) {
    const { flags } = regex;
    const ascii = flags.includes('v')
      ? undefined
      : flags.includes('u')
        ? asciiSource(regex.source)
        : regex.source;
    const fits =
      ascii !== undefined && !/\(\?<[A-Za-z]/.test(ascii) && !/[A-Z]/.test(ascii.replace(CASED_PARTS, ''));
    variant = fits
      ? new RegExp(
          ascii.replace(CASED_PARTS, (part) => (part.startsWith('\\') ? part : 'a-z')),
          flags.replace(/[iu]/g, ''),
        )
      : null;
    caseless.set(regex, variant);
  }
  return variant;
}

let lastLowered = '';
let lastLower = '';

/**
 * The text in lower case. The last long text's lower case is kept: a view's text is searched by
 * many patterns and cue lists in a row. (So it stays in memory until another long text replaces it.)
 */
export function lowerCased(text: string): string {
  if (text.length < LONG_TEXT) return text.toLowerCase();
  if (text !== lastLowered) {
    lastLowered = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/**
 * What to search and with what to find where the pattern matches in `text`: an ASCII text's lower
 * case with a case-insensitive pattern's caseless variant, when it has one, else `text` with
 * regexFor's expression. The matches are at the same places in `text`; their text is the subject's.
 */
export function searchFor(regex: RegExp | ViewRegex, text: string): [subject: string, expression: RegExp] {
  const variant = regex.flags.includes('i') && isAscii(text) ? caselessVariant(regex) : null;
  return variant ? [lowerCased(text), variant] : [text, regexFor(regex, text)];
}
