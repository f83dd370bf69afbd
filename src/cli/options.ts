/**
 * Parsers for option values that are numbers with a unit or a range. Commander calls them as it
 * reads the command line; a bad value is a usage error naming the option's expectation.
 */
import { InvalidArgumentError } from 'commander';
import { SAMPLE_ENCODINGS, type SampleEncoding } from '../audio/encoding.js';

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9 };

/** Bytes: a whole number, optionally with a decimal unit (`500MB`, `2G`, `1000`). */
export function parseByteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'none'];
  if (!match || unit === undefined) {
    throw new InvalidArgumentError('expected a size in bytes, such as 1000, 500MB or 2GB');
  }
  return Math.floor(Number(match[1]) * unit);
}

/** A number above zero (seconds, hertz). */
export function parsePositive(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError('expected a number above 0');
  }
  return number;
}

/** A whole number from 1 up. */
export function parseCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected a whole number from 1 up');
  return number;
}

/** A level in dBFS: 0 is full scale, so levels are 0 or below. */
export function parseDbfs(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number > 0) {
    throw new InvalidArgumentError('expected a level in dBFS, 0 or below (such as -20)');
  }
  return number;
}

export function parseEncoding(value: string): SampleEncoding {
  const encoding = SAMPLE_ENCODINGS.find((candidate) => candidate === value);
  if (!encoding) throw new InvalidArgumentError(`expected one of: ${SAMPLE_ENCODINGS.join(', ')}`);
  return encoding;
}

/** Repeatable options (`--clip-allow-host a --clip-allow-host b`) collect into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
