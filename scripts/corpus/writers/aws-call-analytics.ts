/**
 * AWS Transcribe Call Analytics output: `Transcript[]` turns with `ParticipantRole`, millisecond
 * offsets, and `Items[]` (punctuation items carry the offsets of the word they follow).
 */
import type { Writer } from './common.js';
import { bare, json, text, trailingPunctuation } from './common.js';

export const awsCallAnalyticsWriter: Writer = {
  id: 'aws-call-analytics',
  suffix: '.aws-call-analytics.json',
  channels: false,
  write(call) {
    const transcript = call.lines.map((line, index) => {
      const words = line.words.map((i) => call.words[i]!);
      return {
        LoudnessScores: [],
        Content: text(call, line.words),
        Id: `${call.id}-turn-${index}`,
        BeginOffsetMillis: words[0]!.start,
        EndOffsetMillis: words[words.length - 1]!.end,
        Sentiment: 'NEUTRAL',
        ParticipantRole: line.speaker === 'agent' ? 'AGENT' : 'CUSTOMER',
        Items: words.flatMap((word) => {
          const items: Record<string, unknown>[] = [
            {
              Confidence: word.confidence,
              Content: bare(word.text),
              BeginOffsetMillis: word.start,
              EndOffsetMillis: word.end,
              Type: 'pronunciation',
            },
          ];
          const punctuation = trailingPunctuation(word.text);
          if (punctuation) {
            items.push({
              Confidence: 0,
              Content: punctuation[0],
              BeginOffsetMillis: word.end,
              EndOffsetMillis: word.end,
              Type: 'punctuation',
            });
          }
          return items;
        }),
      };
    });
    return json({
      JobStatus: 'COMPLETED',
      LanguageCode: 'en-US',
      AccountId: '111122223333',
      Channel: 'VOICE',
      JobName: `hush-corpus-${call.id}`,
      Participants: [{ ParticipantRole: 'AGENT' }, { ParticipantRole: 'CUSTOMER' }],
      ContentMetadata: { Output: 'Raw' },
      Transcript: transcript,
      ConversationCharacteristics: { TotalConversationDurationMillis: call.duration },
    });
  },
};
