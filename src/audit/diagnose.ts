/**
 * Naming what was done to a broken chain. The scan (verify.ts) records, for every record in log
 * order, the seq it is stored under, the seq its hash says it was written with (NaN when its content
 * matches no seq: it was changed) and whether it links to the record before it. From those alone:
 * - a changed record matches no seq; it is `edited` where it fills a place in the chain, `inserted`
 *   where the records around it link past it;
 * - two records written with the same seq: the one nothing links to was `inserted`;
 * - records out of written order: the fewest that must move to restore it were `reordered`;
 * - written seqs missing from the log were `removed`;
 * - a record whose successor links to another version of it was rewritten and re-hashed (`edited`);
 * - seqs renumbered with nothing removed, inserted or moved to hide: `broken-link`.
 * Seqs are the stored ones, except for removed records, which are named by the seq they were
 * written with. Details hold seqs only, never entry content.
 */
export type ChainProblemKind =
  'edited' | 'removed' | 'inserted' | 'reordered' | 'broken-link' | 'truncated' | 'rewritten';

export interface ChainProblem {
  seq: number;
  kind: ChainProblemKind;
  /** What is wrong, in seqs only. */
  detail: string;
}

/** What the scan learnt of each record, in log order. */
export interface ChainFacts {
  stored: number[];
  /** The seq the record's hash was made with; NaN when it matches none. */
  written: number[];
  /** Its prevHash is the hash of the record before it in the log (64 zeros for the first). */
  linked: boolean[];
}

type Finding = Omit<ChainProblem, 'seq'>;

/** Sorted copy of the known values, for membership tests. */
function sortedKnown(values: readonly number[]): Float64Array {
  return Float64Array.from(values.filter((value) => !Number.isNaN(value))).sort();
}

/** Index of the first element of `sorted` not less than `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function contains(sorted: Float64Array, value: number): boolean {
  return sorted[lowerBound(sorted, value)] === value;
}

/**
 * Records matching no seq take the free places between their neighbours' written seqs (edited);
 * those left over when no place is free were inserted. Returns each record's place (NaN: none).
 */
function placeChanged(facts: ChainFacts, findings: Map<number, Finding>): number[] {
  const { written } = facts;
  const known = sortedKnown(written);
  const place = written.slice();
  let start = 0;
  while (start < written.length) {
    if (!Number.isNaN(written[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < written.length && Number.isNaN(written[end]!)) end++;
    const before = start > 0 ? written[start - 1]! : 0;
    const after = end < written.length ? written[end]! : Infinity;
    for (let index = start; index < end; index++) {
      const slot = before + 1 + index - start;
      if (slot < after && !contains(known, slot)) {
        place[index] = slot;
        findings.set(index, { kind: 'edited', detail: 'its content does not match its hash' });
      } else {
        findings.set(index, {
          kind: 'inserted',
          detail: 'it matches no place in the chain: the records around it link past it',
        });
      }
    }
    start = end;
  }
  return place;
}

/** Of records written with the same seq, the ones nothing links to were inserted. */
function markDuplicates(facts: ChainFacts, place: number[], findings: Map<number, Finding>): void {
  const sorted = sortedKnown(place);
  const duplicated = new Set<number>();
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index] === sorted[index - 1]) duplicated.add(sorted[index]!);
  }
  if (duplicated.size === 0) return;
  const claimants = new Map<number, number[]>();
  place.forEach((seq, index) => {
    if (!duplicated.has(seq)) return;
    const indexes = claimants.get(seq);
    if (indexes) indexes.push(index);
    else claimants.set(seq, [index]);
  });
  const last = place.length - 1;
  for (const [seq, indexes] of claimants) {
    const linkedTo = indexes.filter((index) => index === last || facts.linked[index + 1]);
    const genuine = linkedTo.length > 0 ? linkedTo : indexes.slice(-1);
    for (const index of indexes.filter((candidate) => !genuine.includes(candidate))) {
      place[index] = NaN;
      findings.set(index, {
        kind: 'inserted',
        detail: `a second record written as ${seq}, which nothing links to`,
      });
    }
  }
}

/**
 * Marks one strictly increasing subsequence of `values` (NaN skipped): a longest one, and of those
 * the one keeping most `preferred` indexes. Dynamic programming over a Fenwick tree of prefix
 * maxima by value rank: O(n log n).
 */
function heaviestIncreasing(values: readonly number[], preferred: (index: number) => boolean): Uint8Array {
  const ranks = sortedKnown(values);
  const best = new Float64Array(ranks.length + 1);
  const bestAt = new Int32Array(ranks.length + 1).fill(-1);
  const parent = new Int32Array(values.length).fill(-1);
  // Length comes first: every index kept scores more than all preferences together.
  const perIndex = values.length + 1;
  let top = 0;
  let end = -1;
  values.forEach((value, index) => {
    if (Number.isNaN(value)) return;
    const rank = lowerBound(ranks, value) + 1;
    let score = 0;
    for (let at = rank - 1; at > 0; at -= at & -at) {
      if (best[at]! > score) {
        score = best[at]!;
        parent[index] = bestAt[at]!;
      }
    }
    score += perIndex + (preferred(index) ? 1 : 0);
    for (let at = rank; at < best.length; at += at & -at) {
      if (score > best[at]!) {
        best[at] = score;
        bestAt[at] = index;
      }
    }
    if (score > top) {
      top = score;
      end = index;
    }
  });
  const kept = new Uint8Array(values.length);
  for (let index = end; index >= 0; index = parent[index]!) kept[index] = 1;
  return kept;
}

