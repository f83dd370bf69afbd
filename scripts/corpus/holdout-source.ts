/**
 * The hand-written holdout calls' source format (`src/*.call` in corpus/holdout and
 * corpus/holdout-b), parsed into the script lines the timeline lays out. A file is a header, a
 * `---` line, then one turn per line:
 *
 *   domain: bank
 *   locale: UK
 *   ---
 *   A: you're through to Harbour Bank, it's [[PERSON_NAME: Callum]], how can I help?
 *   C: my card number is [[CREDIT_CARD#card: 4539 8821]]
 *   A~: mm-hmm
 *   C: [[CREDIT_CARD#card: 0467 3317]], and that's {{price: £49.99}} I owe
 *   (hold 40s)
 *
 * `A:` is the agent, `C:` the customer; `~` marks a quick backchannel said while the other party
 * pauses; `(hold N s)` puts silence before the next turn; `#` starts a comment line.
 * `[[TYPE: words]]` marks a sensitive item, `[[TYPE#key: …]]` pieces of one item said over several
 * turns, `[[TYPE|form: …]]` names how it was said (otherwise derived from the words);
 * `{{kind: words}}` marks a look-alike. Text touching a mark with no space between ("]].") joins
 * the mark's word next to it, as engines attach punctuation to the word.
 */
import { BUILT_IN_ENTITY_TYPES } from '../../src/core/entities.js';
import type { GoldType, Line, Mark, NegativeKind, Piece, Speaker } from './script.js';

export interface HoldoutSource {
  /** The file name without `.call`: the call's id. */
  name: string;
  /** What the call is about (bank, telecom, pharmacy…): the labels' `family`. */
  domain: string;
  locale: 'US' | 'UK';
  lines: Line[];
}

/** A holdout source that does not follow the format; names the file and line, never its content. */
export class HoldoutSourceError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'HoldoutSourceError';
  }
}

/** Turns a call must have (agent and customer lines, backchannels included). */
export const TURN_RANGE = { min: 15, max: 60 } as const;

const GOLD_TYPES: readonly string[] = BUILT_IN_ENTITY_TYPES.filter((type) => type !== 'PAYMENT_DIGITS');

/** Every look-alike kind, as a record so the compiler checks none is left out. */
const NEGATIVE_KINDS: Record<NegativeKind, true> = {
  price: true,
  order_number: true,
  case_number: true,
  confirmation_number: true,
  reference_number: true,
  tracking_number: true,
  time: true,
  quantity: true,
  flight_number: true,
  room_number: true,
  year: true,
  extension: true,
  date: true,
  rate: true,
  menu_option: true,
};

