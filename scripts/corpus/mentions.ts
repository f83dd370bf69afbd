/**
 * How a caller says each kind of value, and how the engine writes it down: spoken words, grouped
 * numbers, ASR digit tokens, hyphenated and slashed forms, spelled letters. Each function returns
 * the tokens and the name of the form it chose.
 */
import type { Random } from './random.js';
import type { Person } from './people.js';
import type { DigitStyle, LetterStyle } from './spoken.js';
import {
  cardinal,
  digitGroup,
  letter,
  MONTHS,
  ordinal,
  ordinalDigits,
  speakCode,
  speakGroups,
  spell,
  words,
  year,
} from './spoken.js';
import type { Card, Expiry, Phone } from './values.js';

/** The speaker's habits and the engine's: `written` is how often the engine writes digits as digits. */
export interface Voice {
  rng: Random;
  uk: boolean;
  written: number;
}

export interface Said {
  tokens: string[];
  form: string;
}

/** A number said in groups; groups stay apart so an item can be split across turns. */
export interface SaidGroups {
  groups: string[][];
  form: string;
}

export function flat(said: SaidGroups): Said {
  return { tokens: said.groups.flat(), form: said.form };
}

export interface DigitOptions {
  /** Allow "forty one eleven" (people do for cards, not for SSNs). */
  pairs?: boolean;
  /** Written form may join the groups into one token with this separator ("123-45-6789"). */
  joiner?: string;
  /** Chance of a filler word between groups. */
  filler?: number;
}

export function sayDigits(voice: Voice, groups: readonly string[], options: DigitOptions = {}): SaidGroups {
  const { rng } = voice;
  if (rng.chance(voice.written)) {
    if (options.joiner !== undefined && rng.chance(0.5))
      return { groups: [[groups.join(options.joiner)]], form: 'joined' };
    return { groups: groups.map((group) => [group]), form: 'tokens' };
  }
  const styles: [DigitStyle, number][] = [
    ['words', 3],
    ['oh', 3],
    ['doubles', 2],
    ['pairs', options.pairs ? 2 : 0],
  ];
  // Mixed: some groups as ASR tokens, some as words, as engines do when the speaker's pace changes.
  if (rng.chance(0.12)) {
    return {
      groups: groups.map((group) => digitGroup(group, rng.chance(0.5) ? 'tokens' : 'words', rng)),
      form: 'mixed',
    };
  }
  const style = rng.weighted(styles);
  const filler = options.filler ?? 0.15;
  return { groups: speakGroups(groups, style, rng, { filler, innerFiller: filler / 3 }), form: style };
}

export function sayCard(voice: Voice, card: Card): SaidGroups {
  return sayDigits(voice, card.groups, { pairs: true });
}

export function sayExpiry(voice: Voice, expiry: Expiry): Said {
  const { rng } = voice;
  const mm = String(expiry.month).padStart(2, '0');
  const yy = String(expiry.year % 100);
  return rng.weighted<Said>([
    [{ tokens: [`${mm}/${yy}`], form: 'slashed' }, voice.written * 3],
    [{ tokens: [...digitGroup(mm, 'oh', rng), ...cardinal(Number(yy))], form: 'pairs' }, 3],
    [{ tokens: [MONTHS[expiry.month - 1]!, ...year(expiry.year, rng)], form: 'month-name' }, 2],
    [
      { tokens: [MONTHS[expiry.month - 1]!, String(expiry.year)], form: 'month-name-digits' },
      voice.written * 2,
    ],
    [{ tokens: [...digitGroup(mm + yy, 'words', rng)], form: 'words' }, 1],
    [{ tokens: [...cardinal(expiry.month), 'slash', ...cardinal(Number(yy))], form: 'spoken-slash' }, 1],
  ]);
}

export function sayDate(voice: Voice, date: { day: number; month: number; year: number }): Said {
  const { rng } = voice;
  const month = MONTHS[date.month - 1]!;
  const dd = String(date.day).padStart(2, '0');
  const mm = String(date.month).padStart(2, '0');
  const numeric = voice.uk ? `${dd}/${mm}/${date.year}` : `${mm}/${dd}/${date.year}`;
  return rng.weighted<Said>([
    [
      { tokens: [month, ...ordinal(date.day), ...year(date.year, rng)], form: 'month-ordinal' },
      voice.uk ? 1 : 4,
    ],
    [
      {
        tokens: ['the', ...ordinal(date.day), 'of', month, ...year(date.year, rng)],
        form: 'ordinal-of-month',
      },
      voice.uk ? 4 : 1,
    ],
    [
      { tokens: [`${month}`, `${ordinalDigits(date.day)},`, String(date.year)], form: 'written-ordinal' },
      voice.written * 2,
    ],
    [{ tokens: [numeric], form: 'slashed' }, voice.written * 2],
    [
      {
        tokens: [
          ...digitGroup(voice.uk ? dd : mm, 'oh', rng),
          ...digitGroup(voice.uk ? mm : dd, 'oh', rng),
          ...year(date.year, rng),
        ],
        form: 'digits-year',
      },
      2,
    ],
    [{ tokens: [month, String(date.day), String(date.year)], form: 'month-digits' }, voice.written],
  ]);
}

