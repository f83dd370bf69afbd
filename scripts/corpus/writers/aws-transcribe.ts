/**
 * AWS Transcribe batch output with channel identification: `results.items` (string seconds,
 * punctuation as separate untimed items) and the same items per channel in `channel_labels`.
 */
import type { Writer } from './common.js';
import { bare, CHANNEL, secondsText, trailingPunctuation, json } from './common.js';
import type { TimedWord } from '../timeline.js';

interface Item {
  id: number;
  type: 'pronunciation' | 'punctuation';
  alternatives: { confidence: string; content: string }[];
  start_time?: string;
  end_time?: string;
  channel_label: string;
}

function itemsFor(words: readonly TimedWord[], nextId: () => number): Item[] {
  return words.flatMap((word) => {
    const label = `ch_${CHANNEL[word.speaker]}`;
    const out: Item[] = [
      {
        id: nextId(),
        type: 'pronunciation',
        alternatives: [{ confidence: word.confidence.toFixed(4), content: bare(word.text) }],
        start_time: secondsText(word.start),
        end_time: secondsText(word.end),
        channel_label: label,
      },
    ];
    const punctuation = trailingPunctuation(word.text);
    if (punctuation) {
      out.push({
        id: nextId(),
        type: 'punctuation',
        alternatives: [{ confidence: '0.0', content: punctuation[0]! }],
        channel_label: label,
      });
    }
    return out;
  });
}

export const awsTranscribeWriter: Writer = {
  id: 'aws-transcribe',
  suffix: '.aws-transcribe.json',
  channels: true,
  write(call) {
    let id = 0;
    const items = itemsFor(call.words, () => id++);
    const channels = (['agent', 'customer'] as const).map((speaker) => ({
      channel_label: `ch_${CHANNEL[speaker]}`,
      items: items.filter((item) => item.channel_label === `ch_${CHANNEL[speaker]}`),
    }));
    const transcript = items
      .map((item) =>
        item.type === 'punctuation' ? item.alternatives[0]!.content : ` ${item.alternatives[0]!.content}`,
      )
      .join('')
      .trim();
    return json({
      jobName: `hush-corpus-${call.id}`,
      accountId: '111122223333',
      status: 'COMPLETED',
      results: {
        transcripts: [{ transcript }],
        channel_labels: { channels, number_of_channels: 2 },
        items,
      },
    });
  },
};
