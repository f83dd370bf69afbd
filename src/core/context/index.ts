/**
 * The context probe: what was said around a position, across speakers and turns.
 * Everything per call is precomputed once (turn lookup tables, the payment timeline); each
 * question then costs a binary search and a short slice.
 */
import type { StreamView, TurnSpan } from '../normalise/view.js';
import type { Conversation } from '../streams.js';
import type { Transcript } from '../transcript.js';
import { BREAK_OFF_CUES, REPEAT_REQUEST_CUES, RETRY_CUES } from '../lexicon/entity-cues.js';
import { isBackchannel } from '../normalise/breaks.js';
import { countWords } from '../whitespace.js';
import { compileCues } from './cue-matcher.js';
import { buildPaymentTimeline } from './payment.js';
import type { CueHit, CueMatcher } from './cue-matcher.js';
import type { ContextProbe } from './probe.js';
import { questionBefore, wordsAfter, wordsBefore } from './windows.js';

export type { ContextProbe } from './probe.js';
export { compileCues } from './cue-matcher.js';
export type { CueHit, CueMatcher } from './cue-matcher.js';

/** How far after a position (ms), within its turn, a payment cue still opens payment context for it. */
const SAME_TURN_CUE_MS = 10_000;
/** How far back (ms) the other party's words still count as the question being answered. */
export const PROMPT_WINDOW_MS = 30_000;
/** A prompt this short (in words) is a back-channel ("mm hmm", "go ahead"): look one exchange further back. */
const BACKCHANNEL_MAX_WORDS = 3;
/** A prompt this short (in words) asking to hear it again ("sorry, can you repeat that?") looks one exchange further back too. */
const REPEAT_REQUEST_MAX_WORDS = 10;
/**
 * A reply this long (in words) that gives no number leaves a request for one open when the speaker
 * only said a few words since (past REPEAT_REQUEST_MAX_WORDS): the other party may explain why it is
 * needed ("why?" "it's only for the year-end tax form, we never need the full one").
 */
const OPEN_REPLY_MAX_WORDS = 24;
const repeatRequests = compileCues(REPEAT_REQUEST_CUES);
const HAS_DIGIT = /\d/;
/**
 * A short prompt that starts so asks a question of its own ("and the children?", "your pin?"),
 * where a back-channel ("sure", "take your time") or a read-back ("december 7?") does not.
 */
