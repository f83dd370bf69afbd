/**
 * Genesys Cloud Speech & Text Analytics transcript JSON: phrases per participant purpose
 * (internal = agent, external = customer) with word times in epoch ms.
 */
import type { Writer } from './common.js';
import { bare, cues, json, pseudoUuid, text } from './common.js';

export const genesysWriter: Writer = {
  id: 'genesys',
  suffix: '.genesys.json',
  channels: false,
  write(call) {
    const phrases = cues(call).map((cue) => {
      const words = cue.words.map((index) => call.words[index]!);
      return {
        text: words.map((word) => bare(word.text).toLowerCase()).join(' '),
        decoratedText: text(call, cue.words),
        stability: 100,
        startTimeMs: call.startedAt + cue.start,
        duration: { milliseconds: cue.end - cue.start },
        participantPurpose: cue.speaker === 'agent' ? 'internal' : 'external',
        words: words.map((word) => ({
          word: bare(word.text).toLowerCase(),
          confidence: word.confidence,
          startTimeMs: call.startedAt + word.start,
          duration: { milliseconds: word.end - word.start },
        })),
      };
    });
    return json({
      organizationId: pseudoUuid('org'),
      conversationId: pseudoUuid(`${call.id}:conversation`),
      communicationId: pseudoUuid(`${call.id}:communication`),
      recordingId: pseudoUuid(`${call.id}:recording`),
      dataVersion: 1,
      startTime: call.startedAt,
      duration: { milliseconds: call.duration },
      participants: [
        { participantPurpose: 'internal', userId: pseudoUuid(`${call.id}:agent`) },
        { participantPurpose: 'external' },
      ],
      transcripts: [
        {
          transcriptId: pseudoUuid(`${call.id}:transcript`),
          language: 'en-US',
          engineProvider: 'GENESYS',
          phrases,
        },
      ],
    });
  },
};
