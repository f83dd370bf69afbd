/**
 * Builds `samples/call.wav`, the demo's recording, from `samples/call-deepgram.json`: each word is
 * spoken by espeak-ng (agent and customer in different voices) and placed on its channel exactly
 * over the time the transcript gives it, so the regions Hush plans from the transcript cover the
 * words it silences. Written as a call recorder writes: two channels, 8 kHz, G.711 μ-law WAV, over
 * a faint line hiss (so silenced regions show as true digital silence).
 *
 *   tsx scripts/samples/make-call-audio.ts
 *
 * Needs espeak-ng on PATH (`apt-get install espeak-ng`); only this script does, never the tests or
 * the demo. Deterministic: the same bytes on every run with the same espeak-ng and ffmpeg.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegPath } from '../../src/audio/ffmpeg/binary.js';
import type { Word } from '../../src/core/transcript.js';
import { importTranscript } from '../../src/formats/index.js';
import { REPO_DIR } from '../corpus/paths.js';
import { Random } from '../corpus/random.js';

const TRANSCRIPT = join(REPO_DIR, 'samples', 'call-deepgram.json');
const OUTPUT = join(REPO_DIR, 'samples', 'call.wav');

/** espeak-ng's output rate; the mix is made at this rate and resampled to 8 kHz by ffmpeg. */
const SYNTH_RATE = 22_050;
const OUTPUT_RATE = 8_000;
/** Channel 0 is the agent, channel 1 the customer (see samples/README.md). */
const VOICES = ['en-us+m3', 'en-us+f3'] as const;
const BASE_SPEED = 175;
const SPEED_LIMITS = [80, 450] as const;
/** Below this a synthesized sample counts as espeak-ng's leading or trailing silence. */
const TRIM_THRESHOLD = 0.01;
const FADE_SECONDS = 0.004;
const PEAK = 0.7;
const HISS_LEVEL = 0.002; // about -54 dBFS

