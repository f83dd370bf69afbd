/**
 * The label files (`corpus/labels/<call>.json`): where each sensitive item and each look-alike was
 * said, in ms from the recording's start, on which channel. Read by the generator and by the eval.
 */
import type { FormatId } from '../../src/core/transcript.js';
import type { GoldType, NegativeKind, Speaker } from './script.js';
import type { TimedCall, TimedMark } from './timeline.js';

export interface LabelPart {
  start: number;
  end: number;
  /** Audio channel (0 agent, 1 customer) when the file keeps channels apart, else null. */
  channel: number | null;
}

interface LabelBase extends LabelPart {
  role: Speaker;
  /** The words as said (synthetic test data). */
  text: string;
}

export interface GoldLabel extends LabelBase {
  type: GoldType;
  /** How it was said: `tokens`, `oh`, `pairs`, `spelled-nato`, `…-split` when said over several turns. */
  form: string;
  /** One part per turn the item was said in (one part unless the item was split). */
  parts: LabelPart[];
}

export interface NegativeLabel extends LabelBase {
  kind: NegativeKind;
}

export interface CallLabels {
  call: string;
  /** The transcript file, relative to the corpus folder. */
  file: string;
  format: FormatId;
  family: string;
  locale: 'US' | 'UK';
  channels: number;
  durationMs: number;
  spans: GoldLabel[];
  negatives: NegativeLabel[];
}

function partOf(call: TimedCall, mark: TimedMark, channels: boolean): LabelPart {
  const first = call.words[mark.words[0]!]!;
  const last = call.words[mark.words[mark.words.length - 1]!]!;
  return {
    start: first.start,
    end: last.end,
    channel: channels ? (first.speaker === 'agent' ? 0 : 1) : null,
  };
}

function textOf(call: TimedCall, marks: readonly TimedMark[]): string {
  return marks.flatMap((mark) => mark.words.map((index) => call.words[index]!.text)).join(' ');
}

/** Labels for a laid-out call; `channels` says whether the file format keeps channels apart. */
export function labelsFor(call: TimedCall, channels: boolean): Pick<CallLabels, 'spans' | 'negatives'> {
  const groups = new Map<number, TimedMark[]>();
  const negatives: NegativeLabel[] = [];
  for (const timed of call.marks) {
    if (timed.mark.kind === 'gold') {
      const group = groups.get(timed.mark.group) ?? [];
      group.push(timed);
      groups.set(timed.mark.group, group);
    } else {
      negatives.push({
        kind: timed.mark.type,
        ...partOf(call, timed, channels),
        role: call.words[timed.words[0]!]!.speaker,
        text: textOf(call, [timed]),
      });
    }
  }
  const spans = [...groups.values()].map((marks): GoldLabel => {
    const mark = marks[0]!.mark as Extract<TimedMark['mark'], { kind: 'gold' }>;
    const parts = marks.map((timed) => partOf(call, timed, channels));
    return {
      type: mark.type,
      start: parts[0]!.start,
      end: parts[parts.length - 1]!.end,
      channel: parts[0]!.channel,
      role: call.words[marks[0]!.words[0]!]!.speaker,
      text: textOf(call, marks),
      form: mark.form,
      parts,
    };
  });
  spans.sort((a, b) => a.start - b.start);
  return { spans, negatives };
}
