/**
 * Date words: month names (written as full lower-case names) and the month-next-to-number test
 * that decides ambiguous abbreviations ("Jan" the name vs "Jan 5") and ambiguous ordinals
 * ("first name" vs "march first").
 */
import { MONTHS } from './lexicon.js';
import type { Piece } from './tokens.js';
import { isNumberPiece, nextContent, previousContent } from './tokens.js';

/** Words that may sit between a day and its month: "the third of march", "march the third". */
const DATE_LINKS = new Set(['the', 'of']);
const MAX_LINKS = 2;

/** The full lower-case month name piece `i` says, or null when it is not a month here. */
export function monthAt(pieces: readonly Piece[], i: number): string | null {
  if (i === -1) return null;
  const piece = pieces[i]!;
  const month = MONTHS.get(piece.lower);
  if (month === undefined) return null;
  if (!month.ambiguous || piece.dotted) return month.name;
  const before = skipLinks(pieces, previousContent(pieces, i), previousContent);
  const after = skipLinks(pieces, nextContent(pieces, i), nextContent);
  return isNumberAt(pieces, before) || isNumberAt(pieces, after) ? month.name : null;
}

/** True when a month is spoken just before pieces[first] or just after pieces[last]. */
export function nextToMonth(pieces: readonly Piece[], first: number, last: number): boolean {
  const before = skipLinks(pieces, previousContent(pieces, first), previousContent);
  const after = skipLinks(pieces, nextContent(pieces, last), nextContent);
  return monthAt(pieces, before) !== null || monthAt(pieces, after) !== null;
}

function skipLinks(
  pieces: readonly Piece[],
  i: number,
  step: (pieces: readonly Piece[], i: number) => number,
): number {
  let j = i;
  for (let hops = 0; j !== -1 && hops < MAX_LINKS && DATE_LINKS.has(pieces[j]!.lower); hops += 1) {
    j = step(pieces, j);
  }
  return j;
}

function isNumberAt(pieces: readonly Piece[], i: number): boolean {
  return i !== -1 && isNumberPiece(pieces[i]!);
}
