/**
 * Spoken-form normalisation: builds each speaker stream's written-form view with its character →
 * word map (see view.ts and docs/normalisation.md). Each turn goes through three passes — words to
 * pieces (tokens.ts; digit homophones read in homophones.ts), pieces to atoms (atoms.ts: numbers, spelled letters, months), atoms joined by
 * spoken symbols (compose.ts: emails, hosts, digit separators, "plus") — and the turns of a stream
 * are joined by soft or hard breaks (breaks.ts).
 */
import type { Conversation, Stream, Turn } from '../streams.js';
import type { Transcript } from '../transcript.js';
import type { Atom } from './atoms.js';
import { toAtoms } from './atoms.js';
import { turnBreak } from './breaks.js';
import { ViewBuilder } from './builder.js';
import { composeAtoms } from './compose.js';
import { readDigitHomophones } from './homophones.js';
import { tokeniseTurn } from './tokens.js';
import type { StreamView, TurnSpan } from './view.js';

/** One view per stream of the conversation, indexed by stream id. */
export function normaliseConversation(transcript: Transcript, conversation: Conversation): StreamView[] {
  const turnsByStream: Turn[][] = conversation.streams.map(() => []);
  for (const turn of conversation.turns) turnsByStream[turn.stream]!.push(turn);
  return conversation.streams.map((stream) =>
    normaliseStream(transcript, conversation, stream, turnsByStream[stream.id]!),
  );
}

function normaliseStream(
  transcript: Transcript,
  conversation: Conversation,
  stream: Stream,
  turns: readonly Turn[],
): StreamView {
  const builder = new ViewBuilder(stream.words.length * 6);
  const spans: TurnSpan[] = [];
  // The last turn that produced characters: a turn of fillers only is transparent to breaks.
  let previous: Turn | undefined;
  for (const turn of turns) {
    const atoms = normaliseTurn(transcript, turn);
    if (atoms.length > 0 && previous) builder.separate(turnBreak(transcript, conversation, previous, turn));
    const charStart = builder.length;
    for (let i = 0; i < atoms.length; i += 1) {
      if (i > 0) builder.separate(' ');
      for (const span of atoms[i]!.spans) builder.append(span);
    }
    spans.push({ turn, charStart, charEnd: builder.length });
    if (atoms.length > 0) previous = turn;
  }
  return { stream, ...builder.finish(), turns: spans };
}

function normaliseTurn(transcript: Transcript, turn: Turn): Atom[] {
  return composeAtoms(toAtoms(readDigitHomophones(tokeniseTurn(transcript.words, turn.words))));
}
