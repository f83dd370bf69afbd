/**
 * WhisperX output: diarised segments with aligned words. Like the real aligner, words holding
 * digits or symbols it has no phonemes for get no `start`, `end` or `score`.
 */
import type { Writer } from './common.js';
import { cues, json, seconds, text } from './common.js';
import type { Speaker } from '../script.js';
import type { TimedWord } from '../timeline.js';

const SPEAKER: Record<Speaker, string> = { agent: 'SPEAKER_00', customer: 'SPEAKER_01' };

function alignedWord(word: TimedWord): Record<string, unknown> {
  if (/[0-9$£@%]/.test(word.text)) return { word: word.text, speaker: SPEAKER[word.speaker] };
  return {
    word: word.text,
    start: seconds(word.start),
    end: seconds(word.end),
    score: word.confidence,
    speaker: SPEAKER[word.speaker],
  };
}

export const whisperxWriter: Writer = {
  id: 'whisperx',
  suffix: '.whisperx.json',
  channels: false,
  write(call) {
    const segments = cues(call).map((cue) => ({
      start: seconds(cue.start),
      end: seconds(cue.end),
      text: ` ${text(call, cue.words)}`,
      speaker: SPEAKER[cue.speaker],
      words: cue.words.map((index) => alignedWord(call.words[index]!)),
    }));
    return json({ segments, word_segments: segments.flatMap((segment) => segment.words), language: 'en' });
  },
};
