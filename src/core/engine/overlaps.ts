/**
 * Overlap resolution: findings that overlap in one stream become one finding with the label of
 * the best-scoring claim over the union of their ranges, so a redaction never shrinks. One
 * exception keeps a more specific label: an item that is part of a larger one (a postal code said
 * inside a street address) keeps its own range and label, and the larger item keeps the rest of
 * the union, so the pieces still cover all of it.
 */
import type { Finding } from '../detection.js';
import type { EntityType } from '../entities.js';

/** Items that hold other items as parts, which keep their own label inside them. */
const PARTS: ReadonlyMap<EntityType, ReadonlySet<EntityType>> = new Map([
  ['STREET_ADDRESS', new Set<EntityType>(['POSTAL_CODE'])],
]);

/** End pieces and the whole numbers they end. */
const WHOLE_OF_END: ReadonlyMap<EntityType, EntityType> = new Map<EntityType, EntityType>([
  ['US_SSN_LAST4', 'US_SSN'],
  ['CARD_LAST4', 'CREDIT_CARD'],
]);

interface Entry {
  finding: Finding;
  /** Position in the input, the last tie-breaker. */
  order: number;
}

/** Merges overlapping findings per stream view; the result is in stream, then text order. */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ordered = findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        a.finding.view.stream.id - b.finding.view.stream.id ||
        a.finding.charStart - b.finding.charStart ||
        a.finding.charEnd - b.finding.charEnd ||
        a.order - b.order,
    );
  const resolved: Finding[] = [];
  let cluster: Entry[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length > 0) resolved.push(...resolveCluster(cluster));
    cluster = [];
  };
  for (const entry of ordered) {
    const previous = cluster[0]?.finding;
    if (previous && (previous.view !== entry.finding.view || entry.finding.charStart >= clusterEnd)) flush();
    if (cluster.length === 0) clusterEnd = entry.finding.charEnd;
    cluster.push(entry);
    clusterEnd = Math.max(clusterEnd, entry.finding.charEnd);
  }
  flush();
  return resolved;
}

/**
 * One cluster of overlapping findings → findings that do not overlap and cover the cluster's
 * union: its parts (findings inside a larger item they are part of) as they are, and the best
 * other claim over the rest.
 */
function resolveCluster(cluster: readonly Entry[]): Finding[] {
  if (cluster.length === 1) return [cluster[0]!.finding];
  const charStart = Math.min(...cluster.map(({ finding }) => finding.charStart));
  const charEnd = Math.max(...cluster.map(({ finding }) => finding.charEnd));
  const candidates = cluster.filter((entry) => isPartInside(entry, cluster));
  // PARTS has no cycles, so some finding is not a part: the item the parts are inside.
  const best = rank(withoutEndsOfWholes(cluster.filter((entry) => !candidates.includes(entry))))[0]!.finding;
  if (candidates.length === 0) return [over(best, charStart, charEnd, 'union')];
  const parts = withoutOverlaps(candidates);
  const pieces: Finding[] = [];
  let from = charStart;
  for (const part of parts) {
    if (part.charStart > from) pieces.push(over(best, from, part.charStart, 'around-part'));
    pieces.push(part);
    from = part.charEnd;
  }
  if (charEnd > from) pieces.push(over(best, from, charEnd, 'around-part'));
  return pieces.filter((piece) => piece.charEnd > piece.charStart);
}

/** Parts that do not overlap one another (the better claim kept), in text order. */
function withoutOverlaps(candidates: readonly Entry[]): Finding[] {
  const kept: Finding[] = [];
  for (const { finding } of rank(candidates)) {
    if (!kept.some((other) => finding.charStart < other.charEnd && other.charStart < finding.charEnd)) {
      kept.push(finding);
    }
  }
  return kept.sort((a, b) => a.charStart - b.charStart);
}

/**
 * The claims that may label a cluster: a last four inside a whole number of its kind (the end of
 * an SSN said again) is the whole number, however well the last four scored.
 */
function withoutEndsOfWholes(entries: readonly Entry[]): Entry[] {
  const kept = entries.filter(({ finding }) => {
    const whole = WHOLE_OF_END.get(finding.type);
    return whole === undefined || !entries.some((other) => other.finding.type === whole);
  });
  return kept.length > 0 ? kept : [...entries];
}

/** True when the entry is a part type of some other finding of the cluster that contains it. */
function isPartInside(entry: Entry, cluster: readonly Entry[]): boolean {
  const { finding } = entry;
  return cluster.some(
    ({ finding: whole }) =>
      whole !== finding &&
      PARTS.get(whole.type)?.has(finding.type) === true &&
      whole.charStart <= finding.charStart &&
      finding.charEnd <= whole.charEnd,
  );
}

/** Best claim first: score, then length, then first made. */
function rank(entries: readonly Entry[]): Entry[] {
  return [...entries].sort(
    (a, b) =>
      b.finding.score - a.finding.score ||
      b.finding.charEnd - b.finding.charStart - (a.finding.charEnd - a.finding.charStart) ||
      a.order - b.order,
  );
}

/**
 * The finding's claim over [charStart, charEnd), without the spaces at either end; the finding
 * itself when that is its own range.
 */
function over(finding: Finding, charStart: number, charEnd: number, reason: string): Finding {
  const { text } = finding.view;
  let start = charStart;
  let end = charEnd;
  while (start < end && isSpace(text[start]!)) start += 1;
  while (end > start && isSpace(text[end - 1]!)) end -= 1;
  if (start === finding.charStart && end === finding.charEnd) return finding;
  return {
    ...finding,
    charStart: start,
    charEnd: end,
    value: text.slice(start, end),
    reasons: [...finding.reasons, reason],
  };
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n';
}
