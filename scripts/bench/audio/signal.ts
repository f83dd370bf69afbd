/**
 * The audio bench's test signal: speech-like (three formant-like tones under a four-per-second
 * syllable envelope, plus breath noise), different on each channel, and never quiet: its level
 * stays above about -35 dBFS everywhere, so a sample left unreplaced inside a region, or one
 * muted outside it, is always measurable. Generated from phase accumulators and a sine table, in
 * big interleaved chunks, fast enough for an hour of 44.1 kHz stereo in a few seconds.
 * Deterministic: the same samples on every run.
 */

export interface SignalFormat {
  sampleRate: number;
  channels: number;
}

const TABLE_SIZE = 8192;
const SINE = Float32Array.from({ length: TABLE_SIZE }, (_, i) => Math.sin((2 * Math.PI * i) / TABLE_SIZE));

/** Formant-like tones per channel (Hz) and their weights; all below 4 kHz, the 8 kHz Nyquist. */
const TONES = [
  [
    [220, 0.45],
    [730, 0.3],
    [1090, 0.15],
  ],
  [
    [180, 0.45],
    [570, 0.3],
    [2440, 0.15],
  ],
] as const;
const SYLLABLE_HZ = [4.3, 3.7];
/** The envelope swings between 1 - DEPTH and 1 + DEPTH, times LEVEL. */
const ENVELOPE_DEPTH = 0.8;
const LEVEL = 0.3;
const NOISE = 0.02;
export const CHUNK_FRAMES = 1 << 16;

/** `frames` frames of the signal as interleaved chunks of at most CHUNK_FRAMES frames. */
export function* speechLike(format: SignalFormat, frames: number): Generator<Float32Array> {
  const { sampleRate, channels } = format;
  const phases = Array.from({ length: channels }, () => new Float64Array(4));
  const steps = Array.from({ length: channels }, (_, channel) => {
    const tones = TONES[channel % TONES.length]!;
    return Float64Array.from(
      [...tones.map(([hz]) => hz), SYLLABLE_HZ[channel % 2]!],
      (hz) => hz / sampleRate,
    );
  });
  const weights = Array.from({ length: channels }, (_, channel) =>
    TONES[channel % TONES.length]!.map(([, weight]) => weight),
  );
  let noise = 0x9e3779b9;
  const chunk = new Float32Array(CHUNK_FRAMES * channels);
  for (let done = 0; done < frames; done += CHUNK_FRAMES) {
    const count = Math.min(CHUNK_FRAMES, frames - done);
    for (let channel = 0; channel < channels; channel += 1) {
      const phase = phases[channel]!;
      const step = steps[channel]!;
      const [w0, w1, w2] = weights[channel]! as [number, number, number];
      for (let frame = 0, i = channel; frame < count; frame += 1, i += channels) {
        const envelope = 1 + ENVELOPE_DEPTH * SINE[(phase[3]! * TABLE_SIZE) | 0]!;
        const voiced =
          w0 * SINE[(phase[0]! * TABLE_SIZE) | 0]! +
          w1 * SINE[(phase[1]! * TABLE_SIZE) | 0]! +
          w2 * SINE[(phase[2]! * TABLE_SIZE) | 0]!;
        // xorshift32: cheap, seeded white noise.
        noise ^= noise << 13;
        noise ^= noise >>> 17;
        noise ^= noise << 5;
        chunk[i] = LEVEL * envelope * voiced + NOISE * ((noise >>> 0) / 2147483648 - 1);
        for (let k = 0; k < 4; k += 1) {
          const next = phase[k]! + step[k]!;
          phase[k] = next >= 1 ? next - 1 : next;
        }
      }
    }
    yield chunk.subarray(0, count * channels);
  }
}