/** National phone number, or international with its country code (joined to the first group). */
export function sayPhone(voice: Voice, phone: Phone): SaidGroups {
  const { rng } = voice;
  const national = phone.international
    ? [phone.groups[0]!.replace(/^0/, ''), ...phone.groups.slice(1)]
    : phone.groups;
  const said = sayDigits(voice, national, { joiner: phone.country === '1' ? '-' : ' ' });
  if (!phone.international) return { groups: said.groups, form: `national-${said.form}` };
  const prefix = rng.chance(voice.written)
    ? [`+${phone.country}`]
    : ['plus', ...digitGroup(phone.country, 'words', rng)];
  const [first = [], ...rest] = said.groups;
  return { groups: [[...prefix, ...first], ...rest], form: `international-${said.form}` };
}

/** Digits in groups of `size`, a short tail joined to the group before ("123456789" → 1234 56789). */
export function chunk(digits: string, size: number): string[] {
  const out = digits.match(new RegExp(`.{1,${size}}`, 'g')) ?? [];
  if (out.length > 1 && out[out.length - 1]!.length < 2) out[out.length - 2] += out.pop()!;
  return out;
}

function sayEmailPart(voice: Voice, part: string, spellIt: boolean): string[] {
  return part.split(/([._-])/).flatMap((chunk) => {
    if (chunk === '.') return ['dot'];
    if (chunk === '_') return ['underscore'];
    if (chunk === '-') return ['dash'];
    if (/^[0-9]+$/.test(chunk)) return digitGroup(chunk, chunk.length === 2 ? 'pairs' : 'words', voice.rng);
    return spellIt ? spell(chunk, 'lower') : chunk === '' ? [] : [chunk];
  });
}

export function sayEmail(voice: Voice, local: string, domain: string): Said {
  const { rng } = voice;
  if (rng.chance(voice.written * 0.6)) return { tokens: [`${local}@${domain}`], form: 'written' };
  const spellLocal = rng.chance(0.2);
  const localTokens = sayEmailPart(voice, local, spellLocal);
  const domainTokens = rng.chance(0.2) ? [domain] : sayEmailPart(voice, domain, false);
  return { tokens: [...localTokens, 'at', ...domainTokens], form: spellLocal ? 'spoken-spelled' : 'spoken' };
}

/** A code of letters and digits (licence, passport, member ID, postcode). */
export function sayCode(voice: Voice, code: string): Said {
  const { rng } = voice;
  if (rng.chance(voice.written * 0.7)) return { tokens: words(code), form: 'written' };
  const letterStyle = rng.weighted<LetterStyle>([
    ['lower', 3],
    ['upper-dot', 2],
    ['nato', 1],
    ['as-in', /[A-Z].*[A-Z].*[A-Z].*[A-Z]/i.test(code) ? 0 : 1],
  ]);
  const digitStyle = rng.weighted<DigitStyle>([
    ['words', 3],
    ['oh', 2],
    ['pairs', 1],
    ['tokens', voice.written * 2],
  ]);
  return {
    tokens: speakCode(code, digitStyle, letterStyle, rng),
    form: `spelled-${letterStyle}-${digitStyle}`,
  };
}

export function sayIban(voice: Voice, groups: readonly string[]): SaidGroups {
  const { rng } = voice;
  if (rng.chance(voice.written)) return { groups: groups.map((group) => [group]), form: 'tokens' };
  const letterStyle = rng.pick<LetterStyle>(['lower', 'upper-dot', 'nato']);
  const digitStyle = rng.pick<DigitStyle>(['words', 'oh', 'tokens']);
  return {
    groups: groups.map((group) => speakCode(group, digitStyle, letterStyle, rng)),
    form: `spelled-${digitStyle}`,
  };
}

export function saySortCode(voice: Voice, pairs: readonly string[]): Said {
  const { rng } = voice;
  if (rng.chance(voice.written)) return { tokens: [pairs.join('-')], form: 'hyphenated' };
  if (rng.chance(0.5))
    return { tokens: pairs.flatMap((pair) => digitGroup(pair, 'pairs', rng)), form: 'pairs' };
  return { tokens: pairs.flatMap((pair) => digitGroup(pair, 'oh', rng)), form: 'oh' };
}

