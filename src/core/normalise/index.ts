/**
 * Spoken-form normalisation: builds each stream's written-form view with its character map.
 * (First cut: words joined as written; the spoken-form rules land next.)
 */
import type { Conversation } from '../streams.js';
import type { Transcript } from '../transcript.js';
import type { StreamView, TurnSpan } from './view.js';
import { HARD_TURN_BREAK } from './view.js';

export function normaliseConversation(transcript: Transcript, conversation: Conversation): StreamView[] {
  return conversation.streams.map((stream) => {
    let text = '';
    const from: number[] = [];
    const to: number[] = [];
    const turns: TurnSpan[] = [];
    const append = (piece: string, word: number): void => {
      text += piece;
      for (let i = 0; i < piece.length; i += 1) {
        from.push(word);
        to.push(word);
      }
    };
    for (const turn of conversation.turns) {
      if (turn.stream !== stream.id) continue;
      if (text !== '') append(HARD_TURN_BREAK, -1);
      const charStart = text.length;
      turn.words.forEach((word, position) => {
        if (position > 0) append(' ', -1);
        append(transcript.words[word]!.text, word);
      });
      turns.push({ turn, charStart, charEnd: text.length });
    }
    return { stream, text, wordFrom: Int32Array.from(from), wordTo: Int32Array.from(to), turns };
  });
}
