/**
 * The run's results as Markdown (for the README) and as JSON (for tools). Neither holds a sensitive
 * value: only counts, types, call ids and times. Missed spans' and false alarms' text is printed only on
 * request, and never for a set kept unseen.
 */
import type { Tally } from './score.js';
import type { EvalSet } from './sets.js';
import { emptyTally } from './score.js';
import type { SystemResult, TargetCheck } from './results.js';
import {
  detection,
  FREE_TEXT_TYPES,
  LABELLED_TYPES,
  precision,
  recall,
  STRUCTURED_TYPES,
  totalOf,
  typeAccuracy,
} from './results.js';

export interface RunSummary {
  calls: number;
  spans: number;
  negatives: number;
  /** Calls no system could be run on because their file did not import. */
  importErrors: { call: string; format: string; message: string }[];
  callsByFormat: Map<string, number>;
}

/** One set's run: what was scored, each system's results (Hush first) and Hush's targets. */
export interface SetRun {
  set: EvalSet;
  summary: RunSummary;
  results: SystemResult[];
  targets: TargetCheck[];
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

function pair(tally: Tally): string {
  return `${percent(recall(tally))} / ${percent(precision(tally))}`;
}

function typeRows(systems: readonly SystemResult[]): (string | number)[][] {
  const [hush, ...peers] = systems;
  const rows: (string | number)[][] = LABELLED_TYPES.map((type) => {
    const tally = hush!.byType.get(type) ?? emptyTally();
    return [
      `\`${type}\``,
      tally.gold,
      percent(recall(tally)),
      percent(detection(tally)),
      percent(precision(tally)),
      percent(typeAccuracy(tally)),
      ...peers.map((peer) => pair(peer.byType.get(type) ?? emptyTally())),
    ];
  });
  // Types Hush predicts that the corpus does not label (PAYMENT_DIGITS, the PCI-strict fail-safe).
  const unlabelled = (system: SystemResult): string[] =>
    [...system.byType.keys()].filter((type) => !LABELLED_TYPES.includes(type));
  for (const type of unlabelled(hush!)) {
    rows.push([
      `\`${type}\` (not labelled)`,
      '',
      '',
      '',
      percent(precision(hush!.byType.get(type)!)),
      '',
      ...peers.map(() => ''),
    ]);
  }
  rows.push([
    'peer-only types',
    '',
    '',
    '',
    '',
    '',
    ...peers.map((peer) => `— / ${percent(precision(totalOf(peer, unlabelled(peer))))}`),
  ]);
  for (const [label, types] of [
    ['**structured types**', STRUCTURED_TYPES],
    ['**free-text types**', FREE_TEXT_TYPES],
    ['**all**', undefined],
  ] as const) {
    const total = totalOf(hush!, types);
    rows.push([
      label,
      total.gold,
      percent(recall(total)),
      percent(detection(total)),
      percent(precision(total)),
      percent(typeAccuracy(total)),
      ...peers.map((peer) => pair(totalOf(peer, types))),
    ]);
  }
  return rows;
}

export function markdown(
  summary: RunSummary,
  systems: readonly SystemResult[],
  targets: readonly TargetCheck[],
  set: Pick<EvalSet, 'heading' | 'about'>,
): string {
  const [hush, ...peers] = systems;
  const peerHeads = peers.map((peer) => `${peer.name} ${peer.version} R / P`);
  const out: string[] = [];
  out.push(
    `## ${set.heading}`,
    '',
    `${set.about ? `${set.about} ` : ''}${summary.calls} calls, ${summary.spans} labelled sensitive spans, ${summary.negatives} labelled look-alikes ` +
      `(prices, order and case numbers, times…). R = recall: the span's whole time range is inside the ` +
      `redaction regions on its channel. Detected: some entity matched the span, covered or not. ` +
      `P = precision: predicted entities matching a labelled span of any type. Every system's findings ` +
      `go through the same region planner with the default policy. See docs/eval.md.`,
    '',
    table(
      ['Type', 'Spans', 'Hush recall', 'Hush detected', 'Hush precision', 'Hush type acc.', ...peerHeads],
      typeRows(systems),
    ),
    '',
    '### By source format',
    '',
    table(
      [
        'Format',
        'Calls',
        'Spans',
        'Hush R / P',
        'Hush detected',
        ...peers.map((peer) => `${peer.name} R / P`),
      ],
      [...summary.callsByFormat.entries()].map(([format, calls]) => {
        const tally = hush!.byFormat.get(format) ?? emptyTally();
        return [
          format,
          calls,
          tally.gold,
          pair(tally),
          percent(detection(tally)),
          ...peers.map((peer) => pair(peer.byFormat.get(format) ?? emptyTally())),
        ];
      }),
    ),
    '',
    '### Look-alikes flagged (false alarms on labelled negatives)',
    '',
    table(
      ['Kind', 'Count', ...systems.map((system) => system.name)],
      [...hush!.negatives.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, counts]) => [
          kind,
          counts.total,
          ...systems.map((system) => String(system.negatives.get(kind)?.hit ?? 0)),
        ]),
    ),
    '',
    '### Targets (Hush)',
    '',
    ...targets.map(
      (target) =>
        `- ${target.pass ? 'PASS' : 'MISS'} ${target.name} ${percent(target.value)} (target ≥ ${percent(target.target)})`,
    ),
    '',
    `Time: ${systems.map((system) => `${system.name} ${(system.millis / 1000).toFixed(1)} s`).join(', ')}.`,
  );
  if (summary.importErrors.length > 0) {
    out.push('', `### Calls that did not import (${summary.importErrors.length})`, '');
    for (const error of summary.importErrors) out.push(`- ${error.call} (${error.format}): ${error.message}`);
  }
  for (const system of systems) {
    if (system.errors.length === 0) continue;
    out.push('', `### ${system.name} failed on ${system.errors.length} calls`, '');
    for (const error of system.errors) out.push(`- ${error.call}: ${error.message}`);
  }
  return `${out.join('\n')}\n`;
}