export function sayIp(voice: Voice, octets: readonly number[]): Said {
  const { rng } = voice;
  if (rng.chance(voice.written)) return { tokens: [octets.join('.')], form: 'written' };
  const asPairs = rng.chance(0.4);
  const tokens = octets.flatMap((octet, index) => [
    ...(index > 0 ? ['dot'] : []),
    ...(asPairs ? cardinal(octet) : digitGroup(String(octet), 'words', rng)),
  ]);
  return { tokens, form: asPairs ? 'spoken-cardinal' : 'spoken-digits' };
}

/** A name, sometimes followed by its spelling ("Kwong, k w o n g"). */
export function sayName(voice: Voice, name: string, spellChance = 0.3): Said {
  const { rng } = voice;
  if (!rng.chance(spellChance)) return { tokens: words(name), form: 'plain' };
  const style = rng.weighted<LetterStyle>([
    ['lower', 4],
    ['upper-dot', 2],
    ['nato', 1],
    ['as-in', 1],
  ]);
  // Callers spell the surname, the part people get wrong.
  const spelled = spell(name.split(' ').pop()!, style);
  // Some engines hear the spelled name only.
  if (rng.chance(0.25))
    return { tokens: [...words(name).slice(0, -1), ...spelled], form: `spelled-only-${style}` };
  return { tokens: [`${name},`, ...spelled], form: `spelled-${style}` };
}

export function sayFullName(voice: Voice, person: Person): Said {
  const first = words(person.first);
  const last = sayName(voice, person.last);
  return { tokens: [...first, ...last.tokens], form: last.form };
}

/** House number and street ("1427 Maple Avenue", "fourteen twenty seven Maple Avenue", "Flat 3, 22 Kingsley Road"). */
export function sayStreet(voice: Voice, house: number, street: string, flat?: number): Said {
  const { rng } = voice;
  const written = rng.chance(voice.written);
  const number = written
    ? [String(house)]
    : house >= 1000 && rng.chance(0.6)
      ? digitGroup(String(house), 'pairs', rng)
      : cardinal(house, voice.uk);
  const unit =
    flat === undefined
      ? []
      : voice.uk
        ? ['Flat', ...(written ? [`${flat},`] : [...cardinal(flat), ','])]
        : ['apartment', ...(written ? [String(flat)] : cardinal(flat))];
  const tokens = [...unit, ...number, ...words(street)].filter((token) => token !== ',');
  return { tokens, form: written ? 'written' : 'spoken' };
}

export function sayUsername(voice: Voice, username: string): Said {
  const { rng } = voice;
  if (rng.chance(voice.written * 0.5)) return { tokens: [username], form: 'written' };
  const tokens = username.split(/([._])|([0-9]+)/).flatMap((chunk) => {
    if (chunk === undefined || chunk === '') return [];
    if (chunk === '.') return ['dot'];
    if (chunk === '_') return ['underscore'];
    if (/^[0-9]+$/.test(chunk)) return digitGroup(chunk, chunk.length === 2 ? 'pairs' : 'words', rng);
    return chunk.length <= 2 ? spell(chunk, 'lower') : [chunk];
  });
  return { tokens, form: 'spoken' };
}

/** A password the way people dictate one: "capital S sunflower exclamation mark two oh one nine". */
export function sayPassword(voice: Voice, password: string): Said {
  const { rng } = voice;
  const tokens: string[] = [];
  for (const chunk of password.match(/[A-Za-z]+|[0-9]+|[^A-Za-z0-9]/g) ?? []) {
    if (/^[0-9]+$/.test(chunk))
      tokens.push(...digitGroup(chunk, rng.chance(voice.written) ? 'tokens' : 'oh', rng));
    else if (/^[A-Za-z]+$/.test(chunk)) {
      if (/^[A-Z]/.test(chunk))
        tokens.push(
          rng.pick(['capital', 'uppercase', 'big']),
          ...letter(chunk[0]!, 'lower'),
          chunk.toLowerCase(),
        );
      else if (chunk.length <= 2) tokens.push(...spell(chunk, 'lower'));
      else tokens.push(chunk);
    } else tokens.push(...SYMBOL_NAMES[chunk]!.split(' '));
  }
  return { tokens, form: 'dictated' };
}

const SYMBOL_NAMES: Record<string, string> = {
  '!': 'exclamation mark',
  '#': 'hash',
  '@': 'at sign',
  $: 'dollar sign',
  '*': 'star',
  '&': 'ampersand',
  '?': 'question mark',
  '-': 'dash',
  _: 'underscore',
};
