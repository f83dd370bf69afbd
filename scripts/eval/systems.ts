/**
 * The systems under evaluation, all reduced to the same output: predicted entities (type and time
 * parts) and the regions the same planner would silence for them.
 */
import type { Detection, Entity } from '../../src/core/detection.js';
import type { Category } from '../../src/core/entities.js';
import { ENTITY_CATEGORIES, isBuiltInEntityType } from '../../src/core/entities.js';
import type { Policy } from '../../src/core/policy.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import type { Conversation } from '../../src/core/streams.js';
import { divideConversation } from '../../src/core/streams.js';
import type { Transcript } from '../../src/core/transcript.js';
import type { Peer } from './peers.js';

export interface TimeSpan {
  start: number;
  end: number;
  channel: number | null;
}

export interface PredictedEntity {
  type: string;
  parts: TimeSpan[];
  /** True when some of its words have times the importer spread over a cue rather than times the source gave. */
  interpolated: boolean;
  /** Its words, normalised (see tokensOf). */
  tokens: string[];
  /** Its words as the engine wrote them: printed only with --show-false-alarms, for an opened set. */
  text: string;
}

/** Lower-case word forms without punctuation, for comparing an entity's words with a label's text. */
export function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((token) => token.replace(/^[^a-z0-9@$£+]+|[^a-z0-9%]+$/g, ''))
    .filter((token) => token !== '');
}

export interface Prediction {
  entities: PredictedEntity[];
  regions: TimeSpan[];
}

export interface System {
  name: string;
  version: string;
  predict(transcript: Transcript): Promise<Prediction>;
}

type PlanRegions = (detection: Detection, policy: Policy) => TimeSpan[];

/** Raised when the eval cannot run at all (as opposed to a call that fails to import). */
export class EvalSetupError extends Error {}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

async function loadPlanner(): Promise<PlanRegions> {
  try {
    const regions = await import('../../src/core/regions.js');
    return regions.planRegions;
  } catch (error) {
    throw new EvalSetupError(
      `Hush's region planner (src/core/regions.ts, planRegions) is not available: ${describe(error)}`,
    );
  }
}

function toPrediction(
  transcript: Transcript,
  detection: Detection,
  planRegions: PlanRegions,
  policy: Policy,
): Prediction {
  return {
    entities: detection.entities.map((entity) => {
      const words = entity.parts.flatMap((part) => part.words.map((index) => transcript.words[index]!));
      const text = words.map((word) => word.text).join(' ');
      return {
        type: entity.type,
        parts: entity.parts.map(({ start, end, channel }) => ({ start, end, channel })),
        interpolated: words.some((word) => word.timing === 'interpolated'),
        tokens: tokensOf(text),
        text,
      };
    }),
    regions: planRegions(detection, policy).map(({ start, end, channel }) => ({
      start,
      end,
      channel,
    })),
  };
}

/** Hush itself: `detect` with the policy (the default unless `--policy`), then `planRegions`. */
export async function loadHush(policy: Policy = DEFAULT_POLICY): Promise<System> {
  const planRegions = await loadPlanner();
  let detect: (transcript: Transcript, policy: Policy) => Detection;
  try {
    ({ detect } = await import('../../src/core/engine.js'));
  } catch (error) {
    throw new EvalSetupError(
      `Hush's detection engine (src/core/engine.ts, detect) is not available: ${describe(error)}`,
    );
  }
  return {
    name: 'Hush',
    version: 'working tree',
    predict: (transcript) =>
      Promise.resolve(toPrediction(transcript, detect(transcript, policy), planRegions, policy)),
  };
}

/** One speaker turn as a peer sees it: the words' text joined with spaces, and where each word sits. */
function turnText(transcript: Transcript, words: readonly number[]): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (const index of words) {
    if (text !== '') text += ' ';
    offsets.push(text.length);
    text += transcript.words[index]!.text;
  }
  return { text, offsets };
}

function categoryOf(type: string): Category {
  return isBuiltInEntityType(type) ? ENTITY_CATEGORIES[type] : 'PII';
}

/** A peer's finding as an entity over the words it touches, so the same planner can place it. */
function entityFor(
  transcript: Transcript,
  conversation: Conversation,
  turnIndex: number,
  words: number[],
  type: string,
): Entity {
  const first = transcript.words[words[0]!]!;
  const start = Math.min(...words.map((index) => transcript.words[index]!.start));
  const end = Math.max(...words.map((index) => transcript.words[index]!.end));
  const turn = conversation.turns[turnIndex]!;
  return {
    type,
    category: categoryOf(type),
    score: 1,
    parts: [{ words, start, end, channel: first.channel, value: '' }],
    start,
    end,
    channel: first.channel,
    role: first.role,
    stream: turn.stream,
    recognizer: 'peer',
    reasons: [],
    value: '',
  };
}

/** A peer library run turn by turn, its findings mapped to words and times and planned like Hush's. */
/** A peer library; its findings go through the same region planning as Hush's, under the same policy. */
export async function peerSystem(peer: Peer, policy: Policy = DEFAULT_POLICY): Promise<System> {
  const planRegions = await loadPlanner();
  return {
    name: peer.name,
    version: peer.version,
    async predict(transcript) {
      const conversation = divideConversation(transcript);
      const entities: Entity[] = [];
      for (const [turnIndex, turn] of conversation.turns.entries()) {
        const { text, offsets } = turnText(transcript, turn.words);
        for (const finding of await peer.find(text)) {
          const words = turn.words.filter((word, position) => {
            const wordStart = offsets[position]!;
            const wordEnd = wordStart + transcript.words[word]!.text.length;
            return wordStart < finding.end && finding.start < wordEnd;
          });
          if (words.length > 0)
            entities.push(entityFor(transcript, conversation, turnIndex, words, finding.type));
        }
      }
      entities.sort((a, b) => a.start - b.start);
      return toPrediction(transcript, { conversation, views: [], entities }, planRegions, policy);
    },
  };
}