const REQUEST_OPENER =
  /^(?:and|what|what's|whats|which|who|whose|how|your|can|could|may|now|then|also|plus)\b/;
/** A prompt this short (in words) is an answer a speaker may read back: their own question still counts. */
const ANSWER_MAX_WORDS = 12;
/**
 * How far back (in words) the question may be in a view that holds every speaker (a mono file):
 * no other party's turn holds it, it sits a sentence or two before the answer ("and your security
 * pin | oh is it my bank one | no | it's 2580").
 */
const MONO_PROMPT_WORDS = 30;
/** The lead-in's default length (words): in a mono file the prompt is what lies before it. */
const LEAD_IN_WORDS = 8;
const retryCues = compileCues(RETRY_CUES);
/**
 * An answer going on to the next item of the request ("… 0931 and the code is …"): the number just
 * given answered one item of a request for several, which stays open for the others. Not the asker
 * moving on ("… and the group number, it's usually under it?"): that opens a request of its own.
 */
const NEXT_ITEM = /^and (?:the|my|its|his|her|their|our) (?:[a-z\d'-]+ ){1,3}(?:is|was|are)\b/;
/**
 * A number the speaker breaks off or takes back straight away ("416, hold on, I've lost my place",
 * "C 01 X 004 F 7, no sorry, that's my old one": the identifier's last single letters and digits
 * skipped): no answer, so the question before it still stands.
 */
const breakOffCues = compileCues(BREAK_OFF_CUES);
const takenBack = (said: string): boolean =>
  breakOffCues.leading(said.replace(/^(?:[a-z\d] )+/, '')) !== undefined;

/** The words of a view text (lower-case already), punctuation dropped ("yeah, ok." → yeah, ok). */
function viewWords(text: string): string[] {
  return text.split(/[^a-z\d']+/).filter((word) => word !== '');
}

/**
 * A short reply with digits the speaker did not say answers their turn ("date of birth?" "3 4
 * 1990"): no back-channel, so a read-back of it is not about older words. A turn that only
 * acknowledged ("ready?" "yep" "it's 4 x 9") asked nothing: the older words did. (Read only for
 * a reply short enough to be a back-channel.)
 */
function answersTurn(reply: string, turn: string): boolean {
  return HAS_DIGIT.test(reply) && !HAS_DIGIT.test(turn) && !isBackchannel(viewWords(turn));
}

/** How many values of an ascending list are below value (a binary search). */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function createContextProbe(
  transcript: Transcript,
  conversation: Conversation,
  views: readonly StreamView[],
): ContextProbe {
  const spanOfTurn: TurnSpan[] = [];
  for (const view of views) for (const span of view.turns) spanOfTurn[span.turn.id] = span;
  const turnStarts = views.map((view) => view.turns.map((span) => span.charStart));
  const payment = buildPaymentTimeline(transcript, views);
  const prompts = new Map<number, string>();
  const openRequests = new Map<number, string>();
  const recalls = new Map<number, string>();
  const promptCues = new Map<CueMatcher, Map<number, CueHit | undefined>>();
  const recallCues = new Map<CueMatcher, Map<number, CueHit | undefined>>();

  const turnAt = (view: StreamView, charPos: number): TurnSpan => {
    const starts = turnStarts[view.stream.id]!;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! <= charPos) low = mid + 1;
      else high = mid;
    }
    return view.turns[Math.max(0, low - 1)]!;
  };

  // A turn's text is read for several prompts and recalls: lower-case it and count its words once.
  const turnTexts: (string | undefined)[] = [];
  const turnWordCounts: (number | undefined)[] = [];
  const turnText = (turnId: number): string => {
    let text = turnTexts[turnId];
    if (text === undefined) {
      const span = spanOfTurn[turnId]!;
      text = views[span.turn.stream]!.text.slice(span.charStart, span.charEnd).toLowerCase();
      turnTexts[turnId] = text;
    }
    return text;
  };
  const turnWords = (turnId: number): number => (turnWordCounts[turnId] ??= countWords(turnText(turnId)));

  /**
   * The other speakers' turns between this stream's previous turn and this one. When that is only
   * a back-channel or a read-back, not a question of its own, the exchange before it counts too:
   * "and the security code?" "hold on" "sure" "123"; so it does when it asks to hear the answer
   * again: "your pin?" "9914" "sorry, can you repeat that?" "9914". With `open`, so it does when
   * neither this stream's previous turn nor the short reply since held a number: a request for a
   * number is still open ("the last four of your social?" "do you need it?" "it helps us match
   * your file" "6 4 5 1").
   */
  const computePrompt = (turnId: number, open: boolean): string => {
    const turn = conversation.turns[turnId]!;
    const since = turn.start - PROMPT_WINDOW_MS;
    const pieces: string[] = [];
    let words = 0;
    let ownTurnsPassed = 0;
    for (let id = turnId - 1; id >= 0; id -= 1) {
      const earlier = conversation.turns[id]!;
      if (earlier.end < since) break;
      if (earlier.stream === turn.stream) {
        const reply = pieces.join('\n');
        const goOn =
          (words <= BACKCHANNEL_MAX_WORDS &&
            !answersTurn(reply, turnText(id)) &&
            !pieces.some((piece) => REQUEST_OPENER.test(piece))) ||
          (words <= REPEAT_REQUEST_MAX_WORDS && repeatRequests.test(reply)) ||
          (open &&
            words <= OPEN_REPLY_MAX_WORDS &&
            (words <= REPEAT_REQUEST_MAX_WORDS || turnWords(id) <= REPEAT_REQUEST_MAX_WORDS) &&
            !HAS_DIGIT.test(`${reply}\n${turnText(id)}`));
        if (!goOn || ownTurnsPassed === 1) break;
        ownTurnsPassed += 1;
        continue;
      }
      pieces.push(turnText(id));
      words += turnWords(id);
    }
    return pieces.reverse().join('\n');
  };

  const timeAt = (view: StreamView, charPos: number): number => {
    for (let i = Math.max(0, charPos); i < view.text.length; i += 1) {
      const word = view.wordFrom[i]!;
      if (word >= 0) return transcript.words[word]!.start;
    }
    return turnAt(view, charPos).turn.end;
  };

  /** This stream's previous turn, when only a short answer from the others lies between it and this turn. */
  const computeRecall = (turnId: number): string => {
    const turn = conversation.turns[turnId]!;
    let words = 0;
    for (let id = turnId - 1; id >= 0; id -= 1) {
      const earlier = conversation.turns[id]!;
      if (earlier.end < turn.start - PROMPT_WINDOW_MS) return '';
      if (earlier.stream === turn.stream) return words > 0 ? turnText(id) : '';
      words += turnWords(id);
      if (words > ANSWER_MAX_WORDS) return '';
    }
    return '';
  };

  const perTurn = (cache: Map<number, string>, compute: (turnId: number) => string) => {
    return (view: StreamView, charPos: number): string => {
      const turnId = turnAt(view, charPos).turn.id;
      let text = cache.get(turnId);
      if (text === undefined) {
        text = compute(turnId);
        cache.set(turnId, text);
      }
      return text;
    };
  };
  // A mono file's one view holds the question too: read it before each position, not per turn.
  const mono = views.length === 1;
  const slotOf = (view: StreamView, charPos: number): number =>
    mono ? charPos : turnAt(view, charPos).turn.id;
  const monoPrompt = (view: StreamView, charPos: number): string => {
    let text = prompts.get(charPos);
    if (text === undefined) {
      // The last words are the lead-in, read first on their own: a cue there ends the other
      // party's question ("your date of birth and the last four of your social | 9 august …")
      // as often as it names the value, so only a request before it counts as asked.
      const question = questionBefore(
        view.text,
        charPos,
        MONO_PROMPT_WORDS,
        (said) => retryCues.test(said) || NEXT_ITEM.test(said) || takenBack(said),
      );
      text = question.split(' ').slice(0, -LEAD_IN_WORDS).join(' ');
      prompts.set(charPos, text);
    }
    return text;
  };
  const prompt = mono ? monoPrompt : perTurn(prompts, (turnId) => computePrompt(turnId, false));
  const openRequest = mono ? monoPrompt : perTurn(openRequests, (turnId) => computePrompt(turnId, true));
  const recall = perTurn(recalls, computeRecall);

  /** The last cue hit in a per-turn text (per position in a mono file), cached per lexicon and turn. */
  const cueIn = (
    caches: Map<CueMatcher, Map<number, CueHit | undefined>>,
    text: (view: StreamView, charPos: number) => string,
  ) => {
    return (view: StreamView, charPos: number, cues: CueMatcher): CueHit | undefined => {
      const turnId = slotOf(view, charPos);
      let byTurn = caches.get(cues);
      if (!byTurn) {
        byTurn = new Map();
        caches.set(cues, byTurn);
      }
      if (!byTurn.has(turnId)) byTurn.set(turnId, cues.last(text(view, charPos)));
      return byTurn.get(turnId);
    };
  };

  // The turns of the views by start time, and the start of each (for the earlier turns' cues).
  const byStart = conversation.turns
    .filter((turn) => spanOfTurn[turn.id] !== undefined)
    .sort((a, b) => a.start - b.start);
  const startTimes = byStart.map((turn) => turn.start);
  /** Per lexicon, per turn of byStart: whether its text holds a cue (1 yes, 2 no, 0 not tested yet). */
  const turnSaid = new Map<CueMatcher, Int8Array>();
  /** Per lexicon: how many of byStart's first turns are known to hold none of its cues. */
  const clearTurns = new Map<CueMatcher, number>();
  /**
   * The start of the latest turn before turn start `before` holding a cue, not earlier than since.
   * A turn's text is tested once per lexicon, and only when a position within reach asks.
   */
  const latestCueTurn = (cues: CueMatcher, before: number, since: number): number | undefined => {
    let said = turnSaid.get(cues);
    if (!said) {
      said = new Int8Array(byStart.length);
      turnSaid.set(cues, said);
    }
    const clear = clearTurns.get(cues) ?? 0;
    const end = countBelow(startTimes, before);
    let k = end - 1;
    for (; k >= clear && startTimes[k]! >= since; k -= 1) {
      if (said[k] === 0) said[k] = cues.test(turnText(byStart[k]!.id)) ? 1 : 2;
      if (said[k] === 1) return startTimes[k];
    }
    // No turn before this one holds a cue: positions further on do not test them again.
    if (k < clear && end > clear) clearTurns.set(cues, end);
    return undefined;
  };
  /** Where each lexicon's cues start in each view's text, ascending (computed once per lexicon and view). */
  const cueStarts = new Map<CueMatcher, Map<StreamView, number[]>>();
  const hitsIn = (view: StreamView, cues: CueMatcher): number[] => {
    let byView = cueStarts.get(cues);
    if (!byView) {
      byView = new Map();
      cueStarts.set(cues, byView);
    }
    let hits = byView.get(view);
    if (!hits) {
      hits = cues.all(view.text).map((hit) => hit.index);
      byView.set(view, hits);
    }
    return hits;
  };
  const topicSince = (
    view: StreamView,
    charPos: number,
    cues: CueMatcher,
    withinMs: number,
  ): number | undefined => {
    const span = turnAt(view, charPos);
    const since = timeAt(view, charPos) - withinMs;
    // This turn first, up to the position: a mono file holds a whole call in one turn.
    const hits = hitsIn(view, cues);
    const before = countBelow(hits, charPos);
    if (before > 0 && hits[before - 1]! >= span.charStart) {
      const time = timeAt(view, hits[before - 1]!);
      return time >= since ? time : undefined;
    }
    return latestCueTurn(cues, span.turn.start, since);
  };

  return {
    topicSince,
    topicRaised: (view, charPos, cues, withinMs) => topicSince(view, charPos, cues, withinMs) !== undefined,
    leadIn: (view, charPos, maxWords = LEAD_IN_WORDS) => wordsBefore(view.text, charPos, maxWords),
    trail: (view, charPos, maxWords = 4) => wordsAfter(view.text, charPos, maxWords),
    turnAt,
    prompt,
    promptCue: cueIn(promptCues, prompt),
    openRequest,
    recall,
    recallCue: cueIn(recallCues, recall),
    timeAt,
    inPaymentContext: (view, charPos) => {
      const at = timeAt(view, charPos);
      // A cue later in the same breath counts too ("4111 … that's my visa"), not one minutes later in a long turn.
      return payment.openAt(at, Math.min(turnAt(view, charPos).turn.end, at + SAME_TURN_CUE_MS));
    },
  };
}
