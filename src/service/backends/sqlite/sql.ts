/**
 * What every SQLite store shares: times stored as integer ms since the epoch (so due times and
 * leases compare as numbers, whatever form a caller's ISO string took) and read back as ISO 8601,
 * and list cursors (the row's `seq`: rows are listed newest first by the order they were written,
 * so rows written between two pages never shift the later ones).
 */
import { HushError } from '../../../errors.js';
import { rowMappers } from '../rows.js';

export function toMs(iso: string, name: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new HushError('USAGE', `${name}: not an ISO 8601 time`);
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** SQLite's stored forms: times as integer ms, lists and objects as JSON text, flags as 0 or 1. */
export interface SqliteStored {
  time: number;
  structured: string;
  flag: number;
}

export const ROWS = rowMappers<SqliteStored>({
  time: toIso,
  structured: <T>(text: string) => JSON.parse(text) as T,
  flag: (value) => value === 1,
});

const CURSOR = /^s([1-9][0-9]{0,15})$/;

export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

/** The seq a cursor continues before; refuses a cursor this backend did not issue. */
export function decodeCursor(cursor: string): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (match === null) throw new HushError('USAGE', 'cursor: not a cursor from this list');
  return Number(match[1]);
}

export function checkLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new HushError('USAGE', 'limit: must be a positive integer');
  return limit;
}

/**
 * A page of rows fetched newest first with one row beyond `limit`: that extra row says whether a
 * next page exists.
 */
export function page<Row extends { seq: number }, T>(
  rows: Row[],
  limit: number,
  map: (row: Row) => T,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items: items.map(map), nextCursor: more ? encodeCursor(items[items.length - 1]!.seq) : null };
}

/** `WHERE …` from the conditions that apply (each with its named parameters), or nothing. */
export function where(conditions: (string | false)[]): string {
  const applied = conditions.filter((condition): condition is string => condition !== false);
  return applied.length === 0 ? '' : `WHERE ${applied.join(' AND ')}`;
}

/** A lease length a caller gave: a positive number of ms. */
export function checkLeaseMs(leaseMs: number): number {
  if (!Number.isFinite(leaseMs) || leaseMs <= 0)
    throw new HushError('USAGE', 'leaseMs: must be a positive number');
  return leaseMs;
}
