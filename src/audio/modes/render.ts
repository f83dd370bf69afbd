/**
 * Renders what replaces a region, as floats, a chunk at a time: silence, a beep, seeded noise or a
 * looped clip, faded in and out (fade.ts). Levels are RMS levels, dBFS re full scale 1.0 (the
 * measure verification reads back): a beep at -20 dBFS has RMS 0.1, so peaks at 0.141.
 */
import type { ReplacementMode } from '../replacement.js';
import { applyFades, fadeFrames } from './fade.js';
import { NOISE_RMS, noiseSample } from './noise.js';

/** Fills `out` with frames `from`, `from + 1`, … of the region's replacement signal (mono). */
export type RenderReplacement = (from: number, out: Float32Array) => void;

export interface RenderTarget {
  /** Frames in the region. */
  length: number;
  sampleRate: number;
  /** Seeds the noise; the region's start frame keeps regions apart and runs reproducible. */
  seed: number;
}

/** RMS amplitude of a level in dBFS. */
export function rmsOf(levelDbfs: number): number {
  return 10 ** (levelDbfs / 20);
}

const clipRms = new WeakMap<Float32Array, number>();

function rmsOfClip(samples: Float32Array): number {
  let rms = clipRms.get(samples);
  if (rms === undefined) {
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    rms = samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
    clipRms.set(samples, rms);
  }
  return rms;
}

function signal(mode: ReplacementMode, target: RenderTarget): RenderReplacement {
  switch (mode.kind) {
    case 'silence':
      return (_from, out) => out.fill(0);
    case 'beep': {
      const amplitude = Math.SQRT2 * rmsOf(mode.levelDbfs);
      const step = (2 * Math.PI * mode.frequencyHz) / target.sampleRate;
      return (from, out) => {
        for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin(step * (from + i));
      };
    }
    case 'noise': {
      const scale = rmsOf(mode.levelDbfs) / NOISE_RMS;
      return (from, out) => {
        for (let i = 0; i < out.length; i++) out[i] = scale * noiseSample(target.seed, from + i);
      };
    }
    case 'clip': {
      // The clip is scaled to the mode's RMS level and looped from the region's start; an empty or
      // silent clip gives silence.
      const { samples } = mode;
      const sourceRms = rmsOfClip(samples);
      if (sourceRms === 0) return (_from, out) => out.fill(0);
      const gain = rmsOf(mode.levelDbfs) / sourceRms;
      return (from, out) => {
        for (let i = 0; i < out.length; i++) out[i] = gain * samples[(from + i) % samples.length]!;
      };
    }
  }
}

/** The renderer of one region's replacement, faded at both ends. */
export function replacementRenderer(mode: ReplacementMode, target: RenderTarget): RenderReplacement {
  const render = signal(mode, target);
  const fade = fadeFrames(target.length, target.sampleRate);
  return (from, out) => {
    render(from, out);
    applyFades(out, from, target.length, fade);
  };
}
