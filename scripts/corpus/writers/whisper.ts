/**
 * OpenAI Whisper `verbose_json` with word timestamps: one mono stream (both speakers mixed, as in a
 * mono recording), `segments` and `words` in seconds, words without punctuation.
 */
import type { Writer } from './common.js';
import { bare, cues, json, seconds, text } from './common.js';

export const whisperWriter: Writer = {
  id: 'whisper',
  suffix: '.whisper.json',
  channels: false,
  write(call) {
    const segments = cues(call, true).map((cue, id) => ({
      id,
      seek: Math.floor(cue.start / 30000) * 3000,
      start: seconds(cue.start),
      end: seconds(cue.end),
      text: ` ${text(call, cue.words)}`,
      tokens: [],
      temperature: 0,
      avg_logprob: -0.21,
      compression_ratio: 1.4,
      no_speech_prob: 0.01,
    }));
    return json({
      task: 'transcribe',
      language: 'english',
      duration: seconds(call.duration),
      text: call.words.map((word) => word.text).join(' '),
      segments,
      words: call.words.map((word) => ({
        word: bare(word.text),
        start: seconds(word.start),
        end: seconds(word.end),
      })),
    });
  },
};
