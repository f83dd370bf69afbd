/** SRT subtitles with `AGENT:` / `CUSTOMER:` prefixes naming the speaker. */
import type { Writer } from './common.js';
import { clock, cues, text } from './common.js';

export const srtWriter: Writer = {
  id: 'srt',
  suffix: '.srt',
  channels: false,
  write(call) {
    const body = cues(call).map(
      (cue, index) =>
        `${index + 1}\n${clock(cue.start, ',')} --> ${clock(cue.end, ',')}\n${cue.speaker.toUpperCase()}: ${text(call, cue.words)}`,
    );
    return `${body.join('\n\n')}\n`;
  },
};
