/**
 * Verification of the audit trail. The chain is intact when every record's hash is the hash of its
 * own content at its own seq, every record links to the one before it, and seqs run 1, 2, 3 … with
 * no gap. When it is not, diagnose.ts names what was done and to which records.
 *
 * A chain alone cannot show that records were cut from its end, or that it was rewritten from some
 * record on with every later hash recomputed: what remains is a valid chain. The defence is the
 * head (last seq and hash) kept somewhere else: checked with `expectHead`, the log must still hold
 * a record with that hash.
 */
import { GENESIS_HASH, hashMatcher } from './chain.js';
import { diagnose, type ChainFacts, type ChainProblem } from './diagnose.js';
import type { AuditRecord } from './store.js';

export type { ChainProblem, ChainProblemKind } from './diagnose.js';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainReport {
  /** The chain is intact (and holds the expected head, when one was given). */
  valid: boolean;
  records: number;
  /** The last record; null for an empty log. */
  head: ChainHead | null;
  problems: ChainProblem[];
}

/** How far from its stored seq the scan looks for the seq a displaced record was written with. */
const SEARCH_RADIUS = 256;
/** At most this many such searches, so that even a wrecked log verifies in seconds. */
const SEARCH_BUDGET = 1000;

interface Scan extends ChainFacts {
  intact: boolean;
  /** Stored seq of the first record that breaks the chain. */
  firstBroken: number | null;
  head: ChainHead | null;
  /** Some record has the expected head's hash. */
  holdsExpected: boolean;
}

/**
 * One pass over the log, in seq order, keeping a few numbers per record (not the entries), and
 * the hashes of the last SEARCH_RADIUS records to find where a record that links elsewhere belongs.
 */
async function scan(records: AsyncIterable<AuditRecord>, expectedHash: string | undefined): Promise<Scan> {
  const facts: ChainFacts = { stored: [], written: [], linked: [] };
  const recent = new Map<string, number>();
  let intact = true;
  let firstBroken: number | null = null;
  let previous: AuditRecord | undefined;
  let searches = 0;
  let shift = 0;
  let holdsExpected = false;

  for await (const record of records) {
    const index = facts.stored.length;
    const linked = record.prevHash === (previous?.hash ?? GENESIS_HASH);
    const matches = hashMatcher(record.prevHash, record.entry, record.hash);
    const predecessor = recent.get(record.prevHash);

    // Where it would be if intact; then after its predecessor in the log, or the record it links
    // to; then at the shift of the last record placed (renumbering shifts whole runs).
    const candidates = [record.seq, (facts.written[index - 1] ?? 0) + 1, record.seq - shift];
    if (predecessor !== undefined) candidates.push(facts.written[predecessor]! + 1);
    let written = candidates.find(matches) ?? NaN;
    if (Number.isNaN(written) && !linked && predecessor === undefined && searches < SEARCH_BUDGET) {
      searches++;
      written = searchWritten(record.seq, matches);
    }
    if (!Number.isNaN(written)) shift = record.seq - written;

    facts.stored.push(record.seq);
    facts.written.push(written);
    facts.linked.push(linked);
    if (!(linked && written === record.seq && record.seq === (previous?.seq ?? 0) + 1)) {
      intact = false;
      firstBroken ??= record.seq;
    }
    if (record.hash === expectedHash) holdsExpected = true;
    recent.delete(record.hash);
    recent.set(record.hash, index);
    if (recent.size > SEARCH_RADIUS) recent.delete(recent.keys().next().value!);
    previous = record;
  }
  return {
    ...facts,
    intact,
    firstBroken,
    head: previous === undefined ? null : { seq: previous.seq, hash: previous.hash },
    holdsExpected,
  };
}

/** The nearest seq within SEARCH_RADIUS of `stored` that the record's hash was made with; NaN if none. */
function searchWritten(stored: number, matches: (seq: number) => boolean): number {
  for (let distance = 1; distance <= SEARCH_RADIUS; distance++) {
    if (matches(stored + distance)) return stored + distance;
    if (matches(stored - distance)) return stored - distance;
  }
  return NaN;
}

/** The problem when the log no longer holds the head written down earlier; null when it does. */
function anchorProblem(scan: Scan, expected: ChainHead): ChainProblem | null {
  if (scan.holdsExpected) return null;
  const last = scan.head?.seq ?? 0;
  return expected.seq > last
    ? {
        seq: expected.seq,
        kind: 'truncated',
        detail: `the log ends at record ${last}: the records after it, up to the expected head ${expected.seq}, were cut`,
      }
    : {
        seq: expected.seq,
        kind: 'rewritten',
        detail: `no record has the expected head's hash: the log was rewritten with new hashes, or cut and written again, up to record ${expected.seq} at least`,
      };
}

/**
 * Reads the whole log once and reports whether its chain is intact, its head, and every problem
 * found, by seq. `expectHead` is a head noted earlier (see module comment).
 */
export async function verifyChain(
  records: AsyncIterable<AuditRecord>,
  options: { expectHead?: ChainHead } = {},
): Promise<ChainReport> {
  const result = await scan(records, options.expectHead?.hash);
  const problems = result.intact ? [] : diagnose(result);
  if (!result.intact && problems.length === 0) {
    // Whatever the diagnosis could not name, the chain is still broken: never report it valid.
    problems.push({
      seq: result.firstBroken!,
      kind: 'broken-link',
      detail: 'it does not verify at its place in the chain',
    });
  }
  const anchor = options.expectHead === undefined ? null : anchorProblem(result, options.expectHead);
  if (anchor !== null) problems.push(anchor);
  return { valid: problems.length === 0, records: result.stored.length, head: result.head, problems };
}
