/**
 * Two-party call transcripts for recognizer and engine tests: the agent on channel 0, the
 * customer on channel 1, turns one after another (made-up times from test/helpers/transcript.ts).
 */
import { detect } from '../../src/core/engine.js';
import type { Detection, Entity } from '../../src/core/detection.js';
import type { PolicyInput } from '../../src/core/policy.js';
import { policySchema } from '../../src/core/policy.js';
import type { Transcript } from '../../src/core/transcript.js';
import type { TurnSpec } from '../helpers/transcript.js';
import { buildTranscript } from '../helpers/transcript.js';

export const agent = (text: string, start?: number): TurnSpec => ({ channel: 0, role: 'agent', text, start });
export const customer = (text: string, start?: number): TurnSpec => ({
  channel: 1,
  role: 'customer',
  text,
  start,
});

/**
 * A transcript that does not tell the speakers apart (Whisper without diarisation): one stream,
 * one turn per text, no channel or role.
 */
export function mono(...texts: string[]): Transcript {
  return buildTranscript(texts.map((text) => ({ channel: null, role: 'unknown', text })));
}

export function call(...turns: TurnSpec[]): Transcript {
  return buildTranscript(turns);
}

/** Detects with the given policy fields (PCI-strict off unless asked, so each recognizer is seen alone). */
export function detectIn(transcript: Transcript, policy: PolicyInput = {}): Detection {
  return detect(transcript, policySchema.parse({ pciStrict: false, ...policy }));
}

/** `TYPE:value of each part joined by |`, for each entity, in time order: a compact view to assert on. */
export function found(transcript: Transcript, policy: PolicyInput = {}): string[] {
  return detectIn(transcript, policy).entities.map(describe);
}

export function describe(entity: Entity): string {
  return `${entity.type}:${entity.parts.map((part) => part.value).join('|')}`;
}

/** The entities of one type, described. */
export function foundOfType(transcript: Transcript, type: string, policy: PolicyInput = {}): string[] {
  return found(transcript, policy).filter((entry) => entry.startsWith(`${type}:`));
}
