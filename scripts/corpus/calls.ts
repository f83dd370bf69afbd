/** Builds one call of the corpus: who calls whom about what, said in which engine's style. */
import type { FormatId } from '../../src/core/transcript.js';
import type { Family } from './families.js';
import type { CallLabels } from './labels.js';
import { labelsFor } from './labels.js';
import { AGENT_NAMES, COMPANIES, person } from './people.js';
import type { Random } from './random.js';
import type { Call } from './scenes.js';
import { randomDob } from './scenes.js';
import { Script } from './script.js';
import { layOut } from './timeline.js';
import * as values from './values.js';
import type { CallRecording, Writer } from './writers/index.js';

/**
 * How often each engine writes spoken digits as digits ("4111" rather than "four one one one"):
 * Whisper-family models almost always do, Genesys and plain-text captions less.
 */
const WRITTEN_DIGITS: Record<FormatId, number> = {
  hush: 0.3,
  'aws-transcribe': 0.55,
  'aws-call-analytics': 0.55,
  deepgram: 0.5,
  assemblyai: 0.5,
  whisper: 0.75,
  'whisper-cpp': 0.75,
  whisperx: 0.7,
  genesys: 0.2,
  symbl: 0.35,
  webvtt: 0.4,
  srt: 0.4,
};

const EMAIL_DOMAINS = [
  'example.com',
  'example.org',
  'mail.example.net',
  'gmail.com',
  'outlook.com',
  'yahoo.co.uk',
  'icloud.com',
];

/** First call starts on 2026-03-02 09:00 UTC; calls are spread over the following days. */
const FIRST_CALL_AT = Date.UTC(2026, 2, 2, 9, 0, 0);

export interface BuiltCall {
  recording: CallRecording;
  labels: CallLabels;
  content: string;
}

export function buildCall(index: number, family: Family, writer: Writer, rng: Random): BuiltCall {
  const id = `call-${String(index + 1).padStart(3, '0')}`;
  const uk = rng.chance(0.4);
  const customer = person(rng);
  const local = rng
    .pick([
      `${customer.first}.${customer.last}`,
      `${customer.first[0]}${customer.last}${rng.int(1, 99)}`,
      `${customer.first}${rng.int(70, 99)}`,
      `${customer.first}_${customer.last}`,
    ])
    .toLowerCase();
  const call: Call = {
    rng,
    voice: { rng, uk, written: Math.min(0.95, rng.jitter(WRITTEN_DIGITS[writer.id], 0.25)) },
    uk,
    company: rng.pick(COMPANIES[rng.pick(family.sectors)][uk ? 'UK' : 'US']),
    agent: rng.pick(AGENT_NAMES),
    customer,
    script: new Script(),
    account: {
      dob: randomDob(rng),
      phone: uk ? values.ukPhone(rng) : values.usPhone(rng),
      email: { local, domain: rng.pick(EMAIL_DOMAINS) },
      postcode: uk ? values.ukPostcode(rng) : values.zip(rng),
    },
  };
  family.play(call);
  const timed = layOut(call.script, rng);
  const recording: CallRecording = {
    ...timed,
    id,
    startedAt: FIRST_CALL_AT + index * 3_600_000 + rng.int(0, 3_000_000),
  };
  const file = `calls/${id}${writer.suffix}`;
  const labels: CallLabels = {
    call: id,
    file,
    format: writer.id,
    family: family.name,
    locale: uk ? 'UK' : 'US',
    channels: writer.channels ? 2 : 1,
    durationMs: timed.duration,
    ...labelsFor(timed, writer.channels),
  };
  return { recording, labels, content: writer.write(recording) };
}
