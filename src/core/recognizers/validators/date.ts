/**
 * Calendar dates as people say them, for dates of birth: a month (name or number), a day and a
 * year in the orders people use, with the year plausible for a living person's birth.
 */
import { MONTH_NAMES } from '../../months.js';

const DAY_OF_THE_MONTH = /^(?:the )?(\d{1,2}) of the (\d{1,2}) (\d{2,4})$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dayFits(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/** A 4-digit year from 1900 to this year, or any 2-digit year. */
function yearFits(year: string, currentYear: number): boolean {
  if (year.length === 2) return true;
  const value = Number(year);
  return year.length === 4 && value >= 1900 && value <= currentYear;
}

/** Years before this one that a date's year must lie to be surely past: not a booking or a due date. */
const PAST_YEAR_MARGIN = 2;

/**
 * True when the date's last number is a year surely in the past: a 4-digit year at least
 * PAST_YEAR_MARGIN years ago, or a 2-digit year that can only mean 19xx ("75", not "25").
 */
export function saysPastYear(text: string, currentYear = new Date().getUTCFullYear()): boolean {
  const year = (text.match(/\d+/g) ?? []).at(-1);
  if (year === undefined || !/^\d{2}(?:\d{2})?$/.test(year)) return false;
  const value = Number(year);
  if (year.length === 4) return value >= 1900 && value <= currentYear - PAST_YEAR_MARGIN;
  return value > (currentYear % 100) + PAST_YEAR_MARGIN;
}

/**
 * True when the text (lower-case, normalised) holds a plausible birth date: a month name with a day
 * and / or a year, or digits splitting into month, day and year in some order (m d y, d m y, y m d),
 * spaced, separated by / - . or run together ("03031985", "3 31985").
 */
export function birthDateFits(text: string, currentYear = new Date().getUTCFullYear()): boolean {
  // "23 of the 9 78": the UK ordinal form is always day, then month.
  const ordinal = DAY_OF_THE_MONTH.exec(text);
  if (ordinal) return ymdFits(ordinal[3]!, ordinal[2]!, ordinal[1]!, currentYear);
  const monthIndex = MONTH_NAMES.findIndex((name) => text.includes(name));
  const numbers = text.match(/\d+/g) ?? [];
  if (monthIndex >= 0) return namedMonthFits(monthIndex + 1, numbers, currentYear);
  return numericDateFits(numbers, currentYear);
}

function namedMonthFits(month: number, numbers: readonly string[], currentYear: number): boolean {
  if (numbers.length === 1) {
    const [only] = numbers as [string];
    if (only.length <= 2) return dayFits(month, Number(only));
    if (only.length === 4) return yearFits(only, currentYear);
    // "march 31985": day and year run together.
    return [1, 2].some((dayLength) =>
      splitFits(month, only.slice(0, dayLength), only.slice(dayLength), currentYear),
    );
  }
  if (numbers.length === 2) {
    const [a, b] = numbers as [string, string];
    return splitFits(month, a, b, currentYear) || splitFits(month, b, a, currentYear);
  }
  return false;
}

function splitFits(month: number, day: string, year: string, currentYear: number): boolean {
  return day.length <= 2 && dayFits(month, Number(day)) && yearFits(year, currentYear);
}

function numericDateFits(numbers: readonly string[], currentYear: number): boolean {
  if (numbers.length === 3) {
    const [a, b, c] = numbers as [string, string, string];
    return (
      ymdFits(c, a, b, currentYear) ||
      ymdFits(c, b, a, currentYear) ||
      (a.length === 4 && ymdFits(a, b, c, currentYear))
    );
  }
  if (numbers.length === 2) {
    // "0303 1985", "3 31985" is not a grouping people use: the last group is the year.
    const [head, year] = numbers as [string, string];
    return (year.length === 4 || year.length === 2) && monthDayFits(head, year, currentYear);
  }
  return numbers.length === 1 && splitsOfDigits(numbers[0]!, currentYear);
}

/** Month and day (1–2 digits each, either order) run together in head, with the given year. */
function monthDayFits(head: string, year: string, currentYear: number): boolean {
  for (let cut = 1; cut < head.length; cut += 1) {
    const a = head.slice(0, cut);
    const b = head.slice(cut);
    if (ymdFits(year, a, b, currentYear) || ymdFits(year, b, a, currentYear)) return true;
  }
  return false;
}

function ymdFits(year: string, month: string, day: string, currentYear: number): boolean {
  return (
    month.length <= 2 && day.length <= 2 && dayFits(Number(month), Number(day)) && yearFits(year, currentYear)
  );
}

/** Digits run together: month and day (1–2 digits each) then a 4- or 2-digit year, or a year first. */
function splitsOfDigits(digits: string, currentYear: number): boolean {
  if (digits.length < 4 || digits.length > 8) return false;
  for (const yearLength of [4, 2]) {
    const cut = digits.length - yearLength;
    if (monthDayFits(digits.slice(0, cut), digits.slice(cut), currentYear)) return true;
  }
  if (digits.length === 8)
    return ymdFits(digits.slice(0, 4), digits.slice(4, 6), digits.slice(6), currentYear);
  return false;
}
