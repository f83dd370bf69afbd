/** The audio bench's Markdown report: speed, edge exactness and the end-to-end call, each figure labelled. */
import type { EdgeFigures, Spread } from './edges.js';
import type { AudioBenchResult, ContenderResult, RecordingResult } from './run.js';
import type { ContenderId } from './tools.js';

/** Peak resident memory target for every Hush process, MB. */
export const MEMORY_TARGET_MB = 100;
/** The one-hour call end to end, ms. */
export const END_TO_END_TARGET_MS = 2000;

const duration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const pass = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
/** A failure's reason, short enough for a table cell (the whole message is in audio.json). */
const failed = (reason: string): string =>
  `failed (${reason.length > 60 ? `${reason.slice(0, 57)}…` : reason})`;

function find(recording: RecordingResult, id: ContenderId): ContenderResult | undefined {
  return recording.contenders.find((contender) => contender.id === id);
}

function timeCell(contender: ContenderResult | undefined): string {
  if (!contender) return '–';
  if (contender.error) return failed(contender.error);
  return contender.timing ? `${duration(contender.timing.median)} (${contender.timing.runs})` : '–';
}

/** `a ÷ b` of two contenders' medians, against a target the ratio must stay at or `under` / over. */
function ratioCell(
  a: ContenderResult | undefined,
  b: ContenderResult | undefined,
  target: number | null,
  under: boolean,
): string {
  if (!a?.timing || !b?.timing) return '–';
  const ratio = a.timing.median / b.timing.median;
  const shown = `${ratio.toFixed(2)}×`;
  if (target === null) return shown;
  return `${shown} (${under ? '≤' : '≥'} ${target}×) ${pass(under ? ratio <= target : ratio >= target)}`;
}

function memoryCell(contender: ContenderResult | undefined): string {
  if (!contender?.timing) return '–';
  if (contender.peakRssMb === null) return 'not measured';
  return `${contender.peakRssMb.toFixed(0)} MB ${pass(contender.peakRssMb < MEMORY_TARGET_MB)}`;
}

function floorCell(floor: ContenderResult): string {
  const memory = floor.peakRssMb === null ? 'memory not measured' : `${floor.peakRssMb.toFixed(0)} MB`;
  return `${timeCell(floor)}, ${memory}`;
}

function speedRow(recording: RecordingResult): string {
  const cp = find(recording, 'cp');
  const ffmpeg = find(recording, 'ffmpeg');
  const hush = find(recording, 'hush');
  const inPlace = find(recording, 'hush-in-place');
  const { targets } = recording.fixture;
  const memory = [hush, inPlace].filter((contender) => contender?.timing).map(memoryCell);
  return [
    recording.fixture.label,
    megabytes(recording.bytes),
    timeCell(cp),
    timeCell(ffmpeg),
    timeCell(hush),
    inPlace ? timeCell(inPlace) : 'n/a',
    ratioCell(ffmpeg, hush, targets.vsFfmpeg, false),
    ratioCell(hush, cp, targets.vsCp, true),
    inPlace ? ratioCell(inPlace, cp, targets.inPlaceVsCp, true) : 'n/a',
    memory.length ? memory.join(' / ') : '–',
  ].join(' | ');
}

const spreadCell = (spread: Spread): string => `${spread.max.toFixed(1)} / ${spread.mean.toFixed(1)}`;

function edgeCells(figures: EdgeFigures | { error: string } | undefined): string[] {
  if (!figures) return ['–', '–'];
  if ('error' in figures) return [failed(figures.error), ''];
  return [spreadCell(figures.leakMs), spreadCell(figures.overMuteMs)];
}

function edgeRow(recording: RecordingResult): string {
  const method = Object.values(recording.edges).find(
    (figures): figures is EdgeFigures => !!figures && 'method' in figures,
  );
  return [
    recording.fixture.label,
    method ? `${method.method}, ${method.edges} edges` : '–',
    ...edgeCells(recording.edges.ffmpeg),
    ...edgeCells(recording.edges.hush),
    ...(find(recording, 'hush-in-place') ? edgeCells(recording.edges['hush-in-place']) : ['n/a', 'n/a']),
  ].join(' | ');
}

