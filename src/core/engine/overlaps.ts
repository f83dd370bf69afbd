/**
 * Overlap resolution: findings that overlap in one stream become one finding with the label of
 * the best-scoring claim over the union of their ranges, so a redaction never shrinks.
 */
import type { Finding } from '../detection.js';

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
  let cluster: { finding: Finding; order: number }[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length > 0) resolved.push(mergeCluster(cluster));
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

/** The best claim (score, then length, then first made) over the union of the cluster's ranges. */
function mergeCluster(cluster: readonly { finding: Finding; order: number }[]): Finding {
  if (cluster.length === 1) return cluster[0]!.finding;
  const best = [...cluster].sort(
    (a, b) =>
      b.finding.score - a.finding.score ||
      b.finding.charEnd - b.finding.charStart - (a.finding.charEnd - a.finding.charStart) ||
      a.order - b.order,
  )[0]!.finding;
  const charStart = Math.min(...cluster.map(({ finding }) => finding.charStart));
  const charEnd = Math.max(...cluster.map(({ finding }) => finding.charEnd));
  if (charStart === best.charStart && charEnd === best.charEnd) return best;
  return {
    ...best,
    charStart,
    charEnd,
    value: best.view.text.slice(charStart, charEnd).trim(),
    reasons: [...best.reasons, 'union'],
  };
}
