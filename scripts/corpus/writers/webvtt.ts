/** WebVTT captions with `<v Agent>` / `<v Customer>` voice tags. */
import type { Writer } from './common.js';
import { clock, cues, text } from './common.js';

export const webvttWriter: Writer = {
  id: 'webvtt',
  suffix: '.vtt',
  channels: false,
  write(call) {
    const body = cues(call).map(
      (cue, index) =>
        `${index + 1}\n${clock(cue.start, '.')} --> ${clock(cue.end, '.')}\n<v ${cue.speaker === 'agent' ? 'Agent' : 'Customer'}>${text(call, cue.words)}`,
    );
    return `WEBVTT\n\n${body.join('\n\n')}\n`;
  },
};
