import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../src/core/detection.js';
import { resolveOverlaps } from '../../src/core/engine/overlaps.js';
import type { StreamView } from '../../src/core/normalise/view.js';
import { normaliseTurns } from '../normalise/support.js';
import { agent, call, customer, detectIn, found } from '../recognizers/conversation.js';

const TEXT = '2027 Pine Street Columbus Ohio 43004 thanks';

function viewOf(text: string): StreamView {
  return normaliseTurns([{ text }]).views[0]!;
}

/** A finding over the first occurrence of `item` in the view. */
function finding(view: StreamView, type: string, item: string, score: number, recognizer = type): Finding {
  const charStart = view.text.indexOf(item);
  assert.notEqual(charStart, -1, `"${item}" not in "${view.text}"`);
  const charEnd = charStart + item.length;
  return { recognizer, type, view, charStart, charEnd, score, value: item, reasons: ['test'] };
}

const summary = (findings: readonly Finding[]): string[] =>
  findings.map((one) => `${one.type}:${one.view.text.slice(one.charStart, one.charEnd)}`);

/** The view characters (not spaces) that the findings cover. */
function coveredChars(findings: readonly Finding[]): Set<number> {
  const chars = new Set<number>();
  for (const one of findings) {
    for (let i = one.charStart; i < one.charEnd; i += 1) if (one.view.text[i] !== ' ') chars.add(i);
  }
  return chars;
}

function assertSameCoverage(before: readonly Finding[], after: readonly Finding[]): void {
  assert.deepEqual([...coveredChars(after)].sort(), [...coveredChars(before)].sort());
  const ordered = [...after].sort((a, b) => a.charStart - b.charStart);
  ordered.slice(1).forEach((one, i) => assert.ok(one.charStart >= ordered[i]!.charEnd, 'no overlaps'));
}

describe('resolveOverlaps', () => {
  test('overlapping findings become the best claim over the union of their ranges', () => {
    const view = viewOf('card 4111 1111 1111 1111 extra words');
    const input = [
      finding(view, 'CREDIT_CARD', '4111 1111 1111 1111', 0.9),
      finding(view, 'CARD_AND_MORE', '1111 1111 extra', 0.6),
    ];
    const resolved = resolveOverlaps(input);
    assert.deepEqual(summary(resolved), ['CREDIT_CARD:4111 1111 1111 1111 extra']);
    assert.ok(resolved[0]!.reasons.includes('union'));
    assertSameCoverage(input, resolved);
  });

  test('a postal code inside a street address keeps its label; the address keeps the rest', () => {
    const view = viewOf(TEXT);
    const input = [
      finding(view, 'STREET_ADDRESS', '2027 Pine Street Columbus Ohio 43004', 0.7),
      finding(view, 'POSTAL_CODE', '43004', 0.5),
    ];
    const resolved = resolveOverlaps(input);
    assert.deepEqual(summary(resolved), [
      'STREET_ADDRESS:2027 Pine Street Columbus Ohio',
      'POSTAL_CODE:43004',
    ]);
    assert.equal(resolved[0]!.value, '2027 Pine Street Columbus Ohio');
    assert.ok(resolved[0]!.reasons.includes('around-part'));
    assert.equal(resolved[1], input[1], 'the part is kept as it was found');
    assertSameCoverage(input, resolved);
  });

  test('whichever scores higher, and with the part in the middle of the address', () => {
    const view = viewOf('12 Main Street 62704 Springfield');
    const input = [
      finding(view, 'POSTAL_CODE', '62704', 0.9),
      finding(view, 'STREET_ADDRESS', '12 Main Street 62704 Springfield', 0.6),
    ];
    const resolved = resolveOverlaps(input);
    assert.deepEqual(summary(resolved), [
      'STREET_ADDRESS:12 Main Street',
      'POSTAL_CODE:62704',
      'STREET_ADDRESS:Springfield',
    ]);
    assertSameCoverage(input, resolved);
  });

  test('of two overlapping postal codes inside an address the better is kept; the address covers the rest', () => {
    const view = viewOf('12 Main Street Springfield 62704 1234');
    const input = [
      finding(view, 'STREET_ADDRESS', '12 Main Street Springfield 62704 1234', 0.7),
      finding(view, 'POSTAL_CODE', '62704', 0.5),
      finding(view, 'POSTAL_CODE', '62704 1234', 0.6),
    ];
    const resolved = resolveOverlaps(input);
    assert.deepEqual(summary(resolved), [
      'STREET_ADDRESS:12 Main Street Springfield',
      'POSTAL_CODE:62704 1234',
    ]);
    assertSameCoverage(input, resolved);
  });

  test('a postal code that runs past the address, or one inside another type, merges as before', () => {
    const view = viewOf(TEXT);
    const past = [
      finding(view, 'STREET_ADDRESS', '2027 Pine Street Columbus Ohio', 0.7),
      finding(view, 'POSTAL_CODE', 'Ohio 43004', 0.5),
    ];
    assert.deepEqual(summary(resolveOverlaps(past)), ['STREET_ADDRESS:2027 Pine Street Columbus Ohio 43004']);
    const password = viewOf('it is harbour 43004 tiger');
    const inside = [
      finding(password, 'PASSWORD', 'harbour 43004 tiger', 0.9),
      finding(password, 'POSTAL_CODE', '43004', 0.5),
    ];
    assert.deepEqual(summary(resolveOverlaps(inside)), ['PASSWORD:harbour 43004 tiger']);
  });

  test('the result is stable when resolved again', () => {
    const view = viewOf(TEXT);
    const once = resolveOverlaps([
      finding(view, 'STREET_ADDRESS', '2027 Pine Street Columbus Ohio 43004', 0.7),
      finding(view, 'POSTAL_CODE', '43004', 0.5),
    ]);
    assert.deepEqual(resolveOverlaps(once), once);
  });
});

describe('detect: parts of an address', () => {
  test('a spoken ZIP after a street address is its own entity, and every word stays covered', () => {
    const transcript = call(
      agent("What's the address?"),
      customer('twelve Main Street Springfield Illinois six two seven oh four'),
    );
    assert.deepEqual(found(transcript), [
      'STREET_ADDRESS:12 Main Street Springfield Illinois',
      'POSTAL_CODE:62704',
    ]);
    const words = detectIn(transcript).entities.flatMap((entity) =>
      entity.parts.flatMap((part) => part.words),
    );
    const answer = transcript.words.flatMap((word, index) => (word.channel === 1 ? [index] : []));
    assert.deepEqual(words, answer);
  });
  test('a last four inside a whole number of its kind does not relabel it', () => {
    const view = viewOf('my social is 4 1 2 6 6 3 0 5 8 thanks');
    const whole = finding(view, 'US_SSN', '412663058', 0.85);
    const end = finding(view, 'US_SSN_LAST4', '3058', 0.9);
    assert.deepEqual(
      resolveOverlaps([whole, end]).map((resolved) => [resolved.type, resolved.value]),
      [['US_SSN', '412663058']],
    );
    // On its own, or beside another type, the better score still decides.
    const phone = finding(view, 'PHONE_NUMBER', '412663058', 0.8);
    assert.deepEqual(
      resolveOverlaps([phone, end]).map((resolved) => resolved.type),
      ['US_SSN_LAST4'],
    );
  });
});
