/**
 * Finds what a text-in, text-out redactor changed: aligns the original tokens with the redacted
 * ones (longest common subsequence, case-insensitive) and reports each run of original tokens that
 * did not survive, with the placeholder the redactor put in its place.
 */

export interface Change {
  /** Character range in the original text, [start, end). */
  start: number;
  end: number;
  /** The redactor's placeholder for the run ("CREDIT_CARD_NUMBER"), or '' when none was found. */
  placeholder: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Index pairs of the longest common subsequence of two token lists. */
function commonSubsequence(a: readonly Token[], b: readonly Token[]): [number, number][] {
  const same = (i: number, j: number): boolean => a[i]!.text.toLowerCase() === b[j]!.text.toLowerCase();
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] = same(i, j)
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(i, j)) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i += 1;
    else j += 1;
  }
  return pairs;
}

/** A placeholder is an upper-case identifier ("PHONE_NUMBER", "[EMAIL_1]"), punctuation aside. */
function placeholderIn(tokens: readonly Token[]): string {
  for (const token of tokens) {
    const match = /[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,}/.exec(token.text);
    if (match) return match[0];
  }
  return '';
}

export function changedRanges(original: string, redacted: string): Change[] {
  const before = tokenize(original);
  const after = tokenize(redacted);
  const anchors = [...commonSubsequence(before, after), [before.length, after.length] as [number, number]];
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  for (const [nextI, nextJ] of anchors) {
    if (nextI > i) {
      changes.push({
        start: before[i]!.start,
        end: before[nextI - 1]!.end,
        placeholder: placeholderIn(after.slice(j, nextJ)),
      });
    }
    i = nextI + 1;
    j = nextJ + 1;
  }
  return changes;
}
