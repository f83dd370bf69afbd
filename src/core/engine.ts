/**
 * Detection, end to end: streams → normalised views → context → recognizers → overlap resolution
 * → PCI-strict → answers to requests → propagation → policy → entities in words and times. Orchestration only; each
 * step lives in its own module.
 */
import { createContextProbe } from './context/index.js';
import type { Detection, Finding } from './detection.js';
import { answersToRequests } from './engine/answers.js';
import { falseStarts } from './engine/false-starts.js';
import { resolveOverlaps } from './engine/overlaps.js';
import { toEntities } from './engine/entities.js';
import { partialRepeats } from './engine/partial-repeats.js';
import { paymentDigits } from './engine/pci-strict.js';
import { policyFilter } from './engine/policy-filter.js';
import { propagate } from './engine/propagation.js';
import type { Category, EntityType } from './entities.js';
import { ENTITY_CATEGORIES, isBuiltInEntityType } from './entities.js';
import { normaliseConversation } from './normalise/index.js';
import type { Policy } from './policy.js';
import { DEFAULT_POLICY } from './policy-values.js';
import { customRecognizers } from './recognizers/custom.js';
import { RECOGNIZERS } from './recognizers/index.js';
import { divideConversation } from './streams.js';
import type { Transcript } from './transcript.js';

export function detect(transcript: Transcript, policy: Policy = DEFAULT_POLICY): Detection {
  const conversation = divideConversation(transcript);
  const views = normaliseConversation(transcript, conversation);
  const context = createContextProbe(transcript, conversation, views);
  const recognizers = [...RECOGNIZERS, ...customRecognizers(policy.custom)];
  const wanted = policyFilter(policy);

  const inputs = views.map((view) => ({
    transcript,
    conversation,
    views,
    view,
    context,
    defaultCountry: policy.defaultCountry,
  }));
  const found: Finding[] = [];
  for (const input of inputs) {
    for (const recognizer of recognizers) {
      for (const finding of recognizer.recognize(input)) if (wanted(finding)) found.push(finding);
    }
  }
  let findings = resolveOverlaps(found);
  if (policy.pciStrict) {
    findings = resolveOverlaps([...findings, ...paymentDigits(views, context, findings).filter(wanted)]);
  }
  // Fail closed: what was given in answer to a request for a number, where no recognizer took it.
  const answers = inputs.flatMap((input) => answersToRequests(input, findings));
  findings = resolveOverlaps([...findings, ...answers.filter(wanted)]);
  // Whole repeats, pieces of the values found so far and their false starts, resolved together.
  const repeats = [
    ...propagate(views, findings),
    ...partialRepeats(views, context, findings),
    ...falseStarts(context, findings),
  ];
  findings = resolveOverlaps([...findings, ...repeats.filter(wanted)]);

  const customCategories = new Map(policy.custom.map((entity) => [entity.name, entity.category]));
  const categoryOf = (type: EntityType): Category =>
    isBuiltInEntityType(type) ? ENTITY_CATEGORIES[type] : (customCategories.get(type) ?? 'PII');
  return { conversation, views, entities: toEntities(transcript, conversation, findings, categoryOf) };
}
