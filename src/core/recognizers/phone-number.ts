/**
 * PHONE_NUMBER: digit runs of 7–15 digits (with `+` for international numbers) checked with
 * libphonenumber-js (min metadata: validity by each region's number patterns, which is all this
 * needs; the max metadata only adds number types). libphonenumber runs only on candidate runs.
 * National numbers use policy.defaultCountry, and GB too after a UK cue or for 0-leading
 * 11-digit numbers. Valid numbers count on their own; merely possible ones (fictional 555
 * numbers, misheard digits) need a phone cue or question, or a phone-like grouping. A spoken
 * extension is part of the number; a lone extension is not a phone number.
 */
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CueMatcher } from '../context/cue-matcher.js';
import { compileCues } from '../context/cue-matcher.js';
import { ALL_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { Finding } from '../detection.js';
import type { DigitRun } from './digits.js';
import { digitRuns, digitSpan, ohZeroAt, repeatAt } from './digits.js';
import type { ContextVerdict, MatchWindow } from './pattern.js';
import { hasNegativeTrail, judgeContext, readWindow, verdictReasons } from './pattern.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import { regexFor, ViewRegex } from '../normalise/view-regex.js';

const NAME = 'phone-number';
const cues = compileCues(ENTITY_CUES.PHONE_NUMBER ?? []);
const negatives = compileCues(NEGATIVE_CUES);
const ukCues = compileCues([
  'uk',
  'united kingdom',
  'britain',
  'british',
  'england',
  'scotland',
  'wales',
  'london',
]);
/**
 * The item was asked for before this turn, not named in the speaker's own words before the digits
 * (in one mono stream the prompt runs into the lead-in: "email jo@… or call 212 555 …").
 */
function askedFor(window: MatchWindow, items: CueMatcher): boolean {
  return window.promptCue(items) !== undefined && window.leadInCue(items) === undefined;
}

/** Every other item's cues, one matcher per lexicon: what else the other party may ask for. */
const otherItems = Object.entries(ALL_ENTITY_CUES).flatMap(([type, list]) =>
  type === 'PHONE_NUMBER' || !list ? [] : [compileCues(list)],
);
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
/** Runs with more groups than this are tried whole only. */
const MAX_SUBRUN_GROUPS = 8;
const EXTENSION = new ViewRegex('^ (?:extension|ext|x) ?(\\d{1,6})(?![\\p{L}\\p{N}])', 'iu');
/** `+` (or a "plus" the normaliser left as a word) right before the run. */
const INTERNATIONAL_PREFIX = new ViewRegex('(?:\\+|(?<![\\p{L}])plus) ?$', 'iu');
/** Written phone forms the digit runs leave out: "(843) 555-0121" and the dotted "843.555.0121". */
const WRITTEN_FORMS = new ViewRegex(
  String.raw`\(\d{3}\) ?\d{3}[ -]?\d{4}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.])\d{3}\.\d{3}\.\d{4}(?![\p{L}\p{N}]|\.\d)`,
  'gu',
);

/** The written US form "617-555-0143". */
const DASHED_PHONE = /^\d{3}-\d{3}-\d{4}$/;

const SCORE = { validCued: 0.95, valid: 0.75, possibleCued: 0.85, possibleGrouped: 0.6, localCued: 0.7 };

interface Parsed {
  number: PhoneNumber;
  valid: boolean;
}

function parse(digits: string, international: boolean, countries: readonly string[]): Parsed | undefined {
  let possible: Parsed | undefined;
  for (const country of international ? [undefined] : countries) {
    const number = parsePhoneNumberFromString(international ? `+${digits}` : digits, country as CountryCode);
    if (!number?.isPossible()) continue;
    if (number.isValid()) return { number, valid: true };
    possible ??= { number, valid: false };
  }
  return possible;
}

function countriesFor(input: RecognizerInput, digits: string, window: MatchWindow): string[] {
  const countries = [input.defaultCountry];
  const ukHint =
    ukCues.test(window.leadIn) ||
    window.promptCue(ukCues) !== undefined ||
    (digits.length === 11 && digits[0] === '0');
  if (ukHint && input.defaultCountry !== 'GB') countries.push('GB');
  return countries;
}

/** Grouped as people say phone numbers: two or more groups of at most six digits ("07700 900136", "555 123 4567"). */
function phoneGrouped(run: DigitRun, from: number, to: number): boolean {
  const starts = [from, ...run.groupStarts.filter((at) => at > from && at < to), to];
  return starts.length >= 3 && starts.every((at, i) => i === 0 || at - starts[i - 1]! <= 6);
}

interface Candidate {
  start: number;
  end: number;
  digits: string;
  international: boolean;
  grouped: boolean;
  /** All the digits of its run (or of one of a run's two readings), not a part of them. */
  whole: boolean;
}

/** North American numbering plan regions: national numbers are 10 digits, or 11 with the leading 1. */
const NANP = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** Cheap length check before libphonenumber: only lengths a phone number can have are parsed. */
function plausibleLength(candidate: Candidate, cued: boolean, countries: readonly string[]): boolean {
  const { length } = candidate.digits;
  if (candidate.international) return length >= 8 && length <= MAX_DIGITS;
  if (length === MIN_DIGITS) return cued;
  if (countries.includes('GB') && candidate.digits[0] === '0' && (length === 10 || length === 11))
    return true;
  if (NANP.has(countries[0]!)) return length === 10 || (length === 11 && candidate.digits[0] === '1');
  return length >= 8 && length <= 12;
}

/**
 * A run whole first; when it is not a number, its group-aligned sub-runs, longest first. A run that
 * says its digits twice ("04723 04723", a reading and its repeat) is two values, never one number.
 */
function runCandidates(run: DigitRun, international: boolean, text: string, ohAt: number): Candidate[] {
  const options: Candidate[] = [];
  const repeat = repeatAt(run);
  // The read-back may start inside a group (see repeatAt), and a closing "oh" may be no digit
  // (see ohZeroAt): their starts are bounds too.
  const bounds = [...new Set([...run.groupStarts, repeat, ohAt, run.digits.length])].sort((a, b) => a - b);
  // A run of many groups (digits read one by one) is tried whole only.
  const wholeOnly = bounds.length > MAX_SUBRUN_GROUPS;
  for (let i = 0; i < (wholeOnly ? 1 : bounds.length); i += 1) {
    for (let j = bounds.length - 1; j > (wholeOnly ? bounds.length - 2 : i); j -= 1) {
      const from = bounds[i]!;
      const to = bounds[j]!;
      if (to - from < MIN_DIGITS || to - from > MAX_DIGITS || (from < repeat && repeat < to)) continue;
      if (cutsWrittenNumber(text, run, from, to)) continue;
      options.push({
        ...digitSpan(run, from, to),
        digits: run.digits.slice(from, to),
        international: international && from === 0,
        grouped: phoneGrouped(run, from, to),
        whole: (from === 0 || from === repeat) && (to === run.digits.length || to === repeat || to === ohAt),
      });
    }
  }
  return options.sort((a, b) => b.digits.length - a.digits.length || a.start - b.start);
}

/**
 * A part of a number written with dashes ("11-40729-58813", an order number) is no phone number:
 * the dashes tie it into one. Only a leading trunk "1" may be left off ("1-800-555-0199").
 */
function cutsWrittenNumber(text: string, run: DigitRun, from: number, to: number): boolean {
  const cutBefore =
    from > 0 && text[run.positions[from]! - 1] === '-' && !(from === 1 && run.digits[0] === '1');
  const cutAfter = to < run.digits.length && text[run.positions[to - 1]! + 1] === '-';
  return cutBefore || cutAfter;
}

function score(parsed: Parsed | undefined, candidate: Candidate, cued: boolean): number | undefined {
  // Part of a longer run said in one go ("20418 55630 127", a reference): the number is the whole
  // run, which no phone cue names.
  if (!cued && !candidate.whole && !candidate.international) return undefined;
  if (parsed?.valid) return cued || candidate.international ? SCORE.validCued : SCORE.valid;
  if (parsed && cued) return SCORE.possibleCued;
  if (parsed && candidate.grouped) return SCORE.possibleGrouped;
  if (cued && candidate.digits.length === MIN_DIGITS) return SCORE.localCued;
  return undefined;
}

/** The first candidate (longest first) that is a phone number, as a finding. */
function recognizeRun(input: RecognizerInput, options: readonly Candidate[]): Finding | undefined {
  const first = options[0];
  if (!first) return undefined;
  const window = readWindow(
    input,
    first.start,
    options.reduce((end, option) => Math.max(end, option.end), 0),
  );
  const verdict = statedCue(window) ?? judgeContext(window, cues, negatives);
  if ((verdict.negative && !olderTurnOnly(window, first.digits)) || hasNegativeTrail(window))
    return undefined;
  const cued = verdict.cue !== undefined;
  // Digits no phone cue names, given when another item was asked for ("your membership
  // number?"), are that item, however valid they are as a phone number. Not when written in the
  // dashed form engines keep for phone numbers ("617-555-0143").
  const dashedPhone = DASHED_PHONE.test(input.view.text.slice(first.start, first.end));
  if (!cued && !dashedPhone && otherItems.some((items) => askedFor(window, items))) return undefined;
  for (const candidate of options) {
    // Per candidate: a 0-leading 11-digit part of a longer run is a UK number too.
    const countries = countriesFor(input, candidate.digits, window);
    if (!plausibleLength(candidate, cued, countries)) continue;
    const parsed =
      candidate.digits.length === MIN_DIGITS && !candidate.international
        ? undefined
        : parse(candidate.digits, candidate.international, countries);
    const found = score(parsed, candidate, cued);
    if (found === undefined) continue;
    let charEnd = candidate.end;
    const extension = regexFor(EXTENSION, input.view.text).exec(input.view.text.slice(charEnd, charEnd + 20));
    if (extension) charEnd += extension[0].length;
    const checks = parsed ? [parsed.valid ? 'libphonenumber:valid' : 'libphonenumber:possible'] : ['local'];
    return {
      recognizer: NAME,
      type: 'PHONE_NUMBER',
      view: input.view,
      charStart: candidate.international ? prefixStart(input.view.text, candidate.start) : candidate.start,
      charEnd,
      score: found,
      value: parsed?.number.number ?? candidate.digits,
      reasons: [...checks, ...(extension ? ['extension'] : []), ...verdictReasons(verdict)],
    };
  }
  return undefined;
}

/**
 * A look-alike named only in the speaker's own turn before the other party's reply, when that reply
 * did not give these digits ("that's 292 total" "yes" "and I have 206 555 0109 for alerts"): the
 * speaker is not reading back an answer, so their older turn does not name this number.
 */
function olderTurnOnly(window: MatchWindow, digits: string): boolean {
  if (window.leadInCue(negatives) || window.promptCue(negatives)) return false;
  return !window.prompt.replace(/\D/g, '').includes(digits);
}

/**
 * A phone cue later in the same statement ("is 717 555 0122 still the best number for her"): the
 * speaker names what the number is, which outweighs a prompt or read-back the other way (a lead-in
 * negative still wins: "order number 336 555 0105 is the best number" is not told apart), unless
 * that negative's own digits came between ("ticket 4471 and is 717 555 0122 the best number").
 */
function statedCue(window: MatchWindow): ContextVerdict | undefined {
  const negative = window.leadInCue(negatives);
  if (window.leadInCue(cues) || (negative && !/\d/.test(window.leadIn.slice(negative.end)))) return undefined;
  const cue = window.trail === '' ? undefined : cues.last(window.trail);
  return cue && { cue, where: 'trail', negative: undefined };
}

/**
 * Capital letters (maybe with digits) written right before a run: the run is the rest of an
 * identifier ("case FR 7703142", "1Z 884 F20 03 4412 7781", "agreement IA 2604418"), no phone.
 */
const IDENTIFIER_BEFORE = new ViewRegex('(?<![\\p{L}\\p{N}])(?=[A-Z\\d]*[A-Z])[A-Z\\d]{1,4} $', 'u');

function* candidateGroups(input: RecognizerInput): Generator<Candidate[]> {
  const { text } = input.view;
  for (const run of digitRuns(input.view)) {
    if (run.digits.length < MIN_DIGITS) continue;
    if (regexFor(IDENTIFIER_BEFORE, text).test(text.slice(Math.max(0, run.start - 6), run.start))) continue;
    const options = runCandidates(
      run,
      regexFor(INTERNATIONAL_PREFIX, text).test(text.slice(Math.max(0, run.start - 5), run.start)),
      text,
      ohZeroAt(run, input.view, input.transcript.words),
    );
    const repeat = repeatAt(run);
    if (repeat === 0) {
      yield options;
      continue;
    }
    // A value and its read-back: each is a number of its own.
    const at = digitSpan(run, repeat, repeat + 1).start;
    yield options.filter((option) => option.end <= at);
    yield options.filter((option) => option.start >= at);
  }
  for (const match of text.matchAll(regexFor(WRITTEN_FORMS, text))) {
    const end = match.index + match[0].length;
    yield [
      {
        start: match.index,
        end,
        digits: match[0].replace(/\D/g, ''),
        international: false,
        grouped: true,
        whole: true,
      },
    ];
  }
}

/** Where the `+` or "plus" before an international number starts. */
function prefixStart(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 5), start);
  const match = regexFor(INTERNATIONAL_PREFIX, text).exec(before);
  return match ? start - before.length + match.index : start;
}

export const phoneNumberRecognizer: Recognizer = {
  name: NAME,
  types: ['PHONE_NUMBER'],
  recognize(input) {
    const findings: Finding[] = [];
    for (const options of candidateGroups(input)) {
      const found = recognizeRun(input, options);
      if (found) findings.push(found);
    }
    return findings;
  },
};