/**
 * Records out of written order: the fewest that must move to restore it. Where several choices are
 * as few (two records swapped two apart: move both ends, or the middle one and an end), records
 * at the same shift as a near neighbour stay: they are in their place, the others were moved.
 */
function markReordered(facts: ChainFacts, place: number[], findings: Map<number, Finding>): void {
  let last = -Infinity;
  const inOrder = place.every((seq) => {
    if (Number.isNaN(seq)) return true;
    const increasing = seq > last;
    last = seq;
    return increasing;
  });
  if (inOrder) return;
  const shift = (index: number): number => (facts.stored[index] ?? NaN) - (place[index] ?? NaN);
  const settled = (index: number): boolean =>
    [-2, -1, 1, 2].some((offset) => shift(index + offset) === shift(index));
  const kept = heaviestIncreasing(place, settled);
  const moved = (index: number): void =>
    void findings.set(index, {
      kind: 'reordered',
      detail: `it was written as record ${place[index]}, and moved`,
    });
  place.forEach((seq, index) => {
    if (!Number.isNaN(seq) && !kept[index]) moved(index);
  });
  // Two neighbours holding each other's seqs were swapped, though moving one restores the order.
  place.forEach((seq, index) => {
    if (kept[index] || Number.isNaN(seq)) return;
    for (const neighbour of [index - 1, index + 1]) {
      const other = place[neighbour] ?? NaN;
      const crossed = Math.abs(other - seq) === 1 && (neighbour - index) * (other - seq) < 0;
      if (kept[neighbour] && crossed && !settled(neighbour)) {
        moved(neighbour);
      }
    }
  });
}

/** Written seqs no record stands for, as [first, last] ranges. */
function missingRanges(place: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  let expected = 1;
  for (const seq of sortedKnown(place)) {
    if (seq > expected) ranges.push([expected, seq - 1]);
    expected = Math.max(expected, seq + 1);
  }
  return ranges;
}

function removedProblems(ranges: readonly [number, number][]): ChainProblem[] {
  return ranges.map(([first, last]) => ({
    seq: first,
    kind: 'removed',
    detail:
      first === last
        ? `no record written as ${first} is left: the chain links over it`
        : `no records written as ${first} to ${last} (${last - first + 1}) are left: the chain links over them`,
  }));
}

/** A record whose successor links to a different version of it was rewritten and re-hashed. */
function markRewritten(facts: ChainFacts, place: readonly number[], findings: Map<number, Finding>): void {
  for (let index = 0; index + 1 < place.length; index++) {
    const next = index + 1;
    if (findings.has(index) || findings.has(next) || facts.linked[next]) continue;
    if (place[next] !== place[index]! + 1) continue;
    findings.set(index, {
      kind: 'edited',
      detail: `it was rewritten and re-hashed: record ${facts.stored[next]} links to another version of it`,
    });
  }
}

/**
 * Renumbering: walking the records left unexplained, the shift between stored and written seqs
 * changes only where renumbering hid records missing from between two neighbours (removed, or
 * moved elsewhere) or extra ones (inserted, or moved in). Any other change is a `broken-link`.
 */
function markRenumbered(facts: ChainFacts, place: readonly number[], findings: Map<number, Finding>): void {
  let shift = 0;
  let previous = -1;
  place.forEach((seq, index) => {
    if (findings.has(index)) return;
    if (facts.stored[index]! - seq !== shift) {
      shift = facts.stored[index]! - seq;
      let explained = seq - (previous < 0 ? 0 : place[previous]!) > 1;
      for (let between = previous + 1; between < index; between++) {
        const kind = findings.get(between)?.kind;
        explained ||= kind === 'inserted' || kind === 'reordered';
      }
      if (!explained) {
        findings.set(index, { kind: 'broken-link', detail: `it was written as record ${seq}: renumbered` });
      }
    }
    previous = index;
  });
}

/** The problems that explain a chain found broken, sorted by seq. */
export function diagnose(facts: ChainFacts): ChainProblem[] {
  const findings = new Map<number, Finding>();
  const place = placeChanged(facts, findings);
  markDuplicates(facts, place, findings);
  markReordered(facts, place, findings);
  const removed = missingRanges(place);
  markRewritten(facts, place, findings);
  markRenumbered(facts, place, findings);
  const problems: ChainProblem[] = [
    ...[...findings].map(([index, finding]) => ({ seq: facts.stored[index]!, ...finding })),
    ...removedProblems(removed),
  ];
  return problems.sort((a, b) => a.seq - b.seq);
}
