/**
 * `npm run bench`: Hush's speed on a one-hour two-channel call, against its targets and beside the
 * peer libraries. A script, not a test: it prints a Markdown report.
 *
 *   (a) detect() in-process on one core: median and p95 of 25 runs after a warm-up (target < 50 ms)
 *   (b) `hush detect FILE --json` as a whole process: median of 7 spawns (target < 0.5 s), with
 *       `node -e 0` as the floor no Node program can beat, and where a fresh process spends it
 *   (c) words per second, Hush (detect + word edits on the transcript) beside each peer library
 *       redacting the same turns' text one turn at a time, in the same run
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { detect } from '../../src/core/engine.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { planWordEdits } from '../../src/core/redaction/index.js';
import { importTranscript } from '../../src/formats/index.js';
import { generateBenchCall } from './generate.js';
import { summarise, time, timeProcess, type Timing } from './measure.js';
import { loadSpeedPeers } from './peers.js';

const DETECT_TARGET_MS = 50;
const PROCESS_TARGET_MS = 500;

const outDir = fileURLToPath(new URL('../../.bench-out/', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/**
 * Where a whole `hush detect` process spends its time, phase by phase, in fresh processes running
 * the built code: loading modules, importing the transcript, and the first (cold) detect() call.
 */
function coldPhases(file: string, runs: number): Record<'modules' | 'import' | 'firstDetect', Timing> {
  const dist = new URL('../../dist/', import.meta.url).href;
  const code = `
    import { readFileSync } from 'node:fs';
    const t0 = performance.now();
    const { importTranscript } = await import('${dist}formats/index.js');
    const { detect } = await import('${dist}core/engine.js');
    const { DEFAULT_POLICY } = await import('${dist}core/policy.js');
    const t1 = performance.now();
    const { transcript } = importTranscript(readFileSync(${JSON.stringify(file)}, 'utf8'), 'bench');
    const t2 = performance.now();
    detect(transcript, DEFAULT_POLICY);
    const t3 = performance.now();
    process.stdout.write(JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));`;
  const samples = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    return JSON.parse(out) as [number, number, number];
  });
  return {
    modules: summarise(samples.map((sample) => sample[0])),
    import: summarise(samples.map((sample) => sample[1])),
    firstDetect: summarise(samples.map((sample) => sample[2])),
  };
}
const rate = (words: number, timing: Timing): number => words / (timing.median / 1000);
const verdict = (value: number, target: number): string => (value < target ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const call = generateBenchCall();
  const file = `${outDir}bench-call.json`;
  const text = JSON.stringify(call.document);
  writeFileSync(file, text);
  const { transcript } = importTranscript(text, file);
  const found = detect(transcript, DEFAULT_POLICY).entities.length;

  const inProcess = await time(() => detect(transcript, DEFAULT_POLICY), 25);
  const redaction = await time(() => planWordEdits(detect(transcript, DEFAULT_POLICY), DEFAULT_POLICY), 10);
  const wholeProcess = timeProcess(process.execPath, [cli, 'detect', file, '--json'], 7);
  const floor = timeProcess(process.execPath, ['-e', '0'], 7);
  const cold = coldPhases(file, 5);

  const hushRate = rate(call.words, redaction);
  const peers = [];
  for (const peer of await loadSpeedPeers()) {
    const timing = await time(
      async () => {
        for (const turn of call.turnTexts) await peer.redact(turn);
      },
      5,
      1,
    );
    peers.push({ peer, timing, wordsPerSecond: rate(call.words, timing) });
  }

  const lastEnd = call.document.words[call.document.words.length - 1]!.end;
  const lines = [
    `## Hush benchmark`,
    '',
    `Call: ${(lastEnd / 60_000).toFixed(1)} min, 2 channels, ${call.words} words in ${call.turnTexts.length} turns, ` +
      `${call.planted} sensitive items planted, ${found} entities found (default policy). ` +
      `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; one core (Node runs detection on one thread).`,
    '',
    '| measure | result | target | |',
    '| --- | --- | --- | --- |',
    `| detect() in-process, median (p95) of ${inProcess.runs} | ${ms(inProcess.median)} (${ms(inProcess.p95)}) | < ${DETECT_TARGET_MS} ms | ${verdict(inProcess.median, DETECT_TARGET_MS)} |`,
    `| \`hush detect FILE --json\`, whole process, median of ${wholeProcess.runs} | ${ms(wholeProcess.median)} | < ${PROCESS_TARGET_MS} ms | ${verdict(wholeProcess.median, PROCESS_TARGET_MS)} |`,
    `| \`node -e 0\`, the floor, median of ${floor.runs} | ${ms(floor.median)} | | |`,
    `| a fresh process by phase, median of 5: loading modules / importing the transcript / first detect() | ` +
      `${ms(cold.modules.median)} / ${ms(cold.import.median)} / ${ms(cold.firstDetect.median)} | | |`,
    '',
    '| library | words/s | Hush ÷ library |',
    '| --- | --- | --- |',
    `| Hush (detect + word edits) | ${Math.round(hushRate).toLocaleString('en-US')} | 1.0 |`,
    ...peers.map(
      ({ peer, wordsPerSecond }) =>
        `| ${peer.name} ${peer.version} | ${Math.round(wordsPerSecond).toLocaleString('en-US')} | ${(hushRate / wordsPerSecond).toFixed(1)} |`,
    ),
    '',
    'Peers redact each turn’s text on its own with default settings; Hush reads the whole call, with',
    'cross-turn context. Ratios above 1 mean Hush is faster.',
  ];
  console.log(lines.join('\n'));
}

await main();
