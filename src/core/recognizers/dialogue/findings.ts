/** Turning token ranges into findings, scoring them by how the value was asked for, and de-duplicating. */
import type { Finding } from '../../detection.js';
import type { EntityType } from '../../entities.js';
import type { Topic } from '../../lexicon/topic-cues.js';
import { AGENT_PHRASES } from '../../lexicon/topic-cues.js';
import type { ValueSite } from './answers.js';
import { valueSites } from './answers.js';
import type { Dialogue } from './dialogue.js';
import { containsAny, phraseList } from './phrases.js';

/** Score of a value the other party only mentioned ("I forgot my password"): below the default minScore. */
const MENTIONED_SCORE = 0.45;
const YES_NO_PENALTY = 0.1;
const INHERITED_PENALTY = 0.05;

export interface SiteScores {
  /** A value answering a request for it. */
  asked: number;
  /** A value the speaker introduced themselves ("my password is"). */
  stated: number;
}

/** The score a value found at the site earns, before any type-specific adjustment. */
export function siteScore(site: ValueSite, scores: SiteScores): number {
  if (site.source === 'stated') return scores.stated;
  if (site.form === 'mention') return MENTIONED_SCORE;
  return (
    scores.asked - (site.form === 'yes-no' ? YES_NO_PENALTY : 0) - (site.inherited ? INHERITED_PENALTY : 0)
  );
}

/** Reasons for a site: `asked` or `stated`, the cue, and how the question was put. */
export function siteReasons(site: ValueSite): string[] {
  const reasons = [site.source, `cue:${site.cue}`];
  if (site.source === 'asked' && site.form !== 'request') reasons.push(`question:${site.form}`);
  if (site.inherited) reasons.push('asked-again');
  return reasons;
}

/** A finding over tokens [from, to) of the dialogue's view. */
export function tokenFinding(
  dialogue: Dialogue,
  recognizer: string,
  type: EntityType,
  from: number,
  to: number,
  score: number,
  reasons: string[],
): Finding {
  const charStart = dialogue.tokens[from]!.start;
  const charEnd = dialogue.tokens[to - 1]!.end;
  return {
    recognizer,
    type,
    view: dialogue.view,
    charStart,
    charEnd,
    score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100,
    value: dialogue.view.text.slice(charStart, charEnd).replace(/\s+/g, ' '),
    reasons,
  };
}

/** Overlapping findings of one recognizer reduced to the best: highest score, then the longest. */
export function keepBest(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      b.score - a.score || b.charEnd - b.charStart - (a.charEnd - a.charStart) || a.charStart - b.charStart,
  );
  const kept: Finding[] = [];
  for (const finding of ranked) {
    const overlaps = kept.some(
      (other) => finding.charStart < other.charEnd && other.charStart < finding.charEnd,
    );
    if (!overlaps) kept.push(finding);
  }
  return kept.sort((a, b) => a.charStart - b.charStart);
}

const AGENT_TALK = phraseList(AGENT_PHRASES);

/** How many words open a call: said by the agent who answers it, in a stream of unknown role. */
const OPENING_WORDS = 12;

/** How near (in words, same turn) a phrase only agents say must be to mark the speaker as the agent. */
const AGENT_TALK_REACH = 12;

/**
 * True when the words around token `at` are the agent's: the stream's role says so, or (for a
 * stream of unknown role) they open the call or a phrase only agents say is close by in the same turn.
 */
export function agentSpeaks(dialogue: Dialogue, at: number): boolean {
  const role = dialogue.view.stream.role;
  if (role !== 'unknown') return role === 'agent';
  const turn = dialogue.tokens[at]!.turn;
  // The call's first words are the agent answering it ("Northgate Pensions, Alistair speaking").
  if (dialogue.view.turns[turn]!.turn.id === 0 && at - dialogue.turnFirst[turn]! < OPENING_WORDS) return true;
  const from = Math.max(dialogue.turnFirst[turn]!, at - AGENT_TALK_REACH);
  const to = Math.min(dialogue.turnEnd[turn]!, at + AGENT_TALK_REACH);
  return containsAny(dialogue.words.slice(from, to), AGENT_TALK);
}

/** What a recognizer makes of a value site: the value's token range and how to score it. */
export interface SiteValue {
  from: number;
  to: number;
  /** Added to the site's score (negative for weaker evidence). */
  adjust?: number;
  /** Replaces the site's score (e.g. an agent introducing themselves). */
  score?: number;
  reasons?: string[];
}

/** Findings for every value the extractor finds at the topic's sites. */
export function siteFindings(
  dialogue: Dialogue,
  topic: Topic,
  recognizer: string,
  type: EntityType,
  scores: SiteScores,
  extract: (site: ValueSite) => SiteValue[],
): Finding[] {
  return valueSites(dialogue, topic).flatMap((site) =>
    extract(site)
      .filter((value) => value.to > value.from)
      .map((value) =>
        tokenFinding(
          dialogue,
          recognizer,
          type,
          value.from,
          value.to,
          value.score ?? siteScore(site, scores) + (value.adjust ?? 0),
          [...siteReasons(site), ...(value.reasons ?? [])],
        ),
      ),
  );
}