function endToEndLines(result: AudioBenchResult): string[] {
  const e2e = result.endToEnd;
  if (!e2e) return ['End to end: not measured (`hush redact` is not available in this build).'];
  const figure = e2e.error
    ? failed(e2e.error)
    : e2e.timing
      ? `${duration(e2e.timing.median)} (min ${duration(e2e.timing.min)}, ${e2e.timing.runs} runs) ` +
        `${pass(e2e.timing.median < END_TO_END_TARGET_MS)}`
      : '–';
  return [
    `### A one-hour call end to end`,
    '',
    `${e2e.label}: a ${e2e.words.toLocaleString('en-US')}-word two-channel transcript (the text bench's call) ` +
      `and its ${megabytes(e2e.recordingBytes)} two-channel 8 kHz μ-law recording in; ` +
      'the redacted recording, redacted transcript, report and audit record out.',
    '',
    '| measure | figure | target |',
    '| --- | --- | --- |',
    `| wall time, whole process, median | ${figure} | < ${duration(END_TO_END_TARGET_MS)} |`,
    `| peak memory${e2e.launcher ? ' (the job’s process)' : ''} | ${e2e.peakRssMb === null ? 'not measured' : `${e2e.peakRssMb.toFixed(0)} MB ${pass(e2e.peakRssMb < MEMORY_TARGET_MB)}`} | < ${MEMORY_TARGET_MB} MB |`,
    ...(e2e.launcher
      ? [
          `| the launcher meanwhile (it starts the job’s process with memory-saving V8 settings and waits) | ` +
            `${e2e.launcher.peakRssMb.toFixed(0)} MB resident, ${e2e.launcher.privateMb.toFixed(0)} MB of it its own | |`,
        ]
      : []),
    `| files written | ${e2e.outputs.join(', ') || 'none'} | recording, transcript, report |`,
    `| audit record written | ${e2e.auditWritten ? 'yes' : 'no'} | yes |`,
  ];
}

export function renderMarkdown(result: AudioBenchResult): string {
  return [
    '## Hush audio benchmark',
    '',
    `One-hour recordings of a speech-like two-channel signal, 50 regions (0.3–3 s, all channels), ` +
      `mode silence. Node ${result.node}, ${result.cpu}. Whole processes, wall time, median of ` +
      `${result.runs} runs after one warm-up (run count in brackets: a warm-up over 10 s counts as a run, ` +
      `and a contender stops once its runs add up to a minute). Contenders take turns within each round.`,
    ...(result.hushAvailable
      ? []
      : ['', '**`hush redact` was not available in this build: only cp and ffmpeg were run.**']),
    '',
    '### Speed',
    '',
    '| recording | size | `cp` | ffmpeg recipe | `hush redact` | `hush redact --in-place` | ffmpeg ÷ Hush | Hush ÷ `cp` | in-place ÷ `cp` | Hush peak memory (redact / in-place) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.recordings.map((recording) => `| ${speedRow(recording)} |`),
    '',
    '- ffmpeg recipe: `ffmpeg -i IN -af "volume=enable=\'between(t,a,b)+…\':volume=0" -c:a <input codec> [-b:a <input bit rate>] OUT`, ' +
      'one `between` per region. ffmpeg ÷ Hush: how many times faster Hush is (higher is better).',
    '- Hush ÷ `cp`: how many times a copy Hush takes (lower is better). `--in-place` runs on a fresh copy made (and flushed to disk) before the clock starts. ' +
      '`cp` does not fsync; `--in-place` syncs its journal and the recording (its crash safety).',
    '- Every Hush run also writes its report and audit record (`--db`, a fresh database per run) and verifies its output; ' +
      '`--max-bytes 1GB` lets in the 635 MB recording (the default limit is 500 MB).',
    `- Peak memory: maximum resident set size of the Hush process over its runs (GNU time), target < ${MEMORY_TARGET_MB} MB.`,
    `- The floor no Node program goes below, \`node -e 0\`: ${floorCell(result.nodeFloor)}.`,
    ...(result.caFloor
      ? [
          `- This machine sets \`${result.caFloor.variable}\`, which makes every Node process load that CA bundle as it ` +
            `starts (\`node -e 0\` with it: ${floorCell(result.caFloor.floor)}). A user's machine normally does not ` +
            'set it, so every process timed here (Hush and the floor) ran without it.',
        ]
      : []),
    '',
    '### Exactness at region edges',
    '',
    'Milliseconds per edge, max / mean over every start and end edge. Leak: time inside a region still ' +
      'holding the original audio. Over-mute: time outside a region (within 1 s) that was changed.',
    '',
    '| recording | compared | ffmpeg leak | ffmpeg over-mute | Hush leak | Hush over-mute | in-place leak | in-place over-mute |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.recordings.map((recording) => `| ${edgeRow(recording)} |`),
    '',
    '- exact (WAV): every sample of the output against the input; a frame leaks when a non-zero original ' +
      'sample is still there, and is over-muted when any sample differs.',
    '- level (MP3): input and output decoded by ffmpeg, compared in 1 ms blocks; a block inside leaks when ' +
      'it is louder than -60 dBFS, a block outside is over-muted when 20 dB or more below the input.',
    '',
    ...endToEndLines(result),
    '',
  ].join('\n');
}
