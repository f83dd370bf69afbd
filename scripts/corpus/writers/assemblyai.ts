/**
 * AssemblyAI transcript with `multichannel: true`: words in ms with `channel` and `speaker` as
 * 1-based strings, `utterances` per turn, `audio_channels`.
 */
import type { Writer } from './common.js';
import { CHANNEL, json, pseudoUuid, text } from './common.js';
import type { Speaker } from '../script.js';

function channelName(speaker: Speaker): string {
  return String(CHANNEL[speaker] + 1);
}

export const assemblyaiWriter: Writer = {
  id: 'assemblyai',
  suffix: '.assemblyai.json',
  channels: true,
  write(call) {
    const words = call.words.map((word) => ({
      text: word.text,
      start: word.start,
      end: word.end,
      confidence: word.confidence,
      speaker: channelName(word.speaker),
      channel: channelName(word.speaker),
    }));
    const utterances = call.lines.map((line) => ({
      channel: channelName(line.speaker),
      speaker: channelName(line.speaker),
      text: text(call, line.words),
      start: call.words[line.words[0]!]!.start,
      end: call.words[line.words[line.words.length - 1]!]!.end,
      confidence: 0.95,
      words: line.words.map((index) => words[index]!),
    }));
    return json({
      id: pseudoUuid(call.id),
      status: 'completed',
      language_code: 'en_us',
      audio_duration: Math.round(call.duration / 1000),
      multichannel: true,
      audio_channels: 2,
      text: call.words.map((word) => word.text).join(' '),
      words,
      utterances,
    });
  },
};
