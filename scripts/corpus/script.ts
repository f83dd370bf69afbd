/**
 * A call as its author writes it: lines by the agent and the customer, each a run of tokens, some
 * of them marked as a sensitive item (gold) or as a look-alike that is not sensitive (negative).
 */
import type { BuiltInEntityType } from '../../src/core/entities.js';
import { words } from './spoken.js';

export type Speaker = 'agent' | 'customer';

/** Every built-in type the corpus labels (PAYMENT_DIGITS is a policy behaviour, not a kind of item). */
export type GoldType = Exclude<BuiltInEntityType, 'PAYMENT_DIGITS'>;

/** Things that look like sensitive data and are not. */
export type NegativeKind =
  | 'price'
  | 'order_number'
  | 'case_number'
  | 'confirmation_number'
  | 'reference_number'
  | 'tracking_number'
  | 'time'
  | 'quantity'
  | 'flight_number'
  | 'room_number'
  | 'year'
  | 'extension'
  | 'date'
  | 'rate'
  /** A phone-menu choice ("press one"): used by the hand-written holdout set. */
  | 'menu_option';

export type Mark =
  | {
      kind: 'gold';
      type: GoldType;
      /** How it was said ("digit-words", "tokens", "spelled"…), for reading results by form. */
      form: string;
      /** Pieces sharing a group are one item said over several turns. */
      group: number;
    }
  | { kind: 'negative'; type: NegativeKind };

export interface Piece {
  tokens: string[];
  mark?: Mark;
}

export interface Line {
  speaker: Speaker;
  pieces: Piece[];
  /** Silence before the line in ms, when the script wants one (a hold); otherwise the timeline picks. */
  gapBefore?: number;
  /** A quick acknowledgement ("mm hmm") said while the other party pauses. */
  backchannel?: boolean;
}

export type Part = string | Piece;

let nextGroup = 1;

/** A sensitive item (or one piece of it, when `group` ties pieces said in different turns). */
export function gold(type: GoldType, tokens: readonly string[], form: string, group = nextGroup++): Piece {
  return { tokens: [...tokens], mark: { kind: 'gold', type, form, group } };
}

/** A fresh group id, for an item split over turns. */
export function newGroup(): number {
  return nextGroup++;
}

export function negative(type: NegativeKind, tokens: readonly string[]): Piece {
  return { tokens: [...tokens], mark: { kind: 'negative', type } };
}

/** Appends punctuation to the last token of a piece (ASR engines attach it to the word). */
export function punctuate(piece: Piece, mark: string): Piece {
  const tokens = [...piece.tokens];
  const last = tokens[tokens.length - 1];
  // "N." already ends a sentence; engines do not write "N..".
  if (last !== undefined && !(mark === '.' && last.endsWith('.'))) tokens[tokens.length - 1] = last + mark;
  return { ...piece, tokens };
}

/**
 * Turns parts into pieces. A string starting with punctuation attaches it to the token before;
 * `{{…}}` inside a string marks a counted quantity ("the {{sixteen digit}} number"), a look-alike.
 */
function toPieces(parts: readonly Part[]): Piece[] {
  const pieces: Piece[] = [];
  const expanded = parts.flatMap((part) =>
    typeof part === 'string'
      ? part
          .split(/\{\{(.+?)\}\}/)
          .map((text, index) => (index % 2 === 1 ? negative('quantity', words(text)) : text))
      : [part],
  );
  for (const part of expanded) {
    if (typeof part !== 'string') {
      pieces.push(part);
      continue;
    }
    const leading = /^[.,?!;:]+/.exec(part)?.[0] ?? '';
    const previous = pieces[pieces.length - 1];
    if (leading && previous && previous.tokens.length > 0) {
      pieces[pieces.length - 1] = punctuate(previous, leading);
    }
    const rest = words(part.slice(leading.length));
    if (rest.length > 0) pieces.push({ tokens: rest });
  }
  return pieces;
}

export class Script {
  readonly lines: Line[] = [];
  private pendingGap: number | undefined;

  say(speaker: Speaker, ...parts: Part[]): this {
    const pieces = toPieces(parts);
    if (pieces.length === 0) return this;
    this.lines.push({ speaker, pieces, gapBefore: this.pendingGap });
    this.pendingGap = undefined;
    return this;
  }

  agent(...parts: Part[]): this {
    return this.say('agent', ...parts);
  }

  customer(...parts: Part[]): this {
    return this.say('customer', ...parts);
  }

  /** A short acknowledgement by one party while the other is mid-item. */
  backchannel(speaker: Speaker, text: string): this {
    this.say(speaker, text);
    this.lines[this.lines.length - 1]!.backchannel = true;
    return this;
  }

  /** Silence (a hold, a system lookup) before the next line. */
  pause(ms: number): this {
    this.pendingGap = ms;
    return this;
  }
}
