/**
 * What the CLI prints for people: tables of findings and summaries. The JSON-ready parts are in
 * job/findings.ts. Sensitive values appear only when the caller passes `reveal`.
 */
import type { Entity } from '../core/detection.js';
import type { Region } from '../core/regions.js';

function clock(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Left-aligned columns, two spaces apart. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One row per entity: type, category, start–end (s), channel, role, score (and value with reveal). */
export function entityTable(entities: readonly Entity[], reveal: boolean): string {
  const header = [
    'TYPE',
    'CATEGORY',
    'START–END (s)',
    'CHANNEL',
    'ROLE',
    'SCORE',
    ...(reveal ? ['VALUE'] : []),
  ];
  const rows = entities.map((entity) => [
    entity.type,
    entity.category,
    `${clock(entity.start)}–${clock(entity.end)}`,
    entity.channel === null ? '-' : String(entity.channel),
    entity.role,
    entity.score.toFixed(2),
    ...(reveal ? [entity.value] : []),
  ]);
  return columns([header, ...rows]);
}

const MAX_TIMES = 8;

/** One line per type: how many, and when (the first few start times). */
export function typeSummary(entities: readonly Entity[]): string {
  const byType = new Map<string, Entity[]>();
  for (const entity of entities) {
    const found = byType.get(entity.type);
    if (found) found.push(entity);
    else byType.set(entity.type, [entity]);
  }
  const rows = [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, found]) => {
      const times = found.slice(0, MAX_TIMES).map((entity) => `${(entity.start / 1000).toFixed(1)} s`);
      const more = found.length > MAX_TIMES ? ', …' : '';
      return [`${type}:`, `${found.length} found`, `at ${times.join(', ')}${more}`];
    });
  return rows.length === 0 ? '' : columns(rows);
}

/** Total time the regions cover, as seconds with one decimal. */
export function regionTotal(regions: readonly Region[]): string {
  const ms = regions.reduce((sum, region) => sum + region.end - region.start, 0);
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The human report of what was found: the table and the per-type summary, or a line saying none. */
export function findingsText(entities: readonly Entity[], reveal: boolean): string {
  if (entities.length === 0) return 'No sensitive items found.';
  return `${entityTable(entities, reveal)}\n\n${typeSummary(entities)}`;
}
