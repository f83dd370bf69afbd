/**
 * Accumulates a view's text and its character → word map. The map lives in typed arrays that
 * grow by doubling, so building costs no allocation per character.
 */
import type { Span } from './spans.js';

/** Word index for characters Hush inserted (spaces between items, turn breaks). */
export const NO_WORD = -1;

export class ViewBuilder {
  private readonly parts: string[] = [];
  private from: Int32Array;
  private to: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.from = new Int32Array(Math.max(16, capacity));
    this.to = new Int32Array(Math.max(16, capacity));
  }

  /** Number of characters so far. */
  get length(): number {
    return this.size;
  }

  /** Appends characters made from words span.from through span.to. */
  append(span: Span): void {
    this.write(span.text, span.from, span.to);
  }

  /** Appends a separator Hush inserted (maps to no word). */
  separate(separator: string): void {
    this.write(separator, NO_WORD, NO_WORD);
  }

  finish(): { text: string; wordFrom: Int32Array; wordTo: Int32Array } {
    return {
      text: this.parts.join(''),
      wordFrom: this.from.slice(0, this.size),
      wordTo: this.to.slice(0, this.size),
    };
  }

  private write(text: string, from: number, to: number): void {
    const end = this.size + text.length;
    if (end > this.from.length) this.grow(end);
    for (let i = this.size; i < end; i += 1) {
      this.from[i] = from;
      this.to[i] = to;
    }
    this.parts.push(text);
    this.size = end;
  }

  private grow(needed: number): void {
    let capacity = this.from.length * 2;
    while (capacity < needed) capacity *= 2;
    const from = new Int32Array(capacity);
    const to = new Int32Array(capacity);
    from.set(this.from.subarray(0, this.size));
    to.set(this.to.subarray(0, this.size));
    this.from = from;
    this.to = to;
  }
}
