/**
 * Look-alikes: numbers and codes calls are full of that are not sensitive (prices, order and case
 * numbers, times, flights…). Each returns a negative piece, so false positives on them are counted.
 */
import type { Voice } from './mentions.js';
import { sayDigits } from './mentions.js';
import type { Piece } from './script.js';
import { negative } from './script.js';
import { cardinal, digitGroup, ordinal, ordinalDigits, speakCode, words, year } from './spoken.js';

export function price(voice: Voice): Piece {
  const { rng } = voice;
  const whole = rng.weighted([
    [rng.int(5, 99), 3],
    [rng.int(100, 999), 2],
    [rng.int(1000, 4999), 1],
  ]);
  const cents = rng.pick([0, 99, 50, 95, 49, rng.int(1, 98)]);
  const symbol = voice.uk ? '£' : '$';
  const unit = voice.uk ? 'pounds' : 'dollars';
  const minor = voice.uk ? 'pence' : 'cents';
  const centsText = String(cents).padStart(2, '0');
  const tokens = rng.weighted<string[]>([
    [[`${symbol}${String(whole).replace(/\B(?=(\d{3})+$)/g, ',')}.${centsText}`], voice.written * 3],
    [
      [
        ...(whole >= 1000 ? digitGroup(String(whole), 'pairs', rng) : cardinal(whole)),
        ...(cents ? cardinal(cents) : [unit]),
      ],
      2,
    ],
    [[...cardinal(whole), unit, ...(cents ? ['and', ...cardinal(cents), minor] : [])], 2],
    [[`${whole}.${centsText}`], voice.written],
  ]);
  return negative('price', tokens);
}

const NUMBER_KINDS = {
  order_number: { lengths: [7, 8, 9, 10, 12], groups: 4 },
  case_number: { lengths: [6, 7, 8], groups: 4 },
  confirmation_number: { lengths: [9, 10, 11], groups: 3 },
  reference_number: { lengths: [8, 10, 12], groups: 4 },
} as const;

/** An order, case, confirmation or reference number: long digit runs, sometimes with letters. */
export function recordNumber(voice: Voice, kind: keyof typeof NUMBER_KINDS): Piece {
  const { rng } = voice;
  const spec = NUMBER_KINDS[kind];
  const digits = rng.digits(rng.pick(spec.lengths));
  if (rng.chance(0.3)) {
    const prefix = rng.pick(['CS', 'REF', 'ORD', 'CNF', 'TK', 'W']);
    return negative(
      kind,
      speakCode(`${prefix} ${digits}`, rng.chance(voice.written) ? 'tokens' : 'words', 'lower', rng),
    );
  }
  const groups = digits.match(new RegExp(`.{1,${spec.groups}}`, 'g'))!;
  return negative(kind, sayDigits(voice, groups, { pairs: true, filler: 0.05 }).groups.flat());
}

/** Parcel tracking numbers: 22-digit postal runs and UPS-style 1Z codes, long enough to look like cards. */
export function trackingNumber(voice: Voice): Piece {
  const { rng } = voice;
  if (rng.chance(0.5)) {
    const digits = `9400${rng.digits(18)}`;
    return negative(
      'tracking_number',
      sayDigits(voice, digits.match(/.{1,4}/g)!, { filler: 0.05 }).groups.flat(),
    );
  }
  const code = `1Z ${rng.digits(3)} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))} ${rng.digits(10)}`;
  return negative(
    'tracking_number',
    speakCode(code, rng.chance(voice.written) ? 'tokens' : 'words', 'lower', rng),
  );
}

export function time(voice: Voice): Piece {
  const { rng } = voice;
  const hour = rng.int(1, 12);
  const minute = rng.pick([0, 15, 30, 45, 10, 20, 40]);
  return negative(
    'time',
    rng.weighted<string[]>([
      [[`${hour}:${String(minute).padStart(2, '0')}`], voice.written * 2],
      [
        [
          ...cardinal(hour),
          ...(minute === 0 ? ["o'clock"] : minute < 10 ? ['oh', ...cardinal(minute)] : cardinal(minute)),
        ],
        3,
      ],
      [
        minute === 15
          ? ['quarter', 'past', ...cardinal(hour)]
          : minute === 30
            ? ['half', 'past', ...cardinal(hour)]
            : [...cardinal(hour), 'thirty'],
        1,
      ],
      [
        [...cardinal(hour), rng.pick(['a.m.', 'p.m.', 'in the morning', 'this afternoon'])].flatMap((token) =>
          words(token),
        ),
        1,
      ],
    ]),
  );
}

export function quantity(voice: Voice, noun: string): Piece {
  const { rng } = voice;
  const amount = rng.pick([2, 3, 6, 12, 24, 36, 100, 250, 500]);
  return negative('quantity', [
    ...(rng.chance(voice.written) ? [String(amount)] : cardinal(amount)),
    ...words(noun),
  ]);
}

export function flightNumber(voice: Voice): Piece {
  const { rng } = voice;
  const carrier = rng.pick(['BA', 'UA', 'AA', 'DL', 'EI', 'VS']);
  const number = String(rng.int(10, 2999));
  if (rng.chance(voice.written)) return negative('flight_number', [`${carrier}${number}`]);
  return negative('flight_number', [
    ...speakCode(carrier, 'words', 'upper-dot', rng),
    ...digitGroup(number, number.length === 4 ? 'pairs' : 'words', rng),
  ]);
}

export function roomNumber(voice: Voice): Piece {
  const { rng } = voice;
  const room = rng.int(101, 1240);
  const said = rng.chance(voice.written)
    ? [String(room)]
    : digitGroup(String(room), rng.chance(0.5) ? 'pairs' : 'words', rng);
  return negative('room_number', ['room', ...said]);
}

export function ordinaryYear(voice: Voice): Piece {
  const { rng } = voice;
  const y = rng.int(1995, 2025);
  return negative('year', rng.chance(voice.written) ? [String(y)] : year(y, rng));
}

export function extension(voice: Voice): Piece {
  const { rng } = voice;
  const ext = rng.digits(4);
  return negative('extension', [
    'extension',
    ...(rng.chance(voice.written) ? [ext] : digitGroup(ext, 'words', rng)),
  ]);
}

/** A date that is not a birth date (an appointment, a bill date). */
export function appointmentDate(voice: Voice): Piece {
  const { rng } = voice;
  const day = rng.int(1, 28);
  const weekday = rng.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
  return negative('date', [
    weekday,
    'the',
    ...(rng.chance(voice.written) ? [ordinalDigits(day)] : ordinal(day)),
  ]);
}

export function rate(voice: Voice): Piece {
  const { rng } = voice;
  const whole = rng.int(2, 29);
  const tenth = rng.int(0, 9);
  return negative(
    'rate',
    rng.chance(voice.written)
      ? [`${whole}.${tenth}%`]
      : [...cardinal(whole), 'point', ...digitGroup(String(tenth), 'words', rng), 'percent'],
  );
}
