/**
 * `npm run bench`: Hush's speed on a one-hour two-channel call, against its targets and beside the
 * peer libraries (text), and on one-hour recordings beside `cp` and ffmpeg (audio, see
 * audio/run.ts). A script, not a test: it prints a Markdown report.
 *
 *   --only text|audio   run one half (default both)
 *   --runs N            timed runs of each audio contender after the warm-up (default 5)
 *   --recordings a,b    audio: only these recordings (wav-mulaw-8k, wav-s16-8k, wav-s16-44k, mp3-8k, mp3-44k)
 *
 * Text:
 *   (a) detect() in-process on one core: min, median and p95 of 50 runs after a warm-up (target
 *       < 50 ms on the median)
 *   (b) `hush detect FILE --json` as a whole process, the bundle the `hush` bin runs: min, median
 *       and p95 of 15 spawns (target < 0.5 s on the median), with `node -e 0` as the floor no Node
 *       program can beat, and where a fresh process spends its time, phase by phase
 *   (c) words per second, Hush (detect + word edits on the transcript) beside each peer library
 *       redacting the same turns' text one turn at a time, in the same run
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle } from '../build/bundle.js';
import { detect } from '../../src/core/engine.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { planWordEdits } from '../../src/core/redaction/index.js';
import { importTranscript } from '../../src/formats/index.js';
import { runAudioBench } from './audio/run.js';
import { generateBenchCall } from './generate.js';
import { CA_ENV, CA_VARIABLE, runProcess, summarise, time, timeProcess, type Timing } from './measure.js';
import { loadSpeedPeers } from './peers.js';
import type { StartupPhases } from './startup.js';

const DETECT_TARGET_MS = 50;
const PROCESS_TARGET_MS = 500;
const DETECT_RUNS = 50;
const PROCESS_RUNS = 15;
const PHASE_RUNS = 9;

const outDir = fileURLToPath(new URL('../../.bench-out/', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/bin/hush.js', import.meta.url));

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const spread = (timing: Timing): string => `${ms(timing.min)} / ${ms(timing.median)} / ${ms(timing.p95)}`;

/**
 * Where a fresh `hush detect FILE --json` process spends its time: the start-up probe (see
 * startup.ts), bundled as `hush` is, run as a process `runs` times; each phase's durations.
 */
async function startupPhases(file: string, runs: number): Promise<Record<keyof StartupPhases, Timing>> {
  const probeDir = `${outDir}startup/`;
  await bundle({ startup: fileURLToPath(new URL('./startup.ts', import.meta.url)) }, probeDir);
  const probe = (): StartupPhases =>
    JSON.parse(runProcess(process.execPath, [`${probeDir}startup.js`, file]).stderr) as StartupPhases;
  probe(); // warms the file cache, as timeProcess does
  const durations: StartupPhases[] = Array.from({ length: runs }, probe).map((ends) => ({
    loaded: ends.loaded,
    imported: ends.imported - ends.loaded,
    detected: ends.detected - ends.imported,
    written: ends.written - ends.detected,
  }));
  const phase = (key: keyof StartupPhases): Timing => summarise(durations.map((sample) => sample[key]));
  return {
    loaded: phase('loaded'),
    imported: phase('imported'),
    detected: phase('detected'),
    written: phase('written'),
  };
}

const rate = (words: number, timing: Timing): number => words / (timing.median / 1000);
const verdict = (value: number, target: number): string => (value < target ? 'PASS' : 'MISS');

async function textBench(): Promise<void> {
  const call = generateBenchCall();
  const file = `${outDir}bench-call.json`;
  const text = JSON.stringify(call.document);
  writeFileSync(file, text);
  const { transcript } = importTranscript(text, file);
  const found = detect(transcript, DEFAULT_POLICY).entities.length;

  const inProcess = await time(() => detect(transcript, DEFAULT_POLICY), DETECT_RUNS, 5);
  const redaction = await time(() => planWordEdits(detect(transcript, DEFAULT_POLICY), DEFAULT_POLICY), 10);
  const wholeProcess = timeProcess(process.execPath, [cli, 'detect', file, '--json'], PROCESS_RUNS);
  const floor = timeProcess(process.execPath, ['-e', '0'], PROCESS_RUNS);
  const caFloor = CA_ENV && timeProcess(process.execPath, ['-e', '0'], PROCESS_RUNS, CA_ENV);
  const phases = await startupPhases(file, PHASE_RUNS);

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
    '| measure | min / median / p95 | target | |',
    '| --- | --- | --- | --- |',
    `| detect() in-process, ${inProcess.runs} runs | ${spread(inProcess)} | < ${DETECT_TARGET_MS} ms | ${verdict(inProcess.median, DETECT_TARGET_MS)} |`,
    `| \`hush detect FILE --json\`, whole process, ${wholeProcess.runs} runs | ${spread(wholeProcess)} | < ${PROCESS_TARGET_MS} ms | ${verdict(wholeProcess.median, PROCESS_TARGET_MS)} |`,
    `| \`node -e 0\`, the floor, ${floor.runs} runs | ${spread(floor)} | | |`,
    ...(caFloor
      ? [
          `| \`node -e 0\` with this machine's \`${CA_VARIABLE}\`, ${caFloor.runs} runs | ${spread(caFloor)} | | |`,
          '',
          `This machine sets \`${CA_VARIABLE}\`, which makes every Node process load that CA bundle as it starts; ` +
            'a user’s machine normally does not, so the processes timed here ran without it.',
        ]
      : []),
    '',
    `A fresh \`hush detect FILE --json\` process by phase, median of ${PHASE_RUNS} runs of the start-up probe ` +
      '(scripts/bench/startup.ts, bundled as `hush` is; exit not included):',
    '',
    '| phase | median |',
    '| --- | --- |',
    `| Node start-up and loading the bundle | ${ms(phases.loaded.median)} |`,
    `| reading and importing the transcript | ${ms(phases.imported.median)} |`,
    `| first detect() and region planning | ${ms(phases.detected.median)} |`,
    `| rendering and writing the JSON report | ${ms(phases.written.median)} |`,
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      runs: { type: 'string', default: '5' },
      recordings: { type: 'string', default: '' },
    },
  });
  if (values.only !== undefined && values.only !== 'text' && values.only !== 'audio') {
    throw new Error(`--only takes text or audio, not ${values.only}`);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs takes a whole number of runs, not ${values.runs}`);
  mkdirSync(outDir, { recursive: true });
  if (values.only !== 'audio') await textBench();
  if (values.only !== 'text') {
    await runAudioBench({
      outDir,
      runs,
      recordings: values.recordings.split(',').filter(Boolean),
      log: (line) => console.error(line),
    });
  }
}

await main();
