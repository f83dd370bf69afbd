/** Deepgram pre-recorded response with `multichannel=true`: one alternative per channel, seconds. */
import type { Writer } from './common.js';
import { bare, json, pseudoUuid, seconds, wordsOf } from './common.js';

export const deepgramWriter: Writer = {
  id: 'deepgram',
  suffix: '.deepgram.json',
  channels: true,
  write(call) {
    const channels = (['agent', 'customer'] as const).map((speaker) => {
      const words = wordsOf(call, speaker);
      return {
        alternatives: [
          {
            transcript: words.map((word) => word.text).join(' '),
            confidence: 0.97,
            words: words.map((word) => ({
              word: bare(word.text).toLowerCase(),
              start: seconds(word.start),
              end: seconds(word.end),
              confidence: word.confidence,
              punctuated_word: word.text,
            })),
          },
        ],
      };
    });
    return json({
      metadata: {
        request_id: pseudoUuid(call.id),
        created: new Date(call.startedAt).toISOString(),
        duration: seconds(call.duration),
        channels: 2,
        models: ['nova-2-phonecall'],
      },
      results: { channels },
    });
  },
};
