/** Symbl.ai conversation messages (`GET /v1/conversations/{id}/messages?verbose=true`). */
import type { Writer } from './common.js';
import { cues, iso, json, pseudoUuid, seconds, text } from './common.js';

export const symblWriter: Writer = {
  id: 'symbl',
  suffix: '.symbl.json',
  channels: false,
  write(call) {
    const people = {
      agent: { id: pseudoUuid(`${call.id}:agent`), name: 'Agent', userId: 'agent@example.com' },
      customer: { id: pseudoUuid(`${call.id}:customer`), name: 'Customer', userId: 'customer@example.com' },
    };
    const messages = cues(call).map((cue, index) => ({
      id: pseudoUuid(`${call.id}:message:${index}`),
      text: text(call, cue.words),
      from: people[cue.speaker],
      startTime: iso(call.startedAt + cue.start),
      endTime: iso(call.startedAt + cue.end),
      timeOffset: seconds(cue.start),
      duration: seconds(cue.end - cue.start),
      conversationId: pseudoUuid(`${call.id}:conversation`),
      phrases: [],
      sentiment: { polarity: { score: 0 }, suggested: 'neutral' },
      words: cue.words.map((wordIndex) => {
        const word = call.words[wordIndex]!;
        return {
          word: word.text,
          startTime: iso(call.startedAt + word.start),
          endTime: iso(call.startedAt + word.end),
          timeOffset: seconds(word.start),
          duration: seconds(word.end - word.start),
          score: word.confidence,
        };
      }),
    }));
    return json({ messages });
  },
};
