/** Hush's own transcript JSON: the model's words, times in integer ms, two channels. */
import type { Writer } from './common.js';
import { CHANNEL, json } from './common.js';

export const hushWriter: Writer = {
  id: 'hush',
  suffix: '.hush.json',
  channels: true,
  write(call) {
    return json(
      {
        hush: 'transcript/v1',
        channels: 2,
        words: call.words.map((word) => ({
          text: word.text,
          start: word.start,
          end: word.end,
          channel: CHANNEL[word.speaker],
          speaker: word.speaker === 'agent' ? 'A' : 'B',
          role: word.speaker,
          confidence: word.confidence,
          timing: 'native',
        })),
      },
      true,
    );
  },
};