function synthesize(ssml: string, voice: string, speed: number): Float32Array {
  const run = spawnSync('espeak-ng', [
    '-m',
    '-z',
    '-v',
    voice,
    '-s',
    String(Math.round(speed)),
    '--stdout',
    ssml,
  ]);
  if (run.error) throw new Error(`espeak-ng could not run (apt-get install espeak-ng): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`espeak-ng exited ${run.status}: ${run.stderr.toString()}`);
  const wav = run.stdout;
  // espeak-ng writes a plain 16-bit mono RIFF with the samples after the `data` chunk's header.
  const data = wav.indexOf('data', 12, 'latin1');
  if (data < 0) throw new Error('espeak-ng wrote no WAV data chunk');
  const pcm = wav.subarray(data + 8, data + 8 + ((wav.length - data - 8) & ~1));
  const samples = new Float32Array(pcm.length / 2);
  for (let i = 0; i < samples.length; i += 1) samples[i] = pcm.readInt16LE(i * 2) / 32768;
  let first = 0;
  let last = samples.length - 1;
  while (first < last && Math.abs(samples[first]!) < TRIM_THRESHOLD) first += 1;
  while (last > first && Math.abs(samples[last]!) < TRIM_THRESHOLD) last -= 1;
  return samples.subarray(first, last + 1);
}

/** Linear-interpolation resampling to exactly `length` samples, with short fades at both ends. */
function fit(samples: Float32Array, length: number): Float32Array {
  const out = new Float32Array(length);
  const step = length > 1 ? (samples.length - 1) / (length - 1) : 0;
  const fade = Math.max(1, Math.round(FADE_SECONDS * SYNTH_RATE));
  for (let i = 0; i < length; i += 1) {
    const at = i * step;
    const index = Math.floor(at);
    const next = samples[Math.min(index + 1, samples.length - 1)]!;
    const value = samples[index]! + (next - samples[index]!) * (at - index);
    out[i] = value * Math.min(1, i / fade, (length - 1 - i) / fade);
  }
  return out;
}

/** The SSML espeak-ng reads for one word: letters of a spelled-out run are read as letters. */
function wordSsml(words: readonly Word[], index: number): string {
  const spoken = (word: Word | undefined): string => (word ? word.text.replace(/[^\p{L}\p{N}']/gu, '') : '');
  const text = spoken(words[index]);
  const isLetter = (value: string): boolean => value.length === 1 && /\p{L}/u.test(value) && value !== 'I';
  const spelled =
    isLetter(text) && (isLetter(spoken(words[index - 1])) || isLetter(spoken(words[index + 1])));
  return spelled ? `<say-as interpret-as="characters">${text}</say-as>` : text;
}

/** One word spoken by the channel's voice, stretched to the transcript's duration for it. */
function speakWord(words: readonly Word[], index: number, voice: string): Float32Array {
  const word = words[index]!;
  const length = Math.round(((word.end - word.start) / 1000) * SYNTH_RATE);
  const ssml = wordSsml(words, index);
  const first = synthesize(ssml, voice, BASE_SPEED);
  // Speak at the rate that roughly fits, then resample the small remainder away.
  const speed = Math.min(SPEED_LIMITS[1], Math.max(SPEED_LIMITS[0], (BASE_SPEED * first.length) / length));
  return fit(synthesize(ssml, voice, speed), length);
}

function main(): void {
  const text = readFileSync(TRANSCRIPT, 'utf8');
  const { transcript } = importTranscript(text, TRANSCRIPT);
  const durationSeconds = (JSON.parse(text) as { metadata: { duration: number } }).metadata.duration;
  const frames = Math.round(durationSeconds * SYNTH_RATE);
  const channels = VOICES.map(() => new Float32Array(frames));

  VOICES.forEach((voice, channel) => {
    const words = transcript.words.filter((word) => word.channel === channel);
    words.forEach((_, index) => {
      const speech = speakWord(words, index, voice);
      const at = Math.round((words[index]!.start / 1000) * SYNTH_RATE);
      channels[channel]!.set(speech.subarray(0, Math.max(0, frames - at)), at);
    });
  });

  let peak = 0;
  for (const channel of channels) for (const value of channel) peak = Math.max(peak, Math.abs(value));
  const random = new Random(20250318);
  const interleaved = new Float32Array(frames * channels.length);
  for (let frame = 0; frame < frames; frame += 1) {
    for (let channel = 0; channel < channels.length; channel += 1) {
      const hiss = (random.next() * 2 - 1) * HISS_LEVEL;
      interleaved[frame * channels.length + channel] = (channels[channel]![frame]! * PEAK) / peak + hiss;
    }
  }

  const staged = `${OUTPUT}.partial.wav`;
  const encode = spawnSync(
    ffmpegPath(),
    [
      ...['-hide_banner', '-v', 'error', '-y'],
      ...['-f', 'f32le', '-ar', String(SYNTH_RATE), '-ac', String(channels.length), '-i', 'pipe:0'],
      // The telephone band, then the recorder's rate and G.711 μ-law; bitexact leaves out the
      // encoder's version tag, so the file does not change with the ffmpeg build's name.
      ...['-af', 'highpass=f=300,lowpass=f=3400', '-ar', String(OUTPUT_RATE), '-c:a', 'pcm_mulaw'],
      ...['-fflags', '+bitexact', '-flags:a', '+bitexact', staged],
    ],
    { input: Buffer.from(interleaved.buffer, interleaved.byteOffset, interleaved.byteLength) },
  );
  if (encode.status !== 0) throw new Error(`ffmpeg exited ${encode.status}: ${encode.stderr.toString()}`);
  renameSync(staged, OUTPUT);
  console.log(`wrote ${OUTPUT}: ${durationSeconds} s, ${channels.length} channels, ${OUTPUT_RATE} Hz μ-law`);
}

main();