/** Missed spans with their text, for developers (`--show-misses`). */
export function missList(system: SystemResult, setName: string): string {
  const lines = system.misses.map(
    (miss) =>
      `- ${miss.call} ${miss.type} [${miss.form}] ${miss.start}–${miss.end} ms ch ${miss.channel ?? '-'}` +
      `${miss.detected ? ' (detected, regions short)' : ''}: ${miss.text}`,
  );
  return `### ${system.name}: ${system.misses.length} missed spans (${setName} set)\n\n${lines.join('\n')}\n`;
}

/** Items counted per type, without their text: what a developer list prints for a set kept unseen. */
function countsByType(items: readonly { type: string }[], heading: string, column: string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [`### ${heading}`, '', table(['Type', column], rows), ''].join('\n');
}

/** Missed spans counted per type, without their text: what `--show-misses` prints for a set kept unseen. */
export function missCounts(system: SystemResult, setName: string): string {
  return countsByType(
    system.misses,
    `${system.name}: ${system.misses.length} missed spans (${setName} set, kept unseen: counts only)`,
    'Missed',
  );
}

/** False alarms (entities matching no labelled span) with their words, for developers (`--show-false-alarms`). */
export function falseAlarmList(system: SystemResult, setName: string): string {
  const lines = system.falseAlarms.map(
    (alarm) =>
      `- ${alarm.call} ${alarm.type} ${alarm.start}–${alarm.end} ms ch ${alarm.channel ?? '-'}` +
      `${alarm.lookAlike ? ` (on ${alarm.lookAlike})` : ''}: ${alarm.text}`,
  );
  return `### ${system.name}: ${system.falseAlarms.length} false alarms (${setName} set)\n\n${lines.join('\n')}\n`;
}

