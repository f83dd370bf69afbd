/**
 * A small generated call for the audio CLI tests: a stereo WAV of tones (every sample non-zero
 * outside the regions, so silence is unmistakable) and a Hush transcript whose customer reads a
 * card number at known times, so the region Hush must silence is known in advance.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildWav, tones } from '../audio/wav/fixture.js';
import { PLANTED_CARD, runCli, type CliResult } from './helpers.js';

export const RATE = 8000;
export const CHANNELS = 2;
export const SECONDS = 10;
/** Bytes before the samples in the WAVs buildWav writes (RIFF header, fmt chunk, data header). */
export const DATA_OFFSET = 44;

interface Said {
  text: string;
  start: number;
  end: number;
  channel: number;
  role: 'agent' | 'customer';
}

function say(words: string, from: number, channel: number, role: Said['role'], step = 400): Said[] {
  return words.split(' ').map((text, index) => ({
    text,
    start: from + index * step,
    end: from + index * step + step - 60,
    channel,
    role,
  }));
}

/** The card groups are said from 4.0 s to 5.54 s on channel 1. */
export const CARD_SPOKEN = { start: 4000, end: 5540 };
/** The region the default policy plans for it: 250 ms before, 350 ms after, every channel. */
export const CARD_REGION = { start: CARD_SPOKEN.start - 250, end: CARD_SPOKEN.end + 350, channel: null };

export function transcript(): string {
  const words = [
    ...say('Thanks for calling Northwind. Can I take the card number please?', 200, 0, 'agent', 360),
    ...say(`Sure, it is`, 3000, 1, 'customer', 300),
    ...say(PLANTED_CARD.groups.join(' '), CARD_SPOKEN.start, 1, 'customer', 400),
    ...say('that is all', 6000, 1, 'customer', 300),
    ...say('Thank you, that went through.', 7000, 0, 'agent', 400),
  ];
  return `${JSON.stringify({ hush: 'transcript/v1', channels: 2, words }, null, 2)}\n`;
}

/** A stereo 16-bit WAV of tones, SECONDS long. */
export function callWav(seconds = SECONDS): Buffer {
  return buildWav({
    encoding: 'pcm_s16le',
    sampleRate: RATE,
    channels: CHANNELS,
    samples: tones(CHANNELS, RATE * seconds, RATE),
  });
}

/** Writes `<name>.wav` and `<name>.json` into `dir`; returns their paths. */
export async function writeCall(
  dir: string,
  name = 'call',
  seconds = SECONDS,
): Promise<{ audio: string; transcript: string }> {
  const audio = join(dir, `${name}.wav`);
  const transcriptFile = join(dir, `${name}.json`);
  await writeFile(audio, callWav(seconds));
  await writeFile(transcriptFile, transcript());
  return { audio, transcript: transcriptFile };
}

/** The 16-bit samples of one channel of a WAV from buildWav, frames [from, to). */
export async function channelSamples(
  path: string,
  channel: number,
  from: number,
  to: number,
): Promise<number[]> {
  const bytes = await readFile(path);
  const out: number[] = [];
  for (let frame = from; frame < to; frame++)
    out.push(bytes.readInt16LE(DATA_OFFSET + (frame * CHANNELS + channel) * 2));
  return out;
}

/** Sample frames a region in ms covers, rounded outwards as Hush maps it. */
export function frames(region: { start: number; end: number }): { from: number; to: number } {
  return { from: Math.floor((region.start * RATE) / 1000), to: Math.ceil((region.end * RATE) / 1000) };
}

/** The byte range a region in ms covers in the samples of a WAV from callWav. */
export function regionBytes(region: { start: number; end: number }): { from: number; to: number } {
  const { from, to } = frames(region);
  const frameSize = CHANNELS * 2;
  return { from: DATA_OFFSET + from * frameSize, to: DATA_OFFSET + to * frameSize };
}

/** The parts of the `hush redact --json` object these tests read. */
export interface RedactJson {
  output: string | null;
  transcript: string | null;
  report: string;
  status: string;
  path: string;
  regions: { start: number; end: number; channel: number | null; types: string[] }[];
  verification: {
    passed: boolean;
    audio: {
      regions: { levelDbfs: number | null; passed: boolean }[];
      outside: { passed: boolean } | null;
    } | null;
  };
}

/** `hush redact AUDIO ...INPUTS -o DIR/out --db DIR/a.db`: the run most audio CLI tests make. */
export function redactArgs(dir: string, audio: string, ...inputs: string[]): string[] {
  return ['redact', audio, ...inputs, '-o', join(dir, 'out'), '--db', join(dir, 'a.db')];
}

/** Runs `ARGS --json`, asserts the exit code (stderr as the message) and parses the object. */
export async function redactJson(
  args: readonly string[],
  code = 0,
): Promise<{ run: CliResult; json: RedactJson }> {
  const run = await runCli([...args, '--json']);
  assert.equal(run.code, code, run.stderr);
  return { run, json: JSON.parse(run.stdout) as RedactJson };
}