const SPEAKERS: Record<string, Speaker> = { A: 'agent', C: 'customer' };
const TURN = /^([AC])(~?):\s*(.*)$/;
const HOLD = /^\(hold\s+(\d+(?:\.\d+)?)\s*s\)$/;
const MARK =
  /\[\[([A-Z_0-9]+)(?:#([\w-]+))?(?:\|([\w-]+))?:\s*([^\]]*?)\s*\]\]|\{\{([a-z_]+):\s*([^}]*?)\s*\}\}/g;

/** Text under a mark (or none): a stretch of a turn, or one word of it. */
interface Marked {
  text: string;
  mark: Mark | undefined;
}

/** Splits segments into words; a word touching a segment boundary joins the word across it. */
function tokensOf(segments: readonly Marked[], fail: (problem: string) => never): Marked[] {
  const tokens: Marked[] = [];
  let touching = false;
  for (const segment of segments) {
    const words = segment.text.match(/\S+/g) ?? [];
    if (segment.mark && words.length === 0) fail('a mark with no words');
    words.forEach((word, index) => {
      const previous = tokens[tokens.length - 1];
      if (index === 0 && touching && previous && /^\S/.test(segment.text)) {
        if (previous.mark && segment.mark && previous.mark !== segment.mark)
          fail('two marks with no space between');
        previous.text += word;
        previous.mark ??= segment.mark;
      } else tokens.push({ text: word, mark: segment.mark });
    });
    if (segment.text !== '') touching = /\S$/.test(segment.text);
  }
  return tokens;
}

/** Consecutive tokens under the same mark make one piece. */
function piecesOf(tokens: readonly Marked[]): Piece[] {
  const pieces: Piece[] = [];
  for (const token of tokens) {
    const last = pieces[pieces.length - 1];
    if (last && last.mark === token.mark) last.tokens.push(token.text);
    else pieces.push(token.mark ? { tokens: [token.text], mark: token.mark } : { tokens: [token.text] });
  }
  return pieces;
}

/** How an item was said, from its words: digit tokens, spoken words, or both. */
function derivedForm(tokens: readonly string[]): string {
  const withDigits = tokens.filter((token) => /[0-9]/.test(token)).length;
  if (withDigits === tokens.length) return 'digits';
  return withDigits === 0 ? 'words' : 'mixed';
}

type GoldMark = Extract<Mark, { kind: 'gold' }>;

interface GoldGroup {
  mark: GoldMark;
  explicitForm: boolean;
  /** The words of all its pieces, for deriving the form. */
  words: string[];
  pieces: number;
}

const BRACKETS = /\[\[|\]\]|\{\{|\}\}/;

export function parseHoldoutSource(text: string, file: string): HoldoutSource {
  const name = file.replace(/^.*\//, '').replace(/\.call$/, '');
  const header = new Map<string, string>();
  const lines: Line[] = [];
  const groups = new Map<string, GoldGroup>();
  const sourceLines = text.split(/\r?\n/);
  let inBody = false;
  let pendingGap: number | undefined;
  let anonymous = 0;

  sourceLines.forEach((raw, index) => {
    const fail = (problem: string): never => {
      throw new HoldoutSourceError(file, index + 1, problem);
    };
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!inBody) {
      if (line === '---') inBody = true;
      else {
        const field = /^([a-z]+):\s*(.+)$/.exec(line) ?? fail('a header line is not "key: value"');
        header.set(field[1]!, field[2]!);
      }
      return;
    }
    const hold = HOLD.exec(line);
    if (hold) {
      pendingGap = Math.round(Number(hold[1]) * 1000);
      return;
    }
    const turn = TURN.exec(line) ?? fail('a line is neither a turn ("A:" / "C:"), a hold nor a comment');
    const body = turn[3]!;

    const segments: Marked[] = [];
    let cursor = 0;
    const plain = (until: number): void => {
      const between = body.slice(cursor, until);
      if (BRACKETS.test(between)) fail('a mark is not closed or not well formed');
      segments.push({ text: between, mark: undefined });
    };
    for (const found of body.matchAll(MARK)) {
      plain(found.index);
      cursor = found.index + found[0].length;
      const [, type, key, form, goldWords, kind, negativeWords] = found;
      if (kind !== undefined) {
        if (!Object.hasOwn(NEGATIVE_KINDS, kind)) fail(`unknown look-alike kind "${kind}"`);
        segments.push({ text: negativeWords!, mark: { kind: 'negative', type: kind as NegativeKind } });
        continue;
      }
      if (!GOLD_TYPES.includes(type!)) fail(`unknown entity type "${type}"`);
      const groupKey = key ?? `#${(anonymous += 1)}`;
      let group = groups.get(groupKey);
      if (!group) {
        const mark: GoldMark = {
          kind: 'gold',
          type: type as GoldType,
          form: form ?? '',
          group: groups.size + 1,
        };
        group = { mark, explicitForm: form !== undefined, words: [], pieces: 0 };
        groups.set(groupKey, group);
      } else if (group.mark.type !== type) fail(`pieces of item "${key}" have different types`);
      group.pieces += 1;
      group.words.push(...(goldWords!.match(/\S+/g) ?? []));
      segments.push({ text: goldWords!, mark: group.mark });
    }
    plain(body.length);

    const tokens = tokensOf(segments, fail);
    if (tokens.length === 0) fail('an empty turn');
    lines.push({
      speaker: SPEAKERS[turn[1]!]!,
      pieces: piecesOf(tokens),
      ...(pendingGap === undefined ? {} : { gapBefore: pendingGap }),
      ...(turn[2] === '~' ? { backchannel: true } : {}),
    });
    pendingGap = undefined;
  });

  const last = sourceLines.length;
  if (!inBody) throw new HoldoutSourceError(file, last, 'no "---" line between the header and the turns');
  const locale = header.get('locale');
  if (locale !== 'US' && locale !== 'UK') throw new HoldoutSourceError(file, 1, 'locale must be US or UK');
  const domain = header.get('domain');
  if (domain === undefined) throw new HoldoutSourceError(file, 1, 'no domain in the header');
  if (lines.length < TURN_RANGE.min || lines.length > TURN_RANGE.max)
    throw new HoldoutSourceError(
      file,
      last,
      `${lines.length} turns, outside ${TURN_RANGE.min}–${TURN_RANGE.max}`,
    );
  for (const group of groups.values()) {
    if (!group.explicitForm) group.mark.form = derivedForm(group.words);
    if (group.pieces > 1) group.mark.form += '-split';
  }
  return { name, domain, locale, lines };
}
