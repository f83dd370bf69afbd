/**
 * Explicit regions to silence, for when the caller already knows them (a platform's redaction
 * export, a reviewer's list): a JSON list of `{ start, end, channel? }`, or `{ "regions": [...] }`.
 * Times are seconds as numbers, or clock strings as platforms write them: `"01:02:03.450"`,
 * `"02:03.450"`, `"3.450"` (a comma may stand for the point, as in SRT). They become integer ms
 * rounded outwards, start down and end up: reading a list never shrinks a region.
 */
import * as z from 'zod';
import { HushError } from '../errors.js';
import type { Region } from './regions.js';

/** A time in ms, possibly fractional (rounded outwards once it is known to be a start or an end). */
type ExactMs = number;

/** `[[H:]M:]S[.fraction]`, minutes and seconds below 60 when a larger unit precedes them. */
const CLOCK = /^(?:(?:(\d+):)?(\d+):)?(\d+)(?:[.,](\d+))?$/;

function clockMs(text: string): ExactMs | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  const [, hours, minutes, secs, fraction = ''] = match;
  if (minutes !== undefined && Number(secs) >= 60) return undefined;
  if (hours !== undefined && Number(minutes) >= 60) return undefined;
  const whole = (Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(secs)) * 1000;
  // Digits are read as written: "0.1" is 100 ms exactly, with no binary fraction in between.
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const beyond = fraction.length > 3 ? Number(`0.${fraction.slice(3)}`) : 0;
  return whole + ms + beyond;
}

function secondsMs(seconds: number): ExactMs {
  // To whole microseconds first, so that 1.1 s is 1100 ms and not 1100.0000000000002.
  return Math.round(seconds * 1_000_000) / 1000;
}

const time = z.unknown().transform((value, ctx): ExactMs => {
  const ms =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? secondsMs(value)
        : undefined
      : typeof value === 'string'
        ? clockMs(value)
        : undefined;
  if (ms === undefined || ms < 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected seconds (a number, at least 0) or a time such as "00:01:02.500"',
    });
    return z.NEVER;
  }
  return ms;
});

const listedRegion = z
  .object({
    start: time,
    end: time,
    /** 0-based audio channel; absent or null for every channel. */
    channel: z.number().int().min(0).nullable().optional(),
  })
  .transform((region, ctx) => {
    const start = Math.floor(region.start);
    const end = Math.ceil(region.end);
    if (end <= start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
      return z.NEVER;
    }
    return { start, end, channel: region.channel ?? null };
  });

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Parses a regions document. Regions come back sorted by start, as given otherwise (overlaps are
 * merged where the audio is mapped), with no entity types: the caller, not detection, chose them.
 * Errors name the file, the region's index and the field, never a value.
 */
export function parseRegionList(text: string, origin: string): Region[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new HushError('REGIONS_INVALID', `${origin}: not valid JSON`);
  }
  const wrapped = typeof document === 'object' && document !== null && !Array.isArray(document);
  const list = wrapped ? (document as { regions?: unknown }).regions : document;
  const prefix = wrapped ? ['regions'] : [];
  if (!Array.isArray(list)) {
    throw new HushError(
      'REGIONS_INVALID',
      `${origin}: expected a list of regions, or an object with a "regions" list`,
    );
  }
  const result = z.array(listedRegion).safeParse(list);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `at ${describePath([...prefix, ...issue.path])}: ${issue.message}`,
    );
    const message =
      problems.length === 1
        ? `${origin}: ${problems[0]}`
        : `${origin}: ${problems.length} problems:\n  ${problems.join('\n  ')}`;
    throw new HushError('REGIONS_INVALID', message);
  }
  return result.data
    .map((region) => ({ ...region, types: [], entities: [] }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
