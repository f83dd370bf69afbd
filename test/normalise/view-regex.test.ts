import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { regexFor, searchFor, ViewRegex } from '../../src/core/normalise/view-regex.js';

/** Every match of a pattern in a text: where it is, what it is, its groups. */
const matches = (regex: RegExp, text: string): string[] =>
  [...text.matchAll(regex)].map((match) => `${match.index}:${JSON.stringify([...match])}`);

/** Patterns shaped as the recognizers' are: Unicode classes in and out of classes, look-arounds, `i`. */
const PATTERNS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}$/.:-])(?:(?:0 ?)?[1-9]|1 ?[0-2]) ?[/-] ?(?:20)?\d ?\d(?![\p{L}\p{N}%]|[/.:-]\p{N})/giu,
  /(?<![\p{L}\p{N}$/.:-])(?:january|february|march|may|june)(?: the)? \d{1,6}(?![\p{L}\p{N}%]|[/.:-]\p{N})/giu,
  /(?<![\p{L}\p{N}$£€#@_.,/:-]|[.,/:-]\p{N})\d+(?:(?:[ -]|(?: (?:okay|ok|yes)){1,2} )\d+)*(?![\p{L}\p{N}%@_]|[.,/:]\p{N})/giu,
  /(?<![\p{L}\p{N}$£€/.:'’-])(?=[A-Z\d]|[a-z]+\d)(?:[A-Z]+|\d+)(?: ?(?:[A-Z]+|\d+))*(?![\p{L}\p{N}%]|['’]\p{L})/gu,
  /\p{Lu}\p{Ll}+|[^\p{L}\p{N} ]+|\p{N}{2,}/gu,
  /\b(?:key|kit)\p{L}*\b/giu,
  /[^\p{Lu}\d]+/giu,
];

/** A fixed-seed generator (so a failure repeats). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = [
  '1',
  '2',
  '05',
  '12',
  '2020',
  ' ',
  ' ',
  'a',
  'Z',
  'k',
  'K',
  's',
  'S',
  'may',
  'June',
  'the',
  'ok',
  '/',
  '-',
  '.',
  ':',
  '$',
  '%',
  '@',
  '_',
  ',',
  "'",
  'AB',
  'x9',
];

/** ASCII texts: every printable character around a date and a run of digits, and random pieces. */
function asciiTexts(): string[] {
  const next = random(7);
  return [
    ...Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)).map(
      (char) => `${char}12/05 2020 Okay 44${char}`,
    ),
    ...Array.from({ length: 400 }, () =>
      Array.from(
        { length: 3 + Math.floor(next() * 12) },
        () => PIECES[Math.floor(next() * PIECES.length)],
      ).join(''),
    ),
  ];
}

/** Where each match is. */
const places = (regex: RegExp, text: string): string[] =>
  [...text.matchAll(regex)].map((match) => `${match.index}+${match[0].length}`);

describe('regexFor', () => {
  test('finds in ASCII text exactly what the Unicode pattern finds', () => {
    const texts = asciiTexts();
    for (const pattern of PATTERNS) {
      for (const text of texts) {
        const searched = regexFor(pattern, text);
        assert.notEqual(searched, pattern, 'an ASCII text is searched with the ASCII variant');
        assert.deepEqual(
          matches(searched, text),
          matches(pattern, text),
          `${pattern.source} in ${JSON.stringify(text)}`,
        );
      }
    }
  });

  test('searches a text with any character past ASCII with the pattern itself', () => {
    const [date, , run] = PATTERNS as [RegExp, RegExp, RegExp];
    for (const text of [
      'José 12/05/1990',
      'Zoë 4111 1111',
      'Nguyễn 07/25',
      'Renée12/05 and 4111',
      '²12/05',
    ]) {
      assert.equal(regexFor(date, text), date);
      assert.equal(regexFor(run, text), run);
    }
    // A non-ASCII letter or number glued to digits still bounds them, as in the Unicode pattern.
    assert.deepEqual(
      [...'Renée12/05 and 4111'.matchAll(regexFor(run, 'Renée12/05 and 4111'))].map((match) => match[0]),
      ['4111'],
    );
    assert.deepEqual(
      [...'Zoë 12/05'.matchAll(regexFor(date, 'Zoë 12/05'))].map((match) => match[0]),
      ['12/05'],
    );
    assert.deepEqual([...'Nguyễn07/25'.matchAll(regexFor(date, 'Nguyễn07/25'))], []);
  });

  test('keeps the pattern itself where dropping `u` could change a match', () => {
    // Under `iu` "ſ" matches "s" and the Kelvin sign "k"; escapes naming code points and other
    // properties read differently without `u`.
    for (const pattern of [
      /[ſ]\d/giu,
      /\u212a\d/giu,
      /\u{41}\d/gu,
      /\P{L}\d/gu,
      /\p{Script=Latin}\d/gu,
      /\p{Lt}/gu,
    ]) {
      assert.equal(regexFor(pattern, 's1 k2 A3'), pattern, pattern.source);
    }
    assert.deepEqual(matches(regexFor(/[ſ]\d/giu, 's1'), 's1'), ['0:["s1"]']);
  });

  test('leaves patterns without `u` as they are', () => {
    const pattern = /\d+/g;
    assert.equal(regexFor(pattern, '12 34'), pattern);
  });
});

describe('ViewRegex', () => {
  const pattern = new ViewRegex('(?<![\\p{L}\\p{N}])\\d{2}(?![\\p{L}\\p{N}])', 'gu');

  test('is its Unicode expression for a text past ASCII', () => {
    const searched = regexFor(pattern, 'Zoë 12 ë34');
    assert.equal(searched, pattern.expression);
    assert.equal(searched.source, pattern.source);
    assert.equal(searched.flags, 'gu');
    assert.deepEqual(
      [...'Zoë 12 ë34'.matchAll(searched)].map((match) => match[0]),
      ['12'],
    );
  });

  test('finds in an ASCII text what its expression finds', () => {
    const text = '12 a34 56b 78';
    assert.notEqual(regexFor(pattern, text), pattern.expression);
    assert.deepEqual(matches(regexFor(pattern, text), text), matches(pattern.expression, text));
  });
});

describe('searchFor', () => {
  test('finds in an ASCII text, in lower case, matches where the case-insensitive pattern does', () => {
    const texts = asciiTexts();
    const caseInsensitive = PATTERNS.filter((pattern) => pattern.ignoreCase);
    assert.ok(caseInsensitive.length >= 4);
    for (const pattern of caseInsensitive) {
      for (const text of texts) {
        const [subject, expression] = searchFor(pattern, text);
        assert.equal(subject, text.toLowerCase(), 'the text is searched in lower case');
        assert.equal(expression.ignoreCase, false);
        assert.deepEqual(
          places(expression, subject),
          places(pattern, text),
          `${pattern.source} in ${JSON.stringify(text)}`,
        );
      }
    }
  });

  test('searches the text itself for a pattern naming upper-case letters or a text past ASCII', () => {
    const cased = /(?<![\p{L}])[A-F]\d|may/giu;
    const [subject, expression] = searchFor(cased, 'The b2 May');
    assert.equal(subject, 'The b2 May');
    assert.deepEqual(places(expression, subject), places(cased, 'The b2 May'));
    const [date] = PATTERNS as [RegExp];
    assert.deepEqual(searchFor(date, 'Zoë 12/05'), ['Zoë 12/05', date]);
  });
});