/** False alarms counted per predicted type, without their words: for a set kept unseen. */
export function falseAlarmCounts(system: SystemResult, setName: string): string {
  return countsByType(
    system.falseAlarms,
    `${system.name}: ${system.falseAlarms.length} false alarms (${setName} set, kept unseen: counts only)`,
    'False alarms',
  );
}

/** `--show-misses`: the missed spans with their text, or for a set kept unseen their counts per type. */
export function missReport(system: SystemResult, set: { name: string; unseen: boolean }): string {
  return set.unseen ? missCounts(system, set.name) : missList(system, set.name);
}

/** `--show-false-alarms`: the same rule as `--show-misses`, for entities matching no labelled span. */
export function falseAlarmReport(system: SystemResult, set: { name: string; unseen: boolean }): string {
  return set.unseen ? falseAlarmCounts(system, set.name) : falseAlarmList(system, set.name);
}

/** The sets side by side: how far the tuned-on figures are from the holdouts'. */
export function setComparison(runs: readonly SetRun[]): string {
  const peerNames = runs[0]!.results.slice(1).map((peer) => peer.name);
  const rows = runs.map(({ set, summary, results: [hush, ...peers] }) => [
    set.name,
    summary.calls,
    summary.spans,
    pair(totalOf(hush!, STRUCTURED_TYPES)),
    percent(recall(totalOf(hush!, FREE_TEXT_TYPES))),
    pair(totalOf(hush!)),
    ...peers.map((peer) => pair(totalOf(peer))),
  ]);
  return [
    '## Generated corpus vs holdout sets',
    '',
    table(
      [
        'Set',
        'Calls',
        'Spans',
        'Hush structured R / P',
        'Hush free-text R',
        'Hush all R / P',
        ...peerNames.map((name) => `${name} all R / P`),
      ],
      rows,
    ),
    '',
  ].join('\n');
}

function tallyJson(tally: Tally): Record<string, number | null> {
  return {
    ...tally,
    recall: recall(tally),
    detection: detection(tally),
    precision: precision(tally),
    typeAccuracy: typeAccuracy(tally),
  };
}

function mapJson(map: Map<string, Tally>): Record<string, Record<string, number | null>> {
  return Object.fromEntries(
    [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, tally]) => [key, tallyJson(tally)]),
  );
}

/** Results as JSON: counts and ratios, no text of any span. */

/** Listing rows as the JSON file keeps them: without the words, which the listing prints only on request. */
function withoutText<Row extends { text: string }>(rows: readonly Row[]): Omit<Row, 'text'>[] {
  return rows.map((row) => {
    const copy: Partial<Row> = { ...row };
    delete copy.text;
    return copy as Omit<Row, 'text'>;
  });
}
export function resultsJson(
  summary: RunSummary,
  systems: readonly SystemResult[],
  targets: readonly TargetCheck[],
): string {
  return `${JSON.stringify(
    {
      corpus: { calls: summary.calls, spans: summary.spans, negatives: summary.negatives },
      importErrors: summary.importErrors,
      targets,
      systems: systems.map((system) => ({
        name: system.name,
        version: system.version,
        seconds: system.millis / 1000,
        totals: {
          structured: tallyJson(totalOf(system, STRUCTURED_TYPES)),
          freeText: tallyJson(totalOf(system, FREE_TEXT_TYPES)),
          all: tallyJson(totalOf(system)),
        },
        byType: mapJson(system.byType),
        byFormat: mapJson(system.byFormat),
        negatives: Object.fromEntries(system.negatives),
        // Hush's misses and false alarms only: they are what developers act on.
        misses: system === systems[0] ? withoutText(system.misses) : [],
        falseAlarms: system === systems[0] ? withoutText(system.falseAlarms) : [],
        errors: system.errors,
      })),
    },
    null,
    2,
  )}\n`;
}
