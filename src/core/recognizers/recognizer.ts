/**
 * The recognizer contract. A recognizer looks at one speaker stream's normalised view, with the
 * conversation around it for context, and reports findings. It never sees the policy's
 * include/exclude lists: the engine applies those.
 */
import type { ContextProbe } from '../context/probe.js';
import type { Finding } from '../detection.js';
import type { EntityType } from '../entities.js';
import type { StreamView } from '../normalise/view.js';
import type { Conversation } from '../streams.js';
import type { Transcript } from '../transcript.js';

export interface RecognizerInput {
  transcript: Transcript;
  conversation: Conversation;
  /** Every stream's view, indexed by stream id. */
  views: StreamView[];
  /** The view to search. */
  view: StreamView;
  context: ContextProbe;
  /** Two-letter region for numbers without a country code, e.g. `US`. */
  defaultCountry: string;
}

export interface Recognizer {
  readonly name: string;
  /** Every type this recognizer may report. */
  readonly types: readonly EntityType[];
  recognize(input: RecognizerInput): Finding[];
}
